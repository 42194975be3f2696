/**
 * The СМИ directory as a ГОСТ Р 7.0.97-2016 document: read back from the zip (word/document.xml and
 * friends) and, where LibreOffice is installed, rendered to PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileResult, Input } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { DOCX_MIME } from '../../electron/backend/docx/gost.js';
import { removeTmpDirs, tmpDir } from './api-cases.js';

afterAll(removeTmpDirs);

// 18:30 UTC on 4 June is 01:30 on 5 June in Barnaul.
const NOW = new Date('2026-06-04T18:30:00.000Z');

const organisation = (timeZone: string): Input<'settings.save'> => ({
  organisation: { name: 'Администрация города Алейска Алтайского края', city: 'Алейск', timeZone },
});

interface Docx {
  file: FileResult;
  bytes: Uint8Array;
  parts: Record<string, string>;
  document: string;
}

function read(file: FileResult): Docx {
  const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
  const zip = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(zip).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, b]) => [name, strFromU8(b)]));
  return { file, bytes, parts, document: parts['word/document.xml']! };
}

/** The visible text of a part: w:t contents joined, entities decoded (paragraphs become new lines). */
function textOf(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<(?!\/?w:t[ >])[^>]+>/g, '')
    .replace(/<\/?w:t[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
/** A minimal well-formedness check: no character XML 1.0 forbids, tags balanced. */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const bad = xml.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g);
  if (bad) problems.push(`forbidden characters: ${bad.map((c) => c.charCodeAt(0).toString(16)).join(',')}`);
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[0].startsWith('<?')) continue;
    if (m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) {
        problems.push(`unbalanced </${m[2]}>`);
        break;
      }
    } else stack.push(m[2]!);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

let dir: string;
let backend: Backend;
const files: string[] = [];

async function exportDocx(input: Input<'outlets.exportDocx'> = {}): Promise<Docx> {
  const outcome = await backend.invoke('outlets.exportDocx', input);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return read(outcome.result as FileResult);
}
async function create(input: Input<'outlets.create'>) {
  const outcome = await backend.invoke('outlets.create', input);
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  return outcome.ok ? (outcome.result as { id: string }) : { id: '' };
}

beforeAll(async () => {
  dir = tmpDir('docx');
  backend = await openBackend({ dataDir: dir, now: () => NOW });
});
afterAll(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an empty directory', () => {
  it('still makes a document, which says there are no outlets', async () => {
    const d = await exportDocx();
    const text = textOf(d.document);
    expect(text).toContain('Справочник средств массовой информации');
    expect(text).toContain('В справочнике нет СМИ');
    expect(text).toContain('Всего в справочнике: 0 СМИ.');
    expect(text).not.toContain('Администрация'); // no settings yet: no letterhead
    // without settings the date is given in Moscow time
    expect(text).toContain('по состоянию на 4 июня 2026 г.');
    expect(wellFormed(d.document)).toEqual([]);
  });
});

