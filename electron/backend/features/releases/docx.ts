/**
 * A release on the organisation's letterhead (ГОСТ Р 7.0.97-2016), and a batch of releases for a
 * period as one document: headline, date, lead, body with its formatting, quotes with their
 * speakers, photos with caption and author, contacts for media.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import type { FileResult } from '../../api.js';
import type { AppStore } from '../../collections.js';
import { letterhead, note, subtitle, table, title } from '../../docx/blocks.js';
import { GOST, gostDocument, safeFileName, textWidth, toFileResult } from '../../docx/gost.js';
import { countOf, formatDateLong, formatDateShort } from '../../format.js';
import { BodyWriter, xmlText } from './docx-body.js';
import { readPhoto } from './photos.js';
import type { BodyDoc } from './body.js';
import { plainText } from './render.js';
import { releaseChannels, releaseStatuses, releaseTypes, type Photo, type Release } from './schema.js';
import { dayOf } from './view.js';

export interface DocxContext {
  store: AppStore;
  dataDir: string;
  tz: string;
  now: Date;
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; color?: string; allCaps?: boolean } = {}) =>
  new TextRun({ text: xmlText(text), font: GOST.font, size: o.size ?? GOST.textSize, bold: o.bold, italics: o.italics, color: o.color, allCaps: o.allCaps });

const justified = (children: TextRun[], o: { before?: number; after?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: GOST.firstLineIndent }, spacing: { line: 360, before: o.before, after: o.after }, children });

/** «АНОНС», «ПРЕСС-РЕЛИЗ» … — what the document calls itself. */
const docKind: Record<Release['type'], string> = {
  announcement: 'Анонс',
  postRelease: 'Пресс-релиз',
  statement: 'Официальное сообщение',
  news: 'Новость',
  greeting: 'Поздравление',
  warning: 'Предупреждение',
};

function when(iso: string | null, tz: string): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDateLong(`${iso}T12:00:00Z`, 'UTC');
  const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(new Date(iso));
  return `${formatDateLong(iso, tz)}, ${time}`;
}

/** Fits a photo into the text width and a third of the page height (pixels at 96 dpi). */
function fit(p: Photo): { width: number; height: number } {
  const maxW = Math.floor((textWidth.portrait / 1440) * 96);
  const maxH = 360;
  const k = Math.min(1, maxW / p.width, maxH / p.height);
  return { width: Math.max(1, Math.round(p.width * k)), height: Math.max(1, Math.round(p.height * k)) };
}

const imageTypes = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' } as const;

function photoBlocks(p: Photo, i: number, c: DocxContext): Paragraph[] {
  const captionText = [p.caption || 'Без подписи', p.author ? `Фото: ${p.author}` : 'Автор фото не указан'].join('. ').replace(/\.\./g, '.');
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [run(`Фото ${i + 1}. `, { bold: true, size: GOST.tableSize }), run(captionText, { italics: true, size: GOST.tableSize })],
  });
  const type = imageTypes[p.mime as keyof typeof imageTypes];
  let image: Paragraph;
  try {
    if (!type) throw new Error(`формат ${p.mime.replace('image/', '').toUpperCase()} не встраивается в документ Word — файл приложите отдельно`);
    const data = readPhoto(c.dataDir, p);
    image = new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // gost.ts's default «line: 240» has no lineRule, which LibreOffice reads as an exact 12 pt line and
      // clips the picture to a grey band: say «auto» here.
      spacing: { before: 240, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type, data, transformation: fit(p), altText: { name: p.originalName || `Фото ${i + 1}`, description: p.caption, title: p.caption } })],
    });
  } catch (err) {
    image = new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [run(`[Фото ${i + 1} «${p.originalName || p.file}»: ${(err as Error).message}]`, { italics: true, size: GOST.tableSize, color: '7F7F7F' })],
    });
  }
  return [image, caption];
}

/**
 * The organisation's boilerplate («Пресс-служба: … Официальный сайт: …») that templates put at the end
 * of the body: in Word it closes the release, after the quotes and photos, not before them.
 */
function splitClosing(body: BodyDoc): { main: BodyDoc; closing: string } {
  const blocks = body.content;
  const last = blocks[blocks.length - 1];
  const text = last?.type === 'paragraph' ? plainText({ type: 'doc', content: [last] }) : '';
  if (!text.startsWith('Пресс-служба')) return { main: body, closing: '' };
  let start = blocks.length - 1;
  while (start > 0 && blocks[start - 1]!.type === 'paragraph' && !plainText({ type: 'doc', content: [blocks[start - 1]!] }).trim()) start--;
  return { main: { type: 'doc', content: blocks.slice(0, start) }, closing: text };
}

