/** Russian formats shared by documents and screens: exact strings, as Intl (ICU) writes them. */
import { describe, expect, it } from 'vitest';
import { countOf, formatDateLong, formatDateShort, formatDateTime, formatInt, formatMoney, isoDate, normalizeForSearch, plural } from '../../electron/backend/format.js';

const NBSP = '\u00a0';
const forms = ['публикация', 'публикации', 'публикаций'] as const;

describe('plural', () => {
  it.each([
    [0, 'публикаций'],
    [1, 'публикация'],
    [2, 'публикации'],
    [4, 'публикации'],
    [5, 'публикаций'],
    [11, 'публикаций'],
    [12, 'публикаций'],
    [14, 'публикаций'],
    [21, 'публикация'],
    [22, 'публикации'],
    [25, 'публикаций'],
    [101, 'публикация'],
    [111, 'публикаций'],
    [112, 'публикаций'],
    [1000000, 'публикаций'],
    [-1, 'публикация'],
    [-22, 'публикации'],
    [1.5, 'публикации'],
  ])('%d → %s', (n, form) => {
    expect(plural(n, forms)).toBe(form);
  });
  it('countOf groups thousands with a no-break space', () => {
    expect(countOf(9269, forms)).toBe(`9${NBSP}269 публикаций`);
    expect(countOf(21, forms)).toBe('21 публикация');
    expect(formatInt(1234567)).toBe(`1${NBSP}234${NBSP}567`);
  });
});

describe('formatMoney (integer kopecks)', () => {
  it.each([
    [0, `0,00${NBSP}₽`],
    [5, `0,05${NBSP}₽`],
    [100, `1,00${NBSP}₽`],
    [123450, `1${NBSP}234,50${NBSP}₽`],
    [-99, `-0,99${NBSP}₽`],
    [-123456, `-1${NBSP}234,56${NBSP}₽`],
    [100000000, `1${NBSP}000${NBSP}000,00${NBSP}₽`],
    [Number.MAX_SAFE_INTEGER, `90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}₽`],
  ])('%d → %s', (kopecks, text) => {
    expect(formatMoney(kopecks)).toBe(text);
  });
  it('agrees with Intl’s own rouble format on the grouping', () => {
    const intl = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(1234.5);
    expect(formatMoney(123450)).toBe(intl);
  });
});

describe('dates in the organisation’s time zone', () => {
  // 18:30 UTC on the 4th is 01:30 on the 5th in Barnaul (UTC+7) and 21:30 on the 4th in Moscow.
  const instant = '2026-06-04T18:30:00Z';
  it('formatDateLong', () => {
    expect(formatDateLong(instant, 'Asia/Barnaul')).toBe('5 июня 2026 г.');
    expect(formatDateLong(instant, 'Europe/Moscow')).toBe('4 июня 2026 г.');
    expect(formatDateLong(new Date(instant), 'Asia/Barnaul')).toBe('5 июня 2026 г.');
    expect(formatDateLong('2026-01-01T00:00:00+07:00', 'Asia/Barnaul')).toBe('1 января 2026 г.');
    expect(formatDateLong('2026-03-08T12:00:00Z', 'Europe/Moscow')).toBe('8 марта 2026 г.');
    expect(formatDateLong('2025-12-31T17:00:00Z', 'Asia/Barnaul')).toBe('1 января 2026 г.');
  });
  it('formatDateShort and formatDateTime', () => {
    expect(formatDateShort(instant, 'Asia/Barnaul')).toBe('05.06.2026');
    expect(formatDateShort(instant, 'Europe/Moscow')).toBe('04.06.2026');
    expect(formatDateTime(instant, 'Asia/Barnaul')).toBe('05.06.2026, 01:30');
    expect(formatDateTime(instant, 'Europe/Moscow')).toBe('04.06.2026, 21:30');
  });
  it('isoDate (file names) is the calendar date there, not in UTC', () => {
    expect(isoDate(instant, 'Asia/Barnaul')).toBe('2026-06-05');
    expect(isoDate(instant, 'Europe/Moscow')).toBe('2026-06-04');
    expect(isoDate('2025-12-31T17:00:00Z', 'Asia/Barnaul')).toBe('2026-01-01');
  });
  it('the computer’s own time zone plays no part', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(formatDateLong(instant, 'Asia/Barnaul')).toBe('5 июня 2026 г.');
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('normalizeForSearch', () => {
  it('lower case, ё as е, single spaces', () => {
    expect(normalizeForSearch('  Фёдоров   ЁЛКА\tи\nЕль ')).toBe('федоров елка и ель');
  });
});
