/**
 * Connecting to the site, against the real WordPress: the check in plain words, and every way it
 * goes wrong (wrong password, not WordPress, no right to publish, certificate) — a clear Russian
 * message, the item waits or fails visibly, nothing lost. The password never leaves the backend.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SPEC } from '../helpers/releases-kit.js';
import { deletePostsWithSlugPrefix, lockWordPress, noWordPress, openSyncKit, postsBySlug, userWithRole, wp, type SyncKit } from './wp-kit.js';
import { htmlSite, selfSignedSite } from './wp-servers.js';

let unlock: () => void;
let kit: SyncKit;
const made: string[] = [];

async function release(headline = 'Проверка подключения к сайту') {
  const r = await kit.call('releases.create', { type: 'news', by: SPEC });
  await kit.call('releases.save', { id: r.id, by: SPEC, headline, lead: 'Лид для сайта.', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Текст.' }] }] } });
  made.push(r.id);
  return r.id;
}

const item = async (releaseId: string) => (await kit.call('sync.releaseSite', { releaseId })).outboxItem!;

describe.skipIf(noWordPress)('site connection (real WordPress)', () => {
  beforeAll(async () => (unlock = await lockWordPress()));
  afterAll(() => {
    for (const id of made) deletePostsWithSlugPrefix(`pd-${id}`);
    unlock?.();
  });
  afterEach(async () => kit?.close());

  it('saves the connection, never returns the password, and checks every step in words', async () => {
    kit = await openSyncKit();
    expect((await kit.call('sync.status', {})).configured).toBe(false);
    const view = await kit.call('sync.site.save', { url: `${wp.url}/wp-json/`, user: wp.user, password: wp.password });
    expect((await kit.call('sync.status', {})).configured).toBe(true);
    // A rubric mapped before the site's list was known, and not on this site (the demo town's, say).
    await kit.call('sync.mapping.save', { tags: [{ tag: 'дороги', categoryIds: [987654] }], nationalProjects: [] });
    expect(view.url).toBe(wp.url);
    expect(view.hasPassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain(wp.password);
    expect(view.secretStorage).toMatchObject({ kind: 'key-file', where: kit.keyFile });
    expect(view.secretStorage.explanation).toMatch(/AES-256-GCM.*файла/);
    expect(fs.statSync(kit.keyFile).mode & 0o777).toBe(0o600);
    expect(path.relative(kit.dir, kit.keyFile).startsWith('..')).toBe(true);

    const check = await kit.call('sync.site.check', {});
    expect(check.ok).toBe(true);
    expect(check.steps.map((s) => s.key)).toEqual(['reachable', 'wordpress', 'signedIn', 'canPublish', 'canUpload', 'categories']);
    expect(check.steps.every((s) => /[а-я]/i.test(s.message))).toBe(true);
    const after = await kit.call('sync.site.get', {});
    expect(after.lastCheck?.ok).toBe(true);
    expect(after.siteTimeZone).toBeTruthy();
    const mapping = await kit.call('sync.mapping.get', {});
    expect(mapping.siteCategories.length).toBeGreaterThan(0);
    expect(mapping.tags).toEqual([]); // the rubric the site does not have left the mapping
  });

  it('wrong password: says so, the item fails visibly, and goes once the password is fixed', async () => {
    kit = await openSyncKit();
    await kit.connect({ password: 'abcd efgh ijkl mnop qrst uvwx' });
    const check = await kit.call('sync.site.check', {});
    const signedIn = check.steps.find((s) => s.key === 'signedIn')!;
    expect(signedIn.ok).toBe(false);
    expect(signedIn.message).toMatch(/Неверное имя пользователя или пароль приложения.*401/);
    const id = await release('Релиз при неверном пароле');
    await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.call('sync.runNow', {});
    const failed = await item(id);
    expect(failed).toMatchObject({ state: 'failed', stateLabel: 'ошибка', canRetry: true });
    expect(failed.error).toMatch(/пароль/);
    expect((await kit.call('sync.releaseSite', { releaseId: id })).state).toBe('failed');
    expect(await postsBySlug(`pd-${id}`)).toHaveLength(0);

    await kit.connect(); // the right password: failed sign-ins go back to the queue
    await kit.call('sync.runNow', {});
    expect((await item(id)).state).toBe('done');
    expect(await postsBySlug(`pd-${id}`)).toHaveLength(1);
  });

  it('a URL that is not WordPress: check says so, the item waits with the reason', async () => {
    const site = await htmlSite();
    try {
      kit = await openSyncKit();
      await kit.connect({ url: site.url });
      const check = await kit.call('sync.site.check', {});
      expect(check.steps[0]).toMatchObject({ key: 'reachable', ok: true });
      expect(check.steps[1]!.ok).toBe(false);
      expect(check.steps[1]!.message).toMatch(/не отвечает WordPress/);
      const id = await release();
      await kit.call('sync.publish', { releaseId: id, when: 'now' });
      await kit.call('sync.runNow', {});
      const waiting = await item(id);
      expect(waiting.state).toBe('queued');
      expect(waiting.error).toMatch(/веб-страницей \(HTML\)/);
      expect(waiting.nextAttemptAt).not.toBeNull();
    } finally {
      await site.close();
    }
  });

  it('a user without the right to publish: check and the item say so (403)', async () => {
    const contributor = userWithRole('pd-contributor', 'contributor');
    kit = await openSyncKit();
    await kit.connect(contributor);
    const check = await kit.call('sync.site.check', {});
    expect(check.steps.find((s) => s.key === 'signedIn')!.ok).toBe(true);
    expect(check.steps.find((s) => s.key === 'canPublish')).toMatchObject({ ok: false, message: expect.stringMatching(/не может публиковать/) });
    expect(check.steps.find((s) => s.key === 'canUpload')!.ok).toBe(false);
    const id = await release('Релиз от автора без прав');
    await kit.call('sync.publish', { releaseId: id, when: 'now' });
    await kit.call('sync.runNow', {});
    const failed = await item(id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/Недостаточно прав.*pd-contributor.*403/);
    expect(await postsBySlug(`pd-${id}`)).toHaveLength(0);
  });

  it('a certificate error: nothing sent, the reason in words', async () => {
    const site = await selfSignedSite();
    try {
      kit = await openSyncKit();
      await kit.connect({ url: site.url });
      const check = await kit.call('sync.site.check', {});
      expect(check.steps[0]!.ok).toBe(false);
      expect(check.steps[0]!.message).toMatch(/Ошибка сертификата сайта/);
      const id = await release();
      await kit.call('sync.publish', { releaseId: id, when: 'now' });
      await kit.call('sync.runNow', {});
      expect(await item(id)).toMatchObject({ state: 'failed', error: expect.stringMatching(/сертификат/) });
    } finally {
      await site.close();
    }
  });

  it('the password never reaches the data folder, a backup, an archive, an answer or a log', async () => {
    const logs: string[] = [];
    const spies = (['log', 'error', 'warn', 'info'] as const).map((k) => vi.spyOn(console, k).mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' '))));
    try {
      kit = await openSyncKit();
      await kit.connect();
      await kit.call('sync.site.check', {});
      const id = await release('Релиз для проверки тайны пароля');
      await kit.call('sync.publish', { releaseId: id, when: 'now' });
      const answers = [await kit.call('sync.runNow', {}), await kit.call('sync.site.get', {}), await kit.call('sync.outbox.list', {}), await kit.call('system.status', {})];
      await kit.call('system.backupNow', {});
      const archive = await kit.call('system.exportArchive', {});
      await kit.backend.ctx.store.compact();
      const secret = Buffer.from(wp.password);
      const compact = Buffer.from(wp.password.replace(/\s/g, ''));
      const b64 = Buffer.from(`${wp.user}:${wp.password}`).toString('base64');
      const leaks = (name: string, bytes: Uint8Array) => {
        const b = Buffer.from(bytes);
        if (b.includes(secret) || b.includes(compact) || b.includes(b64)) throw new Error(`password found in ${name}`);
      };
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      const files = walk(kit.dir);
      expect(files.some((f) => f.includes('secrets'))).toBe(true);
      for (const f of files) {
        const bytes = fs.readFileSync(f);
        leaks(f, bytes);
        if (f.endsWith('.pdbackup')) for (const [n, b] of Object.entries(unzipSync(bytes))) leaks(`${f}:${n}`, b);
      }
      expect(archive.kind).toBe('file');
      if (archive.kind === 'file') for (const [n, b] of Object.entries(unzipSync(Buffer.from(archive.base64, 'base64')))) leaks(`archive:${n}`, b);
      const archived = archive.kind === 'file' ? Object.keys(unzipSync(Buffer.from(archive.base64, 'base64'))) : [];
      expect(archived.some((n) => n.includes('secret'))).toBe(false);
      leaks('answers', Buffer.from(JSON.stringify(answers)));
      leaks('logs', Buffer.from(logs.join('\n')));
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });

  it('forget removes the connection and the sealed password', async () => {
    kit = await openSyncKit();
    await kit.connect();
    const view = await kit.call('sync.site.forget', {});
    expect(view).toMatchObject({ url: '', hasPassword: false });
    expect(fs.existsSync(path.join(kit.dir, 'secrets', 'site-password.json'))).toBe(false);
    expect((await kit.call('sync.status', {})).configured).toBe(false);
  });
});
