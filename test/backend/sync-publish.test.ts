/**
 * Publishing through the outbox to the real WordPress: what the post holds (clean HTML, excerpt,
 * photos with caption and author, tags, mapped categories), a planned time in the site's zone,
 * unpublish → draft, and faults on the way (500, timeout, HTML instead of JSON, a restart) — the
 * item waits with the reason in words, nothing is lost, the post appears once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, htmlToText } from '../../electron/backend/features/sync/html.js';
import { photoBase64, readyRelease, SPEC } from '../helpers/releases-kit.js';
import { deleteMedia, deletePostsWithSlugPrefix, deleteTerms, lockWordPress, noWordPress, openSyncKit, php, postsBySlug, rest, wp, type SyncKit } from './wp-kit.js';
import { siteProxy, type SiteProxy } from './wp-servers.js';

let unlock: () => void;
let kit: SyncKit | null = null;
let proxy: SiteProxy | null = null;
const releases: string[] = [];
const media: number[] = [];
const tags: number[] = [];
const categories: number[] = [];
const unique = Date.now().toString(36);

async function simpleRelease(k: SyncKit, headline: string): Promise<string> {
  const r = await k.call('releases.create', { type: 'news', by: SPEC });
  await k.call('releases.save', { id: r.id, by: SPEC, headline, lead: 'Коротко о главном.', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: headline }] }] } });
  releases.push(r.id);
  return r.id;
}

const itemOf = async (k: SyncKit, id: string) => (await k.call('sync.releaseSite', { releaseId: id })).outboxItem!;

describe.skipIf(noWordPress)('publishing through the outbox (real WordPress)', () => {
  beforeAll(async () => {
    unlock = await lockWordPress();
    process.env.PRESS_DESK_SYNC_BASE_DELAY_MS = '100';
    process.env.PRESS_DESK_SYNC_PROBE_MS = '100';
  });
  afterEach(async () => {
    await kit?.close();
    await proxy?.close();
    kit = null;
    proxy = null;
    delete process.env.PRESS_DESK_SYNC_TIMEOUT_MS;
  });
  afterAll(() => {
    for (const id of releases) deletePostsWithSlugPrefix(`pd-${id}`);
    deleteMedia(media);
    deleteTerms('post_tag', tags);
    deleteTerms('category', categories);
    unlock?.();
  });

  it('publishes title, clean HTML, excerpt, photos (caption, author, first featured), tags and mapped categories', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const category = await rest('/wp/v2/categories', { method: 'POST', json: { name: `Дороги ${unique}` } });
    categories.push(category.data.id);
    await kit.call('sync.site.check', {});
    const stale = await kit.fail('sync.mapping.save', { tags: [{ tag: 'дороги', categoryIds: [987654] }] });
    expect(stale.message).toBe('Поле «Рубрики сайта для тега «дороги»»: рубрики № 987654 нет на сайте — обновите список рубрик («Обновить с сайта»)');
    await kit.call('sync.mapping.save', { tags: [], nationalProjects: [{ name: 'Безопасные качественные дороги', categoryIds: [category.data.id] }] });
    expect((await kit.call('sync.mapping.get', {})).nationalProjects).toEqual([{ name: 'Безопасные качественные дороги', categoryIds: [category.data.id] }]);
    const r = await readyRelease(kit);
    releases.push(r.id);
    await kit.call('releases.save', { id: r.id, by: SPEC, nationalProject: 'Безопасные качественные дороги', tags: ['дороги', `ремонт ${unique}`] });
    await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'второе.png', base64: photoBase64(80, 50, 2), caption: 'Асфальт <новый>', author: 'Мария Иванова' });

    const events: { waiting: number; sending: boolean }[] = [];
    kit.backend.onEvent((name, payload) => name === 'sync' && events.push(payload as { waiting: number; sending: boolean }));
    const queued = await kit.call('sync.publish', { releaseId: r.id, when: 'now' });
    expect(queued).toMatchObject({ state: 'queued', stateLabel: 'в очереди', action: 'publish', actionLabel: 'публикация' });
    expect((await kit.call('sync.status', {})).waiting).toBe(1);
    await kit.call('sync.runNow', {});
    const site = await kit.call('sync.releaseSite', { releaseId: r.id });
    expect(site).toMatchObject({ state: 'published', stateLabel: 'опубликовано на сайте' });
    // The status bar hears every change: queued, sending, sent.
    expect(events[0]!.waiting).toBe(1);
    expect(events.some((e) => e.sending)).toBe(true);
    expect(events[events.length - 1]).toMatchObject({ waiting: 0, sending: false });
    expect(site.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?p=\d+$/);

    const [post] = await postsBySlug(`pd-${r.id}`);
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(r.headline);
    expect(post.excerpt.raw).toBe(r.lead);
    expect(post.content.raw).toContain('<p>Работы начнутся в июне.');
    expect(post.content.raw).toContain('<blockquote><p>Дороги — главный запрос жителей.</p><p><em>Михайлов Иван Петрович, глава города Алейска</em></p></blockquote>');
    expect(post.content.raw).toContain('Асфальт &lt;новый&gt;');
    expect(post.categories).toEqual([category.data.id]);
    const tagNames = (await rest<any[]>('/wp/v2/tags', { query: { include: post.tags.join(','), _fields: 'id,name' } })).data;
    tags.push(...tagNames.map((t) => t.id));
    expect(tagNames.map((t) => t.name).sort()).toEqual(['дороги', `ремонт ${unique}`].sort());
    const stored = kit.backend.ctx.store.get('syncReleases', r.id)!;
    media.push(...Object.values(stored.media).map((m) => m.id));
    expect(Object.keys(stored.media)).toHaveLength(2);
    const featured = (await rest(`/wp/v2/media/${post.featured_media}`, { query: { context: 'edit' } })).data;
    expect(featured.caption.raw).toBe('Улица Победы Фото: Андрей Петров');
    const second = (await kit.call('releases.get', { id: r.id })).photos[1]!;
    expect(post.content.raw).toContain(`wp-image-${stored.media[second.id]!.id}`);

    // Published again after an edit: the same post is updated, photos are not uploaded again.
    await kit.call('releases.save', { id: r.id, by: SPEC, headline: `${r.headline} (уточнено)` });
    expect((await kit.call('sync.publish', { releaseId: r.id, when: 'now' })).action).toBe('update');
    await kit.call('sync.runNow', {});
    const posts = await postsBySlug(`pd-${r.id}`);
    expect(posts).toHaveLength(1);
    expect(posts[0].title.raw).toMatch(/уточнено/);
    expect(Object.keys(kit.backend.ctx.store.get('syncReleases', r.id)!.media)).toHaveLength(2);

    // Unpublish → a draft on the site; publish again → the same post back.
    expect((await kit.call('sync.unpublish', { releaseId: r.id })).actionLabel).toBe('снятие с публикации');
    await kit.call('sync.runNow', {});
    expect((await kit.call('sync.releaseSite', { releaseId: r.id })).state).toBe('draft');
    expect((await postsBySlug(`pd-${r.id}`))[0].status).toBe('draft');
    await kit.call('sync.publish', { releaseId: r.id, when: 'now' });
    await kit.call('sync.runNow', {});
    expect((await postsBySlug(`pd-${r.id}`)).map((p) => p.status)).toEqual(['publish']);
  });

  it('a title and lead with markup arrive on the site as text, and come back the same from a pull and a conflict', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const headline = `Ремонт <b>дорог</b> & «мостов» ${unique}`;
    const lead = 'Лид с <i>курсивом</i>, <script>alert(1)</script> & «ёлочками»';
    const id = await simpleRelease(kit, headline);
    await kit.call('releases.save', { id, by: SPEC, lead });
    await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.call('sync.runNow', {});
    const [post] = await postsBySlug(`pd-${id}`);
    expect(post.title.rendered).not.toMatch(/<\/?b>/);
    expect(decodeHtml(post.title.rendered)).toBe(headline);
    expect(post.excerpt.rendered).not.toMatch(/<\/?i>|<script/);
    expect(htmlToText(post.excerpt.rendered)).toBe(lead);
    const page = await (await fetch(post.link)).text();
    expect(page).toContain('Ремонт &lt;b&gt;дорог&lt;/b&gt;');
    expect(page).not.toContain('<b>дорог</b>');

    // Republished unchanged: the site's own copy is what the conflict check compares, so no false conflict.
    await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.call('sync.runNow', {});
    expect((await kit.call('sync.releaseSite', { releaseId: id })).state).toBe('published');

    await kit.call('sync.pull.start', { full: false });
    await kit.until(async () => !(await kit!.call('sync.status', {})).pull.running, 120_000);
    expect(kit.backend.ctx.store.all('sitePublications').find((p) => p.releaseId === id)?.title).toBe(headline);

    // The webmaster edits the text only: the conflict shows the title as text, and «keep the site's» restores it exactly.
    await rest(`/wp/v2/posts/${post.id}`, { method: 'POST', json: { content: '<p>Правка вебмастера.</p>' } });
    await kit.call('releases.save', { id, by: SPEC, headline: 'Другой заголовок' });
    await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.call('sync.runNow', {});
    expect((await kit.call('sync.conflict.get', { releaseId: id })).site.title).toBe(headline);
    await kit.call('sync.conflict.resolve', { releaseId: id, choice: 'keep-site' });
    expect(await kit.call('releases.get', { id })).toMatchObject({ headline, lead });
  });

  it('a planned time becomes a scheduled post at that instant, in the site time zone', async () => {
    const before = php('echo get_option("timezone_string") . "|" . get_option("gmt_offset");');
    php('update_option("timezone_string", "Asia/Barnaul");');
    try {
      kit = await openSyncKit();
      await kit.connect();
      expect((await kit.call('sync.site.check', {})).ok).toBe(true);
      expect((await kit.call('sync.site.get', {})).siteTimeZone).toBe('Asia/Barnaul');
      const id = await simpleRelease(kit, 'Анонс на послезавтра');
      const at = new Date(Date.now() + 2 * 86_400_000);
      at.setUTCHours(3, 0, 0, 0); // 10:00 in Barnaul (UTC+7)
      await kit.call('releases.save', { id, by: SPEC, plannedAt: at.toISOString() });
      await kit.call('sync.publish', { releaseId: id, when: 'planned' });
      await kit.call('sync.runNow', {});
      expect((await kit.call('sync.releaseSite', { releaseId: id })).state).toBe('scheduled');
      const [post] = await postsBySlug(`pd-${id}`);
      expect(post.status).toBe('future');
      expect(post.date_gmt).toBe(at.toISOString().slice(0, 19));
      expect(post.date).toBe(`${at.toISOString().slice(0, 10)}T10:00:00`);
    } finally {
      const [tz, offset] = before.split('|');
      php(`update_option("timezone_string", ${JSON.stringify(tz)}); update_option("gmt_offset", ${JSON.stringify(offset)});`);
    }
  });

  it('500, HTML instead of JSON, a timeout: the item waits with the reason, retries with backoff, then goes once', async () => {
    process.env.PRESS_DESK_SYNC_TIMEOUT_MS = '1500';
    proxy = await siteProxy(wp.url);
    const creates = (p: { method: string; route: string }) => p.method === 'POST' && p.route === '/wp/v2/posts';
    for (const [mode, reason] of [
      ['500', /Ошибка на сайте \(код 500\)/],
      ['html', /веб-страницей \(HTML\)/],
      ['hang', /не ответил за 2 с/],
    ] as const) {
      proxy.rule = (req) => (creates(req) ? mode : 'forward');
      kit = await openSyncKit({ worker: true });
      await kit.connect({ url: proxy.url });
      const id = await simpleRelease(kit, `Сбой ${mode}`);
      await kit.call('sync.publish', { releaseId: id, when: 'now' });
      await kit.until(async () => !!(await itemOf(kit!, id)).error);
      const waiting = await itemOf(kit, id);
      expect(waiting.state).toBe('queued');
      expect(waiting.error).toMatch(reason);
      if (mode === 'hang') expect((await kit.call('sync.status', {})).online).toBe(false);
      proxy.rule = () => 'forward';
      await kit.until(async () => (await itemOf(kit!, id)).state === 'done');
      expect((await itemOf(kit, id)).attempts).toBeGreaterThan(1);
      expect(await postsBySlug(`pd-${id}`)).toHaveLength(1);
      await kit.close();
      kit = null;
    }
  });

  it('items waiting when the app closes go on at the next start', async () => {
    proxy = await siteProxy(wp.url);
    await proxy.down();
    kit = await openSyncKit({ worker: true });
    await kit.connect({ url: proxy.url });
    const ids = [await simpleRelease(kit, 'После перезапуска 1'), await simpleRelease(kit, 'После перезапуска 2')];
    for (const id of ids) await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.until(async () => (await kit!.call('sync.status', {})).online === false);
    expect((await kit.call('sync.status', {})).offlineReason).toMatch(/Сайт недоступен/);
    const { dir, keyFile } = kit;
    await kit.close(true);
    await proxy.up();
    kit = await openSyncKit({ worker: true, dir, keyFile });
    await kit.until(async () => (await kit!.call('sync.status', {})).waiting === 0);
    for (const id of ids) expect(await postsBySlug(`pd-${id}`)).toHaveLength(1);
  });
});
