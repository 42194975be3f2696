import { z } from 'zod';
import { id, isoDateTime, notBlank, recordMeta, withYearRange } from '../../schema-kit.js';
import { bodyField } from './body.js';
import { cleanLine, cleanMultiline } from './text.js';

export const releaseTypes = {
  announcement: 'анонс',
  postRelease: 'пост-релиз',
  statement: 'официальное сообщение',
  news: 'новость',
  greeting: 'поздравление',
  warning: 'предупреждение',
} as const;
export type ReleaseType = keyof typeof releaseTypes;

export const releaseStatuses = {
  draft: 'черновик',
  review: 'на согласовании',
  approved: 'согласовано',
  published: 'опубликовано',
  withdrawn: 'снято с публикации',
} as const;
export type ReleaseStatus = keyof typeof releaseStatuses;

export const releaseChannels = { site: 'сайт', media: 'СМИ-рассылка', newspaper: 'газета', social: 'соцсети' } as const;
export type ReleaseChannel = keyof typeof releaseChannels;

/** Suggestions for the «Национальный проект» field; any other name may be typed. */
export const nationalProjects = [
  'Формирование комфортной городской среды',
  'Безопасные качественные дороги',
  'Жильё и городская среда',
  'Образование',
  'Демография',
  'Здравоохранение',
  'Культура',
  'Экология',
  'Малое и среднее предпринимательство',
  'Семья',
  'Инфраструктура для жизни',
] as const;

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const typeEnum = z.enum(keys(releaseTypes)).describe('Вид релиза');
export const statusEnum = z.enum(keys(releaseStatuses)).describe('Статус');
export const channelEnum = z.enum(keys(releaseChannels)).describe('Канал');

/** Text of one line, cleaned of pasted garbage (no default: for patches, where «left out» means «unchanged»). */
export const lineText = (label: string, max: number) => z.string().transform(cleanLine).pipe(z.string().max(max)).describe(label);
export const multilineText = (label: string, max: number) => z.string().transform(cleanMultiline).pipe(z.string().max(max)).describe(label);
/** The same, empty by default: may be empty while a draft is being written. */
export const line = (label: string, max: number) => lineText(label, max).default('').describe(label);
export const multiline = (label: string, max: number) => multilineText(label, max).default('').describe(label);
export const required = (label: string, max: number) => z.string().transform(cleanMultiline).pipe(notBlank(z.string().min(1)).max(max)).describe(label);

/** A staff member from Настройки → Сотрудники (checked against the settings by the handler). */
export const staffId = (label = 'Сотрудник') => z.string().trim().min(1).max(64).describe(label);

export const Quote = z.object({
  text: multiline('Текст цитаты', 3000),
  speaker: line('Автор цитаты', 200),
  position: line('Должность автора цитаты', 300),
});
export type Quote = z.infer<typeof Quote>;

/** Lenient on purpose: autosave must never refuse a half-typed phone; the checklist says what is missing. */
export const MediaContact = z.object({
  name: line('Контактное лицо', 200),
  position: line('Должность контакта', 200),
  phone: line('Телефон контакта', 60),
  email: line('E-mail контакта', 200),
});
export type MediaContact = z.infer<typeof MediaContact>;

export const photoTypes = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' } as const;
export type PhotoMime = keyof typeof photoTypes;

export const Photo = z.object({
  id: id(),
  /** Relative to the data folder: attachments/releases/<release id>/<photo id>.<ext> */
  file: z.string().min(1).max(300),
  mime: z.enum(keys(photoTypes)),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  size: z.number().int().min(1),
  caption: multiline('Подпись к фото', 1000),
  author: line('Автор фото', 200),
  originalName: line('Имя файла', 300),
  addedAt: isoDateTime('Добавлено'),
  addedBy: z.string().max(64).nullable(),
});
export type Photo = z.infer<typeof Photo>;

/** Fields without defaults, for patches (see lineText). */
export const bareFields = {
  tags: z
    .array(lineText('Тег', 60))
    .max(30)
    .transform((list) => [...new Map(list.filter(Boolean).map((t) => [t.toLocaleLowerCase('ru-RU'), t])).values()])
    .describe('Теги'),
  channels: z
    .array(channelEnum)
    .max(4)
    .transform((list) => [...new Set(list)])
    .describe('Каналы'),
  ref: (label: string) => z.string().trim().max(64).nullable().transform((s) => s || null).describe(label),
};

