/**
 * ГОСТ Р 7.0.97-2016 for every document the app exports: Times New Roman 14 pt (tables 12),
 * margins left 30 mm, right 15 mm, top and bottom 20 mm, page numbers from page 2 centred at
 * the top, justified text with a 1.25 cm first-line indent.
 */
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FileResult } from '../api.js';

/** Millimetres to twips the way Word counts them (1 cm = 567): 30 mm → 1701, 15 mm → 851, 20 mm → 1134, 12.5 mm → 709. */
export const mm = (n: number) => Math.round(n * 56.7);

export const GOST = {
  font: 'Times New Roman',
  /** half-points */
  textSize: 28,
  tableSize: 24,
  smallSize: 20,
  firstLineIndent: mm(12.5),
  margins: { left: mm(30), right: mm(15), top: mm(20), bottom: mm(20) },
  a4: { width: 11906, height: 16838 },
} as const;

/** Width of the text block in twips (page minus margins), for tables. */
export const textWidth = {
  portrait: GOST.a4.width - GOST.margins.left - GOST.margins.right,
  landscape: GOST.a4.height - GOST.margins.left - GOST.margins.right,
};

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: GOST.font, size: GOST.textSize })],
      }),
    ],
  });

export interface GostSection {
  children: FileChild[];
  landscape?: boolean;
}

/** A document in ГОСТ style; each section may be portrait or landscape (wide tables). */
export function gostDocument(opts: { title: string; creator?: string; sections: GostSection[] }): Document {
  const sections: ISectionOptions[] = opts.sections.map((s, i) => ({
    properties: {
      titlePage: i === 0, // no number on page 1
      page: {
        // docx swaps width and height itself for landscape: always give the portrait size.
        size: { width: GOST.a4.width, height: GOST.a4.height, orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...GOST.margins, header: mm(10), footer: mm(10) },
      },
    },
    // The first page's header is empty, but a header part needs one paragraph to be valid.
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
    children: s.children,
  }));
  return new Document({
    title: opts.title,
    creator: opts.creator ?? 'Пресс-деск',
    description: opts.title,
    styles: {
      default: {
        document: {
          run: { font: GOST.font, size: GOST.textSize, language: { value: 'ru-RU' } },
          // 'auto' = single spacing that grows with its content; without the rule LibreOffice reads an
          // exact 12 pt line and clips pictures (charts, photos) to a thin band.
          paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 0 } },
        },
      },
    },
    sections,
  });
}

/**
 * Characters XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE/U+FFFF). The docx
 * library writes text as it is given, so one of them in a user's note (a vertical tab pasted from Word,
 * a stray control character from another program) made the whole document unreadable: Word reports it
 * as damaged, LibreOffice refuses it.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes what XML cannot carry (a vertical tab or form feed becomes a space). */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : ''));
}

/** Cleans every XML part of a packed document; returns the same bytes when nothing needed cleaning. */
export function cleanPackage(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let changed = false;
  for (const [part, content] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const text = strFromU8(content);
    const clean = xmlSafe(text);
    if (clean !== text) {
      files[part] = strToU8(clean);
      changed = true;
    }
  }
  if (!changed) return bytes;
  const packed: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [part, content] of Object.entries(files)) packed[part] = [content, { level: /\.(xml|rels)$/i.test(part) ? 6 : 0 }];
  return zipSync(packed);
}

export async function toFileResult(doc: Document, name: string): Promise<FileResult> {
  const bytes = cleanPackage(new Uint8Array(await Packer.toBuffer(doc)));
  return { kind: 'file', name, mime: DOCX_MIME, base64: Buffer.from(bytes).toString('base64') };
}

/** A file name users can read: letters, digits, spaces and dashes only. */
export function safeFileName(base: string, ext: string): string {
  const clean = base.replace(/[^\p{L}\p{N} .\-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${clean || 'document'}.${ext}`;
}
