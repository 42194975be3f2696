import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/tmp.js';
import { openKit, paperContract, pub, seedOutlets, type Kit } from './contracts-kit.js';

afterEach(() => removeTempDirs());

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** 10 ₽ per unit, 3 650 units, 36 500 ₽, a calendar year. */
async function flatContract(kit: Kit, over: Record<string, unknown> = {}) {
  const { paper } = await seedOutlets(kit);
  return kit.call('contracts.create', paperContract(paper, { tariff: { kind: 'flat', price: 1000 }, volume: 3650, price: 3_650_000, ...over }));
}

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code).sort();

describe('contracts: control and pace', () => {
  it('volume and money used and left; pace: at this rate the volume runs out on DATE', async () => {
    const kit = await openKit('2026-04-10');
    try {
      const c = await flatContract(kit);
      await kit.call('contracts.importPublications', {
        contractId: c.id,
        publications: [
          { date: '2026-01-14', issue: '№ 2', kind: 'news', title: 'А', volume: 500 },
          { date: '2026-03-04', issue: '№ 18', kind: 'news', title: 'Б', volume: 700 },
        ],
      });
      const card = await kit.call('contracts.get', { id: c.id });
      expect(card.control.volume).toEqual({ plan: 3650, used: 1200, left: 2450, percent: 32 });
      expect(card.control.money).toEqual({ plan: 3_650_000, used: 1_200_000, left: 2_450_000, percent: 32 });
      const pace = card.control.pace;
      expect(pace).toMatchObject({ state: 'running', termDays: 365, elapsedDays: 100, daysLeft: 265, timePercent: 27 });
      // 1 200 in 100 days = 12 a day; 2 450 left → ceil(204,17) = 205 days after 10 April.
      expect(pace.volume.ratePerDay).toBe(12);
      expect(pace.volume.runsOutOn).toBe(plusDays('2026-04-10', 205));
      expect(pace.volume.runsOutOn).toBe('2026-11-01');
      expect(pace.volume.lastsToEnd).toBe(false);
      expect(pace.volume.projectedAtEnd).toBe(1200 + 12 * 265);
      expect(pace.money.runsOutOn).toBe('2026-11-01');
      expect(codes(card.warnings)).toEqual(['paceMoney', 'paceVolume', 'uncovered']);
      expect(card.warnings.find((w) => w.code === 'paceVolume')!.message).toBe(
        'При нынешнем темпе объём закончится 1 ноября 2026 г. — раньше окончания срока (31 декабря 2026 г.).',
      );

      // At a slower pace it lasts to the end: no pace warning.
      const slow = await kit.call('contracts.get', { id: c.id, asOf: '2026-06-30' });
      expect(slow.control.pace.volume.lastsToEnd).toBe(true);
      expect(slow.control.pace.volume.runsOutOn! >= '2026-12-31').toBe(true);
      expect(codes(slow.warnings)).not.toContain('paceVolume');

      // Running out exactly on the last day still lasts to the end.
      const exact = await kit.call('contracts.get', { id: c.id, asOf: plusDays('2026-01-01', 120 - 1) }); // day 120: rate 10/day
      expect(exact.control.pace.volume.runsOutOn).toBe('2026-12-31');
      expect(exact.control.pace.volume.lastsToEnd).toBe(true);

      // Before the term: no rate; after it: no forecast, and «срок истёк» while still active.
      const before = await kit.call('contracts.get', { id: c.id, asOf: '2025-12-20' });
      expect(before.control.pace).toMatchObject({ state: 'not-started', elapsedDays: 0 });
      expect(before.control.pace.volume.ratePerDay).toBeNull();
      const after = await kit.call('contracts.get', { id: c.id, asOf: '2027-01-05' });
      expect(after.control.pace).toMatchObject({ state: 'ended', elapsedDays: 365, daysLeft: -5 });
      expect(codes(after.warnings)).toContain('termExpired');
    } finally {
      await kit.close();
    }
  });

  it('the date the volume was exhausted on, and the overspend', async () => {
    const kit = await openKit('2026-05-01');
    try {
      const c = await flatContract(kit, { volume: 1000, price: 10_000_000 });
      for (const [date, volume] of [['2026-02-04', 400], ['2026-03-04', 500], ['2026-04-01', 300]] as const) await kit.call('contracts.addPublication', pub(c.id, date, volume));
      const card = await kit.call('contracts.get', { id: c.id });
      expect(card.control.volume).toEqual({ plan: 1000, used: 1200, left: -200, percent: 120 });
      expect(card.control.pace.volume).toMatchObject({ exhaustedOn: '2026-04-01', runsOutOn: '2026-04-01', lastsToEnd: false });
      const full = card.warnings.find((w) => w.code === 'volumeFull')!;
      expect(full.severity).toBe('danger');
      expect(full.message).toBe('Объём исчерпан: использовано 1\u00a0200 см² из 1\u00a0000 см² (120 %), перерасход 200 см².');
    } finally {
      await kit.close();
    }
  });
});

