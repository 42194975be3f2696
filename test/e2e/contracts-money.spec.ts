/**
 * The rubles-to-kopecks helper behind every money field of Контракты: exact (digits, not float
 * multiplication), tolerant of how people type sums, strict about what is not a sum. Pure: no browser.
 */
import { expect, test } from '@playwright/test';
import { parseRubles, parseWhole, rublesText } from '../../renderer/features/contracts/money';

const ok = (text: string) => {
  const r = parseRubles(text);
  if (!r.ok) throw new Error(`«${text}»: ${r.error}`);
  return r.kopecks;
};

test('sums as people type them become exact kopecks', () => {
  expect(ok('1 234,50')).toBe(123_450);
  expect(ok('1\u00a0234,5')).toBe(123_450);
  expect(ok('1234.05')).toBe(123_405);
  expect(ok('0,29')).toBe(29); // 0.29 × 100 is 28.999… in floating point
  expect(ok('1,1')).toBe(110);
  expect(ok(',5')).toBe(50);
  expect(ok('19')).toBe(1_900);
  expect(ok('12 800,00 ₽')).toBe(1_280_000);
  expect(ok('007,10')).toBe(710);
  expect(ok('99 999 999 999,99')).toBe(9_999_999_999_999);
  // Every kopeck from 0,00 to 99,99 round-trips through the text a field shows.
  const wrong: number[] = [];
  for (let k = 0; k < 10_000; k++) if (ok(rublesText(k)) !== k) wrong.push(k);
  expect(wrong).toEqual([]);
  expect(rublesText(123_456_789)).toBe('1\u00a0234\u00a0567,89');
});

test('what is not a sum is refused with a Russian reason', () => {
  const error = (text: string) => {
    const r = parseRubles(text);
    return r.ok ? `accepted as ${r.kopecks}` : r.error;
  };
  expect(error('')).toBe('укажите сумму');
  expect(error('   ')).toBe('укажите сумму');
  expect(error('-5')).toBe('не может быть отрицательной');
  expect(error('1,234')).toBe('не больше двух знаков копеек');
  expect(error('двенадцать')).toBe('введите сумму в рублях, например 1 234,50');
  expect(error('1,2,3')).toBe('введите сумму в рублях, например 1 234,50');
  expect(error('1e5')).toBe('введите сумму в рублях, например 1 234,50');
  expect(error(',')).toBe('введите сумму в рублях, например 1 234,50');
  expect(error('123456789012,00')).toBe('слишком большая сумма');
  expect(parseWhole('1 000')).toEqual({ ok: true, value: 1000 });
  expect(parseWhole('12,5')).toEqual({ ok: false, error: 'ожидается целое число' });
  expect(parseWhole('')).toEqual({ ok: false, error: 'укажите число' });
});
