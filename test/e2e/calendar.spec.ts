/**
 * Календарь and Мероприятия in the real UI (browser mode, the demo town in Asia/Barnaul, the browser in
 * Europe/Moscow): create timed and all-day events, drag and resize, a refused drag snapping back, a weekly
 * series with one occurrence cancelled, coverage ticks, filters, the Word plan and the .ics, the time zone.
 *
 * Test events go into a month eight months ahead, where the demo town has none.
 */
import fs from 'node:fs';
import ICAL from 'ical.js';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import type { EventDetails, Occurrence } from '../../electron/backend/features/calendar/schema';
import { addDays, localOf, weekStart } from '../../electron/backend/features/calendar/time';
import { callApi as call, expect, test } from './fixtures';

test.use({ demo: true });

const TZ = 'Asia/Barnaul';

/** A Monday in the middle of the month eight months from now (its whole week is in that month). */
function targetWeek() {
  const today = localOf(Date.now(), TZ).slice(0, 10);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) + 8;
  if (m > 12) (m -= 12), (y += 1);
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  const monday = weekStart(addDays(`${ym}-08`, 6));
  return { ym, monday, day: (n: number) => addDays(monday, n) };
}

const list = (page: Page, from: string, to: string, extra: object = {}) => call<Occurrence[]>(page, 'calendar.list', { from, to, ...extra });

async function openCalendarAt(page: Page, date: string) {
  await page.getByRole('link', { name: 'Календарь' }).click();
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-painted', /\d+/);
  await page.getByLabel('Перейти к дате').fill(date);
  await expect(page.locator(`td.fc-daygrid-day[data-date="${date}"], td.fc-day[data-date="${date}"]`).first()).toBeVisible();
}

const dayCell = (page: Page, date: string) => page.locator(`td.fc-daygrid-day[data-date="${date}"]`);
const eventIn = (page: Page, date: string, title: string) => dayCell(page, date).locator('.fc-event', { hasText: title });
const card = (page: Page) => page.getByTestId('event-card');

