/**
 * The report as DOCX from the demo town (two years): XML checked (edited sentence, tables, chart images, title
 * page), opened by LibreOffice, exported by the CLI; an export while data is being written reads one snapshot.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli.js';
import { snapshotOf } from '../../electron/backend/features/reports/snapshot.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';
import { openReportKit, post, sentenceOf, type ReportKit } from './reports-kit.js';

const soffice = (() => {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function unzip(base64: string) {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return { xml: strFromU8(files['word/document.xml']!), media: Object.keys(files).filter((f) => f.startsWith('word/media/')), files };
}
/** Visible text of the document, paragraphs joined by newlines. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

let kit: ReportKit;
const EDITED = 'В 2026 году сайт администрации стал главным источником городских новостей: 2 893 сообщения.';
beforeAll(async () => {
  kit = await openReportKit('2026-11-22T05:00:00Z');
  await kit.call('system.fillDemo', { years: 2 });
});
afterAll(async () => {
  await kit.backend.close();
  removeTempDirs();
});

describe('report DOCX', () => {
  it('has the title page, contents, the edited sentence, the tables and the charts', async () => {
    const view = await kit.call('reports.get', { year: 2026 });
    expect(view.tasksDone).toHaveLength(4);
    await kit.call('reports.save', {
      year: 2026,
      sentences: [{ key: 'site.total', text: EDITED }],
      tasksDone: [{ id: view.tasksDone[3].id, done: false, comment: 'В 2026 году не реализован план по созданию новой версии официального сайта.' }],
    });
    const doc = await kit.call('reports.exportDocx', { year: 2026 });
    expect(doc).toMatchObject({ kind: 'file', name: 'Отчёт 2026 год.docx' });
    const { xml, media, files } = unzip(doc.base64);
    const text = textOf(xml);
    expect(text).toContain('Алейскому городскому Собранию депутатов');
    expect(text).toContain('Администрация города Алейска Алтайского края'); // capitals by the run's allCaps
    expect(text).toContain('о деятельности в области информационной политики за 2026 год');
    expect(text).toContain('Содержание');
    expect(text).toContain('1. Что наиболее значительное удалось сделать в области информационной политики в 2026 году');
    expect(text).toContain('3. Какие задачи стоят в 2027 году');
    expect(text).toContain(EDITED);
    expect(text).not.toContain(sentenceOf(view, 'site.total'));
    expect(text).toContain('4. создание новой версии официального сайта администрации города — не выполнено. В 2026 году не реализован план по созданию новой версии официального сайта.');
    expect(text).toContain('Период ещё не завершён: данные приведены по состоянию на 22.11.2026.');
    // Tables: one per section with data, the appendices; each with the two years and the change.
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(10);
    expect(text).toMatch(/Таблица 1 — Официальный сайт: 2026 г\. в сравнении с 2025 г\./);
    expect(text).toContain('Показатель\n2026 г.\n2025 г.\nИзменение');
    // Three charts, rendered to PNG at twice their size in the document.
    expect(media).toHaveLength(3);
    for (const m of media) {
      const png = files[m]!;
      expect(Buffer.from(png.slice(1, 4)).toString()).toBe('PNG');
      expect(Buffer.from(png.slice(16, 20)).readUInt32BE(0)).toBe(1240);
    }
    expect(xml.match(/<w:drawing>/g)).toHaveLength(3);
    expect(text).toContain('Рисунок 1 — Публикации на официальном сайте по месяцам');
    expect(text).toContain('Приложение 1. Сводная таблица показателей');
  });

  it('opens in LibreOffice', async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice (soffice) is not installed here');
    const dir = tempDir('pd-report-pdf-');
    const doc = await kit.call('reports.exportDocx', { year: 2026 });
    const file = path.join(dir, 'report.docx');
    fs.writeFileSync(file, Buffer.from(doc.base64, 'base64'));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { env: { ...process.env, HOME: dir }, timeout: 120_000, stdio: 'ignore' });
    expect(fs.statSync(path.join(dir, 'report.pdf')).size).toBeGreaterThan(20_000);
  });

  it('says plainly when the period has no data', async () => {
    const doc = await kit.call('reports.exportDocx', { year: 2030, period: 'q1' });
    const { xml, media } = unzip(doc.base64);
    expect(textOf(xml)).toContain('Данных за I квартал 2030 г. в программе нет');
    expect(textOf(xml)).not.toMatch(/размещено 0 /);
    expect(media).toHaveLength(0);
  });

  it('an export while posts are being written reads one consistent snapshot', async () => {
    const store = kit.backend.ctx.store;
    const siteTotal = async () => (await kit.call('reports.get', { year: 2026 })).sections.find((s: any) => s.id === 'site').figures[0].value as number;
    const start = await siteTotal();
    const snap = snapshotOf(store);
    const before = snap.all('sitePublications').length;
    const writes = Array.from({ length: 20 }, (_, i) =>
      store.mutate((tx) => {
        for (let k = 0; k < 25; k++) tx.put('sitePublications', post(`2026-0${1 + (i % 9)}-1${k % 9}T03:00:00.000Z`, { hasPhoto: k % 2 === 0 }));
      }),
    );
    const exports = [kit.call('reports.exportDocx', { year: 2026 }), kit.call('reports.exportDocx', { year: 2026 })];
    await Promise.all(writes);
    // The snapshot taken before the writes still sees none of them.
    expect(snap.all('sitePublications').length).toBe(before);
    for (const doc of await Promise.all(exports)) {
      const text = textOf(unzip(doc.base64).xml);
      // Within one document the total in the table, its photo count and the monthly appendix agree.
      const rows = text.split('\n');
      const total = Number(rows[rows.indexOf('Информационных сообщений на официальном сайте') + 1]!.replace(/\D/g, ''));
      const itogo = Number(rows[rows.lastIndexOf('Итого') + 1]!.replace(/\D/g, ''));
      expect(itogo).toBe(total);
      // Whole writes only: each adds 25 posts of 2026.
      expect((total - start) % 25).toBe(0);
    }
    expect(await siteTotal()).toBe(start + 500);
  });
});

describe('CLI', () => {
  it('export report --year Y [--period] --out FILE.docx', async () => {
    const dir = tempDir('pd-report-cli-');
    const k = await openReportKit('2026-11-22T05:00:00Z', dir);
    await k.call('system.fillDemo', { years: 2 });
    await k.backend.close();
    const out = path.join(dir, 'out', 'report.docx');
    const lines: string[] = [];
    expect(await runCli(['--data-dir', dir, 'export', 'report', '--year', '2025', '--period', 'h2', '--out', out], (l) => lines.push(l), () => undefined)).toBe(0);
    expect(lines[0]).toBe(`Отчёт сохранён: ${out}`);
    const text = textOf(unzip(fs.readFileSync(out).toString('base64')).xml);
    expect(text).toContain('о деятельности в области информационной политики за II полугодие 2025 г.');
    await expect(runCli(['--data-dir', dir, 'export', 'report', '--year', '2025', '--period', 'q5', '--out', out], () => undefined, () => undefined)).rejects.toThrow('Параметр --period: ожидается q1, q2, q3, q4, h1 или h2, получено «q5».');
    const help: string[] = [];
    await runCli(['--help'], (l) => help.push(l));
    expect(help.join('\n')).toContain('export report --year ГОД [--period q1|q2|q3|q4|h1|h2] --out ФАЙЛ.docx');
  });
});
