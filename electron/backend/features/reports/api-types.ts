/**
 * The report (Отчёты) and the home screen (Сводка): input schemas and output types of the contract
 * (see /tmp/coord/REPORT-CONTRACT.md). Pure data and zod only: the renderer imports the label maps too.
 */
import { z } from 'zod';
import { id, text } from '../../schema-kit.js';
import type { TodayItem } from '../today/schema.js';

// ---- labels shared by the screens and the DOCX ---------------------------------------------

export const platforms = { vk: 'ВКонтакте', ok: 'Одноклассники', telegram: 'Telegram', gosp: 'Госпаблики', other: 'другая площадка' } as const;
export type Platform = keyof typeof platforms;

export const periodKinds = {
  year: 'год',
  q1: 'I квартал',
  q2: 'II квартал',
  q3: 'III квартал',
  q4: 'IV квартал',
  h1: 'I полугодие',
  h2: 'II полугодие',
} as const;
export type PeriodKind = keyof typeof periodKinds;

export const indicatorKinds = { subscribers: 'Подписчики', votes: 'Онлайн-голосования', incidents: 'Инцидент-менеджмент' } as const;
export type IndicatorKind = keyof typeof indicatorKinds;

/**
 * CSV columns per kind, in order. The header line may use either `name` or `label`; the separator is
 * «;» or «,» (whichever the header uses); dates ДД.ММ.ГГГГ or ГГГГ-ММ-ДД; the platform by code or by
 * its Russian name (see `platforms`). `source` may be left out (then «импорт CSV»).
 */
export const csvColumns: Record<IndicatorKind, { name: string; label: string; example: string; optional?: boolean }[]> = {
  subscribers: [
    { name: 'date', label: 'Дата', example: '01.01.2026' },
    { name: 'platform', label: 'Площадка', example: 'ВКонтакте' },
    { name: 'page', label: 'Страница', example: 'Администрация города' },
    { name: 'count', label: 'Подписчиков', example: '12500' },
    { name: 'source', label: 'Источник', example: 'статистика сообщества', optional: true },
  ],
  votes: [
    { name: 'date', label: 'Дата', example: '15.03.2026' },
    { name: 'topic', label: 'Тема', example: 'Выбор территории для благоустройства' },
    { name: 'platform', label: 'Площадка', example: 'Госпаблики' },
    { name: 'participants', label: 'Участников', example: '1840' },
    { name: 'result', label: 'Итог', example: 'Победил сквер на ул. Победы', optional: true },
    { name: 'source', label: 'Источник', example: 'ПОС', optional: true },
  ],
  incidents: [
    { name: 'from', label: 'С', example: '01.01.2026' },
    { name: 'to', label: 'По', example: '31.01.2026' },
    { name: 'received', label: 'Поступило', example: '120' },
    { name: 'answered', label: 'Отвечено', example: '118' },
    { name: 'answeredOnTime', label: 'В срок', example: '110' },
    { name: 'source', label: 'Источник', example: 'Инцидент-менеджмент', optional: true },
  ],
};

// ---- rows --------------------------------------------------------------------------------------

interface RowMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  source: string;
}
export interface SubscriberRow extends RowMeta {
  platform: Platform;
  page: string;
  /** YYYY-MM-DD */
  date: string;
  count: number;
}
export interface VoteRow extends RowMeta {
  date: string;
  topic: string;
  platform: Platform;
  participants: number;
  result: string;
}
export interface IncidentRow extends RowMeta {
  from: string;
  to: string;
  received: number;
  answered: number;
  answeredOnTime: number;
}
export type IndicatorRow = SubscriberRow | VoteRow | IncidentRow;

// ---- inputs -----------------------------------------------------------------------------------

const year = () => z.number().int().min(2000).max(2100).describe('Год');
export const IndicatorKindEnum = z.enum(['subscribers', 'votes', 'incidents']).describe('Вид показателя');
export const IndicatorListInput = z.object({ kind: IndicatorKindEnum, year: year().optional() });
/** `row` is checked by the handler against the kind's own schema (so errors name its fields). */
export const IndicatorSaveInput = z.object({ kind: IndicatorKindEnum, row: z.looseObject({ id: id().optional() }).describe('Строка') });
export const IndicatorRemoveInput = z.object({ kind: IndicatorKindEnum, id: id() });
export const IndicatorImportInput = z.object({ kind: IndicatorKindEnum, csv: z.string().min(1, 'файл пуст').max(5_000_000, 'файл больше 5 млн символов — разделите его на части').describe('CSV-файл') });

