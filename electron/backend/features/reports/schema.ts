/**
 * What the report keeps: indicators the app cannot count itself (subscribers of the official pages,
 * online votes, incidents from «Инцидент-менеджмент» / ПОС), the edits of each period's report
 * (sentences, narratives, tasks), and the report's settings.
 */
import { z } from 'zod';
import { choice, id, isoDate, isoDateTime, recordMeta, text } from '../../schema-kit.js';
import { platforms } from './api-types.js';

const day = isoDate;
const count = (label: string) => z.number().int('ожидается целое число').min(0, 'не может быть отрицательным').max(1_000_000_000).describe(label);
const source = z.string().trim().max(300).default('').describe('Источник');

export const SubscriberFields = z.object({
  platform: choice(platforms, 'Площадка'),
  page: text('Страница', 300),
  date: day('Дата'),
  count: count('Подписчиков'),
  source,
});
export const VoteFields = z.object({
  date: day('Дата'),
  topic: text('Тема голосования', 1000),
  platform: choice(platforms, 'Площадка'),
  participants: count('Участников'),
  result: z.string().trim().max(2000).default('').describe('Итог'),
  source,
});
export const IncidentFields = z
  .object({
    from: day('С'),
    to: day('По'),
    received: count('Поступило'),
    answered: count('Отвечено'),
    answeredOnTime: count('Отвечено в срок'),
    source,
  })
  .superRefine((r, ctx) => {
    if (r.to < r.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'раньше начала периода' });
    if (r.answered > r.received) ctx.addIssue({ code: 'custom', path: ['answered'], message: 'больше, чем поступило' });
    if (r.answeredOnTime > r.answered) ctx.addIssue({ code: 'custom', path: ['answeredOnTime'], message: 'больше, чем отвечено' });
  });

export const Subscriber = SubscriberFields.extend(recordMeta);
export const Vote = VoteFields.extend(recordMeta);
export const Incident = z.object({
  ...recordMeta,
  from: day('С'),
  to: day('По'),
  received: count('Поступило'),
  answered: count('Отвечено'),
  answeredOnTime: count('Отвечено в срок'),
  source,
});
export type Subscriber = z.infer<typeof Subscriber>;
export type Vote = z.infer<typeof Vote>;
export type Incident = z.infer<typeof Incident>;

/** The edits of one period's report; id «2026-year», «2026-q1». */
export const SavedReport = z.object({
  ...recordMeta,
  year: z.number().int(),
  period: z.string().max(10),
  sentences: z.array(z.object({ key: z.string().max(200), text: z.string().max(5000) })).max(500),
  narratives: z.array(z.object({ sectionId: z.string().max(100), text: z.string().max(50_000) })).max(100),
  /** Marks on the previous period's tasks. */
  taskMarks: z.array(z.object({ id: id(), done: z.boolean().nullable(), comment: z.string().max(2000) })).max(200),
  tasksNext: z.array(z.object({ id: id(), text: z.string().max(2000) })).max(200),
});
export type SavedReport = z.infer<typeof SavedReport>;

export const ReportSettingsRecord = z.object({
  id: z.literal('reports'),
  councilName: text('Кому адресован отчёт', 300),
  updatedAt: isoDateTime('Изменено'),
});
export type ReportSettingsRecord = z.infer<typeof ReportSettingsRecord>;

export const reportCollections = {
  subscribers: { schema: Subscriber, shardOf: (r: Subscriber) => r.date.slice(0, 4) },
  votes: { schema: Vote },
  incidents: { schema: Incident },
  reports: { schema: SavedReport },
  reportSettings: { schema: ReportSettingsRecord },
};

export const indicatorSchemas = { subscribers: SubscriberFields, votes: VoteFields, incidents: IncidentFields } as const;