describe('contracts: warnings', () => {
  it('80 % and 100 % of the volume, exactly at the bounds', async () => {
    const kit = await openKit('2026-12-20');
    try {
      const c = await flatContract(kit, { volume: 1000, price: 100_000_000 });
      const step = async (volume: number) => (await kit.call('contracts.addPublication', pub(c.id, '2026-12-18', volume))).warnings;
      expect(codes(await step(799))).not.toContain('volumeWarn'); // 79,9 %
      let w = await step(1); // 80 %
      expect(codes(w)).toContain('volumeWarn');
      expect(w.find((x) => x.code === 'volumeWarn')).toEqual({
        code: 'volumeWarn',
        severity: 'warning',
        message: 'Использовано 80 % объёма: 800 см² из 1\u00a0000 см², осталось 200 см².',
      });
      w = await step(199); // 99,9 %
      expect(codes(w)).toContain('volumeWarn');
      expect(codes(w)).not.toContain('volumeFull');
      w = await step(1); // 100 %
      expect(codes(w)).toContain('volumeFull');
      expect(codes(w)).not.toContain('volumeWarn');
      expect(codes(w)).not.toContain('moneyWarn'); // 10 000 ₽ of 1 000 000 ₽
    } finally {
      await kit.close();
    }
  });

  it('80 % and 100 % of the money, independently of the volume (an override moves only money)', async () => {
    const kit = await openKit('2026-06-20');
    try {
      const c = await flatContract(kit, { volume: 100_000, price: 100_000 }); // 1 000 ₽
      const add = async (amount: number) =>
        (await kit.call('contracts.addPublication', pub(c.id, '2026-06-18', 1, { override: { amount, reason: 'по счёту редакции' } }))).warnings.filter(
          (w) => w.code.startsWith('money') || w.code.startsWith('volume'),
        );
      expect(codes(await add(79_999))).toEqual([]);
      expect(codes(await add(1))).toEqual(['moneyWarn']);
      const w = await add(20_001);
      expect(codes(w)).toEqual(['moneyFull']);
      expect(w[0]!.message).toBe('Цена контракта исчерпана: публикаций на 1\u00a0000,01\u00a0₽ из 1\u00a0000,00\u00a0₽ (100 %), превышение 0,01\u00a0₽.');
      // The threshold is a setting.
      await kit.call('contracts.settings.save', { warnPercent: 90 });
      const c2 = await flatContract(kit, { number: 'МК-2', volume: 100_000, price: 100_000 });
      await kit.call('contracts.addPublication', pub(c2.id, '2026-06-18', 1, { override: { amount: 85_000, reason: 'по счёту' } }));
      expect(codes((await kit.call('contracts.get', { id: c2.id })).warnings).filter((x) => x.startsWith('money'))).toEqual([]);
    } finally {
      await kit.close();
    }
  });

  it('term ending within 30 days (a setting), «сегодня» on the last day, none for a fulfilled contract', async () => {
    const kit = await openKit('2026-06-15');
    try {
      const c = await flatContract(kit);
      const at = async (asOf: string) => (await kit.call('contracts.get', { id: c.id, asOf })).warnings.filter((w) => w.code === 'termEnding');
      expect(await at('2026-11-30')).toEqual([]); // 31 days left
      expect(await at('2026-12-01')).toEqual([{ code: 'termEnding', severity: 'warning', message: 'Срок контракта истекает 31 декабря 2026 г. (через 30 дней).' }]);
      expect((await at('2026-12-29'))[0]!.message).toBe('Срок контракта истекает 31 декабря 2026 г. (через 2 дня).');
      expect((await at('2026-12-31'))[0]!.message).toBe('Срок контракта истекает 31 декабря 2026 г. (сегодня).');
      await kit.call('contracts.settings.save', { termWarningDays: 45 });
      expect(await at('2026-11-20')).toHaveLength(1);
      await kit.call('contracts.setStatus', { id: c.id, status: 'fulfilled', date: '2026-12-01' });
      expect(await at('2026-12-20')).toEqual([]);
    } finally {
      await kit.close();
    }
  });

  it('publications not covered by an act: info in the current period, a warning once the period is over (monthly or quarterly)', async () => {
    const kit = await openKit('2026-04-05');
    try {
      const c = await flatContract(kit);
      for (const d of ['2026-02-04', '2026-02-18', '2026-03-04', '2026-03-18']) await kit.call('contracts.addPublication', pub(c.id, d, 100));
      await kit.call('contracts.addAct', { contractId: c.id, number: '1', date: '2026-03-03', periodFrom: '2026-02-01', periodTo: '2026-02-28' });
      const uncovered = async (asOf: string) => (await kit.call('contracts.get', { id: c.id, asOf })).warnings.find((w) => w.code === 'uncovered');
      expect(await uncovered('2026-04-05')).toEqual({
        code: 'uncovered',
        severity: 'info',
        message: '2 публикации (200 см², 2\u00a0000,00\u00a0₽) не вошли ни в один акт; самая ранняя — от 04.03.2026.',
      });
      expect((await uncovered('2026-04-10'))!.severity).toBe('info'); // 31 March + 10 days of grace
      expect((await uncovered('2026-04-11'))!.severity).toBe('warning');
      const card = await kit.call('contracts.get', { id: c.id });
      expect(card.publications.map((p) => p.coveredBy?.number ?? null)).toEqual(['1', '1', null, null]);
      expect(card.control.uncovered).toEqual({ count: 2, volume: 200, amount: 200_000, earliest: '2026-03-04' });

      // Quarterly acts: April's publications wait for the quarter's act without a warning until 10 July.
      await kit.call('contracts.addAct', { contractId: c.id, number: '2', date: '2026-04-03', periodFrom: '2026-03-01', periodTo: '2026-03-31' });
      await kit.call('contracts.removeAct', { id: card.acts[0]!.id });
      await kit.call('contracts.removeAct', { id: (await kit.call('contracts.get', { id: c.id })).acts[0]!.id });
      await kit.call('contracts.addAct', { contractId: c.id, number: 'I кв.', date: '2026-04-03', periodFrom: '2026-01-01', periodTo: '2026-03-31' });
      await kit.call('contracts.addPublication', pub(c.id, '2026-04-15', 100));
      expect((await uncovered('2026-07-10'))!.severity).toBe('info');
      expect((await uncovered('2026-07-11'))!.severity).toBe('warning');
    } finally {
      await kit.close();
    }
  });

  it('the same warnings on the «Сегодня» panel, for contracts in force only', async () => {
    const kit = await openKit('2026-12-11');
    try {
      const c = await flatContract(kit, { volume: 1000, price: 100_000_000 });
      await kit.call('contracts.addPublication', pub(c.id, '2026-11-04', 850));
      const items = (await kit.call('today.get', {})).filter((i) => i.section === 'contracts');
      expect(items.map((i) => [i.severity, i.detail.slice(0, 40)])).toEqual([
        ['warning', 'Использовано 85 % объёма: 850 см² из 1\u00a0000 см²'.slice(0, 40)],
        ['warning', '1 публикация (850 см², 8\u00a0500,00\u00a0₽) не вошла ни в один акт; самая ранняя — от 04.11.2026.'.slice(0, 40)],
        ['warning', 'Срок контракта истекает 31 декабря 2026 г. (через 20 дней).'.slice(0, 40)], // has a due date: sorts after
      ]);
      expect(items[0]).toMatchObject({ id: c.id, title: 'Контракт № МК-2026/01 · Газета «Маяк труда»' });
      await kit.call('contracts.setStatus', { id: c.id, status: 'terminated', date: '2026-12-10', note: 'соглашение о расторжении' });
      expect((await kit.call('today.get', {})).filter((i) => i.section === 'contracts')).toEqual([]);
    } finally {
      await kit.close();
    }
  });
});

