/**
 * Recurring events with the rrule library. Rules are expanded in wall time ("floating" Dates whose
 * UTC fields hold the organisation's clock), so a weekly briefing at 10:00 stays at 10:00 through any
 * offset change, whatever the computer's zone.
 */
import { createRequire } from 'node:module';
import { fieldError } from '../../errors.js';
import { dateLong } from './fmt.js';
import { DAY, instantToWall, parseWall, wallString } from './time.js';
import { recurrenceFreqs, type CalEvent, type Recurrence, type RecurrenceInput } from './schema.js';

// rrule ships CommonJS whose named exports Node's ESM loader cannot see: load it with require.
const { RRule, Weekday } = createRequire(import.meta.url)('rrule') as typeof import('rrule');
type RRuleT = InstanceType<typeof RRule>;

/** The most occurrences one series may have. */
export const MAX_OCCURRENCES = 1000;

const FREQ = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY, yearly: RRule.YEARLY } as const;
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Occurrence key of a floating start: "2026-06-08T10:00", or "2026-06-08" when all-day. */
export const keyOf = (wallMs: number, allDay: boolean) => (allDay ? wallString(wallMs).slice(0, 10) : wallString(wallMs));

function weekday(code: string) {
  const m = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code)!;
  const day = CODES.indexOf(m[2] as (typeof CODES)[number]);
  return m[1] ? new Weekday(day, Number(m[1])) : new Weekday(day);
}

/** The floating end of the `until` day (inclusive). */
const untilWall = (until: string) => parseWall(until) + DAY - 1000;

export function buildRule(rec: Recurrence, startWall: number): RRuleT {
  return new RRule({
    freq: FREQ[rec.freq],
    interval: rec.interval,
    dtstart: new Date(startWall),
    wkst: RRule.MO,
    byweekday: rec.byWeekday.length ? rec.byWeekday.map(weekday) : null,
    bymonthday: rec.byMonthDay.length ? rec.byMonthDay : null,
    bymonth: rec.byMonth.length ? rec.byMonth : null,
    until: rec.until ? new Date(untilWall(rec.until)) : null,
    count: rec.count,
  });
}

/** Floating start of an event: the wall clock of its start in the organisation's zone (the date when all-day). */
export function startWallOf(e: Pick<CalEvent, 'start' | 'allDay'>, tz: string): number {
  return e.allDay ? parseWall(e.start) : instantToWall(Date.parse(e.start), tz);
}

// Records are immutable once stored (an update puts a new object), so a rule can be cached per record.
const ruleCache = new WeakMap<CalEvent, { tz: string; rule: RRuleT }>();

export function ruleOf(e: CalEvent, tz: string): RRuleT {
  let cached = ruleCache.get(e);
  if (!cached || cached.tz !== tz) {
    cached = { tz, rule: buildRule(e.recurrence!, startWallOf(e, tz)) };
    ruleCache.set(e, cached);
  }
  return cached.rule;
}

// A stored series has at most MAX_OCCURRENCES occurrences (checked on save): expand it once per record
// and answer range questions by binary search (a month view asks for every series on every render).
const wallsCache = new WeakMap<CalEvent, { tz: string; walls: number[] }>();

