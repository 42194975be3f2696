/** The release in Word: the XML read back — real formatting, lists, the embedded photo, caption, author. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli.js';
import { scenePng } from '../../electron/backend/features/releases/png.js';
import { complete, doc, HEAD, openKit, p, SPEC, unzipDocx, type ReleasesKit } from '../helpers/releases-kit.js';

const t = (text: string, ...marks: string[]) => ({
  type: 'text',
  text,
  marks: marks.map((m) => (m === 'link' ? { type: 'link', attrs: { href: 'https://aleysk.example.ru/news/roads?a=1&b=2' } } : { type: m })),
});
const li = (...content: unknown[]) => ({ type: 'listItem', content });

const rich = doc(
  { type: 'paragraph', content: [t('Администрация '), t('напоминает', 'bold'), t(': ремонт идёт '), t('по графику', 'italic'), t(', подробности на '), t('сайте', 'link'), t('. 🚧')] },
  { type: 'heading', attrs: { level: 2 }, content: [t('Какие улицы')] },
  { type: 'orderedList', attrs: { start: 1 }, content: [li(p('Победы')), li(p('Комсомольская'), { type: 'bulletList', content: [li(p('у школы № 2'))] })] },
  p('Ещё один список:'),
  { type: 'orderedList', attrs: { start: 1 }, content: [li(p('первый')), li(p('второй'))] },
  { type: 'blockquote', content: [p('Планируйте маршрут заранее.')] },
  { type: 'paragraph', content: [t('Строка один'), { type: 'hardBreak' }, t('строка два')] },
  p('Оченьдлинноесловобезпробелов'.repeat(20)),
);

let kit: ReleasesKit;
let id: string;
const photo = scenePng(800, 533, 5);

beforeAll(async () => {
  kit = await openKit('2026-05-12T03:00:00Z');
  const r = await kit.call('releases.create', { type: 'announcement', by: SPEC });
  id = r.id;
  await kit.call('releases.save', { id, by: SPEC, ...complete, body: rich, nationalProject: 'Безопасные качественные дороги', tags: ['дороги'], plannedAt: '2026-05-20T10:00' });
  await kit.call('releases.addPhoto', { id, by: SPEC, fileName: 'street.png', base64: photo.toString('base64'), caption: 'Улица Победы перед ремонтом', author: 'Андрей Петров' });
});
afterAll(() => kit.close());

const exportOne = async (releaseId = id) => {
  const file = await kit.call('releases.exportDocx', { id: releaseId });
  if (file.kind !== 'file') throw new Error('expected a file');
  return { file, docx: unzipDocx(file.base64) };
};
/** The text of every run of a paragraph holding `text`, with that run's properties. */
const runOf = (xml: string, text: string) => {
  const at = xml.indexOf(`>${text}<`);
  expect(at, `run «${text}»`).toBeGreaterThan(0);
  return xml.slice(xml.lastIndexOf('<w:r>', at), at);
};

