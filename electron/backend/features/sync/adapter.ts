/**
 * The one interface the outbox and the pull talk to. A site adapter turns «publish this release»,
 * «take it down», «what is on the site» into its own protocol; the outbox, retries, conflicts and
 * state never change when a new one (a Telegram channel, a VK page, a plain JSON endpoint) is added.
 *
 * Rules every adapter keeps:
 *  - Errors are SiteError (below): a machine `kind` (decides retry/backoff/offline) and a Russian message.
 *  - `find(key)` must find a post made with that key even when the answer to `create` was lost:
 *    the outbox calls it before any create that may repeat an earlier request (exactly once).
 *  - `modifiedGmt` is whatever the site bumps on every edit; the outbox compares it to detect conflicts.
 */
import type { SiteCheck } from './schema.js';

export type SiteErrorKind =
  | 'unreachable' // no connection, DNS, refused, reset
  | 'timeout'
  | 'certificate'
  | 'auth' // wrong user or password (401)
  | 'forbidden' // signed in, but no right to do this (403)
  | 'notWordPress' // answers, but not a WordPress REST API (HTML, 404 at the REST root)
  | 'badResponse' // HTML or garbage where JSON was expected
  | 'server' // 5xx
  | 'notFound' // the post is gone from the site
  | 'rejected' // 4xx the site explains (bad field…)
  | 'cancelled';

/** Worth another try later without the user doing anything. */
export const TRANSIENT: ReadonlySet<SiteErrorKind> = new Set(['unreachable', 'timeout', 'server', 'badResponse']);
/** The site cannot be talked to at all right now: stop the queue and probe. */
export const OFFLINE: ReadonlySet<SiteErrorKind> = new Set(['unreachable', 'timeout']);

export class SiteError extends Error {
  constructor(
    readonly kind: SiteErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PostPhoto {
  /** Stable id of the photo (the adapter returns the remote media id for it). */
  id: string;
  bytes: Buffer;
  mime: string;
  fileName: string;
  caption: string;
  author: string;
}

/** What to put on the site for one release. */
export interface PostPayload {
  /** The idempotency key the site keeps (a slug derived from the release id). */
  key: string;
  title: string;
  html: string;
  excerpt: string;
  /** null: now. Otherwise scheduled for that instant (if it is still in the future). */
  publishAt: Date | null;
  categoryIds: number[];
  tagNames: string[];
  /** Uploaded photos in the release's order (the first is the featured image, the rest go under the text). */
  media: { id: number; url: string; caption: string }[];
}

export interface RemotePost {
  id: number;
  link: string;
  /** publish | future | draft | pending | private */
  status: string;
  modifiedGmt: string;
  title: string;
  html: string;
  excerpt: string;
}

export interface PulledPost {
  remoteId: string;
  date: string;
  modified: string;
  title: string;
  link: string;
  categories: string[];
  tags: string[];
  categoryIds: number[];
  hasPhoto: boolean;
  hasVideo: boolean;
  slug: string;
}

export interface SiteInfo {
  timeZone: string | null;
  gmtOffset: number | null;
  categories: { id: number; name: string }[];
}

export interface SiteAdapter {
  readonly source: string;
  /** Steps «reachable → signed in → may publish → may upload → categories», never throws. */
  check(): Promise<{ check: SiteCheck; info: SiteInfo | null }>;
  /** A cheap request: resolves when the site answers like itself, else throws SiteError. */
  probe(): Promise<void>;
  info(): Promise<SiteInfo>;
  find(key: string): Promise<RemotePost | null>;
  get(id: number): Promise<RemotePost | null>;
  uploadMedia(photo: PostPhoto): Promise<{ id: number; url: string }>;
  create(post: PostPayload): Promise<RemotePost>;
  update(id: number, post: PostPayload): Promise<RemotePost>;
  /** Takes the post off the site (WordPress: back to draft). */
  unpublish(id: number): Promise<RemotePost>;
  /**
   * Reads published posts modified after `since` (all when null), page by page; `onPage` gets each
   * page and the total when known. Stops with SiteError('cancelled') when `signal` aborts.
   */
  pull(since: string | null, onPage: (posts: PulledPost[], total: number | null) => void, signal: AbortSignal): Promise<void>;
}
