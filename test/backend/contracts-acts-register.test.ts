import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/tmp.js';
import { docxRows, docxXml, openKit, paperContract, pub, seedOutlets } from './contracts-kit.js';

afterEach(() => removeTempDirs());

const act = (number: string, signedOn: string, kind: 'resolution' | 'order' | 'decision' | 'other' = 'resolution') => ({ kind, number, signedOn, title: `О мерах № ${number}` });

describe('contracts: register of municipal acts published', () => {
  it('deadline: on the 10th day after signing is on time, the 11th is late; the first publication counts', async () => {
    const kit = await openKit('2026-06-30');
    try {
      const { paper } = await seedOutlets(kit);
      const c = await kit.call('contracts.create', paperContract(paper));
      const inPaper = (date: string, a: ReturnType<typeof act>, issue: string) =>
        kit.call('contracts.addPublication', pub(c.id, date, 400, { kind: 'act', title: a.title, act: a, issue }));
      await inPaper('2026-03-11', act('101', '2026-03-01'), '№ 20'); // day 10: on time
      await inPaper('2026-03-12', act('102', '2026-03-01'), '№ 21'); // day 11: late by 1
      await inPaper('2026-03-04', act('103', '2026-03-04'), '№ 19'); // the same day
      await inPaper('2026-04-15', act('7', '2026-03-20', 'decision'), '№ 30'); // 26 days: late by 16 …
      // … but it was in a «сборник НПА» on 28 March first (8 days): on time after all.
      const col = await kit.call('contracts.collections.save', { number: '3', date: '2026-03-28', acts: [act('7', '2026-03-20', 'decision'), act('12', '2025-12-30', 'decision')] });
      expect(col.title).toBe('Сборник нормативно-правовых актов муниципального образования');
      await kit.call('contracts.collections.save', { number: '1', date: '2026-01-30', acts: [act('1', '2026-01-20', 'decision')] });
      await kit.call('contracts.collections.save', { number: '12', date: '2025-12-26', acts: [act('99', '2025-12-20', 'decision')] });

      const reg = await kit.call('contracts.actsRegister', { year: 2026 });
      expect(reg.deadlineDays).toBe(10);
      expect(reg.rows.map((r) => [r.number, r.signedOn, r.publishedOn, r.deadline, r.daysAfterSigning, r.onTime, r.daysLate])).toEqual([
        ['12', '2025-12-30', '2026-03-28', '2026-01-09', 88, false, 78],
        ['1', '2026-01-20', '2026-01-30', '2026-01-30', 10, true, 0],
        ['101', '2026-03-01', '2026-03-11', '2026-03-11', 10, true, 0],
        ['102', '2026-03-01', '2026-03-12', '2026-03-11', 11, false, 1],
        ['103', '2026-03-04', '2026-03-04', '2026-03-14', 0, true, 0],
        ['7', '2026-03-20', '2026-03-28', '2026-03-30', 8, true, 0],
      ]);
      const seven = reg.rows.find((r) => r.number === '7')!;
      expect(seven.kindLabel).toBe('решение городского Собрания депутатов');
      expect(seven.places.map((p) => [p.source, p.where, p.date])).toEqual([
        ['collection', 'Сборник НПА № 3', '2026-03-28'],
        ['newspaper', 'Газета «Маяк труда», № 30', '2026-04-15'],
      ]);
      expect(reg.totals).toEqual({ acts: 6, onTime: 4, late: 2, inNewspaper: 4, inCollections: 3 });
      expect(reg.collections).toMatchObject({ count: 2, acts: 3 });
      expect(reg.collections.items.map((i) => i.number)).toEqual(['1', '3']);
      expect((await kit.call('contracts.actsRegister', { year: 2026, onlyLate: true })).rows.map((r) => r.number)).toEqual(['12', '102']);
      expect((await kit.call('contracts.actsRegister', { year: 2025 })).rows.map((r) => r.number)).toEqual(['99']);

      // The deadline is a setting.
      await kit.call('contracts.settings.save', { actDeadlineDays: 5 });
      const five = await kit.call('contracts.actsRegister', { year: 2026 });
      expect(five.rows.filter((r) => !r.onTime).map((r) => r.number)).toEqual(['12', '1', '101', '102', '7']);

      // The DOCX says the same.
      const doc = await kit.call('contracts.exportActsRegister', { year: 2026 });
      const xml = docxXml((doc as { base64: string }).base64);
      const rows = docxRows(xml);
      expect(rows).toHaveLength(1 + 6);
      expect(rows[4]).toContain('с опозданием на 6 дней');
      expect(rows[5]).toContain('в срок');
      expect(xml).toContain('Всего опубликовано 6 актов: в срок — 1, с нарушением срока — 5');
      expect(xml).toContain('выпущено 2 сборника нормативно-правовых актов (3 акта)');
    } finally {
      await kit.close();
    }
  });

  it('«сборники НПА»: listed by year, numbers unique in a year, acts signed before the issue, removable', async () => {
    const kit = await openKit('2026-06-30');
    try {
      await seedOutlets(kit);
      const first = await kit.call('contracts.collections.save', { number: '1', date: '2026-02-25', title: 'Сборник НПА МО г. Алейск', acts: [act('5', '2026-02-20')] });
      const e = await kit.refused('contracts.collections.save', { number: ' 1 ', date: '2026-05-25', acts: [] });
      expect(e.message).toBe('Поле «Номер сборника»: сборник № 1 от 25.02.2026 за этот год уже есть');
      const late = await kit.refused('contracts.collections.save', { number: '2', date: '2026-03-25', acts: [act('6', '2026-03-20'), act('7', '2026-03-26')] });
      expect(late.message).toBe('Поле «Дата подписания акта № 2»: позже даты выхода сборника');
      expect(late.issues?.[0]?.field).toBe('acts.1.signedOn');
      await kit.call('contracts.collections.save', { number: '1', date: '2025-02-25', acts: [] }); // another year: fine
      const edited = await kit.call('contracts.collections.save', { id: first.id, number: '1', date: '2026-02-26', title: 'Сборник НПА МО г. Алейск', acts: [] });
      expect(edited).toMatchObject({ id: first.id, date: '2026-02-26', acts: [] });
      expect((await kit.call('contracts.collections.list', { year: 2026 })).map((c) => c.date)).toEqual(['2026-02-26']);
      expect(await kit.call('contracts.collections.list', {})).toHaveLength(2);
      await kit.call('contracts.collections.remove', { id: first.id });
      expect(await kit.call('contracts.collections.list', { year: 2026 })).toEqual([]);
    } finally {
      await kit.close();
    }
  });
});
