/**
 * Everything api.ts needs from sync (issue #7): input schemas (values) and output types.
 * The UI builds against these; fields may be added, never renamed.
 */
export {
  ConflictResolveInput,
  MappingSaveInput,
  OutboxQuery,
  OutboxRef,
  PublicationsQuery,
  PublishSiteInput,
  PullStartInput,
  ReleaseRef,
  SiteSaveInput,
} from './schema.js';
export type { SiteCheck, SiteCheckStep, OutboxAction, OutboxState, ReleaseSiteState } from './schema.js';
export type { SitePublication } from './site-publications.js';
import type { SiteCheck, OutboxAction, OutboxState, ReleaseSiteState } from './schema.js';
import type { SitePublication } from './site-publications.js';

/** Where and how the Application Password is kept (the UI shows `explanation`). */
export interface SecretStorageView {
  kind: 'os-keystore' | 'key-file';
  /** A path (key-file) or the name of the OS key store. */
  where: string;
  /** Russian, one or two sentences for the settings screen. */
  explanation: string;
}

export interface SiteView {
  url: string;
  user: string;
  /** A password is stored (it is never returned). */
  hasPassword: boolean;
  secretStorage: SecretStorageView;
  lastCheck: SiteCheck | null;
  /** The site's time zone as WordPress reports it («Asia/Barnaul», or «UTC+7» from gmt_offset), once checked. */
  siteTimeZone: string | null;
}

export interface SiteCategory {
  id: number;
  name: string;
}

export interface MappingView {
  siteCategories: SiteCategory[];
  tags: { tag: string; categoryIds: number[] }[];
  nationalProjects: { name: string; categoryIds: number[] }[];
  /** Release tags and national projects in use that have no mapping yet (suggestions for the screen). */
  unmappedTags: string[];
  unmappedProjects: string[];
}

export interface OutboxItemView {
  id: string;
  releaseId: string;
  releaseTitle: string;
  action: OutboxAction;
  /** публикация / обновление / снятие с публикации */
  actionLabel: string;
  state: OutboxState;
  /** в очереди / отправляется / опубликовано / ошибка / отменено / конфликт */
  stateLabel: string;
  /** The reason in Russian words, when the last attempt failed. */
  error: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  doneAt: string | null;
  /** The post's address on the site, once known. */
  link: string | null;
  /** «Повторить» makes sense (failed, conflict-free waiting with a backoff). */
  canRetry: boolean;
  /** «Отменить» makes sense (queued or failed; not sending, not done). */
  canCancel: boolean;
}

export interface PullStatus {
  running: boolean;
  done: number;
  total: number | null;
  lastPullAt: string | null;
  error: string | null;
}

export interface SyncStatus {
  /** An address and a password are set: the worker can try the site. */
  configured: boolean;
  /** null: not known yet (never tried since start). */
  online: boolean | null;
  /** Items queued or sending. */
  waiting: number;
  failed: number;
  conflicts: number;
  sending: boolean;
  lastSyncAt: string | null;
  /** Why the site is offline, in Russian (null when online or unknown). */
  offlineReason: string | null;
  pull: PullStatus;
}

export interface ReleaseSiteView {
  state: ReleaseSiteState;
  stateLabel: string;
  link: string | null;
  postId: number | null;
  syncedAt: string | null;
  outboxItem: OutboxItemView | null;
}

export interface ConflictSide {
  title: string;
  html: string;
  excerpt: string;
}

export interface ConflictView {
  releaseId: string;
  local: ConflictSide;
  site: ConflictSide & { modifiedGmt: string; link: string };
  lastSyncedModifiedGmt: string | null;
}

export interface PublicationList {
  total: number;
  items: SitePublication[];
}
