/**
 * Dates on the calendar screens are wall time in the organisation's zone ("2026-06-05T10:00"), never the
 * computer's. FullCalendar runs with timeZone 'UTC' and is fed those wall strings: its Date objects then
 * carry the wall clock in their UTC fields, and `wallOf` reads it back. The helpers come from the backend's
 * Node-free calendar/time.ts, so both sides count days the same way.
 */
import { addDays, isoWeekday, localOf, parseWall, weekStart } from '../../../electron/backend/features/calendar/time';
import { pathOf } from '../../shell/router';

export { addDays, isoWeekday, localOf, weekStart };

/** The organisation's wall clock now: "2026-06-05T10:00". */
export const orgNow = (timeZone: string) => localOf(Date.now(), timeZone);
/** Today in the organisation's zone: "2026-06-05". */
export const orgToday = (timeZone: string) => orgNow(timeZone).slice(0, 10);

/** A FullCalendar (UTC-coerced) Date back to wall time: "2026-06-05T10:00", or the date when all-day. */
export const wallOf = (d: Date, allDay = false) => (allDay ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 16));

/** An instant with an offset ("2026-06-05T10:00:00+07:00") or a date as the organisation's wall time. */
export function wallOfStored(s: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? localOf(ms, timeZone) : s;
}

/** First and last day of the month a date falls in. */
export function monthOf(date: string): { from: string; to: string } {
  const from = `${date.slice(0, 7)}-01`;
  const next = Number(date.slice(5, 7)) === 12 ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 5)}${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** Monday to Sunday of the week a date falls in. */
export function weekOf(date: string): { from: string; to: string } {
  const from = weekStart(date);
  return { from, to: addDays(from, 6) };
}

/** Minutes between two wall times (for keeping an event's length when its start moves). */
export const minutesBetween = (a: string, b: string) => Math.round((parseWall(b) - parseWall(a)) / 60_000);

/** A wall time plus minutes. */
export function addMinutes(wall: string, minutes: number): string {
  const ms = parseWall(wall);
  if (!Number.isFinite(ms)) return wall;
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16);
}

export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(parseWall(s));
export const isTime = (s: string) => /^\d{2}:\d{2}$/.test(s);

/**
 * The address of an event's card: the occurrence uid holds a «/» ("<eventId>/<key>"), so it goes through
 * the router's pathOf, which encodes it as one segment. `at` (new events): "2026-06-05", "2026-06-05/allday".
 */
export function eventPath(section: 'calendar' | 'events', id: string, at?: string): string {
  return pathOf({ section, id, sub: at });
}
