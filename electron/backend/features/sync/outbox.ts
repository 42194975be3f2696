/**
 * The outbox in the store: queueing (in the same mutation as the release's site state), views,
 * counts. The worker (worker.ts) sends; this file only decides what is written.
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import type { Tx } from '../../store/store.js';
import type { Collections } from '../../collections.js';
import type { OutboxItemView, ReleaseSiteView, SyncStatus } from './api-types.js';
import { runtimeOf } from './runtime.js';
import { passwordAvailable } from './secret-store.js';
import { outboxActions, outboxStates, releaseSiteStates, type OutboxAction, type OutboxItem, type ReleaseSite, type SyncSite } from './schema.js';

export const SITE_ID = 'site';
export const WAITING: ReadonlySet<OutboxItem['state']> = new Set(['queued', 'sending']);
/** The key the site keeps for each release: its slug. */
export const slugOf = (releaseId: string) => `pd-${releaseId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;

type Reader = Pick<AppStore, 'get' | 'all'> | Tx<Collections>;

export function siteOf(store: Reader): SyncSite | undefined {
  return store.get('syncSite', SITE_ID);
}

export function releaseSiteOf(store: Reader, releaseId: string, at: string): ReleaseSite {
  return (
    store.get('syncReleases', releaseId) ?? {
      id: releaseId,
      createdAt: at,
      updatedAt: at,
      slug: slugOf(releaseId),
      postId: null,
      link: null,
      state: 'none',
      lastSyncedModifiedGmt: null,
      lastSyncedHash: null,
      syncedAt: null,
      everSent: false,
      media: {},
      conflict: null,
    }
  );
}

function nextSeq(tx: Tx<Collections>): number {
  return tx.all('syncOutbox').reduce((m, i) => Math.max(m, i.seq), 0) + 1;
}

/**
 * Queues a publish/update/unpublish and marks the release «в очереди» in ONE mutation. A queued or
 * failed item of the same release is replaced (the newest intent wins), so the queue never sends
 * stale versions one after another.
 */
export async function enqueue(ctx: Ctx, releaseId: string, intent: 'publish' | 'unpublish', when: 'now' | 'planned'): Promise<OutboxItem> {
  const release = ctx.store.get('releases', releaseId);
  if (!release) throw notFound('Релиз не найден');
  if (intent === 'publish' && !release.headline.trim()) throw new AppError('validation', 'У релиза нет заголовка: публиковать на сайте нечего.');
  const at = ctx.now().toISOString();
  const item = await ctx.store.mutate((tx) => {
    const rs = releaseSiteOf(tx, releaseId, at);
    if (rs.state === 'conflict' && intent === 'publish')
      throw new AppError('conflict', 'Запись на сайте изменена после последней публикации: сначала разрешите конфликт (Сайт → Конфликт).');
    if (intent === 'unpublish' && rs.postId === null && !rs.everSent) {
      // Never reached the site: taking it down = dropping what waits to be sent.
      const waiting = tx.all('syncOutbox').find((i) => i.releaseId === releaseId && (i.state === 'queued' || i.state === 'failed'));
      if (!waiting) throw new AppError('validation', 'Релиз ещё не опубликован на сайте: снимать нечего.');
      tx.put('syncReleases', { ...rs, state: 'none', updatedAt: at });
      return tx.put('syncOutbox', { ...waiting, state: 'cancelled', nextAttemptAt: null, updatedAt: at });
    }
    const action: OutboxAction = intent === 'unpublish' ? 'unpublish' : rs.postId !== null || rs.everSent ? 'update' : 'publish';
    const pending = tx.all('syncOutbox').find((i) => i.releaseId === releaseId && (i.state === 'queued' || i.state === 'failed'));
    const base = pending ?? { id: randomUUID(), createdAt: at, releaseId, seq: nextSeq(tx) };
    const saved = tx.put('syncOutbox', {
      ...base,
      updatedAt: at,
      action: pending?.action === 'publish' && action === 'update' ? 'publish' : action,
      when,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: null,
      error: null,
      errorKind: null,
      doneAt: null,
    });
    tx.put('syncReleases', { ...rs, state: 'queued', updatedAt: at });
    return saved;
  });
  runtimeOf(ctx).wake();
  return item;
}

export function itemView(store: Reader, i: OutboxItem): OutboxItemView {
  const release = store.get('releases', i.releaseId);
  const rs = store.get('syncReleases', i.releaseId);
  const stateLabel = i.state === 'done' && i.action === 'unpublish' ? 'снято с сайта' : outboxStates[i.state];
  return {
    id: i.id,
    releaseId: i.releaseId,
    releaseTitle: release?.headline || 'Без заголовка',
    action: i.action,
    actionLabel: outboxActions[i.action],
    state: i.state,
    stateLabel,
    error: i.error,
    attempts: i.attempts,
    nextAttemptAt: i.nextAttemptAt,
    createdAt: i.createdAt,
    doneAt: i.doneAt,
    link: rs?.link ?? null,
    canRetry: i.state === 'failed' || (i.state === 'queued' && i.attempts > 0),
    canCancel: i.state === 'queued' || i.state === 'failed',
  };
}

export function latestItem(store: Reader, releaseId: string): OutboxItem | null {
  let best: OutboxItem | null = null;
  for (const i of store.all('syncOutbox')) if (i.releaseId === releaseId && (!best || i.seq > best.seq)) best = i;
  return best;
}

export function releaseSiteView(store: Reader, releaseId: string): ReleaseSiteView {
  const rs = releaseSiteOf(store, releaseId, new Date(0).toISOString());
  const item = latestItem(store, releaseId);
  return {
    state: rs.state,
    stateLabel: releaseSiteStates[rs.state],
    link: rs.link,
    postId: rs.postId,
    syncedAt: rs.syncedAt,
    outboxItem: item ? itemView(store, item) : null,
  };
}

export function syncStatus(ctx: Pick<Ctx, 'store' | 'dataDir'>): SyncStatus {
  const rt = runtimeOf(ctx);
  const site = siteOf(ctx.store);
  let waiting = 0;
  let failed = 0;
  let conflicts = 0;
  for (const i of ctx.store.all('syncOutbox')) {
    if (WAITING.has(i.state)) waiting++;
    else if (i.state === 'failed') failed++;
    else if (i.state === 'conflict') conflicts++;
  }
  return {
    // An address without a password cannot be reached: the status bar says «не подключён», not «проверка связи».
    configured: !!site?.url && passwordAvailable(ctx.dataDir),
    online: rt.online,
    waiting,
    failed,
    conflicts,
    sending: rt.sending,
    lastSyncAt: site?.lastSyncAt ?? null,
    offlineReason: rt.online === false ? rt.offlineReason : null,
    pull: { running: rt.pull.running, done: rt.pull.done, total: rt.pull.total, lastPullAt: site?.lastPullAt ?? null, error: rt.pull.error },
  };
}

/** Tells the windows (and the status bar) what changed. */
export function notify(ctx: Pick<Ctx, 'store' | 'dataDir'>): void {
  runtimeOf(ctx).emit(syncStatus(ctx));
}