export const PeriodInput = z.object({
  year: year(),
  period: z.enum(['year', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2']).default('year').describe('Период'),
});
export const DrillInput = PeriodInput.extend({ key: z.string().min(1).max(200).describe('Показатель') });
export const ReportSaveInput = PeriodInput.extend({
  sentences: z.array(z.object({ key: z.string().min(1).max(200).describe('Предложение'), text: z.string().max(5000).describe('Текст предложения') })).max(500).describe('Предложения').optional(),
  narratives: z.array(z.object({ sectionId: z.string().min(1).max(100).describe('Раздел'), text: z.string().max(50_000).describe('Текст раздела') })).max(100).describe('Тексты разделов').optional(),
  tasksDone: z
    .array(z.object({ id: id(), done: z.boolean().nullable(), comment: z.string().max(2000).default('').describe('Комментарий к задаче') }))
    .max(200)
    .describe('Задачи прошлого периода')
    .optional(),
  /** The whole list in order; an unknown id creates the task with that id. */
  tasksNext: z.array(z.object({ id: id().optional(), text: text('Задача', 2000) })).max(200).describe('Задачи на следующий период').optional(),
});
export const ReportSettingsInput = z.object({ councilName: text('Кому адресован отчёт', 300) });

// ---- outputs ----------------------------------------------------------------------------------

export interface PeriodInfo {
  year: number;
  period: PeriodKind;
  /** «2026 год», «I квартал 2026 г.» */
  label: string;
  /** YYYY-MM-DD, inclusive */
  from: string;
  to: string;
}

export interface Figure {
  key: string;
  label: string;
  /** null: no data (shown «нет данных»), never a zero pretending to be a fact. */
  value: number | null;
  previous: number | null;
  /** «+974 (+11,7 %)»; null when either side has no data. */
  change: string | null;
  /** «₽» (value in kopecks), «чел.», «см²»…; null for plain counts. */
  unit: string | null;
  /** value and previous as the document writes them («9 269», «1 234,50 ₽», «нет данных»). */
  display: string;
  previousDisplay: string;
  /** reports.drill can list the records behind it. */
  drillable: boolean;
}

export interface Sentence {
  key: string;
  generated: string;
  /** What the report says: the edited text, or the generated one. */
  text: string;
  edited: boolean;
}

export interface ReportSection {
  id: string;
  title: string;
  figures: Figure[];
  sentences: Sentence[];
  narrative: string;
  noData: boolean;
}

export interface ReportChart {
  id: string;
  title: string;
  /** An ECharts option (plain JSON, no functions): the renderer draws it, the DOCX renders it to PNG. */
  option: Record<string, unknown>;
}

export interface TaskDone {
  id: string;
  text: string;
  done: boolean | null;
  comment: string;
}

export interface ReportView {
  period: PeriodInfo;
  previous: PeriodInfo;
  empty: boolean;
  councilName: string;
  organisation: string;
  sections: ReportSection[];
  charts: ReportChart[];
  tasksDone: TaskDone[];
  tasksNext: { id: string; text: string }[];
  /** Free text above each list of tasks (reports.save narratives with sectionId 'tasksDone' / 'tasksNext'). */
  taskNarratives: { done: string; next: string };
  /** When the edits were last saved, null when never. */
  savedAt: string | null;
  /** The period is not over yet: the figures are as of this day (YYYY-MM-DD); null once it is over. */
  asOf: string | null;
}

export interface DrillRow {
  date: string;
  title: string;
  detail: string;
  link: { section: string; id: string } | null;
  /** The record's address on the site (site publications). */
  url?: string;
}
export interface DrillResult {
  title: string;
  /** How many records there are; `rows` holds at most 2 000 of them. */
  total: number;
  rows: DrillRow[];
}

export interface ReportSettings {
  councilName: string;
}

export interface SummaryFigure {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  change: string | null;
  display: string;
  previousDisplay: string;
  section: string;
}

export interface Summary {
  /** YYYY-MM-DD in the organisation's time zone */
  asOf: string;
  year: number;
  /** «1 января — 22 ноября 2026 г.» */
  rangeLabel: string;
  previousRangeLabel: string;
  figures: SummaryFigure[];
  attention: TodayItem[];
  links: { section: string; label: string; count?: number }[];
}
