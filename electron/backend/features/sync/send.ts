/**
 * Sending one outbox item: mark it «отправляется» (durably, so a crash leaves a trace that the
 * request may have reached the site), talk to the adapter, write the outcome. Exactly once: a
 * create that may repeat an earlier request first looks the post up by its key (the slug).
 * Conflicts: before an update the site's modified_gmt is compared with the one we last wrote.
 */
import { createHash } from 'node:crypto';
import type { Collections } from '../../collections.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../store/store.js';
import { readPhoto } from '../releases/photos.js';
import { escapeHtml } from '../releases/render.js';
import type { Release } from '../releases/schema.js';
import { OFFLINE, SiteError, TRANSIENT, type PostPayload, type RemotePost, type SiteAdapter } from './adapter.js';
import { releaseHtml } from './html.js';
import { envNumber } from './runtime.js';
import { releaseSiteOf, siteOf } from './outbox.js';
import type { OutboxItem, ReleaseSite, SiteCopy } from './schema.js';

export class ConflictFound extends Error {
  constructor(readonly site: SiteCopy) {
    super('Запись на сайте изменена после последней публикации: ничего не перезаписано. Выберите, чью версию оставить.');
  }
}

/** Exponential backoff with ±20 % jitter: base × 2^(attempt−1), at most 5 minutes. */
export function backoffMs(attempts: number, base = envNumber('PRESS_DESK_SYNC_BASE_DELAY_MS', 2000)): number {
  const raw = Math.min(base * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
  return Math.round(raw * (0.8 + Math.random() * 0.4));
}

/** What the conflict check compares besides modified_gmt. */
export const postHash = (p: { title: string; html: string; excerpt: string }) => createHash('sha256').update(JSON.stringify([p.title, p.html, p.excerpt])).digest('hex');

export const siteCopy = (p: RemotePost): SiteCopy => ({ title: p.title, html: p.html, excerpt: p.excerpt, modifiedGmt: p.modifiedGmt, link: p.link });

export function categoriesFor(ctx: Pick<Ctx, 'store'>, release: Release): number[] {
  const site = siteOf(ctx.store);
  const ids = new Set<number>();
  const same = (a: string, b: string) => a.toLocaleLowerCase('ru-RU') === b.toLocaleLowerCase('ru-RU');
  for (const t of release.tags) for (const m of site?.tags ?? []) if (same(m.tag, t)) m.categoryIds.forEach((c) => ids.add(c));
  if (release.nationalProject) for (const m of site?.nationalProjects ?? []) if (same(m.name, release.nationalProject)) m.categoryIds.forEach((c) => ids.add(c));
  return [...ids];
}

/** Uploads photos not uploaded yet, saving each media id at once (a retry never uploads one twice). */
async function uploadPhotos(ctx: Ctx, adapter: SiteAdapter, release: Release): Promise<PostPayload['media']> {
  const media: PostPayload['media'] = [];
  for (const photo of release.photos) {
    let m = releaseSiteOf(ctx.store, release.id, ctx.now().toISOString()).media[photo.id];
    if (!m) {
      const bytes = readPhoto(ctx.dataDir, photo);
      const ext = photo.file.split('.').pop();
      const uploaded = await adapter.uploadMedia({ id: photo.id, bytes, mime: photo.mime, fileName: photo.originalName || `photo.${ext}`, caption: photo.caption, author: photo.author });
      m = uploaded;
      await ctx.store.mutate((tx) => {
        const rs = releaseSiteOf(tx, release.id, ctx.now().toISOString());
        tx.put('syncReleases', { ...rs, media: { ...rs.media, [photo.id]: uploaded } });
      });
    }
    const caption = [photo.caption, photo.author ? `Фото: ${photo.author}` : ''].filter(Boolean).join(' ');
    media.push({ ...m, caption });
  }
  return media;
}

export async function payloadOf(ctx: Ctx, adapter: SiteAdapter, release: Release, rs: ReleaseSite, when: OutboxItem['when']): Promise<PostPayload> {
  const planned = when === 'planned' && release.plannedAt ? new Date(release.plannedAt) : null;
  return {
    key: rs.slug,
    // The site takes title and excerpt as HTML: plain text is escaped like the body (pull and conflicts decode it back).
    title: escapeHtml(release.headline),
    html: releaseHtml(release),
    excerpt: escapeHtml(release.lead),
    publishAt: planned,
    categoryIds: categoriesFor(ctx, release),
    tagNames: release.tags,
    media: await uploadPhotos(ctx, adapter, release),
  };
}

/** Does what the item asks; returns the post as the site now has it (null: nothing to take down). Throws SiteError or ConflictFound. */
async function perform(ctx: Ctx, adapter: SiteAdapter, item: OutboxItem, before: ReleaseSite, force: boolean): Promise<RemotePost | null> {
  const mayExist = before.postId !== null || before.everSent;
  let post: RemotePost | null = null;
  let adopted = false;
  if (before.postId !== null) post = await adapter.get(before.postId);
  if (!post && mayExist) {
    post = await adapter.find(before.slug);
    adopted = !!post;
  }
  if (item.action === 'unpublish') return post ? adapter.unpublish(post.id) : null;
  const release = ctx.store.get('releases', item.releaseId);
  if (!release) throw new SiteError('rejected', 'Релиз удалён из программы: публиковать нечего.');
  const changedOnSite = !!post && ((!!before.lastSyncedModifiedGmt && post.modifiedGmt !== before.lastSyncedModifiedGmt) || (!!before.lastSyncedHash && postHash(post) !== before.lastSyncedHash));
  if (post && !adopted && !force && changedOnSite) throw new ConflictFound(siteCopy(post!));
  const payload = await payloadOf(ctx, adapter, release, before, item.when);
  return post ? adapter.update(post.id, payload) : adapter.create(payload);
}

const waitingBehind = (tx: Tx<Collections>, item: OutboxItem) => tx.all('syncOutbox').some((i) => i.releaseId === item.releaseId && i.id !== item.id && i.state === 'queued');

export type SendOutcome = 'done' | 'retry' | 'failed' | 'conflict' | 'offline' | 'skipped';

/** One attempt at one item. `force`: overwrite even if the site changed (conflict resolved by «перезаписать»). */
export async function sendItem(ctx: Ctx, adapter: SiteAdapter, itemId: string, opts: { force?: boolean; onOffline?: (reason: string) => void } = {}): Promise<SendOutcome> {
  const at = () => ctx.now().toISOString();
  const started = await ctx.store.mutate((tx) => {
    const item = tx.get('syncOutbox', itemId);
    if (!item || item.state !== 'queued') return null;
    const before = releaseSiteOf(tx, item.releaseId, at());
    const sending = tx.put('syncOutbox', { ...item, state: 'sending', attempts: item.attempts + 1, updatedAt: at() });
    tx.put('syncReleases', { ...before, everSent: true, updatedAt: at() });
    return { item: sending, before };
  });
  if (!started) return 'skipped';
  const { item, before } = started;
  try {
    const post = await perform(ctx, adapter, item, before, !!opts.force);
    await ctx.store.mutate((tx) => {
      const now = at();
      const rs = releaseSiteOf(tx, item.releaseId, now);
      tx.put('syncOutbox', { ...item, state: 'done', doneAt: now, updatedAt: now, error: null, errorKind: null, nextAttemptAt: null });
      const state = !post ? 'none' : post.status === 'future' ? 'scheduled' : post.status === 'publish' ? 'published' : 'draft';
      tx.put('syncReleases', {
        ...rs,
        postId: post?.id ?? null,
        link: post?.link ?? null,
        // A newer request for this release waits behind this one: the release still shows «в очереди».
        state: waitingBehind(tx, item) ? 'queued' : item.action === 'unpublish' ? (post ? 'draft' : 'none') : state,
        lastSyncedModifiedGmt: post?.modifiedGmt ?? null,
        lastSyncedHash: post ? postHash(post) : null,
        syncedAt: now,
        conflict: null,
        updatedAt: now,
      });
      const site = siteOf(tx);
      if (site) tx.put('syncSite', { ...site, lastSyncAt: now, updatedAt: now });
    });
    return 'done';
  } catch (err) {
    const now = at();
    if (err instanceof ConflictFound) {
      await ctx.store.mutate((tx) => {
        const rs = releaseSiteOf(tx, item.releaseId, now);
        tx.put('syncOutbox', { ...item, state: 'conflict', error: err.message, errorKind: 'conflict', updatedAt: now, nextAttemptAt: null });
        tx.put('syncReleases', { ...rs, state: 'conflict', conflict: err.site, updatedAt: now });
      });
      return 'conflict';
    }
    const e = err instanceof SiteError ? err : new SiteError('rejected', `Не удалось отправить: ${(err as Error).message}`);
    if (e.kind === 'cancelled') {
      // The app is closing: back to the queue as it was (the slug is looked up at the next start).
      await ctx.store.mutate((tx) => {
        const rs = releaseSiteOf(tx, item.releaseId, now);
        tx.put('syncOutbox', { ...item, state: 'queued', attempts: Math.max(0, item.attempts - 1), nextAttemptAt: null, updatedAt: now });
        tx.put('syncReleases', { ...rs, state: 'queued', updatedAt: now });
      });
      return 'skipped';
    }
    const retry = TRANSIENT.has(e.kind);
    const offline = OFFLINE.has(e.kind);
    await ctx.store.mutate((tx) => {
      const rs = releaseSiteOf(tx, item.releaseId, now);
      tx.put('syncOutbox', {
        ...item,
        state: retry ? 'queued' : 'failed',
        error: e.message,
        errorKind: e.kind,
        nextAttemptAt: retry ? new Date(Date.now() + backoffMs(item.attempts)).toISOString() : null,
        updatedAt: now,
      });
      tx.put('syncReleases', { ...rs, state: retry ? 'queued' : 'failed', updatedAt: now });
    });
    if (offline) opts.onOffline?.(e.message);
    return offline ? 'offline' : retry ? 'retry' : 'failed';
  }
}