/** Drags with the mouse in small steps (FullCalendar's own pointer handling needs real moves). */
async function drag(page: Page, from: import('@playwright/test').Locator, to: import('@playwright/test').Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

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

test('coverage tasks are ticked on the card and stay ticked', async ({ app: page }) => {
  const w = targetWeek();
  const date = w.day(2);
  await call(page, 'calendar.create', { title: 'Открытие сквера', kindId: 'opening', start: `${date}T12:00`, end: `${date}T13:00`, responsibleId: 'staff-head' });
  await openCalendarAt(page, date);
  await eventIn(page, date, 'Открытие сквера').click();
  const count = card(page).getByTestId('coverage-count');
  await expect(count).toHaveText('0 из 5');
  // The announcement is due two days before, with its assignee.
  const announce = card(page).getByTestId('coverage-row').filter({ has: page.getByLabel('Выполнено: анонс') });
  await expect(announce).toContainText(`срок`);
  await expect(announce.getByLabel('Исполнитель: анонс')).toHaveValue('staff-head');

  await card(page).getByLabel('Выполнено: анонс').check();
  await expect(count).toHaveText('1 из 5');
  await card(page).getByLabel('Выполнено: фото').check();
  await expect(count).toHaveText('2 из 5');
  await expect(card(page).getByText('Не сохранено')).toHaveCount(0); // ticks are saved at once
  await card(page).getByLabel('Выполнено: фото').uncheck();
  await expect(count).toHaveText('1 из 5');

  const [o] = await list(page, date, date);
  expect(o!.coverageDone).toBe(1);
  expect(o!.coverage.find((c) => c.name === 'анонс')).toMatchObject({ done: true, due: addDays(date, -2), assigneeName: 'Соколова\u00a0И.В.' });
  expect(o!.coverage.find((c) => c.name === 'анонс')!.doneAt).toBeTruthy();

  await page.reload();
  await expect(card(page).getByLabel('Выполнено: анонс')).toBeChecked();
  await expect(card(page).getByLabel('Выполнено: фото')).not.toBeChecked();

  // A new task with another assignee goes in with the form.
  await card(page).getByRole('button', { name: '+ Добавить задачу' }).click();
  await page.locator('#f-coverage-5-assigneeId').selectOption({ label: 'Петров Андрей Сергеевич' });
  await page.locator('#f-coverage-5-offsetDays').fill('3');
  await page.keyboard.press('Control+S');
  await expect(count).toHaveText('1 из 6');
  const [after] = await list(page, date, date);
  expect(after!.coverage.at(-1)).toMatchObject({ assigneeId: 'staff-spec', due: addDays(date, 3), done: false });
});

test('filters by kind (select and legend), status and staff', async ({ app: page }) => {
  const w = targetWeek();
  const date = w.day(1);
  await call(page, 'calendar.create', { title: 'Брифинг по паводку', kindId: 'briefing', start: `${date}T09:00`, end: `${date}T10:00`, responsibleId: 'staff-spec' });
  await call(page, 'calendar.create', { title: 'Сессия городского Собрания', kindId: 'session', start: `${date}T14:00`, end: `${date}T16:00`, responsibleId: 'staff-head' });
  await call(page, 'calendar.create', {
    title: 'Юбилей школы № 2',
    kindId: 'ceremony',
    start: `${date}T17:00`,
    end: `${date}T18:00`,
    status: 'postponed',
    statusReason: 'перенос по просьбе школы',
  });
  // Tall enough for three events in a day cell even in a six-week month (fewer rows fit «+ ещё N»).
  await page.setViewportSize({ width: 1366, height: 1200 });
  await openCalendarAt(page, date);
  const titles = dayCell(page, date).locator('.fc-event-title');
  await expect(titles).toHaveText(['Брифинг по паводку', 'Сессия городского Собрания', 'Юбилей школы № 2']);

  await page.getByRole('combobox', { name: 'Вид мероприятия' }).selectOption({ label: 'брифинг' });
  await expect(titles).toHaveText(['Брифинг по паводку']);
  await page.getByRole('combobox', { name: 'Вид мероприятия' }).selectOption({ label: 'Все виды' });
  await expect(titles).toHaveCount(3);

  // The legend is a filter too.
  const legend = page.getByRole('list', { name: 'Виды мероприятий: цвета' });
  await legend.getByRole('button', { name: 'заседание' }).click();
  await expect(titles).toHaveText(['Сессия городского Собрания']);
  await legend.getByRole('button', { name: 'заседание' }).click();
  await expect(titles).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Статус' }).selectOption({ label: 'перенесено' });
  await expect(titles).toHaveText(['Юбилей школы № 2']);
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await page.getByRole('combobox', { name: 'Сотрудник' }).selectOption({ label: 'Соколова Ирина Викторовна' });
  await expect(titles).toHaveText(['Сессия городского Собрания']);

  // The same filters on Мероприятия.
  await page.getByRole('link', { name: 'Мероприятия' }).click();
  await page.getByRole('button', { name: 'Прошедшие' }).click();
  await page.getByRole('searchbox', { name: 'Поиск мероприятий' }).fill('паводку');
  await expect(page.getByText('Ничего не найдено.')).toBeVisible(); // it is months ahead, not past
  await page.getByRole('button', { name: 'Предстоящие' }).click();
  await expect(page.locator('.events-table tbody tr')).toHaveCount(1);
  await page.locator('.events-table tbody tr').click();
  await expect(card(page).getByRole('heading', { name: 'Брифинг по паводку' })).toBeVisible();
  await expect(page).toHaveURL(/#\/events\/[\w-]+$/);
});

test('the week plan in Word and the calendar as .ics', async ({ app: page }) => {
  const w = targetWeek();
  const date = w.day(3);
  await call(page, 'calendar.create', {
    title: 'Пресс-конференция «Итоги отопительного сезона»',
    kindId: 'press-conference',
    start: `${date}T10:00`,
    end: `${date}T11:30`,
    place: 'Администрация города, ул. Сердюка, 97',
    responsibleId: 'staff-head',
    officials: [{ name: 'Морозов Алексей Петрович', position: 'заместитель главы администрации' }],
  });
  await openCalendarAt(page, date);
  await page.getByRole('button', { name: 'Неделя', exact: true }).click();
  await expect(page.getByTestId('calendar-title')).toContainText(String(Number(w.monday.slice(8, 10))));

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'План на неделю (Word)' }).click()]);
  expect(docx.suggestedFilename()).toMatch(/^План мероприятий .*\.docx$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await docx.path())!)));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toContain('План мероприятий на неделю');
  expect(xml).toContain('Итоги отопительного сезона');
  expect(xml).toContain('Морозов');
  expect(xml).toContain('10:00');

  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Календарь (.ics)' }).click()]);
  expect(ics.suggestedFilename()).toMatch(/\.ics$/);
  const text = fs.readFileSync((await ics.path())!, 'utf8');
  const root = new ICAL.Component(ICAL.parse(text));
  const vevent = root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('summary') === 'Пресс-конференция «Итоги отопительного сезона»');
  expect(vevent).toBeTruthy();
  const dtstart = vevent!.getFirstProperty('dtstart')!;
  expect(dtstart.getParameter('tzid')).toBe(TZ);
  const start = dtstart.getFirstValue() as ICAL.Time;
  expect([start.year, start.month, start.day, start.hour, start.minute]).toEqual([Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)), 10, 0]);
  expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toContain(TZ);
  expect(vevent!.getFirstPropertyValue('location')).toBe('Администрация города, ул. Сердюка, 97');
});

