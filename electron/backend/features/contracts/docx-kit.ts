/** Small ГОСТ blocks the contracts documents need beyond docx/blocks.ts. */
import { AlignmentType, Paragraph, TabStopType, TextRun } from 'docx';
import { GOST } from '../../docx/gost.js';
import { formatMoney } from '../../format.js';
import type { Settings } from '../settings/schema.js';

const run = (text: string, bold = false) => new TextRun({ text, bold, font: GOST.font, size: GOST.textSize });

/** Money in a table cell: «1 234,50» (the column title says «₽»), so the number never wraps. */
export const rub = (kopecks: number) => formatMoney(kopecks).replace(/\u00a0₽$/, '');

/** A numbered section title: bold, centred, black, kept with the table that follows it. */
export const section = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { before: 360, after: 120 }, children: [run(text, true)] });

/** «Исполнитель: Газета «Маяк труда»» — a label in bold and its value, no indent. */
export const field = (label: string, value: string) => new Paragraph({ spacing: { after: 60 }, children: [run(`${label}: `, true), run(value)] });

/** A plain left-aligned line (a warning, a forecast); `before` leaves room after a table. */
export const line = (text: string, before = 0) => new Paragraph({ spacing: { before, after: 60 }, children: [run(text)] });

/** «Начальник отдела …» and, on the next line at the right, «_____________ И.В. Соколова». */
export function signature(settings: Settings | null, width: number): Paragraph[] {
  const head = settings?.staff.find((s) => s.role === 'head');
  if (!head) return [];
  const [surname, name, patronymic] = head.name.split(/\s+/);
  const short = [name?.[0], patronymic?.[0]].filter(Boolean).map((c) => `${c}.`).join('') + (surname ? ` ${surname}` : '');
  const position = head.position ? head.position[0]!.toUpperCase() + head.position.slice(1) : 'Руководитель';
  return [
    new Paragraph({ spacing: { before: 600 }, keepNext: true, children: [run(position)] }),
    new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: width }], spacing: { before: 120 }, children: [run(`\t_______________  ${short}`)] }),
  ];
}
