/** Building blocks for ГОСТ documents; features compose their documents from these. */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { GOST, textWidth } from './gost.js';

const run = (text: string, opts: { bold?: boolean; size?: number; italics?: boolean; allCaps?: boolean } = {}) =>
  new TextRun({ text, font: GOST.font, size: opts.size ?? GOST.textSize, bold: opts.bold, italics: opts.italics, allCaps: opts.allCaps });

/** The organisation's name as the letterhead line, centred in capitals. */
export const letterhead = (organisation: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
    children: [run(organisation, { bold: true, allCaps: true })],
  });

/** The document's title (заголовок к тексту): bold, centred. */
export const title = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, heading: HeadingLevel.TITLE, children: [run(text, { bold: true })] });

export const subtitle = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text)] });

export const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 240, after: 120 },
    indent: level === 2 ? { firstLine: GOST.firstLineIndent } : undefined,
    children: [run(text, { bold: true })],
  });

/** Body text: justified, 1.25 cm first-line indent, 1.5 line spacing. */
export const para = (text: string) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: GOST.firstLineIndent }, spacing: { line: 360 }, children: [run(text)] });

export const note = (text: string) =>
  new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 120 }, children: [run(text, { size: GOST.smallSize, italics: true })] });

export interface Column {
  title: string;
  /** Share of the table width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const cell = (lines: string[], opts: { bold?: boolean; width: number; align?: Column['align']; shade?: boolean }) =>
  new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: opts.shade ? { fill: 'EDEDED' } : undefined,
    children: (lines.length ? lines : ['']).map(
      (line) => new Paragraph({ alignment: alignments[opts.align ?? 'left'], children: [run(line, { bold: opts.bold, size: GOST.tableSize })] }),
    ),
  });

/**
 * A ГОСТ table, 12 pt, header row repeated on every page. A cell may hold several lines
 * (pass a string with \n). An empty table gets one row saying so.
 */
export function table(columns: Column[], rows: string[][], opts: { landscape?: boolean; emptyText?: string } = {}): Table {
  const total = opts.landscape ? textWidth.landscape : textWidth.portrait;
  const share = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.floor((total * c.width) / share));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell([c.title], { bold: true, width: widths[i]!, align: 'center', shade: true })),
  });
  const body = rows.length
    ? rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell((r[i] ?? '').split('\n'), { width: widths[i]!, align: c.align })),
          }),
      )
    : [new TableRow({ children: [new TableCell({ columnSpan: columns.length, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(opts.emptyText ?? 'Нет данных', { size: GOST.tableSize })] })] })] })];
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}
