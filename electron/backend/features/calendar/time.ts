/**
 * Wall-clock time in the organisation's time zone, independent of the computer's zone (process TZ).
 *
 * Vocabulary used across the calendar feature:
 * - instant: milliseconds since the epoch (a point in time);
 * - wall time: what a clock in the organisation's town shows, as "YYYY-MM-DDTHH:mm" (no offset);
 * - floating Date: a JS Date whose UTC fields hold a wall time (what the rrule library expects).
 */

export interface WallParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
export function wallParts(ms: number, tz: string): WallParts {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour! % 24, minute: p.minute!, second: p.second! };
}

const HOUR = 3_600_000;
const offsetCaches = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in minutes (Asia/Barnaul: 420). Cached per zone and hour. */
export function offsetMinutes(ms: number, tz: string): number {
  let cache = offsetCaches.get(tz);
  if (!cache) offsetCaches.set(tz, (cache = new Map()));
  const hour = Math.floor(ms / HOUR);
  const cached = cache.get(hour);
  if (cached !== undefined) return cached;
  const base = hour * HOUR;
  const w = wallParts(base, tz);
  const offset = Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - base) / 60_000);
  if (cache.size > 200_000) cache.clear();
  cache.set(hour, offset);
  return offset;
}

/** The instant a wall time in a zone stands for (in a DST gap: the later reading; in an overlap: the earlier). */
export function wallToInstant(wallUtcMs: number, tz: string): number {
  let guess = wallUtcMs - offsetMinutes(wallUtcMs, tz) * 60_000;
  const second = wallUtcMs - offsetMinutes(guess, tz) * 60_000;
  if (second !== guess) {
    const third = wallUtcMs - offsetMinutes(second, tz) * 60_000;
    guess = third === second ? second : Math.max(second, guess);
  }
  return guess;
}

/** Floating Date (UTC fields = wall time) of an instant in a zone. */
export const instantToWall = (ms: number, tz: string): number => ms + offsetMinutes(ms, tz) * 60_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const P2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

// Civil dates as day numbers (days since 1970-01-01), in integer arithmetic: hot paths of the month view
// (H. Hinnant's algorithms; proleptic Gregorian, like Date).
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
const dateText = (days: number) => {
  const [y, m, d] = civil(days);
  return `${y}-${P2[m]}-${P2[d]}`;
};
/** Day number of a "YYYY-MM-DD…" string (no validation: for strings this module produced or checked). */
const dayOf = (s: string) => dayNumber(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));

/** "+07:00" */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "YYYY-MM-DDTHH:mm" of a floating ms value. */
export function wallString(wallMs: number): string {
  const days = Math.floor(wallMs / 86_400_000);
  const rest = wallMs - days * 86_400_000;
  return `${dateText(days)}T${P2[Math.floor(rest / 3_600_000)]}:${P2[Math.floor((rest % 3_600_000) / 60_000)]}`;
}

/** An instant as ISO 8601 with the zone's offset: "2026-06-05T10:00:00+07:00". */
export function isoInZone(ms: number, tz: string): string {
  const off = offsetMinutes(ms, tz);
  const wall = ms + off * 60_000;
  return `${wallString(wall)}:${P2[Math.floor((wall % 60_000 + 60_000) % 60_000 / 1000)]}${formatOffset(off)}`;
}

/** The wall time ("YYYY-MM-DDTHH:mm") of an instant in a zone. */
export const localOf = (ms: number, tz: string): string => wallString(instantToWall(ms, tz));

/** The date ("YYYY-MM-DD") of an instant in a zone. */
export const dateOf = (ms: number, tz: string): string => localOf(ms, tz).slice(0, 10);

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A local wall time without offset: "2026-06-05T10:00", seconds optional. */
export const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
/** An instant with an offset or Z. */
export const OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Floating ms of a "YYYY-MM-DD" (midnight) or "YYYY-MM-DDTHH:mm[:ss]" string; NaN when not a real date. */
export function parseWall(s: string): number {
  const m = LOCAL_RE.exec(s) ?? (DATE_RE.test(s) ? (/^(\d{4})-(\d{2})-(\d{2})$/.exec(s) as RegExpExecArray) : null);
  if (!m) return NaN;
  const [y, mo, d, h = '0', mi = '0', sec = '0'] = m.slice(1);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  const back = new Date(ms);
  // Reject 2026-02-30 and 25:00 rather than rolling them over.
  if (back.getUTCDate() !== Number(d) || back.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59) return NaN;
  return ms;
}

/**
 * An instant from what the UI or an API caller sends: an ISO string with an offset
 * ("2026-06-05T10:00:00+07:00", "...Z") or a wall time in the organisation's zone ("2026-06-05T10:00").
 */
export function parseInstant(s: string, tz: string): number {
  if (OFFSET_RE.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) && Number.isFinite(parseWall(s.slice(0, 16))) ? ms : NaN;
  }
  if (LOCAL_RE.test(s)) {
    const wall = parseWall(s);
    return Number.isFinite(wall) ? wallToInstant(wall, tz) : NaN;
  }
  return NaN;
}

export const DAY = 86_400_000;

/** "YYYY-MM-DD" plus n days. */
export const addDays = (date: string, n: number): string => dateText(dayOf(date) + n);

/** Whole days from a to b ("YYYY-MM-DD"). */
export const daysBetween = (a: string, b: string) => dayOf(b) - dayOf(a);

/** ISO weekday, 1 = Monday … 7 = Sunday, of a "YYYY-MM-DD" (1 January 1970 was a Thursday). */
export const isoWeekday = (date: string): number => ((((dayOf(date) + 3) % 7) + 7) % 7) + 1;

/** Monday of the week a date falls in. */
export const weekStart = (date: string) => addDays(date, 1 - isoWeekday(date));
