/** Calendar days as ISO strings (YYYY-MM-DD): no time zones involved once the day is known. */
import { formatDateLong, formatInt, formatMoney, plural } from '../../format.js';

const DAY_MS = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: string, n: number): string => new Date(ms(day) + n * DAY_MS).toISOString().slice(0, 10);
/** Whole days from `a` to `b` (negative when b is earlier). */
export const daysBetween = (a: string, b: string): number => Math.round((ms(b) - ms(a)) / DAY_MS);

/** «05.06.2026» */
export const dayShort = (day: string): string => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
/** «5 июня 2026 г.» */
export const dayLong = (day: string): string => formatDateLong(`${day}T12:00:00Z`, 'UTC');

export const daysWord = (n: number) => `${formatInt(n)} ${plural(n, ['день', 'дня', 'дней'])}`;
export const volumeText = (n: number, short: string) => `${formatInt(n)} ${short}`.trim();
export const money = formatMoney;

/** Floor of a / b in percent, exact for integers (0 when b is 0). */
export const percentOf = (a: number, b: number): number => (b > 0 ? Math.floor((a * 100) / b) : 0);

/** Plain code-unit order: right for ISO dates and date-times, and much faster than localeCompare. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
