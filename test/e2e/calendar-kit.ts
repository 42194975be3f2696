/** What the calendar's end-to-end tests share: the target week, the grid's cells, a real mouse drag. */
import type { Locator, Page } from '@playwright/test';
import type { Occurrence } from '../../electron/backend/features/calendar/schema';
import { addDays, localOf, weekStart } from '../../electron/backend/features/calendar/time';
import { callApi as call, expect } from './fixtures';

export const TZ = 'Asia/Barnaul';

/** A Monday in the middle of the month eight months from now (its whole week is in that month). */
export function targetWeek() {
  const today = localOf(Date.now(), TZ).slice(0, 10);
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) + 8;
  if (m > 12) (m -= 12), (y += 1);
  const ym = `${y}-${String(m).padStart(2, '0')}`;
  const monday = weekStart(addDays(`${ym}-08`, 6));
  return { ym, monday, day: (n: number) => addDays(monday, n) };
}

export const list = (page: Page, from: string, to: string, extra: object = {}) => call<Occurrence[]>(page, 'calendar.list', { from, to, ...extra });

export async function openCalendarAt(page: Page, date: string) {
  await page.getByRole('link', { name: 'Календарь' }).click();
  await expect(page.getByTestId('calendar-grid')).toHaveAttribute('data-painted', /\d+/);
  await page.getByLabel('Перейти к дате').fill(date);
  await expect(page.locator(`td.fc-daygrid-day[data-date="${date}"], td.fc-day[data-date="${date}"]`).first()).toBeVisible();
}

export const dayCell = (page: Page, date: string) => page.locator(`td.fc-daygrid-day[data-date="${date}"]`);
export const eventIn = (page: Page, date: string, title: string) => dayCell(page, date).locator('.fc-event', { hasText: title });
export const card = (page: Page) => page.getByTestId('event-card');

/** Drags with the mouse in small steps (FullCalendar's own pointer handling needs real moves). */
export async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
