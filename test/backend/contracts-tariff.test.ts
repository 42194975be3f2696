import { afterEach, describe, expect, it } from 'vitest';
import { Tariff, type TariffInput } from '../../electron/backend/features/contracts/schema.js';
import { describeTariff, percentHalfUp, quote } from '../../electron/backend/features/contracts/tariff.js';
import { seededRandom } from '../../electron/backend/demo/random.js';
import { removeTempDirs } from '../helpers/tmp.js';
import { bandedTariff, docxRows, docxXml, openKit, paperContract, seedOutlets } from './contracts-kit.js';

afterEach(() => removeTempDirs());

const t = (input: TariffInput) => Tariff.parse(input);
const cost = (tariff: TariffInput, volume: number, color = false) => quote(t(tariff), volume, color).cost;

describe('contracts: tariff', () => {
  it('flat: volume × price, colour the same unless priced', () => {
    expect(cost({ kind: 'flat', price: 2_000_00 }, 5)).toBe(10_000_00);
    expect(cost({ kind: 'flat', price: 2_000_00 }, 5, true)).toBe(10_000_00);
    expect(cost({ kind: 'flat', price: 1900, colorMode: 'price', colorPrice: 2500 }, 10, true)).toBe(25_000);
  });

  it("bands 'whole': the whole publication at the band its size falls into (bounds inclusive)", () => {
    expect(cost(bandedTariff, 1)).toBe(1900);
    expect(cost(bandedTariff, 200)).toBe(200 * 1900);
    expect(cost(bandedTariff, 201)).toBe(201 * 1500);
    expect(cost(bandedTariff, 1000)).toBe(1000 * 1500);
    const three = { kind: 'bands' as const, bands: [{ upTo: 100, price: 3000 }, { upTo: 500, price: 2000 }, { upTo: null, price: 1000 }] };
    expect(cost(three, 100)).toBe(300_000);
    expect(cost(three, 101)).toBe(202_000);
    expect(cost(three, 500)).toBe(1_000_000);
    expect(cost(three, 501)).toBe(501_000);
  });

  it("bands 'tiered': each slice at its own band's price", () => {
    const tiered = { ...bandedTariff, bandMode: 'tiered' as const };
    expect(cost(tiered, 200)).toBe(200 * 1900);
    expect(cost(tiered, 201)).toBe(200 * 1900 + 1500);
    expect(cost(tiered, 1000)).toBe(200 * 1900 + 800 * 1500);
    const three = { kind: 'bands' as const, bandMode: 'tiered' as const, bands: [{ upTo: 100, price: 3000 }, { upTo: 500, price: 2000 }, { upTo: null, price: 1000 }] };
    expect(cost(three, 650)).toBe(100 * 3000 + 400 * 2000 + 150 * 1000);
    expect(quote(t(three), 650, false).lines.map((l) => [l.volume, l.price])).toEqual([[100, 3000], [400, 2000], [150, 1000]]);
  });

  it('colour at its own price ignores the bands; «25 ₽/см² на цветной полосе»', () => {
    expect(cost(bandedTariff, 150, true)).toBe(150 * 2500);
    expect(cost(bandedTariff, 300, true)).toBe(300 * 2500);
    expect(cost(bandedTariff, 300, false)).toBe(300 * 1500);
  });

  it('colour surcharge: black-and-white cost plus N %, rounded half-up to a kopeck, once per publication', () => {
    const s = { ...bandedTariff, colorMode: 'surcharge' as const, colorPercent: 15 };
    // 201 см² × 15,00 ₽ = 3 015,00 ₽; +15 % = 452,25 ₽ → 3 467,25 ₽
    expect(cost(s, 201, true)).toBe(301_500 + 45_225);
    expect(percentHalfUp(1, 50)).toBe(1); // 0,5 коп. → 1 коп.
    expect(percentHalfUp(3, 50)).toBe(2); // 1,5 коп. → 2 коп.
    expect(percentHalfUp(1, 49)).toBe(0); // 0,49 коп. → 0
    expect(percentHalfUp(12_345, 15)).toBe(1852); // 1 851,75 → 1 852
    expect(cost({ kind: 'flat', price: 7, colorMode: 'surcharge', colorPercent: 10 }, 5, true)).toBe(35 + 4); // 3,5 → 4
  });

  it('describes the tariff in words, and rejects inconsistent bands', () => {
    expect(describeTariff(t(bandedTariff), 'см²')).toBe(
      '19,00\u00a0₽/см² до 200 см²; 15,00\u00a0₽/см² свыше 200 см² (весь объём публикации по ставке её диапазона); в цвете — 25,00\u00a0₽/см²',
    );
    const bad = (input: unknown) => Tariff.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(bad({ kind: 'bands', bands: [{ upTo: 200, price: 1 }, { upTo: 100, price: 1 }, { upTo: null, price: 1 }] })).toEqual(['bands.1.upTo: границы диапазонов должны возрастать']);
    expect(bad({ kind: 'bands', bands: [{ upTo: 200, price: 1 }] })).toEqual(['bands.0.upTo: у последнего диапазона нет верхней границы («свыше»)']);
    expect(bad({ kind: 'bands', bands: [] })).toEqual(['bands: добавьте хотя бы один диапазон']);
    expect(bad({ kind: 'flat', price: 0 })).toEqual(['price: укажите цену за единицу']);
    expect(bad({ kind: 'flat', price: 100, colorMode: 'surcharge' })).toEqual(['colorPercent: укажите наценку в процентах']);
  });
});

