/** Russian wording helpers for the report's sentences: numbers, plurals, «(2022 г. — 8 295)». */
import { countOf, formatInt, formatMoney, plural } from '../../format.js';

export type Forms = readonly [one: string, few: string, many: string];

export const NO_DATA = 'нет данных';

/** «9 269» (no-break space between thousands, as Intl writes ru-RU). */
export const n = formatInt;

/** «9 269 информационных сообщений» */
export const nf = countOf;

/** The verb that agrees with a number: agree(1, 'поступил', 'поступило') → «поступил»; 21 → «поступил»; 5 → «поступило». */
export const agree = (x: number, one: string, other: string) => (plural(x, ['1', '2', '5']) === '1' ? one : other);

/** The same with three forms: agree3(2, 'проведена', 'проведены', 'проведено') → «проведены». */
export const agree3 = (x: number, one: string, few: string, many: string) => plural(x, [one, few, many]);

/** « (2022 г. — 8 295)», or nothing when the previous period has no data. */
export const was = (prev: number | null, label: string, money = false) => (prev === null ? '' : ` (${label}\u00a0— ${money ? formatMoney(prev) : formatInt(prev)})`);

const MINUS = '\u2212';
const percent = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** «+974 (+11,7 %)», «−12 (−3,0 %)», «без изменений»; null when a side has no data. */
export function change(value: number | null, previous: number | null, money = false): string | null {
  if (value === null || previous === null) return null;
  const d = value - previous;
  if (d === 0) return 'без изменений';
  const sign = d > 0 ? '+' : MINUS;
  const abs = money ? formatMoney(Math.abs(d)) : formatInt(Math.abs(d));
  if (previous <= 0) return `${sign}${abs}`;
  return `${sign}${abs} (${sign}${percent.format((Math.abs(d) * 100) / previous)}\u00a0%)`;
}

/** «+7 250», «−1 200», «0» */
export const signed = (d: number) => (d > 0 ? `+${formatInt(d)}` : d < 0 ? `${MINUS}${formatInt(-d)}` : '0');

/** «01.01.2024» */
export { dayShort as dmy } from '../contracts/days.js';

/** Joins a list the Russian way: «а, б и в». */
export function listAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
}

/** Capitalises the first letter (a sentence may start with a lower-case label). */
export const cap = (s: string) => s.charAt(0).toLocaleUpperCase('ru-RU') + s.slice(1);
