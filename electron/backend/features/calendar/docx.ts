/** «План мероприятий на неделю с … по …» (or on a month, or any period) as a ГОСТ table, landscape. */
import { AlignmentType, Paragraph, TabStopType, TextRun } from 'docx';
import type { FileResult } from '../../api.js';
import { letterhead, note, subtitle, table, title } from '../../docx/blocks.js';
import { GOST, gostDocument, safeFileName, textWidth, toFileResult } from '../../docx/gost.js';
import { countOf } from '../../format.js';
import type { Settings } from '../settings/schema.js';
import { dateLong, dateShort, dateDayMonth, monthTitle, rangeText, shortName, signatureName, weekdayShort } from './fmt.js';
import type { Occurrence } from './schema.js';
import { addDays, isoWeekday } from './time.js';

/** The plan's heading for a period. */
export function planTitle(from: string, to: string): string {
  if (isoWeekday(from) === 1 && addDays(from, 6) === to) return `План мероприятий на неделю ${rangeText(from, to)}`;
  if (from.endsWith('-01') && addDays(to, 1).endsWith('-01') && from.slice(0, 7) === to.slice(0, 7)) return `План мероприятий на ${monthTitle(from)}`;
  if (from === to) return `План мероприятий на ${dateLong(from)}`;
  return `План мероприятий на период ${rangeText(from, to)}`;
}

function whenCell(o: Occurrence): string {
  const startDay = o.localStart.slice(0, 10);
  const endDay = o.localEnd.slice(0, 10);
  const days = startDay === endDay ? `${dateShort(startDay)}\n${weekdayShort(startDay)}` : `${dateShort(startDay)} –\n${dateShort(endDay)}`;
  if (o.allDay) return startDay === endDay ? `${days}\nв течение дня` : days;
  const time = startDay === endDay ? o.labels.time : `${o.localStart.slice(11, 16)} – ${o.localEnd.slice(11, 16)}`;
  return `${days}\n${time}`;
}

function eventCell(o: Occurrence): string {
  const lines = [o.title, `(${o.labels.kind})`];
  if (o.labels.project) lines.push(`Нацпроект / программа: «${o.labels.project}»`);
  if (o.status === 'cancelled') lines.push(`ОТМЕНЕНО: ${o.statusReason}`);
  if (o.status === 'postponed') {
    const from = [...o.history].reverse().find((h) => h.status === 'postponed' && h.fromStart && h.fromStart !== h.toStart)?.fromStart;
    lines.push(`ПЕРЕНЕСЕНО${from ? ` с ${dateDayMonth(from.slice(0, 10))}` : ''}: ${o.statusReason}`);
  }
  return lines.join('\n');
}

function participantsCell(o: Occurrence): string {
  const name = (n: string) => (n.trim().split(/\s+/).length === 3 ? shortName(n) : n);
  const lines = o.officials.map((p) => (p.position ? `${name(p.name)}, ${p.position}` : name(p.name)));
  // Outlets that declined are left out; accredited is the normal case and needs no mark.
  const media = o.media.filter((m) => m.accreditation !== 'declined');
  if (media.length) lines.push(`СМИ: ${media.map((m) => `${m.outletName}${m.accreditation === 'accredited' ? '' : ` (${m.accreditationLabel})`}`).join('; ')}`);
  return lines.join('\n');
}

function coverageCell(o: Occurrence): string {
  return o.coverage
    .map((c) => `${dateDayMonth(c.due)} ${c.name}${c.assigneeName ? ` — ${c.assigneeName.split('\u00a0')[0]}` : ''}${c.done ? ' (вып.)' : ''}`)
    .join('\n');
}

/** The head of the department signs the plan: position on the left, name on the right. */
function signature(settings: Settings | null): Paragraph[] {
  const head = settings?.staff.find((s) => s.role === 'head');
  if (!head) return [];
  const run = (text: string) => new TextRun({ text, font: GOST.font, size: GOST.textSize });
  const position = head.position ? head.position[0]!.toUpperCase() + head.position.slice(1) : 'Руководитель';
  return [
    new Paragraph({
      spacing: { before: 480 },
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth.landscape }],
      alignment: AlignmentType.LEFT,
      children: [run(position), run('\t'), run(signatureName(head.name))],
    }),
  ];
}

export async function buildPlanDocx(list: Occurrence[], from: string, to: string, settings: Settings | null): Promise<FileResult> {
  const org = settings?.organisation;
  const heading = planTitle(from, to);
  const rows = list.map((o, i) => [
    String(i + 1),
    whenCell(o),
    eventCell(o),
    o.place,
    participantsCell(o),
    o.responsibleId ? shortName(o.labels.responsible) : '',
    coverageCell(o),
  ]);
  const doc = gostDocument({
    title: heading,
    sections: [
      {
        landscape: true,
        children: [
          ...(org ? [letterhead(org.name)] : []),
          title(heading),
          subtitle(org ? `Время местное (${org.city})` : 'Время местное'),
          table(
            [
              { title: '№ п/п', width: 4, align: 'center' },
              { title: 'Дата и время', width: 10, align: 'center' },
              { title: 'Мероприятие', width: 21 },
              { title: 'Место проведения', width: 14 },
              { title: 'Участники', width: 18 },
              { title: 'Ответ\u00adствен\u00adный', width: 13 },
              { title: 'Освещение (срок, исполнитель)', width: 20 },
            ],
            rows,
            { landscape: true, emptyText: 'Мероприятий на этот период не запланировано' },
          ),
          note(`Всего в плане: ${countOf(list.length, ['мероприятие', 'мероприятия', 'мероприятий'])}.`),
          ...signature(settings),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`План мероприятий ${dateShort(from)}-${dateShort(to)}`, 'docx'));
}
