/**
 * The release body in Word: real formatting, not look-alikes — bold and italic runs, hyperlinks,
 * Word lists (numbering definitions, each list restarting at its own start), quotes as indented
 * italic paragraphs with a rule on the left.
 */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  LevelFormat,
  Paragraph,
  TextRun,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx';
import { GOST } from '../../docx/gost.js';
import type { Block, BodyDoc, Inline } from './body.js';
import { stripControls } from './text.js';

const cm = (n: number) => Math.round((n * 1440) / 2.54);

/** Text safe for Word's XML whatever it came from (an imported archive may hold anything). */
export const xmlText = (s: string) => stripControls(s).replace(/\n/g, ' ');

interface Style {
  italics?: boolean;
  size?: number;
}

function runs(nodes: Inline[] | undefined, style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      out.push(new TextRun({ break: 1, font: GOST.font, size: style.size ?? GOST.textSize }));
      continue;
    }
    const marks = new Set((n.marks ?? []).map((m) => m.type));
    const link = n.marks?.find((m) => m.type === 'link');
    const run = new TextRun({
      text: xmlText(n.text),
      font: GOST.font,
      size: style.size ?? GOST.textSize,
      bold: marks.has('bold') || undefined,
      italics: marks.has('italic') || style.italics || undefined,
      ...(link ? { color: '0563C1', underline: {}, style: 'Hyperlink' } : {}),
    });
    out.push(link && link.type === 'link' ? new ExternalHyperlink({ link: link.attrs.href, children: [run] }) : run);
  }
  return out;
}

const bulletSymbols = ['•', '◦', '▪'];
const bulletList: NumberingDefinition = {
  reference: 'release-bullets',
  levels: Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: bulletSymbols[level % 3]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: cm(1.25 + level * 0.75), hanging: cm(0.5) } } },
  })),
};
const numberedList = (start: number): NumberingDefinition => ({
  reference: `release-numbers-${start}`,
  levels: Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: cm(1.25 + level * 0.75), hanging: cm(0.6) } } },
  })),
});

/** Converts bodies to Word paragraphs; one writer per document, so every list gets its own instance. */
export class BodyWriter {
  private instance = 0;

  paragraphs(doc: BodyDoc): Paragraph[] {
    const out: Paragraph[] = [];
    for (const b of doc.content) this.block(b, out, { quote: 0, level: -1 });
    return out;
  }

  private block(b: Block, out: Paragraph[], at: { quote: number; level: number }): void {
    const quoted = at.quote > 0;
    const quoteProps = quoted
      ? {
          indent: { left: cm(1.25 * at.quote), right: cm(0.5) },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: '8C8C8C', space: 8 } },
        }
      : {};
    switch (b.type) {
      case 'paragraph':
        out.push(
          new Paragraph({
            // Word stretches a justified line that ends in a manual break across the page: such paragraphs go left.
            alignment: b.content?.some((n) => n.type === 'hardBreak') ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
            spacing: { line: 360 },
            indent: quoted ? quoteProps.indent : at.level >= 0 ? { left: cm(1.25 + at.level * 0.75) } : { firstLine: GOST.firstLineIndent },
            border: quoted ? quoteProps.border : undefined,
            children: runs(b.content, { italics: quoted }),
          }),
        );
        break;
      case 'heading': {
        // Headings are bold runs (Word's own heading styles would bring their fonts and colours).
        const bold = b.content?.map((n) => (n.type === 'text' ? { ...n, marks: [{ type: 'bold' as const }, ...(n.marks ?? []).filter((m) => m.type !== 'bold')] } : n));
        out.push(
          new Paragraph({
            alignment: AlignmentType.LEFT,
            keepNext: true,
            spacing: { before: 240, after: 120 },
            indent: { firstLine: GOST.firstLineIndent },
            children: runs(bold, { size: b.attrs.level <= 2 ? 30 : GOST.textSize }),
          }),
        );
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const reference = b.type === 'bulletList' ? bulletList : numberedList(b.attrs.start);
        const level = Math.min(at.level + 1, 8);
        // Nested lists continue their parent's instance: Word numbers levels within one list.
        const instance = at.level < 0 ? ++this.instance : this.instance;
        for (const item of b.content) {
          item.content.forEach((child, i) => {
            if (i === 0 && child.type === 'paragraph') {
              out.push(
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  spacing: { line: 360 },
                  numbering: { reference, level, instance },
                  border: quoted ? quoteProps.border : undefined,
                  children: runs(child.content, { italics: quoted }),
                }),
              );
            } else this.block(child, out, { quote: at.quote, level });
          });
        }
        break;
      }
      case 'blockquote':
        for (const child of b.content) this.block(child, out, { quote: at.quote + 1, level: at.level });
        break;
    }
  }
}