/** Every regular start (floating ms, ascending) of the series; exceptions not removed. Do not mutate. */
export function allOccurrences(e: CalEvent, tz: string): number[] {
  let cached = wallsCache.get(e);
  if (!cached || cached.tz !== tz) {
    const walls = ruleOf(e, tz)
      .all((_d, i) => i < MAX_OCCURRENCES + 1)
      .map((d) => d.getTime());
    cached = { tz, walls };
    wallsCache.set(e, cached);
  }
  return cached.walls;
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Regular starts (floating ms) of the series between two floating instants, inclusive; exceptions not removed. */
export function occurrencesBetween(e: CalEvent, tz: string, fromWall: number, toWall: number): number[] {
  const walls = allOccurrences(e, tz);
  return walls.slice(lowerBound(walls, fromWall), lowerBound(walls, toWall + 1));
}

/** Floating ms of an occurrence key. */
export const wallOfKey = (key: string) => parseWall(key);

/** Is `key` a regular occurrence of the series (ignoring exceptions)? */
export function isOccurrence(e: CalEvent, tz: string, key: string): boolean {
  const wall = parseWall(key);
  if (!Number.isFinite(wall)) return false;
  return occurrencesBetween(e, tz, wall - 60_000, wall + 60_000).some((w) => keyOf(w, e.allDay) === key);
}

// ---- input: structured or RRULE text ------------------------------------------------------

const FREQ_NAMES: Record<number, Recurrence['freq']> = { [RRule.DAILY]: 'daily', [RRule.WEEKLY]: 'weekly', [RRule.MONTHLY]: 'monthly', [RRule.YEARLY]: 'yearly' };
const numbers = (v: number | number[] | null | undefined) => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Turns what the form sent into the stored rule, or explains (naming the field) what is wrong. */
export function normalizeRecurrence(input: RecurrenceInput): Recurrence {
  const { rule, ...rest } = input;
  if (rule) {
    let opts: ReturnType<typeof RRule.parseString>;
    try {
      opts = RRule.parseString(rule.replace(/^RRULE:/i, ''));
    } catch {
      throw fieldError('recurrence.rule', 'Правило повторения', 'не удалось разобрать правило (пример: FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231)');
    }
    const unsupported = (['dtstart', 'byhour', 'byminute', 'bysecond', 'byweekno', 'byyearday', 'bysetpos', 'tzid', 'byeaster'] as const).filter(
      (k) => (opts as Record<string, unknown>)[k] != null,
    );
    if (unsupported.length) throw fieldError('recurrence.rule', 'Правило повторения', `не поддерживаются части правила: ${unsupported.join(', ').toUpperCase()}`);
    const freq = opts.freq === undefined ? undefined : FREQ_NAMES[opts.freq];
    if (!freq) throw fieldError('recurrence.rule', 'Правило повторения', 'допустимая частота: DAILY, WEEKLY, MONTHLY, YEARLY');
    const days = opts.byweekday == null ? [] : Array.isArray(opts.byweekday) ? opts.byweekday : [opts.byweekday];
    return {
      freq,
      interval: opts.interval ?? 1,
      byWeekday: days.map((d) => (typeof d === 'number' ? CODES[d]! : typeof d === 'string' ? d : (d.n ? String(d.n) : '') + CODES[d.weekday]!)),
      byMonthDay: numbers(opts.bymonthday),
      byMonth: numbers(opts.bymonth),
      until: opts.until ? opts.until.toISOString().slice(0, 10) : null,
      count: opts.count ?? null,
      exdates: rest.exdates,
    };
  }
  if (!rest.freq) throw fieldError('recurrence.freq', 'Повторять', 'обязательное поле: выберите, как часто повторять');
  return { ...rest, freq: rest.freq };
}

/**
 * A series must end, fit in MAX_OCCURRENCES, and start on one of its own occurrences
 * (else the first date would differ between this program and a phone that imports the .ics).
 */
export function checkSeries(e: Pick<CalEvent, 'start' | 'allDay' | 'recurrence'>, tz: string): number[] {
  const rec = e.recurrence!;
  if (!rec.until && !rec.count)
    throw fieldError('recurrence.until', 'Повторять до', 'повторение не заканчивается: укажите дату окончания или число повторений');
  for (const [i, d] of rec.byMonthDay.entries()) if (d === 0) throw fieldError(`recurrence.byMonthDay.${i}`, 'Числа месяца', 'число месяца не может быть 0');
  if (rec.freq === 'weekly' && rec.byWeekday.some((d) => /\d/.test(d)))
    throw fieldError('recurrence.byWeekday', 'Дни недели', 'номер дня недели (например, «2TH») возможен только при ежемесячном или ежегодном повторении');
  const startWall = startWallOf(e, tz);
  if (rec.until && untilWall(rec.until) < startWall) throw fieldError('recurrence.until', 'Повторять до', 'дата окончания повторения раньше начала мероприятия');
  const all = buildRule(rec, startWall)
    .all((_d, i) => i < MAX_OCCURRENCES + 1)
    .map((d) => d.getTime());
  if (all.length > MAX_OCCURRENCES)
    throw fieldError(
      rec.count ? 'recurrence.count' : 'recurrence.until',
      rec.count ? 'Число повторений' : 'Повторять до',
      `получается больше ${MAX_OCCURRENCES} повторений: укажите более раннюю дату окончания или меньшее число повторений`,
    );
  if (all.length === 0) throw fieldError('recurrence', 'Повторение', 'по этому правилу нет ни одного повторения');
  if (all[0] !== startWall)
    throw fieldError('start', 'Начало', `дата начала не подходит под правило повторения: первое повторение — ${dateLong(wallString(all[0]!).slice(0, 10))}. Укажите её как дату начала или измените правило`);
  return all;
}

// ---- text forms --------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * RRULE text for iCalendar. UNTIL is given as a date for all-day series, else as the UTC instant
 * of the end of the `until` day in the organisation's zone (RFC 5545 wants UTC when DTSTART has a TZID).
 */
export function rruleText(rec: Recurrence, allDay: boolean, untilToUtc: (wallMs: number) => number): string {
  const parts = [`FREQ=${rec.freq.toUpperCase()}`];
  if (rec.interval > 1) parts.push(`INTERVAL=${rec.interval}`);
  if (rec.byWeekday.length) parts.push(`BYDAY=${rec.byWeekday.join(',')}`);
  if (rec.byMonthDay.length) parts.push(`BYMONTHDAY=${rec.byMonthDay.join(',')}`);
  if (rec.byMonth.length) parts.push(`BYMONTH=${rec.byMonth.join(',')}`);
  if (rec.count) parts.push(`COUNT=${rec.count}`);
  else if (rec.until) {
    if (allDay) parts.push(`UNTIL=${rec.until.replace(/-/g, '')}`);
    else {
      const utc = new Date(untilToUtc(untilWall(rec.until)));
      parts.push(
        `UNTIL=${utc.getUTCFullYear()}${pad(utc.getUTCMonth() + 1)}${pad(utc.getUTCDate())}T${pad(utc.getUTCHours())}${pad(utc.getUTCMinutes())}${pad(utc.getUTCSeconds())}Z`,
      );
    }
  }
  parts.push('WKST=MO');
  return parts.join(';');
}

const dayNames = {
  MO: ['понедельникам', 'понедельник'],
  TU: ['вторникам', 'вторник'],
  WE: ['средам', 'среду'],
  TH: ['четвергам', 'четверг'],
  FR: ['пятницам', 'пятницу'],
  SA: ['субботам', 'субботу'],
  SU: ['воскресеньям', 'воскресенье'],
} as const;
const ordinals: Record<string, [string, string]> = {
  '1': ['первый', 'первую'],
  '2': ['второй', 'вторую'],
  '3': ['третий', 'третью'],
  '4': ['четвёртый', 'четвёртую'],
  '5': ['пятый', 'пятую'],
  '-1': ['последний', 'последнюю'],
};
const feminine = new Set(['WE', 'FR', 'SA']);
const monthNames = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];
const everyN = {
  daily: (n: number) => `каждые ${n} дн.`,
  weekly: (n: number) => `каждые ${n} нед.`,
  monthly: (n: number) => `каждые ${n} мес.`,
  yearly: (n: number) => `каждые ${n} г.`,
};

