/**
 * Календарь and Мероприятия in the real UI: coverage ticks, filters, the Word plan and the .ics, a busy
 * day's «+ ещё N», the keyboard. Test events go into a month eight months ahead (calendar-kit.ts).
 */
import fs from 'node:fs';
import ICAL from 'ical.js';
import { strFromU8, unzipSync } from 'fflate';
import { addDays, localOf } from '../../electron/backend/features/calendar/time';
import { TZ, targetWeek, list, openCalendarAt, dayCell, eventIn, card } from './calendar-kit';
import { callApi as call, expect, test } from './fixtures';

test.use({ demo: true });

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