describe('contracts: register, quote, units, settings, search', () => {
  it('list by year with control totals; quote; units dictionary; search hits', async () => {
    const kit = await openKit('2026-06-15');
    try {
      const { paper, tv } = await seedOutlets(kit);
      const a = await kit.call('contracts.create', paperContract(paper));
      const units = await kit.call('contracts.units.list', {});
      expect(units.map((u) => [u.id, u.name, u.contracts])).toEqual([
        ['cm2', 'квадратный сантиметр', 1],
        ['material', 'материал', 0],
        ['minute', 'минута эфира', 0],
        ['page', 'полоса', 0],
      ]);
      const radio = await kit.call('contracts.units.save', { name: 'выход в радиоэфир', short: 'вых.' });
      expect((await kit.call('contracts.units.list', {})).map((u) => u.id)).toContain(radio.id);
      expect((await kit.fail('contracts.units.remove', { id: 'cm2' })).message).toBe('Поле «Единица объёма»: «квадратный сантиметр» используется в контракте № МК-2026/01: её нельзя удалить');
      await kit.call('contracts.units.remove', { id: 'page' });
      expect((await kit.call('contracts.units.list', {})).map((u) => u.id)).not.toContain('page');

      const b = await kit.call('contracts.create', {
        ...paperContract(tv, { number: 'ТВ-2026/02', ikz: '', unitId: 'minute', volume: 300, price: 60_000_000, tariff: { kind: 'flat', price: 200_000 }, method: 'quotation' }),
        date: '2026-01-15',
        termStart: '2026-01-20',
      });
      await kit.call('contracts.addPublication', pub(a.id, '2026-03-04', 300, { color: true }));
      await kit.call('contracts.addPublication', pub(b.id, '2026-03-05', 5));
      await kit.call('contracts.create', paperContract(paper, { number: 'МК-2025/01', date: '2024-12-25', termStart: '2025-01-01', termEnd: '2025-12-31' }));

      const reg = await kit.call('contracts.list', { year: 2026 });
      expect(reg.rows.map((r) => r.number)).toEqual(['ТВ-2026/02', 'МК-2026/01']);
      expect(reg.totals).toMatchObject({ contracts: 2, price: 180_000_000, used: 300 * 2500 + 5 * 200_000, left: 180_000_000 - 750_000 - 1_000_000 });
      expect(reg.rows[0]!.tariffText).toBe('2\u00a0000,00\u00a0₽/мин');
      expect((await kit.call('contracts.list', { year: 2025 })).rows.map((r) => r.number)).toEqual(['МК-2025/01']);
      expect((await kit.call('contracts.list', { query: 'алейск-тв' })).rows.map((r) => r.number)).toEqual(['ТВ-2026/02']);

      const q = await kit.call('contracts.quote', { contractId: a.id, volume: 201 });
      expect(q).toMatchObject({ cost: 301_500, text: '201 × 15,00\u00a0₽/см² = 3\u00a0015,00\u00a0₽' });

      const hits = await kit.call('search.global', { query: 'МК-2026' });
      expect(hits).toContainEqual({ section: 'contracts', id: a.id, title: 'Контракт № МК-2026/01 от 25.12.2025', subtitle: 'Газета «Маяк труда» · действует' });

      expect(await kit.call('contracts.settings.get', {})).toMatchObject({ actDeadlineDays: 10, warnPercent: 80, termWarningDays: 30 });
      // A save changes only the fields it names.
      await kit.call('contracts.settings.save', { actDeadlineDays: 7 });
      await kit.call('contracts.settings.save', { warnPercent: 75 });
      expect(await kit.call('contracts.settings.get', {})).toMatchObject({ actDeadlineDays: 7, warnPercent: 75, termWarningDays: 30 });
      expect((await kit.refused('contracts.settings.save', { warnPercent: 100 })).message).toBe('Поле «Порог предупреждения, %»: не больше 99');

      // An empty contract can be removed; one with publications cannot.
      const empty = await kit.call('contracts.create', paperContract(paper, { number: 'пустой' }));
      await kit.call('contracts.remove', { id: empty.id });
      expect((await kit.fail('contracts.remove', { id: a.id })).message).toContain('удалить можно только пустой контракт');
    } finally {
      await kit.close();
    }
  });
});
