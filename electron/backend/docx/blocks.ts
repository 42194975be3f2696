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

/** A note under a table: 12 pt (ГОСТ recommends no smaller than 12 for text), italic. */
export const note = (text: string) =>
  new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 120 }, children: [run(text, { size: GOST.tableSize, italics: true })] });

export interface Column {
  title: string;
  /** Share of the table width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * What one table cell holds: a string (lines separated by \n), or a list of separate entries
 * (e.g. several contact persons), set apart from each other by a small gap.
 */
export type CellValue = string | string[];

const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const ENTRY_GAP = 80; // twips (4 pt) between the entries of one cell

const cell = (value: CellValue, opts: { bold?: boolean; width: number; align?: Column['align']; shade?: boolean }) => {
  const entries = (Array.isArray(value) ? value : [value]).filter((entry, i, all) => entry !== '' || all.length === 1);
  const paragraphs = (entries.length ? entries : ['']).flatMap((entry, e) =>
    entry.split('\n').map(
      (line, l) =>
        new Paragraph({
          alignment: alignments[opts.align ?? 'left'],
          spacing: e > 0 && l === 0 ? { before: ENTRY_GAP } : undefined,
          children: [run(line, { bold: opts.bold, size: GOST.tableSize })],
        }),
    ),
  );
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: CELL_MARGINS,
    shading: opts.shade ? { fill: 'EDEDED' } : undefined,
    children: paragraphs,
  });
};

/**
 * A ГОСТ table, 12 pt, header row repeated on every page; a row is never split across pages. A cell
 * may hold several lines (a string with \n) or several entries (an array). An empty table gets one row saying so.
 */
export function table(columns: Column[], rows: CellValue[][], opts: { landscape?: boolean; emptyText?: string } = {}): Table {
  const total = opts.landscape ? textWidth.landscape : textWidth.portrait;
  const share = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.floor((total * c.width) / share));
  widths[widths.length - 1]! += total - widths.reduce((sum, w) => sum + w, 0); // the columns fill the table exactly
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.title, { bold: true, width: widths[i]!, align: 'center', shade: true })),
  });
  const body = rows.length
    ? rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: columns.map((c, i) => cell(r[i] ?? '', { width: widths[i]!, align: c.align })),
          }),
      )
    : [
        new TableRow({
          children: [
            new TableCell({
              columnSpan: columns.length,
              margins: CELL_MARGINS,
              children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(opts.emptyText ?? 'Нет данных', { size: GOST.tableSize })] })],
            }),
          ],
        }),
      ];
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}
