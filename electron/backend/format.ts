/**
 * Russian formats shared by the backend (documents) and the renderer (screens).
 * Pure functions, no Node or DOM imports.
 */

const pluralRules = new Intl.PluralRules('ru-RU');

/** plural(5, ['публикация', 'публикации', 'публикаций']) → 'публикаций' */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const rule = pluralRules.select(Math.abs(n));
  if (!Number.isInteger(n)) return forms[1];
  return rule === 'one' ? forms[0] : rule === 'few' ? forms[1] : forms[2];
}

const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
export const formatInt = (n: number) => integer.format(n);

/** «5 публикаций», «1 234 публикации» */
export const countOf = (n: number, forms: readonly [string, string, string]) => `${formatInt(n)} ${plural(n, forms)}`;

/** Integer kopecks → «1 234,50 ₽» (exact: no float arithmetic on money). */
export function formatMoney(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const rub = Math.trunc(abs / 100);
  const kop = abs % 100;
  return `${sign}${integer.format(rub)},${String(kop).padStart(2, '0')}\u00a0₽`;
}

/** «5 июня 2026 г.» in the organisation's time zone. */
export function formatDateLong(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}

/** «05.06.2026» in the organisation's time zone. */
export function formatDateShort(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(d);
}

/** «2026-06-05»: the calendar date in the organisation's time zone (for file names), not in UTC. */
export function isoDate(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(d).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** «05.06.2026, 10:00» in the organisation's time zone. */
export function formatDateTime(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(d);
}

/** Lower case, «ё» as «е», single spaces: what search compares. */
export function normalizeForSearch(s: string): string {
  return s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
