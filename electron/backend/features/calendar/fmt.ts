/** Russian labels for dates the calendar shows; inputs are already wall time in the organisation's zone. */
import { isoWeekday, parseWall } from './time.js';

const monthsGenitive = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const monthsNominative = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const weekdaysShort = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const weekdaysLong = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

const ymd = (date: string) => ({ y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) });

/** «5 июня 2026 г.» */
export const dateLong = (date: string) => {
  const { y, m, d } = ymd(date);
  return `${d} ${monthsGenitive[m - 1]} ${y} г.`;
};
/** «5 июня» */
export const dayMonth = (date: string) => {
  const { m, d } = ymd(date);
  return `${d} ${monthsGenitive[m - 1]}`;
};
/** «05.06.2026» */
export const dateShort = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
/** «05.06» */
export const dateDayMonth = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
export const weekdayShort = (date: string) => weekdaysShort[isoWeekday(date) - 1]!;
export const weekdayLong = (date: string) => weekdaysLong[isoWeekday(date) - 1]!;
/** «июнь 2026 г.» */
export const monthTitle = (date: string) => `${monthsNominative[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)} г.`;

/** «с 1 по 7 июня 2026 г.», «с 29 июня по 5 июля 2026 г.», «с 29 декабря 2025 г. по 4 января 2026 г.» */
export function rangeText(from: string, to: string): string {
  const a = ymd(from);
  const b = ymd(to);
  if (a.y !== b.y) return `с ${dateLong(from)} по ${dateLong(to)}`;
  if (a.m !== b.m) return `с ${dayMonth(from)} по ${dateLong(to)}`;
  return `с ${a.d} по ${dateLong(to)}`;
}

/** «10:00–12:00», «весь день», or with dates when it spans days. Takes local wall strings. */
export function timeText(allDay: boolean, localStart: string, localEnd: string): string {
  if (allDay) return localStart === localEnd ? 'весь день' : `${dayMonth(localStart)} – ${dayMonth(localEnd)}`;
  const sameDay = localStart.slice(0, 10) === localEnd.slice(0, 10);
  if (sameDay) return localStart === localEnd ? localStart.slice(11, 16) : `${localStart.slice(11, 16)}–${localEnd.slice(11, 16)}`;
  return `${localStart.slice(11, 16)} – ${dateDayMonth(localEnd.slice(0, 10))} ${localEnd.slice(11, 16)}`;
}

/** «пт, 5 июня 2026 г., 10:00–12:00» */
export function whenText(allDay: boolean, localStart: string, localEnd: string): string {
  const day = localStart.slice(0, 10);
  if (allDay && localStart !== localEnd) {
    const a = ymd(localStart);
    const b = ymd(localEnd);
    if (a.y === b.y && a.m === b.m) return `${a.d}–${dateLong(localEnd)}`;
    return `${a.y === b.y ? dayMonth(localStart) : dateLong(localStart)} – ${dateLong(localEnd)}`;
  }
  return `${weekdayShort(day)}, ${dateLong(day)}, ${timeText(allDay, localStart, localEnd)}`;
}

const NBSP = '\u00a0';
const initials = (names: string[]) => names.map((n) => n[0]!.toUpperCase() + '.').join('');

/** «Соколова Ирина Викторовна» → «Соколова И.В.» (a no-break space keeps it on one line). */
export function shortName(full: string): string {
  const [surname, ...rest] = full.trim().split(/\s+/);
  if (!surname || rest.length === 0) return full.trim();
  return `${surname}${NBSP}${initials(rest)}`;
}

/** «Соколова Ирина Викторовна» → «И.В. Соколова» (signature, ГОСТ Р 7.0.97). */
export function signatureName(full: string): string {
  const [surname, ...rest] = full.trim().split(/\s+/);
  if (!surname || rest.length === 0) return full.trim();
  return `${initials(rest)}${NBSP}${surname}`;
}

export const isValidDate = (date: string) => Number.isFinite(parseWall(date));
