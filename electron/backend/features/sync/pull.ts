/**
 * Pull: the site's published posts into `sitePublications` (the annual report counts them).
 * Incremental (posts modified since the last completed pull), paginated by the adapter, with
 * progress and cancel. All pages are written in ONE mutation at the end, with the new cursor:
 * readers see the collection before the pull or after it, never half of it; a cancelled pull
 * writes nothing.
 */
import type { Ctx } from '../../context.js';
import { SiteError, type PulledPost } from './adapter.js';
import { notify, siteOf } from './outbox.js';
import { runtimeOf } from './runtime.js';
import type { SitePublication } from './site-publications.js';
import { adapterFor } from './worker.js';

const SOURCE = 'wordpress';
const pubId = (remoteId: string) => `${SOURCE}-${remoteId}`;
const RELEASE_SLUG = /^pd-([0-9a-f-]{8,64})$/;

function projectOf(ctx: Ctx, categoryIds: number[]): string | null {
  const site = siteOf(ctx.store);
  for (const m of site?.nationalProjects ?? []) if (m.categoryIds.some((c) => categoryIds.includes(c))) return m.name;
  return null;
}

export interface PullResult {
  fetched: number;
  total: number | null;
  cancelled: boolean;
  error: string | null;
}

/** Runs one pull to the end (the CLI awaits it; the UI starts it with startPull). */
export async function runPull(ctx: Ctx, opts: { full?: boolean } = {}): Promise<PullResult> {
  const rt = runtimeOf(ctx);
  if (rt.pull.running && rt.pull.promise) await rt.pull.promise.catch(() => undefined);
  const adapter = adapterFor(ctx);
  if (!adapter) return { fetched: 0, total: null, cancelled: false, error: 'Сайт не настроен: укажите адрес, пользователя и пароль приложения.' };
  const abort = new AbortController();
  const since = opts.full ? null : (siteOf(ctx.store)?.pullCursor ?? null);
  const startedAt = ctx.now().toISOString();
  rt.pull = { running: true, done: 0, total: null, error: null, abort, promise: null };
  notify(ctx);
  const pulled: PulledPost[] = [];
  let lastNotify = 0;
  const result: PullResult = { fetched: 0, total: null, cancelled: false, error: null };
  const run = (async () => {
    try {
      await adapter.pull(
        since,
        (posts, total) => {
          pulled.push(...posts);
          rt.pull.done = pulled.length;
          rt.pull.total = total;
          if (Date.now() - lastNotify > 250) {
            lastNotify = Date.now();
            notify(ctx);
          }
        },
        abort.signal,
      );
      await save(ctx, pulled, !since, startedAt);
      result.fetched = pulled.length;
      result.total = rt.pull.total;
    } catch (err) {
      const e = err as SiteError;
      if (e instanceof SiteError && e.kind === 'cancelled') result.cancelled = true;
      else result.error = e.message;
      rt.pull.error = result.cancelled ? null : result.error;
    } finally {
      rt.pull.running = false;
      rt.pull.abort = null;
      notify(ctx);
    }
  })();
  rt.pull.promise = run;
  await run;
  return result;
}

async function save(ctx: Ctx, posts: PulledPost[], full: boolean, startedAt: string): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.store.mutate((tx) => {
    const seen = new Set<string>();
    let cursor = siteOf(tx)?.pullCursor ?? null;
    for (const p of posts) {
      const id = pubId(p.remoteId);
      seen.add(id);
      const old = tx.get('sitePublications', id);
      const record: SitePublication = {
        id,
        createdAt: old?.createdAt ?? at,
        updatedAt: at,
        source: SOURCE,
        remoteId: p.remoteId,
        date: new Date(p.date).toISOString(),
        modified: new Date(p.modified).toISOString(),
        title: p.title.slice(0, 2000),
        link: p.link.slice(0, 2000),
        categories: p.categories.slice(0, 100),
        tags: p.tags.slice(0, 200),
        nationalProject: projectOf(ctx, p.categoryIds),
        hasPhoto: p.hasPhoto,
        hasVideo: p.hasVideo,
        releaseId: RELEASE_SLUG.exec(p.slug)?.[1] ?? null,
      };
      // Shards are by year: a post whose date moved to another year must leave its old shard.
      if (old && old.date.slice(0, 4) !== record.date.slice(0, 4)) tx.del('sitePublications', id);
      tx.put('sitePublications', record);
      if (!cursor || record.modified > cursor) cursor = record.modified;
    }
    // A full pull also forgets posts no longer published on the site.
    if (full) for (const old of tx.all('sitePublications')) if (old.source === SOURCE && !seen.has(old.id)) tx.del('sitePublications', old.id);
    const site = siteOf(tx);
    if (site) tx.put('syncSite', { ...site, pullCursor: cursor ?? startedAt, lastPullAt: at, updatedAt: at });
  });
}

/** Starts a pull in the background (progress through the 'sync' event). */
export function startPull(ctx: Ctx, full: boolean): void {
  const rt = runtimeOf(ctx);
  if (rt.pull.running) return;
  void runPull(ctx, { full }).catch((err) => {
    rt.pull.error = (err as Error).message;
    notify(ctx);
  });
}

export function cancelPull(ctx: Ctx): void {
  runtimeOf(ctx).pull.abort?.abort();
}