describe('one release', () => {
  it('is named after its type, date and headline', async () => {
    const { file } = await exportOne();
    expect(file.name).toBe('анонс 20.05.2026 В Алейске отремонтируют дороги на улице Победы.docx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('has the letterhead, the kind and date, the headline, the lead, the event facts', async () => {
    const xml = (await exportOne()).docx.xml('word/document.xml');
    for (const s of ['Администрация города Алейска Алтайского края', 'Анонс', 'г. Алейск, 20 мая 2026 г.', complete.headline, complete.lead, 'Дата и время: 1 июня 2026 г., 10:00', 'Место: ул. Победы'])
      expect(xml).toContain(s);
    expect(xml).toContain('<w:tab/>'); // the date sits at the right margin
    expect(xml).toContain('Проект: черновик'); // not approved yet: marked as a draft
  });

  it('keeps the body formatting as real Word formatting: bold and italic runs, a hyperlink, a bold heading', async () => {
    const { docx } = await exportOne();
    const xml = docx.xml('word/document.xml');
    expect(runOf(xml, 'напоминает')).toContain('<w:b/>');
    expect(runOf(xml, 'напоминает')).not.toContain('<w:i/>');
    expect(runOf(xml, 'по графику')).toContain('<w:i/>');
    expect(runOf(xml, 'Какие улицы')).toContain('<w:b/>');
    const link = /<w:hyperlink[^>]*r:id="([\w-]+)"[^>]*>(?:(?!<\/w:hyperlink>).)*сайте/.exec(xml);
    expect(link).not.toBeNull();
    const rels = docx.xml('word/_rels/document.xml.rels');
    expect(rels).toMatch(new RegExp(`Id="${link![1]}"[^>]*Target="https://aleysk.example.ru/news/roads\\?a=1&amp;b=2"[^>]*TargetMode="External"|Target="https://aleysk.example.ru/news/roads\\?a=1&amp;b=2"[^>]*Id="${link![1]}"`));
    expect(xml).toContain('🚧');
  });

  it('lists are Word lists: numbering definitions, levels, and each numbered list starting again at 1', async () => {
    const { docx } = await exportOne();
    const xml = docx.xml('word/document.xml');
    const numbering = docx.xml('word/numbering.xml');
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    const numIdOf = (text: string) => {
      const at = xml.indexOf(`>${text}<`);
      const para = xml.slice(xml.lastIndexOf('<w:p>', at), at);
      return { num: /<w:numId w:val="(\d+)"\/>/.exec(para)?.[1], level: /<w:ilvl w:val="(\d+)"\/>/.exec(para)?.[1] };
    };
    expect(numIdOf('Победы')).toMatchObject({ level: '0' });
    expect(numIdOf('Комсомольская').num).toBe(numIdOf('Победы').num);
    expect(numIdOf('у школы № 2')).toMatchObject({ level: '1' });
    expect(numIdOf('первый').num).toBeDefined();
    expect(numIdOf('первый').num).not.toBe(numIdOf('Победы').num); // a new list: numbering restarts
    expect(numIdOf('Планируйте маршрут заранее.').num).toBeUndefined();
    expect(runOf(xml, 'Планируйте маршрут заранее.')).toContain('<w:i/>');
  });

  it('embeds the photo (word/media) with its caption and author', async () => {
    const { docx } = await exportOne();
    const media = docx.names.filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(docx.bytes(media[0]!)).equals(photo)).toBe(true);
    const xml = docx.xml('word/document.xml');
    expect(xml).toMatch(/<wp:inline[^>]*>.*<wp:extent cx="\d+" cy="\d+"\/>.*<a:blip r:embed="\w+"/);
    expect(xml).toContain('Фото 1. ');
    expect(xml).toContain('Улица Победы перед ремонтом. Фото: Андрей Петров');
    expect(docx.xml('[Content_Types].xml')).toContain('png');
  });

  it('has the quote with its speaker, the contacts, the national project', async () => {
    const xml = (await exportOne()).docx.xml('word/document.xml');
    expect(xml).toContain('«Дороги — главный запрос жителей.»');
    expect(xml).toContain('— Михайлов Иван Петрович');
    expect(xml).toContain('Контакты для СМИ:');
    expect(xml).toContain('Соколова Ирина Викторовна, начальник отдела, тел. +7 (38553) 2-11-00, e-mail: press@aleysk.example.ru');
    expect(xml).toContain('Национальный проект «Безопасные качественные дороги».');
  });

  it('a WebP photo and a photo whose file is gone leave a note, and the document still opens', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8X'), Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 0x3f, 0, 0, 0x1f, 0, 0])]);
    await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'a.webp', base64: webp.toString('base64'), caption: 'WebP', author: 'А' });
    const gone = await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'gone.png', base64: scenePng(20, 20, 1).toString('base64'), caption: 'Нет файла', author: 'Б' });
    fs.rmSync(path.join(kit.dir, gone.photos[1]!.file));
    const xml = (await exportOne(r.id)).docx.xml('word/document.xml');
    expect(xml).toContain('[Фото 1 «a.webp»: формат WEBP не встраивается в документ Word — файл приложите отдельно]');
    expect(xml).toContain('[Фото 2 «gone.png»: Файл фотографии «gone.png» не найден в папке данных');
  });

  it('control characters never reach the XML, whatever the stored record holds', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const stored = kit.backend.ctx.store.get('releases', r.id)!;
    // As if an old archive carried them past the input cleaning.
    await kit.backend.ctx.store.mutate((tx) => tx.put('releases', { ...stored, headline: 'Плохой\u0001 заголовок\u001f', lead: 'Лид\u000b' }));
    const xml = (await exportOne(r.id)).docx.xml('word/document.xml');
    expect(xml).toContain('Плохой заголовок');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('a batch for a period', () => {
  it('one document: a table of contents and each release from a new page; photos optional', async () => {
    const other = await kit.call('releases.create', { type: 'statement', by: SPEC });
    await kit.call('releases.save', { id: other.id, by: SPEC, headline: 'Об отопительном сезоне', lead: 'Сезон начнётся вовремя.', plannedAt: '2026-05-21T09:00', body: doc(p('Текст сообщения.')) });
    const outside = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.save', { id: outside.id, by: SPEC, headline: 'Вне периода', plannedAt: '2026-06-15T09:00' });
    const file = await kit.call('releases.exportBatch', { from: '2026-05-20', to: '2026-05-31', statuses: [] });
    if (file.kind !== 'file') throw new Error('expected a file');
    expect(file.name).toBe('Пресс-релизы с 2026-05-20 по 2026-05-31.docx');
    const docx = unzipDocx(file.base64);
    const xml = docx.xml('word/document.xml');
    expect(xml).toContain('за период с 20 мая 2026 г. по 31 мая 2026 г.');
    expect(xml).toContain('Всего: 2 релиза.');
    expect(xml).toContain(complete.headline);
    expect(xml).toContain('Об отопительном сезоне');
    expect(xml).not.toContain('Вне периода');
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    expect(docx.names.some((n) => n.startsWith('word/media/'))).toBe(true);
    const bare = await kit.call('releases.exportBatch', { from: '2026-05-20', to: '2026-05-31', statuses: [], withPhotos: false });
    expect(unzipDocx((bare as { base64: string }).base64).names.some((n) => n.startsWith('word/media/'))).toBe(false);
    // By default only the published ones: none yet.
    const published = await kit.call('releases.exportBatch', { from: '2026-05-20', to: '2026-05-31' });
    expect(unzipDocx((published as { base64: string }).base64).xml('word/document.xml')).toContain('За этот период релизов нет');
  });
});

describe('the command line', () => {
  it('export release ID and export releases --from --to write .docx files', async () => {
    await kit.call('releases.submit', { id, by: SPEC });
    await kit.call('releases.approve', { id, by: HEAD });
    await kit.call('releases.publish', { id, by: SPEC, at: '2026-05-20T10:00' });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-rel-cli-'));
    const lines: string[] = [];
    expect(await runCli(['--data-dir', kit.dir, 'export', 'release', id, '--out', path.join(out, 'one.docx')], (l) => lines.push(l), () => {})).toBe(0);
    expect(await runCli(['--data-dir', kit.dir, 'export', 'releases', '--from', '2026-05-01', '--to', '2026-05-31', '--out', path.join(out, 'may.docx')], (l) => lines.push(l), () => {})).toBe(0);
    expect(lines.filter((l) => l.startsWith('Релиз'))).toHaveLength(2);
    const may = unzipDocx(fs.readFileSync(path.join(out, 'may.docx')).toString('base64')).xml('word/document.xml');
    expect(may).toContain(complete.headline);
    expect(may).not.toContain('Об отопительном сезоне'); // not published
    await expect(runCli(['--data-dir', kit.dir, 'export', 'releases', '--out', path.join(out, 'x.docx')], () => {}, () => {})).rejects.toThrow('Укажите период');
    fs.rmSync(out, { recursive: true, force: true });
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => fs.existsSync(f));
describe.skipIf(!soffice)('LibreOffice opens it', () => {
  it('converts the release to PDF without complaint', async () => {
    const { file } = await exportOne();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-rel-lo-'));
    const input = path.join(dir, 'release.docx');
    fs.writeFileSync(input, Buffer.from(file.base64, 'base64'));
    execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, input], { env: { ...process.env, HOME: dir }, timeout: 120_000, stdio: 'ignore' });
    expect(fs.statSync(path.join(dir, 'release.pdf')).size).toBeGreaterThan(10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
