/**
 * Pull from the real WordPress into sitePublications: paginated (more than two pages of 100),
 * photo and video detected, categories by name, national project from the mapping, progress events,
 * readers never see half a pull, incremental (only what changed since), and cancel.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/backend/features/sync/api-types.js';
import { createPosts, deletePostsWithSlugPrefix, deleteTerms, lockWordPress, noWordPress, openSyncKit, php, rest, type SyncKit } from './wp-kit.js';

let unlock: () => void;
let kit: SyncKit;
const prefix = `pdpull-${Date.now().toString(36)}`;
let categoryId = 0;
const N = 230;

async function pullToEnd(full: boolean): Promise<SyncStatus[]> {
  const events: SyncStatus[] = [];
  const before = kit.backend.ctx.store.count('sitePublications');
  const off = kit.backend.onEvent((name, payload) => {
    if (name !== 'sync') return;
    events.push(payload as SyncStatus);
    // A consistent snapshot: nothing of the pull is visible until it is complete.
    if ((payload as SyncStatus).pull.running) expect(kit.backend.ctx.store.count('sitePublications')).toBe(before);
  });
  await kit.call('sync.pull.start', { full });
  await kit.until(async () => !(await kit.call('sync.status', {})).pull.running, 120_000);
  off();
  return events;
}

const mine = () => kit.backend.ctx.store.all('sitePublications').filter((p) => p.link && p.title.startsWith('Новость') && slugOf(p.remoteId).startsWith(prefix));
const slugs = new Map<string, string>();
const slugOf = (remoteId: string) => slugs.get(remoteId) ?? '';

describe.skipIf(noWordPress)('pull from the site (real WordPress)', () => {
  beforeAll(async () => {
    unlock = await lockWordPress();
    categoryId = (await rest('/wp/v2/categories', { method: 'POST', json: { name: `Демография ${prefix}` } })).data.id;
    createPosts(N, prefix, { categoryId, backdateHours: 2 });
    const rows: [number, string][] = JSON.parse(php(`global $wpdb; echo json_encode($wpdb->get_results($wpdb->prepare("SELECT ID, post_name FROM $wpdb->posts WHERE post_name LIKE %s", $wpdb->esc_like("${prefix}-") . "%"), ARRAY_N));`));
    for (const [id, name] of rows) slugs.set(String(id), name);
  });
  afterEach(async () => kit?.close());
  afterAll(() => {
    deletePostsWithSlugPrefix(`${prefix}-`);
    deleteTerms('category', [categoryId]);
    unlock?.();
  });

  it('a full pull reads every page, with photo, video, categories and national project', async () => {
    kit = await openSyncKit();
    await kit.connect();
    await kit.call('sync.site.check', {});
    await kit.call('sync.mapping.save', { tags: [], nationalProjects: [{ name: 'Демография', categoryIds: [categoryId] }] });
    const events = await pullToEnd(true);
    const progress = events.filter((e) => e.pull.running && e.pull.total);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((e) => e.pull.done < e.pull.total!)).toBe(true); // shown page by page
    const status = await kit.call('sync.status', {});
    expect(status.pull).toMatchObject({ running: false, error: null });
    expect(status.pull.total).toBeGreaterThanOrEqual(N);
    expect(status.pull.lastPullAt).not.toBeNull();

    const pubs = mine();
    expect(pubs).toHaveLength(N);
    const byNumber = new Map(pubs.map((p) => [Number(p.title.replace('Новость ', '')), p]));
    expect(byNumber.get(5)).toMatchObject({ hasPhoto: true, hasVideo: false });
    expect(byNumber.get(7)).toMatchObject({ hasPhoto: false, hasVideo: true });
    expect(byNumber.get(11)).toMatchObject({ hasVideo: true });
    expect(byNumber.get(13)).toMatchObject({ hasPhoto: true });
    expect(byNumber.get(1)).toMatchObject({ hasPhoto: false, hasVideo: false, nationalProject: null });
    expect(byNumber.get(3)).toMatchObject({ categories: [`Демография ${prefix}`], nationalProject: 'Демография' });
    expect(byNumber.get(4)!.date < byNumber.get(1)!.date).toBe(true);
    const list = await kit.call('sync.publications.list', { q: prefix, limit: 5 });
    expect(list.total).toBe(Math.ceil(N / 3));
    expect(list.items).toHaveLength(5);
  });

  it('incremental: the next pull asks only for posts changed since, and takes their changes', async () => {
    kit = await openSyncKit();
    await kit.connect();
    await pullToEnd(false); // first pull of this folder: everything
    const first = (await kit.call('sync.status', {})).pull.done;
    expect(first).toBeGreaterThanOrEqual(N);
    php(`foreach (["${prefix}-8", "${prefix}-9"] as $slug) { $p = get_page_by_path($slug, OBJECT, "post"); wp_update_post(["ID" => $p->ID, "post_title" => "Новость изменена $slug"]); }`);
    await pullToEnd(false);
    const second = (await kit.call('sync.status', {})).pull.done;
    expect(second).toBeGreaterThanOrEqual(2);
    expect(second).toBeLessThan(N / 2);
    const changed = mine().filter((p) => p.title.startsWith('Новость изменена'));
    expect(changed.map((p) => p.title).sort()).toEqual([`Новость изменена ${prefix}-8`, `Новость изменена ${prefix}-9`]);
    expect(mine()).toHaveLength(N);
  });

  it('cancel: the pull stops, nothing of it is written, and the next one starts over', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const before = kit.backend.ctx.store.count('sitePublications');
    let cancelled = false;
    const off = kit.backend.onEvent((name, payload) => {
      const s = payload as SyncStatus;
      if (name === 'sync' && s.pull.running && s.pull.done >= 100 && !cancelled) {
        cancelled = true;
        void kit.call('sync.pull.cancel', {});
      }
    });
    await kit.call('sync.pull.start', { full: true });
    await kit.until(async () => !(await kit.call('sync.status', {})).pull.running, 120_000);
    off();
    expect(cancelled).toBe(true);
    const status = await kit.call('sync.status', {});
    expect(status.pull).toMatchObject({ running: false, error: null, lastPullAt: null });
    expect(kit.backend.ctx.store.count('sitePublications')).toBe(before);
    await pullToEnd(false);
    expect(mine()).toHaveLength(N);
  });
});
