/**
 * Календарь in the real UI (browser mode, the demo town in Asia/Barnaul, the browser in Europe/Moscow):
 * create timed and all-day events, the time zone, drag and resize, a refused drag snapping back, a weekly
 * series with one occurrence cancelled. Views, filters, coverage and exports: calendar-views.spec.ts.
 *
 * Test events go into a month eight months ahead, where the demo town has none.
 */
import type { EventDetails } from '../../electron/backend/features/calendar/schema';
import { localOf } from '../../electron/backend/features/calendar/time';
import { TZ, targetWeek, list, openCalendarAt, dayCell, eventIn, card, drag } from './calendar-kit';
import { callApi as call, expect, test } from './fixtures';

test.use({ demo: true });

test('create a timed and an all-day event from the grid; bad input is refused at its field', async ({ app: page }) => {
  const w = targetWeek();
  const wed = w.day(2);
  await openCalendarAt(page, wed);

  // Click an empty part of Wednesday: a new event on that date, 10:00–11:00.
  const cell = dayCell(page, wed);
  const box = (await cell.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
  await expect(card(page).getByRole('heading', { name: 'Новое мероприятие' })).toBeVisible();
  await expect(page.locator('#f-title')).toBeFocused();
  await expect(page.locator('#f-start')).toHaveValue(wed);
  await expect(page.locator('#f-start-time')).toHaveValue('10:00');
  await expect(page.locator('#f-end-time')).toHaveValue('11:00');

  // Bad: no title, the end before the start. Nothing is written.
  await page.locator('#f-end-time').fill('09:00');
  await card(page).getByRole('button', { name: 'Создать' }).click();
  await expect(card(page).locator('.field', { has: page.locator('#f-title') }).locator('.field-error')).toHaveText('обязательное поле');
  await expect(page.locator('#f-title')).toBeFocused();
  await page.locator('#f-title').fill('Пресс-конференция «Ремонт дорог»');
  await card(page).getByRole('button', { name: 'Создать' }).click();
  await expect(card(page).locator('.field', { has: page.locator('#f-end') }).locator('.field-error')).toHaveText('окончание раньше начала');
  expect(await list(page, wed, wed)).toHaveLength(0);

  // Good.
  await page.locator('#f-end-time').fill('12:00');
  await page.locator('#f-kindId').selectOption({ label: 'пресс-конференция' });
  await page.locator('#f-place').fill('Администрация города, зал заседаний');
  await page.locator('#f-responsibleId').selectOption({ label: 'Петров Андрей Сергеевич' });
  await page.locator('#f-projectId').selectOption({ label: 'Безопасные качественные дороги' });
  await card(page).getByRole('button', { name: 'дороги', exact: true }).click();
  await card(page).getByRole('button', { name: '+ Добавить участника' }).click();
  await page.locator('#f-officials-0-name').fill('Ткаченко Виктор Юрьевич');
  await page.locator('#f-officials-0-position').fill('глава города');
  await card(page).getByLabel('СМИ из справочника').selectOption({ label: 'Газета «Маяк труда»' });
  await card(page).getByRole('button', { name: 'Пригласить' }).click();
  await card(page).getByLabel('Аккредитация: Газета «Маяк труда»').selectOption({ label: 'аккредитовано' });
  await page.keyboard.press('Control+S');
  await expect(card(page).getByRole('heading', { name: 'Пресс-конференция «Ремонт дорог»' })).toBeVisible();
  await expect(page).toHaveURL(/#\/calendar\/[\w-]+$/);
  await expect(eventIn(page, wed, 'Ремонт дорог')).toContainText('10:00');

  const [timed] = await list(page, wed, wed);
  expect(timed).toMatchObject({
    title: 'Пресс-конференция «Ремонт дорог»',
    kindId: 'press-conference',
    allDay: false,
    localStart: `${wed}T10:00`,
    localEnd: `${wed}T12:00`,
    responsibleId: 'staff-spec',
    projectId: 'roads',
    tags: ['roads'],
    officials: [{ name: 'Ткаченко Виктор Юрьевич', position: 'глава города' }],
  });
  expect(timed!.start).toBe(`${wed}T10:00:00+07:00`);
  expect(timed!.media).toMatchObject([{ outletName: 'Газета «Маяк труда»', accreditation: 'accredited' }]);
  expect(timed!.coverage.map((c) => c.name)).toEqual(expect.arrayContaining(['анонс', 'пресс-релиз']));

  // Esc closes the card; Ctrl+N opens a new one, this time all day, Thursday to Friday.
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await expect(page.getByTestId('today-panel')).toBeVisible();
  await page.keyboard.press('Control+N');
  await expect(card(page).getByRole('heading', { name: 'Новое мероприятие' })).toBeVisible();
  await page.locator('#f-title').fill('Дни благоустройства');
  await page.locator('#f-kindId').selectOption({ label: 'выездной день' });
  await card(page).getByLabel('Весь день').check();
  await expect(page.locator('#f-start-time')).toHaveCount(0);
  await page.locator('#f-start').fill(w.day(3));
  await page.locator('#f-end').fill(w.day(4));
  await card(page).getByRole('button', { name: 'Создать' }).click();
  await expect(card(page).getByRole('heading', { name: 'Дни благоустройства' })).toBeVisible();
  await expect(card(page).getByTestId('event-when')).toContainText('–');
  // One bar across Thursday and Friday.
  const bar = page.locator('.fc-daygrid-block-event', { hasText: 'Дни благоустройства' });
  await expect(bar).toHaveCount(1);
  const thu = (await dayCell(page, w.day(3)).boundingBox())!;
  const fri = (await dayCell(page, w.day(4)).boundingBox())!;
  const barBox = (await bar.boundingBox())!;
  expect(barBox.x).toBeLessThan(thu.x + 10);
  expect(barBox.x + barBox.width).toBeGreaterThan(fri.x + fri.width - 10);

  const allDay = (await list(page, w.day(3), w.day(4))).find((o) => o.title === 'Дни благоустройства')!;
  expect(allDay).toMatchObject({ allDay: true, start: w.day(3), end: w.day(4), endExclusive: w.day(5), kindId: 'field-day' });

  // Both are there after a reload, and the card opens from the grid.
  await page.reload();
  await expect(card(page).getByRole('heading', { name: 'Дни благоустройства' })).toBeVisible();
  await eventIn(page, wed, 'Ремонт дорог').click();
  await expect(card(page).getByRole('heading', { name: 'Пресс-конференция «Ремонт дорог»' })).toBeVisible();
  await expect(page.locator('#f-place')).toHaveValue('Администрация города, зал заседаний');
});

test('an event at 10:00 Барнаул time shows 10:00 in a browser set to Moscow', async ({ app: page }) => {
  // The browser really is in Moscow: the same instant reads 06:00 there.
  const zone = await page.evaluate(() => [Intl.DateTimeFormat().resolvedOptions().timeZone, new Date('2027-03-10T10:00:00+07:00').getHours()]);
  expect(zone).toEqual(['Europe/Moscow', 6]);

  const w = targetWeek();
  const date = w.day(1);
  const created = await call<EventDetails>(page, 'calendar.create', { title: 'Брифинг о часовом поясе', kindId: 'briefing', start: `${date}T10:00`, end: `${date}T11:00` });
  expect(created.event.start).toBe(`${date}T10:00:00+07:00`);

  await openCalendarAt(page, date);
  await expect(eventIn(page, date, 'часовом поясе').locator('.fc-event-time')).toHaveText('10:00');

  // The week: the event sits in the 10:00 row, its label says 10:00 – 11:00.
  await page.getByRole('button', { name: 'Неделя', exact: true }).click();
  const ev = page.locator('.fc-timegrid-event', { hasText: 'часовом поясе' });
  await expect(ev.locator('.fc-event-time')).toHaveText('10:00–11:00');
  const slot = (await page.locator('td.fc-timegrid-slot-lane[data-time="10:00:00"]').boundingBox())!;
  const box = (await ev.boundingBox())!;
  expect(Math.abs(box.y - slot.y)).toBeLessThan(4);

  // The red «now» line of this week is at the organisation's clock too (Moscow's is four hours earlier).
  await page.getByRole('button', { name: 'Сегодня' }).click();
  const now = localOf(Date.now(), TZ);
  const slotTime = `${now.slice(11, 13)}:${Number(now.slice(14, 16)) < 30 ? '00' : '30'}:00`;
  const lane = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${slotTime}"]`).boundingBox())!;
  const line = (await page.locator('.fc-timegrid-now-indicator-line').boundingBox())!;
  expect(line.y).toBeGreaterThanOrEqual(lane.y - 2);
  expect(line.y).toBeLessThanOrEqual(lane.y + lane.height + 2);
  await page.getByLabel('Перейти к дате').fill(date);

  // The agenda list and the card say the same.
  await page.getByRole('button', { name: 'Список', exact: true }).click();
  await expect(page.locator('.fc-list-event', { hasText: 'часовом поясе' }).locator('.fc-list-event-time')).toHaveText('10:00–11:00');
  await page.locator('.fc-list-event', { hasText: 'часовом поясе' }).click();
  await expect(page.locator('#f-start-time')).toHaveValue('10:00');
  await expect(card(page).getByTestId('event-when')).toContainText('10:00–11:00');
});

test('drag to another day and resize; a drag the backend refuses snaps back and says why', async ({ app: page }) => {
  const w = targetWeek();
  const tue = w.day(1);
  const fri = w.day(4);
  await call(page, 'calendar.create', { title: 'Интервью главы', kindId: 'interview', start: `${tue}T15:00`, end: `${tue}T16:00`, responsibleId: 'staff-head' });
  await openCalendarAt(page, tue);

  // Month: Tuesday → Friday; the time and length stay.
  await drag(page, eventIn(page, tue, 'Интервью главы'), dayCell(page, fri));
  await expect(page.getByRole('status').filter({ hasText: '«Интервью главы»' })).toContainText(`15:00–16:00`);
  await expect(eventIn(page, fri, 'Интервью главы')).toBeVisible();
  await expect(eventIn(page, tue, 'Интервью главы')).toHaveCount(0);
  const [moved] = await list(page, fri, fri);
  expect(moved).toMatchObject({ title: 'Интервью главы', localStart: `${fri}T15:00`, localEnd: `${fri}T16:00` });
  expect(await list(page, tue, tue)).toHaveLength(0);

  // Week: stretch it to 17:00 by its bottom edge.
  await page.getByRole('button', { name: 'Неделя', exact: true }).click();
  const ev = page.locator('.fc-timegrid-event:not(.fc-event-mirror)', { hasText: 'Интервью главы' });
  // Away from the scroller's edges, where FullCalendar scrolls while dragging.
  await page.locator('td.fc-timegrid-slot-lane[data-time="12:00:00"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await ev.hover();
  const handle = ev.locator('.fc-event-resizer-end');
  const lane17 = page.locator('td.fc-timegrid-slot-lane[data-time="16:30:00"]');
  const hb = (await handle.boundingBox())!;
  const lb = (await lane17.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(hb.x + hb.width / 2, lb.y + lb.height - 3, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await list(page, fri, fri)).map((o) => `${o.localStart}/${o.localEnd}`)).toEqual([`${fri}T15:00/${fri}T17:00`]);
  await expect(page.locator('.fc-timegrid-event:not(.fc-event-mirror)', { hasText: 'Интервью главы' }).locator('.fc-event-time')).toHaveText('15:00–17:00');

  // Refused: the responsible person has since been removed from Настройки, so the event fails the same
  // check as the form («Ответственный: нет среди сотрудников»). The bar goes back and the reason is shown.
  await page.getByRole('button', { name: 'Месяц', exact: true }).click();
  const settings = await call<{ organisation: object; staff: { id: string }[] }>(page, 'settings.get', {});
  await call(page, 'calendar.create', { title: 'Встреча с ветеранами', kindId: 'residents', start: `${tue}T11:00`, end: `${tue}T12:00`, responsibleId: 'staff-spec' });
  await call(page, 'settings.save', { ...settings, staff: settings.staff.filter((s) => s.id !== 'staff-spec') });
  await page.getByRole('button', { name: 'Следующий месяц' }).click();
  await page.getByRole('button', { name: 'Предыдущий месяц' }).click();
  await expect(eventIn(page, tue, 'Встреча с ветеранами')).toBeVisible();
  await drag(page, eventIn(page, tue, 'Встреча с ветеранами'), dayCell(page, w.day(2)));
  const alert = page.getByRole('alert').filter({ hasText: 'Не перенесено' });
  await expect(alert).toContainText('Ответственный');
  await expect(alert).toContainText('нет среди сотрудников');
  await expect(eventIn(page, tue, 'Встреча с ветеранами')).toBeVisible();
  await expect(eventIn(page, w.day(2), 'Встреча с ветеранами')).toHaveCount(0);
  const [still] = (await list(page, tue, tue)).filter((o) => o.title === 'Встреча с ветеранами');
  expect(still!.localStart).toBe(`${tue}T11:00`);
});

test('a weekly series; one occurrence cancelled with a reason, the others stay', async ({ app: page }) => {
  const w = targetWeek();
  await openCalendarAt(page, w.monday);
  await page.keyboard.press('Control+N');
  await page.locator('#f-title').fill('Планёрка пресс-службы');
  await page.locator('#f-kindId').selectOption({ label: 'брифинг' });
  await page.locator('#f-start').fill(w.monday);
  await page.locator('#f-start-time').fill('09:00');
  await page.locator('#f-end-time').fill('09:30');
  await page.locator('#f-recurrence-freq').selectOption({ label: 'еженедельно' });
  await expect(card(page).getByRole('button', { name: 'понедельник' })).toHaveAttribute('aria-pressed', 'true');
  await card(page).getByRole('button', { name: 'четверг' }).click();
  await card(page).getByLabel('Повторять до').fill(w.day(13)); // two weeks: Mon, Thu, Mon, Thu
  await card(page).getByRole('button', { name: 'Создать' }).click();
  await expect(card(page).getByTestId('series-note')).toContainText('еженедельно по понедельникам, четвергам');

  let series = (await list(page, w.monday, w.day(20))).filter((o) => o.title === 'Планёрка пресс-службы');
  expect(series.map((o) => o.localStart)).toEqual([`${w.monday}T09:00`, `${w.day(3)}T09:00`, `${w.day(7)}T09:00`, `${w.day(10)}T09:00`]);
  for (const d of [w.monday, w.day(3), w.day(7), w.day(10)]) await expect(eventIn(page, d, 'Планёрка')).toHaveCount(1);

  // Cancel the second Thursday… first without a reason: refused at the field.
  await eventIn(page, w.day(10), 'Планёрка').click();
  await expect(card(page).getByTestId('event-when')).toContainText('09:00–09:30');
  await page.locator('#f-status').selectOption({ label: 'отменено' });
  await card(page).getByRole('button', { name: 'Сохранить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Сохранить изменения' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /^Только это/ }).click();
  await expect(card(page).locator('.field', { has: page.locator('#f-statusReason') }).locator('.field-error')).toHaveText('укажите причину отмены');
  await page.locator('#f-statusReason').fill('Глава в командировке');
  await page.keyboard.press('Control+S');
  await dialog.getByRole('button', { name: /^Только это/ }).click();
  await expect(card(page).locator('.card-header .cal-status')).toHaveText('отменено');
  await expect(card(page).locator('.cal-history')).toContainText('Глава в командировке');
  await expect(eventIn(page, w.day(10), 'Планёрка')).toHaveClass(/ev-cancelled/);

  series = (await list(page, w.monday, w.day(20))).filter((o) => o.title === 'Планёрка пресс-службы');
  expect(series.map((o) => [o.localStart.slice(0, 10), o.status, o.statusReason])).toEqual([
    [w.monday, 'planned', ''],
    [w.day(3), 'planned', ''],
    [w.day(7), 'planned', ''],
    [w.day(10), 'cancelled', 'Глава в командировке'],
  ]);
  for (const d of [w.monday, w.day(3), w.day(7)]) await expect(eventIn(page, d, 'Планёрка')).not.toHaveClass(/ev-cancelled/);

  // Dragging one occurrence asks how far; «Только это» moves just that one.
  await drag(page, eventIn(page, w.day(7), 'Планёрка'), dayCell(page, w.day(8)));
  const moveDialog = page.getByRole('dialog', { name: 'Перенести мероприятие' });
  await moveDialog.getByRole('button', { name: /^Только это/ }).click();
  await expect(eventIn(page, w.day(8), 'Планёрка')).toBeVisible();
  series = (await list(page, w.monday, w.day(20))).filter((o) => o.title === 'Планёрка пресс-службы');
  expect(series.map((o) => o.localStart.slice(0, 10))).toEqual([w.monday, w.day(3), w.day(8), w.day(10)]);
  expect(series.find((o) => o.localStart.startsWith(w.day(8)))!.moved).toBe(true);
});
