/**
 * Conflicts against the real WordPress: the webmaster edits the post between two syncs — the update
 * is not sent, the release is marked «конфликт», both versions are shown; then each way out:
 * keep the site's version (taken back into the release), overwrite it, or publish a merge.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SPEC } from '../helpers/releases-kit.js';
import { deletePostsWithSlugPrefix, lockWordPress, noWordPress, openSyncKit, postsBySlug, rest, type SyncKit } from './wp-kit.js';

let unlock: () => void;
let kit: SyncKit;
const releases: string[] = [];

/** A release published on the site, then edited in the app and on the site. */
async function conflicted(): Promise<{ id: string; postId: number }> {
  const r = await kit.call('releases.create', { type: 'news', by: SPEC });
  releases.push(r.id);
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Первая редакция текста.' }] }] };
  await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Открытие сквера', lead: 'Сквер откроют в субботу.', body });
  await kit.call('sync.publish', { releaseId: r.id, when: 'now' });
  await kit.call('sync.runNow', {});
  const { postId } = await kit.call('sync.releaseSite', { releaseId: r.id });
  // The webmaster fixes the post on the site (same second or not: the content hash catches it).
  await rest(`/wp/v2/posts/${postId}`, { method: 'POST', json: { title: 'Открытие сквера на Садовой', content: '<p>Правка <strong>вебмастера</strong>.</p><ul><li>пункт</li></ul>' } });
  await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Открытие сквера (уточнено)' });
  await kit.call('sync.publish', { releaseId: r.id, when: 'now' });
  await kit.call('sync.runNow', {});
  return { id: r.id, postId: postId! };
}

describe.skipIf(noWordPress)('conflicts with edits made on the site (real WordPress)', () => {
  beforeAll(async () => (unlock = await lockWordPress()));
  afterEach(async () => kit?.close());
  afterAll(() => {
    for (const id of releases) deletePostsWithSlugPrefix(`pd-${id}`);
    unlock?.();
  });

  it('an edit on the site between two syncs: conflict shown, nothing overwritten; keep the site version', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const { id, postId } = await conflicted();
    const site = await kit.call('sync.releaseSite', { releaseId: id });
    expect(site).toMatchObject({ state: 'conflict', stateLabel: 'конфликт' });
    expect(site.outboxItem).toMatchObject({ state: 'conflict', stateLabel: 'конфликт' });
    expect(site.outboxItem!.error).toMatch(/изменена.*ничего не перезаписано/);
    expect((await kit.call('sync.status', {})).conflicts).toBe(1);
    const [post] = await postsBySlug(`pd-${id}`);
    expect(post.title.raw).toBe('Открытие сквера на Садовой'); // the webmaster's edit survived
    expect(post.id).toBe(postId);

    const view = await kit.call('sync.conflict.get', { releaseId: id });
    expect(view.local.title).toBe('Открытие сквера (уточнено)');
    expect(view.site.title).toBe('Открытие сквера на Садовой');
    expect(view.site.html).toContain('вебмастера');
    expect((await kit.fail('sync.publish', { releaseId: id, when: 'now' })).code).toBe('conflict');
    expect((await kit.fail('sync.outbox.retry', { id: site.outboxItem!.id })).code).toBe('conflict');

    const kept = await kit.call('sync.conflict.resolve', { releaseId: id, choice: 'keep-site' });
    expect(kept.state).toBe('published');
    const release = await kit.call('releases.get', { id });
    expect(release.headline).toBe('Открытие сквера на Садовой');
    expect(release.body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Правка ' }, { type: 'text', text: 'вебмастера', marks: [{ type: 'bold' }] }, { type: 'text', text: '.' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'пункт' }] }] }] },
    ]);
    // From the agreed base, the next edit goes through without a conflict.
    await kit.call('releases.save', { id, by: SPEC, lead: 'Сквер откроют в субботу в 12:00.' });
    await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.call('sync.runNow', {});
    expect((await kit.call('sync.releaseSite', { releaseId: id })).state).toBe('published');
    expect((await postsBySlug(`pd-${id}`))[0].excerpt.raw).toBe('Сквер откроют в субботу в 12:00.');
  });

  it('overwrite: the app version replaces the site one', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const { id } = await conflicted();
    const queued = await kit.call('sync.conflict.resolve', { releaseId: id, choice: 'overwrite' });
    expect(queued.state).toBe('queued');
    await kit.call('sync.runNow', {});
    expect((await kit.call('sync.releaseSite', { releaseId: id })).state).toBe('published');
    const posts = await postsBySlug(`pd-${id}`);
    expect(posts).toHaveLength(1);
    expect(posts[0].title.raw).toBe('Открытие сквера (уточнено)');
  });

  it('merge: the edited text goes to the release and to the site', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const { id } = await conflicted();
    const merged = { title: 'Открытие сквера на Садовой (уточнено)', html: '<p>Правка вебмастера и наша.</p>', excerpt: 'Общий лид.' };
    await kit.call('sync.conflict.resolve', { releaseId: id, choice: 'merge', merged });
    await kit.call('sync.runNow', {});
    const [post] = await postsBySlug(`pd-${id}`);
    expect(post.title.raw).toBe(merged.title);
    expect(post.content.raw).toBe('<p>Правка вебмастера и наша.</p>');
    expect(post.excerpt.raw).toBe('Общий лид.');
    expect((await kit.call('releases.get', { id })).headline).toBe(merged.title);
    expect((await kit.fail('sync.conflict.get', { releaseId: id })).message).toMatch(/Конфликта с сайтом у этого релиза нет/);
  });
});
