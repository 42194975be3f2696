/** Input schemas of the releases.* methods (parsed at the door, before any handler runs). */
import { z } from 'zod';
import { id, isoDate, withYearRange } from '../../schema-kit.js';
import { bareFields, channelEnum, contentShape, line, lineText, MediaContact, multiline, multilineText, Quote, required, staffId, statusEnum, typeEnum } from './schema.js';
import { isDateTimeInput, isDay } from './time.js';

const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const PHOTO_MAX_BYTES = MAX_PHOTO_BYTES;
const base64Max = Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 200;

/** ISO with an offset, or a wall-clock «2026-05-12T10:00» read in the organisation's time zone. */
const dateTimeInput = (label: string) =>
  withYearRange(z.string().trim().refine(isDateTimeInput, 'неверная дата и время (пример: 2026-05-12T10:00)')).describe(label);

/** A day («2026-05-12», an all-day event) or a date-time as above. */
const dayOrDateTimeInput = (label: string) =>
  withYearRange(z.string().trim().refine((v) => isDay(v) || isDateTimeInput(v), 'неверная дата (пример: 2026-05-12 или 2026-05-12T10:00)')).describe(label);

const day = isoDate;
const releaseId = () => id().describe('Релиз');
const by = () => staffId('Сотрудник');

export const ReleaseById = z.object({ id: releaseId() });

/** Everything the editor may change while typing (photos have their own methods). */
export const ContentPatch = z.object({
  type: typeEnum.optional(),
  headline: lineText('Заголовок', 500).optional(),
  lead: multilineText('Лид', 5000).optional(),
  body: contentShape.body.optional(),
  quotes: z.array(Quote).max(20).optional().describe('Цитаты'),
  contacts: z.array(MediaContact).max(10).optional().describe('Контакты для СМИ'),
  tags: bareFields.tags.optional(),
  nationalProject: lineText('Национальный проект', 200).optional(),
  eventId: bareFields.ref('Мероприятие').optional(),
  directLineId: bareFields.ref('Прямая линия').optional(),
  eventAt: dayOrDateTimeInput('Дата события').nullable().optional(),
  place: lineText('Место', 500).optional(),
  plannedAt: dateTimeInput('Планируемая публикация').nullable().optional(),
  channels: bareFields.channels.optional(),
});
export type ContentPatch = z.output<typeof ContentPatch>;

export const DraftInput = ContentPatch.extend({
  id: releaseId(),
  by: by().optional(),
  /** The revision the editor started from; another window's change in between is kept, not overwritten. */
  expectedRevision: z.number().int().min(0).optional().describe('Ревизия'),
});
export const SaveInput = DraftInput.extend({ note: line('Примечание к версии', 500) });

export const CreateInput = z.object({
  type: typeEnum,
  by: by().optional(),
  headline: contentShape.headline,
  /** Fill the body from the type's template with the organisation's boilerplate. */
  template: z.boolean().default(true).describe('Из шаблона'),
  eventId: contentShape.eventId,
});

export const FromEventInput = z.object({
  eventId: id().describe('Мероприятие'),
  type: typeEnum.default('announcement'),
  by: by().optional(),
});

export const SubmitInput = z.object({ id: releaseId(), by: by(), comment: multiline('Комментарий', 5000) });
export const ApproveInput = z.object({
  id: releaseId(),
  by: by(),
  comment: multiline('Комментарий', 5000),
  /** Required when the checklist fails: why it is approved anyway. */
  overrideReason: multiline('Причина согласования с невыполненным чек-листом', 2000),
});
export const ReturnInput = z.object({ id: releaseId(), by: by(), comment: required('Комментарий к возврату', 5000) });
export const PublishInput = z.object({
  id: releaseId(),
  by: by(),
  /** When it went out, if recorded after the fact; now by default. */
  at: dateTimeInput('Дата публикации').optional(),
  channels: z.array(channelEnum).max(4).optional().describe('Каналы публикации'),
});
export const UnpublishInput = z.object({ id: releaseId(), by: by(), reason: required('Причина снятия с публикации', 2000) });
export const CommentInput = z.object({ id: releaseId(), by: by(), text: required('Комментарий', 5000) });