test('a busy day shows what fits and «+ ещё N»; the day\'s list opens each event', async ({ app: page }) => {
  const w = targetWeek();
  const date = w.day(2);
  for (let h = 8; h < 18; h++)
    await call(page, 'calendar.create', { title: `Приём граждан № ${h - 7}`, kindId: 'residents', start: `${date}T${String(h).padStart(2, '0')}:00`, end: `${date}T${String(h).padStart(2, '0')}:30` });
  await openCalendarAt(page, date);
  const more = dayCell(page, date).locator('.fc-event.ev-more');
  await expect(more).toHaveText(/^\+ ещё \d+$/);
  const shown = await dayCell(page, date).locator('.fc-event:not(.ev-more)').count();
  const hidden = Number((await more.textContent())!.replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(0);
  expect(shown + hidden).toBe(10);
  await more.click();
  const popover = page.getByTestId('day-popover');
  await expect(popover.locator('.cal-day-item')).toHaveCount(10);
  await expect(popover).toContainText('10 мероприятий');
  await popover.getByRole('button', { name: /Приём граждан № 10/ }).click();
  await expect(popover).toHaveCount(0);
  await expect(card(page).getByRole('heading', { name: 'Приём граждан № 10' })).toBeVisible();
  await expect(page.locator('#f-start-time')).toHaveValue('17:00');
});

test('keyboard: months with arrows and PageUp/PageDown, T for today, views by letter', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Календарь' }).click();
  const title = page.getByTestId('calendar-title');
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-painted', /\d+/);
  const now = await title.textContent();
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await expect(title).not.toHaveText(now!);
  const next = await title.textContent();
  await page.keyboard.press('PageDown');
  await expect(title).not.toHaveText(next!);
  await page.keyboard.press('PageUp');
  await expect(title).toHaveText(next!);
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText(now!);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('KeyT');
  await expect(title).toHaveText(now!);
  await page.keyboard.press('KeyW');
  await expect(page.getByRole('button', { name: 'Неделя', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('KeyM');
  await expect(page.getByRole('button', { name: 'Месяц', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // Today's cell is today in Барнаул.
  const today = localOf(Date.now(), TZ).slice(0, 10);
  await expect(page.locator('td.fc-day-today')).toHaveAttribute('data-date', today);
});
