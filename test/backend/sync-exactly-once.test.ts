/**
 * Exactly once, against the real WordPress behind a loopback proxy: the site stopped in the middle of
 * a queue of 50 publications and started again — all 50 end up published once; a create that reached
 * the site but whose answer was lost is found by its slug on the retry, not made twice.
 */
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { bundle } from '../helpers/bundle.js';
import { SPEC } from '../helpers/releases-kit.js';
import { deletePostsWithSlugPrefix, lockWordPress, noWordPress, openSyncKit, postCounts, wp, type SyncKit } from './wp-kit.js';
import { siteProxy, type SiteProxy } from './wp-servers.js';

let unlock: () => void;
let kit: SyncKit | null = null;
let proxy: SiteProxy | null = null;
const releases: string[] = [];

async function makeReleases(k: SyncKit, n: number, title: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const r = await k.call('releases.create', { type: 'news', by: SPEC, headline: `${title} № ${i}` });
    ids.push(r.id);
    releases.push(r.id);
  }
  return ids;
}

const isCreate = (p: { method: string; route: string }) => p.method === 'POST' && p.route === '/wp/v2/posts';

describe.skipIf(noWordPress)('exactly once (real WordPress behind a proxy)', () => {
  beforeAll(async () => {
    unlock = await lockWordPress();
    process.env.PRESS_DESK_SYNC_BASE_DELAY_MS = '100';
    process.env.PRESS_DESK_SYNC_PROBE_MS = '100';
  });
  afterEach(async () => {
    await kit?.close();
    await proxy?.close();
    kit = proxy = null;
  });
  afterAll(() => {
    for (const id of releases) deletePostsWithSlugPrefix(`pd-${id}`);
    unlock?.();
  });

  it('50 publications, the site stopped in the middle and started again: all 50 published once', async () => {
    proxy = await siteProxy(wp.url);
    kit = await openSyncKit({ worker: true });
    await kit.connect({ url: proxy.url });
    const ids = await makeReleases(kit, 50, 'Очередь из пятидесяти');
    for (const id of ids) await kit.call('sync.publish', { releaseId: id, when: 'now' });
    const done = () => kit!.backend.ctx.store.all('syncOutbox').filter((i) => i.state === 'done').length;
    await kit.until(() => done() >= 15);
    await proxy.down(); // cuts requests in flight too
    await kit.until(async () => (await kit!.call('sync.status', {})).online === false);
    const stoppedAt = done();
    expect(stoppedAt).toBeLessThan(50);
    const status = await kit.call('sync.status', {});
    expect(status.waiting).toBe(50 - stoppedAt);
    expect(status.offlineReason).toMatch(/Сайт недоступен/);
    await new Promise((r) => setTimeout(r, 300)); // a few probes fail
    expect(done()).toBe(stoppedAt);
    await proxy.up();
    await kit.until(() => done() === 50, 60_000);
    expect((await kit.call('sync.status', {})).online).toBe(true);
    const counts = postCounts(ids);
    expect(Object.values(counts).filter((c) => c !== 1)).toEqual([]);
    expect(new Set(ids.map((id) => kit!.backend.ctx.store.get('syncReleases', id)!.postId)).size).toBe(50);
  });

  it('the answer to a create is lost: the retry finds the post by its slug, no second post', async () => {
    proxy = await siteProxy(wp.url);
    let dropped = 0;
    proxy.rule = (req) => (isCreate(req) && dropped++ === 0 ? 'drop-response' : 'forward');
    kit = await openSyncKit();
    await kit.connect({ url: proxy.url });
    const [id] = await makeReleases(kit, 1, 'Потерянный ответ');
    await kit.call('sync.publish', { releaseId: id!, when: 'now' });
    await kit.call('sync.runNow', {});
    const first = (await kit.call('sync.releaseSite', { releaseId: id! })).outboxItem!;
    expect(first.state).toBe('queued');
    expect(first.error).toMatch(/Сайт недоступен/);
    expect(postCounts([id!])[id!]).toBe(1); // the site did make it

    await kit.call('sync.runNow', {});
    const site = await kit.call('sync.releaseSite', { releaseId: id! });
    expect(site.state).toBe('published');
    expect(site.outboxItem).toMatchObject({ state: 'done', attempts: 2 });
    expect(postCounts([id!])[id!]).toBe(1);
    expect(proxy.seen.filter(isCreate)).toHaveLength(1);
  });

  it('the app dies while a create is on its way: at the next start the post is found, not made again', async () => {
    proxy = await siteProxy(wp.url);
    kit = await openSyncKit();
    await kit.connect({ url: proxy.url });
    const [id] = await makeReleases(kit, 1, 'Сбой питания');
    await kit.call('sync.publish', { releaseId: id!, when: 'now' });
    const { dir, keyFile } = kit;
    await kit.close(true);
    kit = null;

    proxy.rule = (req) => (isCreate(req) ? 'forward-hang' : 'forward');
    const child = spawn(process.execPath, [await bundle('test/backend/wp-worker-child.ts', 'wp-worker-child'), dir], { env: { ...process.env, PRESS_DESK_KEY_FILE: keyFile }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((r) => child.on('exit', r));
    const end = Date.now() + 30_000;
    while (postCounts([id!])[id!] === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(postCounts([id!])[id!]).toBe(1); // the site made the post; the answer never came back
    child.kill('SIGKILL');
    await exited;

    const seen = await openBackend({ dataDir: dir, readOnly: true, backups: false });
    expect(seen.ctx.store.all('syncOutbox')[0]!.state).toBe('sending');
    await seen.close();

    proxy.rule = () => 'forward';
    kit = await openSyncKit({ dir, keyFile, worker: true });
    await kit.until(async () => (await kit!.call('sync.releaseSite', { releaseId: id! })).state === 'published');
    expect(postCounts([id!])[id!]).toBe(1);
    expect(proxy.seen.filter(isCreate)).toHaveLength(1);
  });

  it('closing the app while a create hangs: closes at once, the item waits, and goes once at the next start', async () => {
    process.env.PRESS_DESK_SYNC_TIMEOUT_MS = '60000';
    proxy = await siteProxy(wp.url);
    proxy.rule = (req) => (isCreate(req) ? 'forward-hang' : 'forward');
    kit = await openSyncKit({ worker: true });
    await kit.connect({ url: proxy.url });
    const [id] = await makeReleases(kit, 1, 'Закрыли посреди отправки');
    await kit.call('sync.publish', { releaseId: id!, when: 'now' });
    await kit.until(() => postCounts([id!])[id!] === 1);
    expect(kit.backend.ctx.store.all('syncOutbox')[0]!.state).toBe('sending');
    const { dir, keyFile } = kit;
    const started = Date.now();
    await kit.close(true);
    kit = null;
    expect(Date.now() - started).toBeLessThan(3000);
    delete process.env.PRESS_DESK_SYNC_TIMEOUT_MS;

    proxy.rule = () => 'forward';
    kit = await openSyncKit({ dir, keyFile });
    expect(kit.backend.ctx.store.all('syncOutbox')[0]).toMatchObject({ state: 'queued', error: null });
    await kit.call('sync.runNow', {});
    expect((await kit.call('sync.releaseSite', { releaseId: id! })).state).toBe('published');
    expect(postCounts([id!])[id!]).toBe(1);
  });
});