describe('the directory', () => {
  let d: Docx;
  beforeAll(async () => {
    expect((await backend.invoke('settings.save', organisation('Asia/Barnaul'))).ok).toBe(true);
    await create({
      name: 'Газета «Маяк труда»',
      kind: 'newspaper',
      officialPublisher: true,
      address: '658130, Алтайский край, г. Алейск, ул. Победы, 52',
      website: 'https://mayak-truda.ru',
      contacts: [
        { name: 'Кузнецова Галина Петровна', position: 'главный редактор', phone: '+7 (38553) 2-15-40', email: 'redaktor@mayak-truda.ru' },
        { name: 'Орлова Светлана Николаевна', position: 'ответственный секретарь', phone: '+7 (38553) 2-17-02', email: 'sekretar@mayak-truda.ru' },
      ],
      notes: 'Выходит по средам и пятницам.\nСдача материалов — за два дня до выхода.',
    });
    await create({ name: '«Газета» & <Новости>', kind: 'online', notes: 'Кавычки "двойные" и \'одинарные\', знак < и > и &amp;' });
    await create({ name: 'Телекомпания «Алейск-ТВ»', kind: 'tv', contacts: [{ name: 'Фролов Дмитрий Игоревич', phone: '+7 (38553) 2-44-10' }] });
    const old = await create({ name: 'Газета «Алейская жизнь»', kind: 'newspaper' });
    expect((await backend.invoke('outlets.archive', { id: old.id, archived: true })).ok).toBe(true);
    // Many rows, so the table runs onto a second page.
    for (let i = 1; i <= 40; i++) await create({ name: `Паблик «Алейск ${i}»`, kind: 'social', contacts: [{ name: `Администратор ${i}`, phone: `+7 913 000-00-${String(i).padStart(2, '0')}` }] });
    d = await exportDocx();
    files.push(path.join(tmpDir('docx-out'), d.file.name));
    fs.writeFileSync(files[0]!, d.bytes);
  });

  it('is a .docx named with the date in the organisation’s time zone', () => {
    expect(d.file.kind).toBe('file');
    expect(d.file.mime).toBe(DOCX_MIME);
    expect(d.file.name).toBe('Справочник СМИ 2026-06-05.docx');
    expect(Buffer.from(d.bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(Object.keys(d.parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/_rels/document.xml.rels']));
    for (const [name, xml] of Object.entries(d.parts)) expect(wellFormed(xml), name).toEqual([]);
  });

  it('page setup: A4 landscape, margins left 30 mm, right 15 mm, top and bottom 20 mm', () => {
    const sections = d.document.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(1);
    const pgSz = attrs(/<w:pgSz [^>]*\/>/.exec(sections[0]!)![0]);
    expect(pgSz).toEqual({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    const pgMar = attrs(/<w:pgMar [^>]*\/>/.exec(sections[0]!)![0]);
    expect(pgMar).toMatchObject({ 'w:left': '1701', 'w:right': '851', 'w:top': '1134', 'w:bottom': '1134' });
  });

  it('Times New Roman, 14 pt by default, 12 pt in the table', () => {
    const styles = d.parts['word/styles.xml']!;
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    expect(attrs(/<w:rFonts [^>]*\/>/.exec(defaults)![0])).toMatchObject({ 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman' });
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:lang w:val="ru-RU"/>');
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(d.document)![0];
    const sizes = new Set([...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect([...sizes]).toEqual(['24']);
    const fonts = new Set([...d.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    // the letterhead, title and date outside the table are 14 pt
    const beforeTable = d.document.slice(0, d.document.indexOf('<w:tbl>'));
    expect(new Set([...beforeTable.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]))).toEqual(new Set(['28']));
  });

  it('no page number on the title page; PAGE centred in the default header from page 2', () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(d.document)![0];
    expect(sect).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    const rels = d.parts['word/_rels/document.xml.rels']!;
    const target = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(sect)![1];
      return `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
    };
    const main = d.parts[target('default')]!;
    expect(main).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
    expect(main).toContain('<w:jc w:val="center"/>');
    const first = d.parts[target('first')]!;
    expect(first).not.toContain('PAGE');
    expect(first).toMatch(/<w:p[ />]/); // an empty paragraph: a header part with none is invalid
  });

  it('the table fills the text width, repeats its header row, never splits a row', () => {
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(d.document)![0];
    const width = Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>|<w:tblW w:w="(\d+)" w:type="dxa"\/>/.exec(table)!.slice(1).find(Boolean));
    expect(width).toBe(16838 - 1701 - 851);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(6);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(1 + 43);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(textOf(rows[0]!).split('\n').filter(Boolean)).toEqual(['№ п/п', 'Наименование СМИ', 'Вид', 'Адрес, сайт', 'Контактные лица', 'Примечание']);
  });

  it('holds the outlets in Russian alphabetical order with their contacts; archived ones left out', () => {
    const text = textOf(d.document);
    expect(text).toContain('Администрация города Алейска Алтайского края'); // the letterhead, set in capitals by formatting
    expect(d.document).toContain('<w:caps/>');
    for (const s of [
      'Газета «Маяк труда»',
      '(официальный публикатор МПА)',
      '658130, Алтайский край, г. Алейск, ул. Победы, 52',
      'https://mayak-truda.ru',
      'Кузнецова Галина Петровна, главный редактор',
      '+7 (38553) 2-15-40',
      'redaktor@mayak-truda.ru',
      'Орлова Светлана Николаевна, ответственный секретарь',
      'sekretar@mayak-truda.ru',
      'Выходит по средам и пятницам.\nСдача материалов — за два дня до выхода.',
      'Телекомпания «Алейск-ТВ»',
      'Фролов Дмитрий Игоревич',
      'Паблик «Алейск 40»',
      'паблик/канал',
      'ТВ',
      'Всего в справочнике: 43 СМИ.',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Алейская жизнь');
    const order = ['«Газета» & <Новости>', 'Газета «Маяк труда»', 'Паблик «Алейск 1»', 'Паблик «Алейск 2»', 'Паблик «Алейск 10»', 'Телекомпания «Алейск-ТВ»'].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('the second contact of an outlet is set apart from the first', () => {
    const at = d.document.indexOf('Орлова Светлана Николаевна');
    const paragraph = d.document.slice(d.document.lastIndexOf('<w:p>', at), at);
    expect(paragraph).toMatch(/<w:spacing w:before="\d+"\/>/);
  });

  it('dates the directory in the organisation’s time zone', async () => {
    expect(textOf(d.document)).toContain('по состоянию на 5 июня 2026 г.');
    expect((await backend.invoke('settings.save', organisation('Europe/Moscow'))).ok).toBe(true);
    try {
      const moscow = await exportDocx();
      expect(textOf(moscow.document)).toContain('по состоянию на 4 июня 2026 г.');
      expect(moscow.file.name).toBe('Справочник СМИ 2026-06-04.docx');
    } finally {
      await backend.invoke('settings.save', organisation('Asia/Barnaul'));
    }
  });

  it('escapes XML special characters', () => {
    expect(d.document).toContain('«Газета» &amp; &lt;Новости&gt;');
    expect(d.document).not.toContain('<Новости>');
    expect(textOf(d.document)).toContain('Кавычки "двойные" и \'одинарные\', знак < и > и &amp;');
    expect(d.document).toContain('&amp;amp;');
  });

  it('with includeArchived, archived outlets are listed and marked', async () => {
    const all = await exportDocx({ includeArchived: true });
    const text = textOf(all.document);
    expect(text).toContain('Газета «Алейская жизнь»\n(в архиве)');
    expect(text).toContain('Всего в справочнике: 44 СМИ.');
  });
});

describe('text XML cannot carry', () => {
  it('control characters in user text (a vertical tab from Word, a NUL) do not break the document', async () => {
    const scratch = tmpDir('docx-control');
    const b = await openBackend({ dataDir: scratch, now: () => NOW });
    try {
      const created = await b.invoke('outlets.create', { name: 'Газета\u0001 «Вестник»', kind: 'newspaper', address: 'ул.\u000bЛенина, 5', notes: 'строка\u0000ноль\u001fконец\uFFFF' });
      expect(created.ok).toBe(true);
      const outcome = await b.invoke('outlets.exportDocx', {});
      if (!outcome.ok) throw new Error(outcome.error.message);
      const d = read(outcome.result as FileResult);
      for (const [name, xml] of Object.entries(d.parts)) expect(wellFormed(xml), name).toEqual([]);
      const text = textOf(d.document);
      expect(text).toContain('Газета «Вестник»');
      expect(text).toContain('строканольконец');
      const file = path.join(tmpDir('docx-control-out'), 'control.docx');
      fs.writeFileSync(file, d.bytes);
      files.push(file);
    } finally {
      await b.close();
    }
  });
});

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);

describe('LibreOffice', () => {
  it.skipIf(!soffice)(
    soffice ? 'renders every exported document to a non-empty PDF' : 'renders the document to PDF — skipped: soffice (LibreOffice) is not on PATH',
    () => {
      expect(files.length).toBeGreaterThan(0);
      const out = tmpDir('docx-pdf');
      const home = tmpDir('docx-lo-home'); // a profile of its own: no clash with another LibreOffice
      for (const file of files) {
        const r = spawnSync(soffice!, ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, file], { env: { ...process.env, HOME: home }, timeout: 180_000, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        const pdf = path.join(out, path.basename(file).replace(/\.docx$/, '.pdf'));
        expect(fs.existsSync(pdf), `${pdf}: ${r.stdout} ${r.stderr}`).toBe(true);
        const bytes = fs.readFileSync(pdf);
        expect(bytes.length).toBeGreaterThan(1000);
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      }
      // The directory (43 rows) runs onto a second page, where the header row is repeated.
      const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
      if (pdftotext) {
        const pdf = path.join(out, path.basename(files[0]!).replace(/\.docx$/, '.pdf'));
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
        const pages = text.split('\f').filter((p) => p.trim());
        expect(pages.length).toBeGreaterThan(1);
        for (const page of pages) expect(page).toContain('Наименование СМИ');
        expect(pages[0]).not.toMatch(/^\s*1\s*$/m);
        expect(pages[1]).toMatch(/^\s*2\s*$/m);
      }
    },
  );
});