/** An independent computation of the same rules in BigInt, written from the rules, not from tariff.ts. */
function referenceCost(volume: number, color: boolean, override: number | null, mode: 'whole' | 'tiered', surcharge: number | null): bigint {
  if (override !== null) return BigInt(override);
  const v = BigInt(volume);
  if (color && surcharge === null) return v * 2500n;
  let bw: bigint;
  if (mode === 'whole') bw = v * (volume <= 200 ? 1900n : 1500n);
  else bw = volume <= 200 ? v * 1900n : 200n * 1900n + (v - 200n) * 1500n;
  if (!color || surcharge === null) return bw;
  const extra = (bw * BigInt(surcharge) * 10n + 500n) / 1000n; // half-up of bw × p / 100
  return bw + extra;
}

describe('contracts: exact sums over 10 000 random publications', () => {
  for (const variant of [
    { mode: 'whole' as const, surcharge: null },
    { mode: 'tiered' as const, surcharge: 17 },
  ]) {
    it(`totals to the kopeck (${variant.mode}${variant.surcharge ? `, colour +${variant.surcharge} %` : ', colour price'})`, async () => {
      const kit = await openKit('2026-12-31');
      try {
        const { paper } = await seedOutlets(kit);
        const tariff = variant.surcharge
          ? { ...bandedTariff, bandMode: variant.mode, colorMode: 'surcharge' as const, colorPercent: variant.surcharge }
          : { ...bandedTariff, bandMode: variant.mode };
        const card = await kit.call('contracts.create', paperContract(paper, { tariff, price: 900_000_000_000, volume: 90_000_000 }));
        const random = seededRandom(variant.surcharge ?? 7);
        let refTotal = 0n;
        let refVolume = 0n;
        const rows = [];
        for (let i = 0; i < 10_000; i++) {
          const volume = random.next() < 0.3 ? random.int(1, 200) : random.int(1, 5000);
          const color = random.next() < 0.25;
          const override = random.next() < 0.03 ? random.int(0, 10_000_000) : null;
          const day = `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
          refTotal += referenceCost(volume, color, override, variant.mode, variant.surcharge);
          refVolume += BigInt(volume);
          rows.push({ date: day, issue: `№ ${i}`, kind: 'news' as const, title: `Материал ${i}`, volume, color, override: override === null ? null : { amount: override, reason: 'согласовано с редакцией' } });
        }
        // 9 900 in one import (one write), the last 100 one by one through addPublication.
        const imported = await kit.call('contracts.importPublications', { contractId: card.id, publications: rows.slice(0, 9_900) });
        expect(imported.added).toBe(9_900);
        let last;
        for (const r of rows.slice(9_900)) last = await kit.call('contracts.addPublication', { ...r, contractId: card.id });
        expect(last!.control.money.used).toBe(Number(refTotal));

        const full = await kit.call('contracts.get', { id: card.id });
        expect(full.publications).toHaveLength(10_000);
        expect(BigInt(full.control.money.used)).toBe(refTotal);
        expect(BigInt(full.control.volume.used)).toBe(refVolume);
        expect(full.publications.reduce((s, p) => s + BigInt(p.cost), 0n)).toBe(refTotal);
        expect(full.control.money.left).toBe(900_000_000_000 - Number(refTotal));

        const list = await kit.call('contracts.list', { year: 2026 });
        expect(list.totals.used).toBe(Number(refTotal));

        // An act for the first half-year: its amount is exactly the sum of that period's references.
        let halfRef = 0n;
        for (const r of rows) if (r.date <= '2026-06-30') halfRef += referenceCost(r.volume, r.color, r.override?.amount ?? null, variant.mode, variant.surcharge);
        const withAct = await kit.call('contracts.addAct', { contractId: card.id, number: '1', date: '2026-07-03', periodFrom: '2026-01-01', periodTo: '2026-06-30' });
        expect(BigInt(withAct.acts[0]!.amount)).toBe(halfRef);
        expect(BigInt(withAct.control.uncovered.amount)).toBe(refTotal - halfRef);

        // The register's DOCX says the same, to the kopeck (a statement of 10 000 rows would take long to build;
        // contracts-docx.test.ts checks the statement of a realistic contract).
        const doc = await kit.call('contracts.exportRegister', { year: 2026 });
        const total = docxRows(docxXml((doc as { base64: string }).base64)).find((r) => r.includes('Итого'))!;
        const rub = `${(refTotal / 100n).toLocaleString('ru-RU')},${String(refTotal % 100n).padStart(2, '0')}`; // the column title says «₽»
        expect(total.split(' | ')[5]).toBe(rub);
      } finally {
        await kit.close();
      }
    });
  }
});
