import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli.js';
import { formatMoney } from '../../electron/backend/format.js';
import { removeTempDirs } from '../helpers/tmp.js';
import { docxRows, docxXml, openKit, paperContract, pub, seedOutlets } from './contracts-kit.js';

afterEach(() => removeTempDirs());

/** «1 234,50» as the documents' tables print money (the column title says ₽). */
const rub = (k: number) => formatMoney(k).replace(/\u00a0₽$/, '');

describe('contracts: DOCX', () => {
  it('statement: banded contract logged to the 80 % warning, an act and a payment; the totals are the card’s', async () => {
    const kit = await openKit('2026-05-20');
    try {
      const { paper } = await seedOutlets(kit);
      const c = await kit.call('contracts.create', paperContract(paper, { volume: 4000, price: 4_500_000 }));
      const dates = ['2026-02-04', '2026-02-11', '2026-02-18', '2026-03-04', '2026-03-11', '2026-04-01', '2026-04-15', '2026-05-06', '2026-05-13'];
      let warnings: { code: string }[] = [];
      let i = 0;
      while (!warnings.some((w) => w.code === 'volumeWarn' || w.code === 'moneyWarn')) {
        const volume = [150, 420, 380, 200, 510][i % 5]!;
        const r = await kit.call('contracts.addPublication', pub(c.id, dates[i]!, volume, { color: i === 2, issue: `№ ${10 + i}`, title: `Материал ${i + 1}` }));
        warnings = r.warnings;
        i++;
      }
      expect(i).toBeGreaterThan(5);
      await kit.call('contracts.addAct', { contractId: c.id, number: '1', date: '2026-03-02', periodFrom: '2026-02-01', periodTo: '2026-02-28' });
      const afterAct = await kit.call('contracts.get', { id: c.id });
      await kit.call('contracts.addPayment', { contractId: c.id, date: '2026-03-20', amount: afterAct.acts[0]!.amount - 10_000, order: '431', actId: afterAct.acts[0]!.id });
      const card = await kit.call('contracts.get', { id: c.id });
      const ctl = card.control;
      expect(ctl.owed).toBe(10_000);

      const out = await kit.call('contracts.exportStatement', { id: c.id });
      expect(out).toMatchObject({ kind: 'file', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      const file = out as { name: string; base64: string };
      expect(file.name).toBe('Ведомость контракта МК-2026 01 на 2026-05-20.docx');
      const xml = docxXml(file.base64);
      expect(xml).toContain('Ведомость исполнения муниципального контракта');
      expect(xml).toContain('№ МК-2026/01 от 25 декабря 2025 г. по состоянию на 20 мая 2026 г.');
      expect(xml).toContain('Times New Roman');
      const rows = docxRows(xml);
      const totals = rows.filter((r) => r.includes('Итого'));
      expect(totals).toEqual([
        ` |  |  | Итого | ${ctl.volume.used.toLocaleString('ru-RU')} | ${rub(ctl.money.used)} | `,
        ` | Итого |  | ${ctl.acts.volume.toLocaleString('ru-RU')} | ${rub(ctl.acts.amount)} | ${rub(ctl.paid)}`,
        ` | Итого |  |  | ${rub(ctl.paid)}`,
      ]);
      const balance = Object.fromEntries(rows.slice(-7).map((r) => r.split(' | ')));
      expect(balance).toEqual({
        'Цена контракта': rub(4_500_000),
        'Стоимость публикаций': rub(ctl.money.used),
        'Остаток цены контракта': rub(ctl.money.left),
        'Принято по актам': rub(ctl.acts.amount),
        Оплачено: rub(ctl.paid),
        'Задолженность по принятым актам': rub(10_000),
        'Публикации, не вошедшие в акты': rub(ctl.uncovered.amount),
      });
      // Each publication row carries its cost; colour is marked; the act covering it is named.
      const pubRows = rows.filter((r) => /^\d+ \| \d\d\.\d\d\.2026 \| № 1\d/.test(r));
      expect(pubRows).toHaveLength(card.publications.length);
      expect(pubRows[2]).toBe(`3 | 18.02.2026 | № 12 | Материал 3 | 380 цвет | ${rub(380 * 2500)} | 1`);
      expect(pubRows.at(-1)).toContain(' | —');
      expect(xml).toContain(card.warnings.find((w) => w.code.endsWith('Warn'))!.message);
      expect(xml).toContain('Соколова');
    } finally {
      await kit.close();
    }
  });

  it('register for a year: landscape, one row per contract, totals = contracts.list totals; CLI exports both', async () => {
    const kit = await openKit('2026-06-15');
    const { paper, tv } = await seedOutlets(kit);
    const a = await kit.call('contracts.create', paperContract(paper));
    const b = await kit.call('contracts.create', paperContract(tv, { number: 'ТВ-2', unitId: 'minute', ikz: '', volume: 300, price: 60_000_000, tariff: { kind: 'flat', price: 200_000 } }));
    await kit.call('contracts.addPublication', pub(a.id, '2026-03-04', 640));
    await kit.call('contracts.addPublication', pub(b.id, '2026-03-05', 7));
    await kit.call('contracts.create', paperContract(paper, { number: 'старый', termStart: '2025-01-01', termEnd: '2025-12-31' }));
    const list = await kit.call('contracts.list', { year: 2026 });
    const out = (await kit.call('contracts.exportRegister', { year: 2026 })) as { name: string; base64: string };
    expect(out.name).toBe('Реестр контрактов со СМИ 2026.docx');
    const xml = docxXml(out.base64);
    expect(xml).toContain('w:orient="landscape"');
    const rows = docxRows(xml);
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows.at(-1)).toBe(` | Итого |  | ${rub(list.totals.price)} |  | ${rub(list.totals.used)} | ${rub(list.totals.acted)} | ${rub(list.totals.paid)} | ${rub(list.totals.left)}`);
    expect(xml).not.toContain('старый');
    await kit.close();

    const dir = kit.dir;
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const regFile = path.join(dir, 'out', 'реестр.docx');
    expect(await runCli(['--data-dir', dir, 'export', 'contracts', '--year', '2026', '--out', regFile], log)).toBe(0);
    expect(docxRows(docxXml(fs.readFileSync(regFile).toString('base64')))).toHaveLength(4);
    const stFile = path.join(dir, 'out', 'ведомость.docx');
    expect(await runCli(['--data-dir', dir, 'export', 'contract', 'тв-2', '--out', stFile], log)).toBe(0);
    expect(docxXml(fs.readFileSync(stFile).toString('base64'))).toContain('Телекомпания «Алейск-ТВ»');
    expect(lines).toEqual([`Реестр контрактов за 2026 год сохранён: ${regFile}`, `Ведомость контракта сохранена: ${stFile}`]);
    await expect(runCli(['--data-dir', dir, 'export', 'contract', 'нет-такого', '--out', stFile], log)).rejects.toThrow('Контракт № нет-такого не найден в реестре.');
    const help: string[] = [];
    await runCli(['--help'], (l) => help.push(l));
    expect(help.join('\n')).toContain('export contract НОМЕР --out ФАЙЛ.docx');
  });
});

describe('contracts: demo year for Алейск', () => {
  it('two years: the newspaper (bands, colour) and TV contracts, ~2 publications a week, monthly acts, payments, some acts late, 11 сборников', async () => {
    const kit = await openKit('2026-11-22');
    try {
      const { counts } = await kit.call('system.fillDemo', { years: 2 });
      expect(counts).toMatchObject({ contracts: 4 });
      const reg = await kit.call('contracts.list', { year: 2025 });
      const paper = reg.rows.find((r) => r.outlet.name.includes('Маяк труда'))!;
      expect(paper).toMatchObject({ status: 'fulfilled', method: 'single', law: '44', unit: { id: 'cm2' } });
      expect(paper.price).toBeGreaterThan(100_000_000);
      expect(paper.control.publications).toBeGreaterThan(80);
      expect(paper.control.publications).toBeLessThan(140);
      expect(paper.control.acts.count).toBe(12);
      expect(paper.control.uncovered.count).toBe(0);
      expect(paper.control.owed).toBe(0);
      expect(paper.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
      const tv = reg.rows.find((r) => r.unit.id === 'minute')!;
      expect(tv.control.acts.count).toBe(4);

      const card = await kit.call('contracts.get', { id: paper.id });
      expect(card.publications.some((p) => p.color)).toBe(true);
      expect(card.publications.some((p) => p.act)).toBe(true);
      // Every act's amount is what its publications cost.
      for (const a of card.acts) expect(a.amount).toBe(a.publicationsAmount);

      const acts = await kit.call('contracts.actsRegister', { year: 2025 });
      expect(acts.collections.count).toBe(11);
      expect(acts.totals.late).toBeGreaterThan(0);
      expect(acts.totals.onTime).toBeGreaterThan(acts.totals.late);

      const now = await kit.call('contracts.list', { year: 2026 });
      expect(now.rows.every((r) => r.status === 'active')).toBe(true);
      const today = await kit.call('today.get', {});
      expect(today.some((i) => i.section === 'contracts')).toBe(true);
      expect((await kit.call('search.global', { query: 'Маяк' })).some((h) => h.section === 'contracts')).toBe(true);
    } finally {
      await kit.close();
    }
  });
});
