/**
 * Money typed by a person («1 234,50», «1234.5», «12 800 ₽») ↔ integer kopecks, exactly: the text is
 * split into rubles and kopecks as digits, never multiplied as a float (0.29 × 100 = 28.999…).
 */
export type Parsed = { ok: true; kopecks: number } | { ok: false; error: string };

/** Rubles as typed → kopecks. Empty → error «укажите сумму» (callers decide whether empty is allowed). */
export function parseRubles(text: string): Parsed {
  const s = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(₽|руб\.?|р\.)$/i, '')
    .replace('.', ',');
  if (s === '') return { ok: false, error: 'укажите сумму' };
  if (s.startsWith('-')) return { ok: false, error: 'не может быть отрицательной' };
  const m = /^(\d*)(?:,(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, error: 'введите сумму в рублях, например 1 234,50' };
  const kop = m[2] ?? '';
  if (kop.length > 2) return { ok: false, error: 'не больше двух знаков копеек' };
  const rubles = (m[1] ?? '').replace(/^0+(?=\d)/, '') || '0';
  if (rubles.length > 11) return { ok: false, error: 'слишком большая сумма' };
  const kopecks = Number(rubles) * 100 + Number(kop.padEnd(2, '0'));
  if (!Number.isSafeInteger(kopecks)) return { ok: false, error: 'слишком большая сумма' };
  return { ok: true, kopecks };
}

const group = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** Kopecks → the text for an input: «1 234,50» (no ₽). */
export function rublesText(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${group.format(Math.trunc(abs / 100))},${String(abs % 100).padStart(2, '0')}`;
}

/** A whole positive number typed by a person («1 200») → the number, or an error. */
export function parseWhole(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return { ok: false, error: 'укажите число' };
  if (!/^\d+$/.test(s)) return { ok: false, error: 'ожидается целое число' };
  const value = Number(s);
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'слишком большое число' };
  return { ok: true, value };
}