/** What a version keeps and a restore brings back: everything the author writes (not the workflow). */
export const contentShape = {
  type: typeEnum,
  headline: line('Заголовок', 500),
  lead: multiline('Лид', 5000),
  body: bodyField('Текст релиза'),
  quotes: z.array(Quote).max(20).default([]).describe('Цитаты'),
  photos: z.array(Photo).max(30).default([]).describe('Фотографии'),
  contacts: z.array(MediaContact).max(10).default([]).describe('Контакты для СМИ'),
  tags: bareFields.tags.default([]),
  nationalProject: line('Национальный проект', 200),
  eventId: bareFields.ref('Мероприятие').default(null),
  directLineId: bareFields.ref('Прямая линия').default(null),
  /** When the thing the release is about happens (the «date» of the checklist): an instant, or a day (YYYY-MM-DD). */
  eventAt: withYearRange(z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success, 'неверная дата'))
    .nullable()
    .default(null)
    .describe('Дата события'),
  place: line('Место', 500),
  /** Planned publication, ISO with the offset of the organisation's time zone. */
  plannedAt: isoDateTime('Планируемая публикация').nullable().default(null),
  channels: bareFields.channels.default([]),
};
export const ReleaseContent = z.object(contentShape);
export type ReleaseContent = z.infer<typeof ReleaseContent>;
export const CONTENT_KEYS = Object.keys(contentShape) as (keyof ReleaseContent)[];

export const historyActions = {
  create: 'создан',
  submit: 'отправлен на согласование',
  approve: 'согласован',
  return: 'возвращён на доработку',
  reopen: 'изменён после согласования — снова на согласовании',
  publish: 'опубликован',
  republish: 'переопубликован',
  editPublished: 'изменён после публикации — нужно переопубликовать',
  unpublish: 'снят с публикации',
  restore: 'восстановлена версия',
} as const;
export type HistoryAction = keyof typeof historyActions;

export const HistoryEntry = z.object({
  at: isoDateTime('Когда'),
  by: z.string().max(64).nullable(),
  action: z.enum(keys(historyActions)),
  from: statusEnum.nullable(),
  to: statusEnum,
  comment: z.string().max(5000).default(''),
  /** Approval with the checklist failing: why it was approved anyway, and what failed. */
  override: z.object({ reason: z.string().max(5000), failing: z.array(z.string().max(200)) }).optional(),
  version: z.number().int().nullable().default(null),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Comment = z.object({
  id: id(),
  at: isoDateTime('Когда'),
  by: z.string().max(64).nullable(),
  text: z.string().min(1).max(5000),
  kind: z.enum(['comment', 'return', 'approve', 'override', 'unpublish', 'submit']),
});
export type Comment = z.infer<typeof Comment>;

export const Publication = z.object({
  at: isoDateTime('Опубликовано'),
  by: z.string().max(64).nullable(),
  channels: z.array(channelEnum),
  version: z.number().int(),
  republish: z.boolean(),
});

export const Release = z.object({
  ...recordMeta,
  ...contentShape,
  status: statusEnum,
  /** Grows by one with every change of the content; the editor sends it back to detect a second window. */
  revision: z.number().int().min(0),
  needsRepublish: z.boolean(),
  createdBy: z.string().max(64).nullable(),
  editedBy: z.string().max(64).nullable(),
  history: z.array(HistoryEntry),
  comments: z.array(Comment),
  publications: z.array(Publication),
  /** The newest version of the history (number, when, hash of its content). */
  version: z.object({ number: z.number().int().min(1), at: isoDateTime('Версия'), hash: z.string() }),
  approvedVersion: z.number().int().nullable(),
  publishedVersion: z.number().int().nullable(),
});
export type Release = z.infer<typeof Release>;

export const versionReasons = {
  create: 'создание',
  autosave: 'автосохранение',
  save: 'сохранение',
  submit: 'отправка на согласование',
  approve: 'согласование',
  return: 'возврат на доработку',
  reopen: 'правка после согласования',
  publish: 'публикация',
  editPublished: 'правка после публикации',
  unpublish: 'снятие с публикации',
  restore: 'восстановление',
  photo: 'фотографии',
  conflict: 'сохранено из другого окна',
} as const;
export type VersionReason = keyof typeof versionReasons;

export const ReleaseVersion = z.object({
  id: id(),
  releaseId: id(),
  number: z.number().int().min(1),
  at: isoDateTime('Когда'),
  by: z.string().max(64).nullable(),
  reason: z.enum(keys(versionReasons)),
  note: z.string().max(1000).default(''),
  status: statusEnum,
  hash: z.string(),
  content: ReleaseContent,
});
export type ReleaseVersion = z.infer<typeof ReleaseVersion>;

export const releaseCollections = {
  releases: { schema: Release, shardOf: (r: Release) => r.createdAt.slice(0, 4) },
  releaseVersions: { schema: ReleaseVersion, shardOf: (v: ReleaseVersion) => v.at.slice(0, 4) },
};