export const VersionInput = z.object({ id: releaseId(), number: z.number().int().min(1).describe('Номер версии') });
export const DiffInput = z.object({
  id: releaseId(),
  from: z.number().int().min(1).describe('Версия «было»'),
  /** The current text when left out. */
  to: z.number().int().min(1).optional().describe('Версия «стало»'),
});
export const RestoreInput = VersionInput.extend({ by: by() });

export const AddPhotoInput = z.object({
  id: releaseId(),
  by: by().optional(),
  fileName: line('Имя файла', 300),
  base64: z
    .string()
    .min(1, 'файл не выбран')
    .max(base64Max, 'файл больше 20 МБ: уменьшите фотографию или выберите другую')
    .regex(/^(data:[\w/+.-]*;base64,)?[A-Za-z0-9+/=\s]*$/, 'файл передан в неверной кодировке')
    .describe('Фотография'),
  caption: multiline('Подпись к фото', 1000),
  author: line('Автор фото', 200),
});
export const UpdatePhotoInput = z.object({
  id: releaseId(),
  photoId: id().describe('Фотография'),
  by: by().optional(),
  caption: multilineText('Подпись к фото', 1000).optional(),
  author: lineText('Автор фото', 200).optional(),
  /** New place in the list, from 1 (the first photo is the main one). */
  position: z.number().int().min(1).max(30).optional().describe('Порядок фото'),
});
export const PhotoInput = z.object({ id: releaseId(), photoId: id().describe('Фотография'), by: by().optional() });

const sortKeys = ['relevance', 'date', 'planned', 'updated', 'created', 'headline', 'status'] as const;
export type ReleaseSort = (typeof sortKeys)[number];

const period = <T extends z.ZodObject>(schema: T) =>
  schema.refine((q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'дата «по» раньше даты «с»' });

export const ReleaseQuery = period(
  z.object({
    query: z.string().max(200).default('').describe('Поиск'),
    statuses: z.array(statusEnum).max(5).default([]).describe('Статусы'),
    types: z.array(typeEnum).max(6).default([]).describe('Виды'),
    tag: z.string().trim().max(60).default('').describe('Тег'),
    nationalProject: z.string().trim().max(200).default('').describe('Национальный проект'),
    eventId: z.string().max(64).optional().describe('Мероприятие'),
    needsRepublish: z.boolean().optional().describe('Нужно переопубликовать'),
    /** The period, by the release's date (published, else planned, else created), in the org's zone. */
    from: day('С').optional(),
    to: day('По').optional(),
    sort: z.enum(sortKeys).default('date').describe('Сортировка'),
    direction: z.enum(['asc', 'desc']).default('desc').describe('Порядок'),
    offset: z.number().int().min(0).default(0).describe('Пропустить записей'),
    limit: z.number().int().min(1).max(500).default(50).describe('Записей на странице'),
  }),
).default({ query: '', statuses: [], types: [], tag: '', nationalProject: '', sort: 'date', direction: 'desc', offset: 0, limit: 50 });
export type ReleaseQuery = z.output<typeof ReleaseQuery>;

export const BoardQuery = z
  .object({
    query: z.string().max(200).default('').describe('Поиск'),
    types: z.array(typeEnum).max(6).default([]).describe('Виды'),
    tag: z.string().trim().max(60).default('').describe('Тег'),
    nationalProject: z.string().trim().max(200).default('').describe('Национальный проект'),
    /** Published and withdrawn columns grow forever: show the newest this many (the total is returned). */
    limitPerColumn: z.number().int().min(1).max(500).default(30).describe('Карточек в колонке'),
  })
  .default({ query: '', types: [], tag: '', nationalProject: '', limitPerColumn: 30 });

export const ExportInput = z.object({ id: releaseId() });
export const ExportBatchInput = period(
  z.object({
    from: day('С'),
    to: day('По'),
    statuses: z.array(statusEnum).max(5).default(['published']).describe('Статусы'),
    types: z.array(typeEnum).max(6).default([]).describe('Виды'),
    withPhotos: z.boolean().default(true).describe('С фотографиями'),
  }),
);
