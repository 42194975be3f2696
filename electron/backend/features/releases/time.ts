/** Date-times in the organisation's time zone (a setting), never the computer's. */
import type { Ctx } from '../../context.js';

export const orgTimeZone = (ctx: Pick<Ctx, 'store'>) => ctx.store.get('settings', 'settings')?.organisation.timeZone ?? 'Europe/Moscow';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsCache.set(tz, f);
  }
  return f;
}

function wallClock(ms: number, tz: string) {
  const p = Object.fromEntries(formatter(tz).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year!, mo: +p.month!, d: +p.day!, h: +p.hour! % 24, mi: +p.minute!, s: +p.second! };
}

/** Offset of `tz` from UTC at the instant `ms`, in minutes. */
function offsetMinutes(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant as ISO 8601 with the offset of `tz`: «2026-05-12T10:00:00+07:00». */
export function isoInZone(at: Date | string | number, tz: string): string {
  const ms = new Date(at).getTime();
  const w = wallClock(ms, tz);
  const off = offsetMinutes(ms, tz);
  const sign = off < 0 ? '-' : '+';
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * What a date-time field accepts: ISO with an offset (kept as the instant), or a wall-clock time
 * without one («2026-05-12T10:00», from an <input type="datetime-local">), read in the org's zone.
 */
export function toZonedIso(value: string, tz: string): string {
  const m = LOCAL.exec(value);
  if (!m) return isoInZone(value, tz);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let ms = guess - offsetMinutes(guess, tz) * 60_000;
  ms = guess - offsetMinutes(ms, tz) * 60_000;
  return isoInZone(ms, tz);
}

/** The date exists (no 31 February): JavaScript's Date would quietly roll it over. */
function realDate(y: number, m: number, d: number, h = 0, mi = 0): boolean {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // Date.UTC would read years 0–99 as 1900–1999
  t.setUTCHours(h, mi);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!);
}

/** «2026-05-12T10:00» (wall clock) or an ISO instant with its offset; the date and time must exist. */
export function isDateTimeInput(value: string): boolean {
  const m = LOCAL.exec(value) ?? OFFSET.exec(value);
  return !!m && realDate(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!);
}

/** The calendar day (YYYY-MM-DD) of an instant in `tz`. */
export function dayInZone(at: Date | string, tz: string): string {
  const w = wallClock(new Date(at).getTime(), tz);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
}