/** «еженедельно по понедельникам, до 31 декабря 2026 г.», «ежемесячно, во второй четверг, 12 раз». */
export function describeRecurrence(rec: Recurrence): string {
  const parts: string[] = [rec.interval > 1 ? everyN[rec.freq](rec.interval) : recurrenceFreqs[rec.freq]];
  const plain = rec.byWeekday.filter((d) => d.length === 2) as (keyof typeof dayNames)[];
  const nth = rec.byWeekday.filter((d) => d.length > 2);
  if (plain.length) parts[0] += ` по ${plain.map((d) => dayNames[d][0]).join(', ')}`;
  for (const d of nth) {
    const m = /^([+-]?\d)(\w\w)$/.exec(d)!;
    const code = m[2] as keyof typeof dayNames;
    const ord = ordinals[String(Number(m[1]))] ?? [m[1]!, m[1]!];
    const fem = feminine.has(code);
    const word = `${fem ? ord[1] : ord[0]} ${dayNames[code][1]}`;
    parts.push(`${/^[вф][^аеёиоуыэюя]/i.test(word) ? 'во' : 'в'} ${word}`);
  }
  if (rec.byMonthDay.length) parts.push(rec.byMonthDay.map((d) => (d < 0 ? (d === -1 ? 'в последний день' : `за ${-d - 1} дн. до конца`) : `${d}-го`)).join(', ') + (rec.byMonthDay.some((d) => d > 0) ? ' числа' : ''));
  if (rec.byMonth.length) parts.push(rec.byMonth.map((m) => `в ${monthNames[m - 1]}`).join(', '));
  if (rec.count) parts.push(`${rec.count} ${rec.count % 10 >= 2 && rec.count % 10 <= 4 && (rec.count % 100 < 10 || rec.count % 100 >= 20) ? 'раза' : 'раз'}`);
  else if (rec.until) parts.push(`до ${dateLong(rec.until)}`);
  return parts.join(', ');
}