/** The release itself, without the letterhead (a batch has one letterhead for all). */
function releaseBlocks(r: Release, c: DocxContext, writer: BodyWriter, o: { withPhotos: boolean; city: string; pageBreak?: boolean }): FileChild[] {
  const out: FileChild[] = [];
  const date = formatDateLong(`${dayOf(r, c.tz)}T12:00:00Z`, 'UTC');
  // «Пресс-релиз                                     12 мая 2026 г.», the date at the right margin.
  out.push(
    new Paragraph({
      pageBreakBefore: o.pageBreak,
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth.portrait }],
      spacing: { before: 120, after: 120 },
      children: [
        run(docKind[r.type], { bold: true, allCaps: true }),
        new TextRun({ children: [new Tab(), xmlText(`${o.city ? `${o.city}, ` : ''}${date}`)], font: GOST.font, size: GOST.textSize }),
      ],
    }),
  );
  if (r.status !== 'approved' && r.status !== 'published')
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`Проект: ${releaseStatuses[r.status]}, версия ${r.version.number}`, { italics: true, size: GOST.smallSize, color: '7F7F7F' })] }));
  if (r.needsRepublish)
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run('Изменён после публикации — нужно переопубликовать', { italics: true, size: GOST.smallSize, color: 'C00000' })] }));
  out.push(title(xmlText(r.headline || 'Без заголовка')));
  if (r.lead) out.push(justified([run(r.lead, { bold: true })], { after: 120 }));
  const facts = [r.eventAt && `Дата и время: ${when(r.eventAt, c.tz)}`, r.place && `Место: ${r.place}`].filter(Boolean) as string[];
  if (facts.length && (r.type === 'announcement' || r.type === 'warning'))
    facts.forEach((f, i) => out.push(new Paragraph({ indent: { firstLine: GOST.firstLineIndent }, spacing: { after: i === facts.length - 1 ? 120 : 0 }, children: [run(f, { italics: true })] })));
  const { main, closing } = splitClosing(r.body);
  out.push(...writer.paragraphs(main));
  for (const q of r.quotes.filter((x) => x.text)) {
    out.push(justified([run(`«${q.text.replace(/^[«"„]+|[»"“]+$/g, '')}»`, { italics: true })], { before: 120 }));
    if (q.speaker)
      out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(`— ${q.speaker}`, { bold: true }), ...(q.position ? [run(`, ${q.position}`)] : [])] }));
  }
  if (o.withPhotos) r.photos.forEach((p, i) => out.push(...photoBlocks(p, i, c)));
  if (closing)
    out.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 240 }, children: [run(closing, { italics: true, size: GOST.tableSize })] }));
  const contacts = r.contacts.filter((k) => k.name || k.phone || k.email);
  if (contacts.length) {
    out.push(new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [run('Контакты для СМИ:', { bold: true, size: GOST.tableSize })] }));
    for (const k of contacts) {
      const line = [k.name + (k.position ? `, ${k.position}` : ''), k.phone && `тел. ${k.phone}`, k.email && `e-mail: ${k.email}`].filter(Boolean).join(', ');
      out.push(new Paragraph({ children: [run(line, { size: GOST.tableSize })] }));
    }
  }
  const about = [
    r.nationalProject && `Национальный проект «${r.nationalProject.replace(/[«»]/g, '')}».`,
    r.tags.length ? `Теги: ${r.tags.join(', ')}.` : '',
    r.channels.length ? `Каналы: ${r.channels.map((ch) => releaseChannels[ch]).join(', ')}.` : '',
  ].filter(Boolean);
  if (about.length) out.push(note(xmlText(about.join(' '))));
  return out;
}

const orgOf = (c: DocxContext) => c.store.get('settings', 'settings')?.organisation;

export async function buildReleaseDocx(r: Release, c: DocxContext): Promise<FileResult> {
  const org = orgOf(c);
  const doc = gostDocument({
    title: r.headline || 'Пресс-релиз',
    sections: [{ children: [...(org ? [letterhead(xmlText(org.name))] : []), ...releaseBlocks(r, c, new BodyWriter(), { withPhotos: true, city: org ? `г. ${org.city}` : '' })] }],
  });
  const day = dayPrefix(r, c);
  return toFileResult(doc, safeFileName(`${releaseTypes[r.type]} ${day} ${r.headline || 'без заголовка'}`.slice(0, 110), 'docx'));
}

const dayPrefix = (r: Release, c: DocxContext) => formatDateShort(`${dayOf(r, c.tz)}T12:00:00Z`, 'UTC');

export async function buildBatchDocx(releases: Release[], period: { from: string; to: string; withPhotos: boolean }, c: DocxContext): Promise<FileResult> {
  const org = orgOf(c);
  const fromText = formatDateLong(`${period.from}T12:00:00Z`, 'UTC');
  const toText = formatDateLong(`${period.to}T12:00:00Z`, 'UTC');
  const writer = new BodyWriter();
  const rows = releases.map((r, i) => [String(i + 1), dayPrefix(r, c), releaseTypes[r.type], xmlText(r.headline || 'Без заголовка'), releaseStatuses[r.status]]);
  const children: FileChild[] = [
    ...(org ? [letterhead(xmlText(org.name))] : []),
    title('Пресс-релизы'),
    subtitle(`за период с ${fromText} по ${toText}`),
    table(
      [
        { title: '№ п/п', width: 6, align: 'center' },
        { title: 'Дата', width: 16, align: 'center' },
        { title: 'Вид', width: 17 },
        { title: 'Заголовок', width: 42 },
        { title: 'Статус', width: 19 },
      ],
      rows,
      { emptyText: 'За этот период релизов нет' },
    ),
    note(`Всего: ${countOf(releases.length, ['релиз', 'релиза', 'релизов'])}.`),
  ];
  releases.forEach((r) => children.push(...releaseBlocks(r, c, writer, { withPhotos: period.withPhotos, city: org ? `г. ${org.city}` : '', pageBreak: true })));
  const doc = gostDocument({ title: `Пресс-релизы с ${period.from} по ${period.to}`, sections: [{ children }] });
  return toFileResult(doc, safeFileName(`Пресс-релизы с ${period.from} по ${period.to}`, 'docx'));
}

