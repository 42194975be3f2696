/**
 * The cost of one publication under a contract's tariff. The rules, exactly:
 *
 * 1. Everything is integer: volume in whole units, prices in whole kopecks per unit.
 * 2. flat: cost = volume × price.
 * 3. bands (ordered by their inclusive upper bound «до N»; the last one has no bound, «свыше»):
 *    - mode 'whole' (default; «19 ₽/см² до 200 см², 15 ₽/см² свыше»): the publication's whole volume
 *      is priced at the band its size falls into: 200 см² → 200 × 19 ₽, 201 см² → 201 × 15 ₽;
 *    - mode 'tiered': each slice of the volume at its own band's price, like tax brackets:
 *      201 см² → 200 × 19 ₽ + 1 × 15 ₽.
 *    Bands apply to each publication by its own size, never to the contract's running total.
 * 4. colour («на цветной полосе»):
 *    - 'none': a colour publication costs the same as black-and-white;
 *    - 'price': the whole volume at colorPrice per unit (bands do not apply): 300 см² × 25 ₽;
 *    - 'surcharge': the black-and-white cost plus colorPercent %, rounded half-up to a whole kopeck
 *      (the only rounding there is, once per publication).
 * 5. A cost entered by hand (override, with its reason) replaces the tariff's.
 * Totals are sums of per-publication kopecks, so they are exact; the arithmetic runs in BigInt and
 * refuses a result above Number.MAX_SAFE_INTEGER rather than lose a kopeck.
 */
import { formatInt, formatMoney } from '../../format.js';
import type { Publication, Tariff } from './schema.js';

export interface CostLine {
  volume: number;
  price: number;
  amount: number;
  label: string;
}
export interface Quote {
  /** Kopecks. */
  cost: number;
  /** How it was made up, for the UI's hint and the statement. */
  lines: CostLine[];
  surcharge: number;
  text: string;
}

const toSafe = (n: bigint): number => {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Сумма слишком велика для точного расчёта.');
  return Number(n);
};

/** n × percent / 100, rounded half-up (n ≥ 0). */
export function percentHalfUp(n: number, percent: number): number {
  const num = BigInt(n) * BigInt(percent);
  return toSafe((num * 2n + 100n) / 200n);
}

const unitLabel = (short: string) => (short ? `/${short}` : '');

/** The slices of a publication's volume and the price of each, before any colour surcharge. */
function slices(tariff: Tariff, volume: number, color: boolean): { volume: number; price: number }[] {
  if (color && tariff.colorMode === 'price') return [{ volume, price: tariff.colorPrice }];
  if (tariff.kind === 'flat') return [{ volume, price: tariff.price }];
  if (tariff.bandMode === 'whole') {
    const band = tariff.bands.find((b) => b.upTo === null || volume <= b.upTo) ?? tariff.bands[tariff.bands.length - 1]!;
    return [{ volume, price: band.price }];
  }
  const out: { volume: number; price: number }[] = [];
  let from = 0;
  for (const b of tariff.bands) {
    const to = b.upTo === null ? volume : Math.min(volume, b.upTo);
    if (to > from) out.push({ volume: to - from, price: b.price });
    from = Math.max(from, b.upTo ?? volume);
    if (from >= volume) break;
  }
  return out;
}

function compute(tariff: Tariff, volume: number, color: boolean) {
  const parts = slices(tariff, volume, color);
  let base = 0n;
  for (const s of parts) base += BigInt(s.volume) * BigInt(s.price);
  const surcharge = color && tariff.colorMode === 'surcharge' ? percentHalfUp(toSafe(base), tariff.colorPercent) : 0;
  return { parts, surcharge, cost: toSafe(base + BigInt(surcharge)) };
}

export function quote(tariff: Tariff, volume: number, color: boolean, short = ''): Quote {
  const { parts, surcharge, cost } = compute(tariff, volume, color);
  const colorPriced = color && tariff.colorMode === 'price';
  const lines: CostLine[] = parts.map((s) => ({
    ...s,
    amount: s.volume * s.price,
    label: `${formatInt(s.volume)} × ${formatMoney(s.price)}${unitLabel(short)}${colorPriced ? ' (цвет)' : ''}`,
  }));
  const text = lines.map((l) => l.label).join(' + ') + (surcharge ? ` + ${tariff.colorPercent} % за цвет` : '') + ` = ${formatMoney(cost)}`;
  return { cost, lines, surcharge, text };
}

/** The tariff's cost of a publication (its override aside). */
export const tariffCost = (tariff: Tariff, p: Pick<Publication, 'volume' | 'color'>): number => compute(tariff, p.volume, p.color).cost;

/** What the publication costs: the override when there is one, else the tariff's. */
export const publicationCost = (tariff: Tariff, p: Pick<Publication, 'volume' | 'color' | 'override'>): number =>
  p.override ? p.override.amount : tariffCost(tariff, p);

/** «19,00 ₽/см² до 200 см²; 15,00 ₽/см² свыше 200 см² (весь объём публикации по одной ставке); в цвете — 25,00 ₽/см²» */
export function describeTariff(t: Tariff, short: string): string {
  const per = unitLabel(short);
  const parts: string[] = [];
  if (t.kind === 'flat') parts.push(`${formatMoney(t.price)}${per}`);
  else {
    let prev = 0;
    const bands = t.bands.map((b) => {
      const s = b.upTo === null ? `${formatMoney(b.price)}${per} свыше ${formatInt(prev)} ${short}` : `${formatMoney(b.price)}${per} до ${formatInt(b.upTo)} ${short}`;
      prev = b.upTo ?? prev;
      return s.trim();
    });
    const how = t.bandMode === 'whole' ? 'весь объём публикации по ставке её диапазона' : 'каждая часть объёма по ставке своего диапазона';
    parts.push(`${bands.join('; ')} (${how})`);
  }
  if (t.colorMode === 'price') parts.push(`в цвете — ${formatMoney(t.colorPrice)}${per}`);
  if (t.colorMode === 'surcharge') parts.push(`в цвете — наценка ${t.colorPercent} %`);
  return parts.join('; ');
}
