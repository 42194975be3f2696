/**
 * Days as the organisation sees them. A deadline is a calendar day (YYYY-MM-DD) in the
 * organisation's time zone; an assignment is overdue once that day has passed there,
 * whatever the computer's own clock zone is.
 */
import type { AppStore } from '../../collections.js';
import type { Assignment, EffectiveStatus } from './schema.js';

export const DEFAULT_TZ = 'Europe/Moscow';

export function orgTimeZone(store: AppStore): string {
  return store.get('settings', 'settings')?.organisation.timeZone ?? DEFAULT_TZ;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: string | Date, tz: string): string {
  let f = dayFormats.get(tz);
  if (!f) dayFormats.set(tz, (f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(typeof at === 'string' ? new Date(at) : at);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Offset of `tz` from UTC at an instant, in minutes (Asia/Barnaul → 420). */
function offsetMinutes(at: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000) / 60_000;
}

/** Wall-clock time in a time zone → ISO instant with that zone's offset («2025-03-07T10:00:00+07:00»). */
export function zonedIso(day: string, time: string, tz: string): string {
  const naive = Date.parse(`${day}T${time}:00Z`);
  let offset = offsetMinutes(naive, tz);
  offset = offsetMinutes(naive - offset * 60_000, tz);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${day}T${time}:00${sign}${hh}:${mm}`;
}

/** поручено / в работе / исполнено, or просрочено once the deadline day has passed (in the org's zone) undone. */
export function effectiveStatus(a: Assignment, today: string): EffectiveStatus {
  if (a.status === 'done') return 'done';
  return a.deadline < today ? 'overdue' : a.status;
}

/** For a done assignment: was it done by the end of its deadline day in the org's zone? */
export function doneOnTime(a: Assignment, tz: string): boolean | null {
  if (a.status !== 'done' || !a.doneAt) return null;
  return localDay(a.doneAt, tz) <= a.deadline;
}

/** «2025-03-07» → «07.03.2025» */
export const ruDay = (day: string) => day.split('-').reverse().join('.');
