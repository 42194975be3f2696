/**
 * Sync to the site: stored records (connection, outbox, each release's state on the site) and the
 * input schemas of the sync.* methods. The password is NOT here: it lives sealed in a file beside
 * the store (see secret-store.ts), so it never reaches the journal, a backup or an archive.
 */
import { z } from 'zod';
import { id, isoDate, isoDateTime, recordMeta, text } from '../../schema-kit.js';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const outboxActions = { publish: 'публикация', update: 'обновление', unpublish: 'снятие с публикации' } as const;
export type OutboxAction = keyof typeof outboxActions;

export const outboxStates = {
  queued: 'в очереди',
  sending: 'отправляется',
  done: 'опубликовано',
  failed: 'ошибка',
  cancelled: 'отменено',
  conflict: 'конфликт',
} as const;
export type OutboxState = keyof typeof outboxStates;

export const releaseSiteStates = {
  none: 'не на сайте',
  queued: 'в очереди на сайт',
  published: 'опубликовано на сайте',
  scheduled: 'запланировано на сайте',
  draft: 'снято с сайта (черновик)',
  failed: 'ошибка публикации',
  conflict: 'конфликт',
} as const;
export type ReleaseSiteState = keyof typeof releaseSiteStates;

const CategoryMap = z.object({ categoryIds: z.array(z.number().int().min(1)).max(50).default([]).describe('Рубрики сайта') });
export const TagMapping = CategoryMap.extend({ tag: text('Тег', 60) });
export const ProjectMapping = CategoryMap.extend({ name: text('Национальный проект', 200) });

export const SiteCheckStep = z.object({
  key: z.enum(['reachable', 'wordpress', 'signedIn', 'canPublish', 'canUpload', 'categories']),
  label: z.string(),
  ok: z.boolean(),
  message: z.string(),
  /** Not tried: an earlier step failed (the UI shows «–», not another ✗). */
  skipped: z.boolean().default(false),
});
export const SiteCheck = z.object({ ok: z.boolean(), at: isoDateTime('Проверено'), steps: z.array(SiteCheckStep) });
export type SiteCheck = z.infer<typeof SiteCheck>;
export type SiteCheckStep = z.infer<typeof SiteCheckStep>;

/** The one connection record (id 'site'). */
export const SyncSite = z.object({
  ...recordMeta,
  url: z.string().max(500),
  user: z.string().max(200),
  lastCheck: SiteCheck.nullable(),
  siteTimeZone: z.string().max(100).nullable(),
  /** Hours from UTC (WordPress's gmt_offset), used when the site names no zone. */
  gmtOffset: z.number().nullable(),
  siteCategories: z.array(z.object({ id: z.number().int(), name: z.string().max(300) })).max(5000),
  tags: z.array(TagMapping).max(500),
  nationalProjects: z.array(ProjectMapping).max(200),
  lastSyncAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** The newest modified_gmt seen by a completed pull: the next pull asks for posts modified after it. */
  pullCursor: z.string().nullable(),
});
export type SyncSite = z.infer<typeof SyncSite>;

export const OutboxItem = z.object({
  ...recordMeta,
  releaseId: id(),
  action: z.enum(keys(outboxActions)),
  when: z.enum(['now', 'planned']),
  state: z.enum(keys(outboxStates)),
  /** Ordering: the worker sends items in the order they were queued. */
  seq: z.number().int().min(0),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.string().nullable(),
  error: z.string().max(2000).nullable(),
  /** Machine kind of the last error (auth, notWordPress, forbidden, certificate, server, timeout, unreachable…). */
  errorKind: z.string().max(40).nullable(),
  doneAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const SiteCopy = z.object({ title: z.string(), html: z.string(), excerpt: z.string(), modifiedGmt: z.string(), link: z.string() });
export type SiteCopy = z.infer<typeof SiteCopy>;

/** A release's state on the site (id = the release's id). */
export const ReleaseSite = z.object({
  ...recordMeta,
  slug: z.string().max(200),
  postId: z.number().int().nullable(),
  link: z.string().max(2000).nullable(),
  state: z.enum(keys(releaseSiteStates)),
  /** The post's modified_gmt right after our last successful write (conflict detection). */
  lastSyncedModifiedGmt: z.string().nullable(),
  /** Hash of the post's title, content and excerpt right after our last write (catches an edit within the same second). */
  lastSyncedHash: z.string().nullable().default(null),
  syncedAt: z.string().nullable(),
  /** Some request for this release may have reached the site: look the slug up before creating. */
  everSent: z.boolean(),
  /** Photos already uploaded: photo id → media id and address on the site (a retry does not upload them again). */
  media: z.record(z.string(), z.object({ id: z.number().int(), url: z.string().max(2000) })),
  /** The site's copy when a conflict was found. */
  conflict: SiteCopy.nullable(),
});
export type ReleaseSite = z.infer<typeof ReleaseSite>;

export const syncCollections = {
  syncSite: { schema: SyncSite },
  syncOutbox: { schema: OutboxItem, shardOf: (i: OutboxItem) => i.createdAt.slice(0, 4) },
  syncReleases: { schema: ReleaseSite },
};

// ---- inputs -------------------------------------------------------------------------------

const releaseId = () => id().describe('Релиз');

export const SiteSaveInput = z.object({
  url: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((u) => {
      try {
        return ['http:', 'https:'].includes(new URL(u).protocol);
      } catch {
        return false;
      }
    }, 'это не адрес сайта (пример: https://admin-town.ru)')
    .describe('Адрес сайта'),
  user: text('Пользователь WordPress', 200),
  /** Left out: keep the stored one. */
  password: z.string().trim().min(1).max(200).optional().describe('Пароль приложения'),
});

export const MappingSaveInput = z.object({
  tags: z.array(TagMapping).max(500).default([]).describe('Теги'),
  nationalProjects: z.array(ProjectMapping).max(200).default([]).describe('Национальные проекты'),
});

export const PublishSiteInput = z.object({
  releaseId: releaseId(),
  when: z.enum(['now', 'planned']).default('now').describe('Когда публиковать'),
});
export const ReleaseRef = z.object({ releaseId: releaseId() });
export const OutboxRef = z.object({ id: id().describe('Элемент очереди') });
export const OutboxQuery = z.object({ state: z.enum(['waiting', 'failed', 'done', 'all']).default('all').describe('Состояние') }).default({ state: 'all' });

const Merged = z.object({
  title: text('Заголовок', 500),
  html: z.string().max(2_000_000).describe('Текст'),
  excerpt: z.string().max(5000).default('').describe('Лид'),
}).describe('Объединённый текст');
export const ConflictResolveInput = z.object({
  releaseId: releaseId(),
  choice: z.enum(['keep-site', 'overwrite', 'merge']).describe('Решение'),
  merged: Merged.optional(),
});

export const PullStartInput = z.object({ full: z.boolean().default(false).describe('Полностью') }).default({ full: false });

export const PublicationsQuery = z
  .object({
    from: isoDate('С даты').optional(),
    to: isoDate('По дату').optional(),
    q: z.string().trim().max(200).optional().describe('Поиск'),
    limit: z.number().int().min(1).max(10_000).default(200).describe('Сколько'),
  })
  .default({ limit: 200 });
