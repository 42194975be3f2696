/**
 * The small parts of sync that need no site: HTML for the site and back, photo/video detection,
 * the site's wall-clock time, backoff with jitter, the sealed password, input errors in Russian.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, hasPhotoIn, hasVideoIn, htmlToDoc, htmlToText, releaseHtml } from '../../electron/backend/features/sync/html.js';
import { slugOf } from '../../electron/backend/features/sync/outbox.js';
import { electronSecretBox, keyFileBox } from '../../electron/backend/features/sync/secret-box.js';
import { backoffMs } from '../../electron/backend/features/sync/send.js';
import { siteLocalTime } from '../../electron/backend/features/sync/wordpress/time.js';
import { siteBase, routeUrl } from '../../electron/backend/features/sync/wordpress/http.js';
import { openSyncKit } from './wp-kit.js';

describe('HTML for the site and back', () => {
  const body = {
    type: 'doc' as const,
    content: [
      { type: 'heading' as const, attrs: { level: 2 }, content: [{ type: 'text' as const, text: 'Итоги' }] },
      { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Жители <и> гости ' }, { type: 'text' as const, text: 'города', marks: [{ type: 'bold' as const }] }] },
      { type: 'bulletList' as const, content: [{ type: 'listItem' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'пункт', marks: [{ type: 'link' as const, attrs: { href: 'https://aleysk.ru/a?b=1&c=2' } }] }] }] }] },
    ],
  };

  it('release → clean HTML (escaped text, quotes as blockquotes) → back to the same document', () => {
    const html = releaseHtml({ body, quotes: [{ text: 'Спасибо всем.', speaker: 'Иванов И. И.', position: 'глава' }] });
    expect(html).toBe(
      '<h2>Итоги</h2>\n<p>Жители &lt;и&gt; гости <strong>города</strong></p>\n<ul><li><p><a href="https://aleysk.ru/a?b=1&amp;c=2" rel="noopener noreferrer">пункт</a></p></li></ul>\n<blockquote><p>Спасибо всем.</p><p><em>Иванов И. И., глава</em></p></blockquote>',
    );
    const back = htmlToDoc(releaseHtml({ body, quotes: [] }));
    expect(back).toEqual(body);
  });

  it('site HTML the editor cannot hold becomes plain paragraphs; scripts and unsafe links go', () => {
    const doc = htmlToDoc('<!-- wp:paragraph --><p>Раз&nbsp;два</p><!-- /wp:paragraph --><script>alert(1)</script><table><tr><td>ячейка</td></tr></table><p><a href="javascript:x">ссылка</a><br>строка</p><h1>Заголовок</h1>');
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Раз\u00a0два' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'ячейка' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'ссылка' }, { type: 'hardBreak' }, { type: 'text', text: 'строка' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Заголовок' }] },
    ]);
    expect(htmlToText('<p>Лид &laquo;в кавычках&raquo;</p>')).toBe('Лид «в кавычках»');
  });

  it("a pulled title's entities are decoded; one out of Unicode's range stays as written and does not stop the pull", () => {
    expect(decodeHtml('&laquo;Сквер&raquo; &#8212; &#x41;&amp;B')).toBe('«Сквер» — A&B');
    expect(decodeHtml('Итоги &#99999999; года')).toBe('Итоги &#99999999; года');
  });

  it('photo and video in a pulled post', () => {
    expect(hasPhotoIn('<p>x</p><img src="a.jpg">')).toBe(true);
    expect(hasPhotoIn('<figure class="wp-block-gallery"></figure>')).toBe(true);
    expect(hasPhotoIn('<p>фото будет позже</p>')).toBe(false);
    for (const v of ['<video src="a.mp4">', '<iframe src="x">', '[embed]https://x[/embed]', '<figure class="wp-block-embed is-type-video">', 'https://www.youtube.com/watch?v=1', 'https://youtu.be/1', 'https://rutube.ru/video/abc/', 'https://vk.com/video-1_2', 'https://vkvideo.ru/video-1'])
      expect(hasVideoIn(v), v).toBe(true);
    expect(hasVideoIn('<p>видео не будет: youtube закрыт</p>')).toBe(false);
  });
});

describe('time, backoff, keys, addresses', () => {
  it('the site wall clock: its zone name, else its gmt_offset', () => {
    const at = new Date('2026-06-01T03:00:00Z');
    expect(siteLocalTime(at, { timeZone: 'Asia/Barnaul', gmtOffset: 7 })).toBe('2026-06-01T10:00:00');
    expect(siteLocalTime(at, { timeZone: null, gmtOffset: 5.5 })).toBe('2026-06-01T08:30:00');
    expect(siteLocalTime(at, { timeZone: null, gmtOffset: null })).toBe('2026-06-01T03:00:00');
  });

  it('backoff doubles up to five minutes, with ±20 % jitter', () => {
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(1, 1000)).toBeGreaterThanOrEqual(800);
      expect(backoffMs(1, 1000)).toBeLessThanOrEqual(1200);
      expect(backoffMs(4, 1000)).toBeGreaterThanOrEqual(6400);
      expect(backoffMs(4, 1000)).toBeLessThanOrEqual(9600);
      expect(backoffMs(30, 1000)).toBeLessThanOrEqual(360_000);
    }
    const spread = new Set(Array.from({ length: 20 }, () => backoffMs(3, 1000)));
    expect(spread.size).toBeGreaterThan(1);
  });

  it('the key file box seals and opens; a changed byte or another key refuses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-box-'));
    try {
      const box = keyFileBox(path.join(dir, 'k', 'site.key'));
      const sealed = box.seal('abcd efgh ijkl');
      expect(sealed.includes(Buffer.from('abcd'))).toBe(false);
      expect(box.open(sealed)).toBe('abcd efgh ijkl');
      expect(fs.statSync(path.join(dir, 'k', 'site.key')).mode & 0o777).toBe(0o600);
      const bad = Buffer.from(sealed);
      bad[bad.length - 1]! ^= 1;
      expect(() => box.open(bad)).toThrow();
      expect(() => keyFileBox(path.join(dir, 'other.key')).open(sealed)).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("Electron's safeStorage is used when it really encrypts, else the key file", () => {
    const fake = (available: boolean, backend?: string) => ({
      isEncryptionAvailable: () => available,
      encryptString: (s: string) => Buffer.from(s).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
      getSelectedStorageBackend: backend ? () => backend : undefined,
    });
    const fallback = () => keyFileBox('/nonexistent/key');
    const os1 = electronSecretBox(fake(true, 'gnome_libsecret'), fallback);
    expect(os1.kind).toBe('os-keystore');
    expect(os1.open(os1.seal('пароль'))).toBe('пароль');
    expect(os1.explanation).toMatch(/средствами операционной системы/);
    expect(electronSecretBox(fake(true, 'basic_text'), fallback).kind).toBe('key-file');
    expect(electronSecretBox(fake(false), fallback).kind).toBe('key-file');
  });

  it('slugs, site base and REST routes (with and without pretty permalinks)', () => {
    expect(slugOf('6B66BF00-f975-4a5f-91d4-3f23f1da2623')).toBe('pd-6b66bf00-f975-4a5f-91d4-3f23f1da2623');
    expect(siteBase('https://aleysk.ru/wp-json/wp/v2/')).toBe('https://aleysk.ru');
    expect(siteBase('https://aleysk.ru/news/?x=1#a')).toBe('https://aleysk.ru/news');
    expect(routeUrl({ url: 'https://aleysk.ru/' }, '/wp/v2/posts', { per_page: 100, page: 2 })).toBe('https://aleysk.ru/?rest_route=%2Fwp%2Fv2%2Fposts&per_page=100&page=2');
  });
});

describe('sync input and state without a site', () => {
  it('refuses what cannot be done, in Russian, writing nothing', async () => {
    const kit = await openSyncKit();
    try {
      const noPassword = await kit.fail('sync.site.save', { url: 'https://aleysk.ru', user: 'editor' });
      expect(noPassword.message).toMatch(/Пароль приложения/);
      expect((await kit.fail('sync.publish', { releaseId: 'nope', when: 'now' })).message).toMatch(/Релиз не найден/);
      expect((await kit.fail('sync.site.check', {})).message).toMatch(/Сначала укажите адрес сайта/);
      expect((await kit.fail('sync.pull.start', {})).message).toMatch(/Сайт не настроен/);
      const r = await kit.call('releases.create', { type: 'news', by: 'staff-spec', headline: 'Черновик' });
      expect((await kit.fail('sync.unpublish', { releaseId: r.id })).message).toMatch(/ещё не опубликован на сайте/);
      const seq = kit.seq();
      expect((await kit.fail('sync.outbox.retry', { id: 'nope' })).message).toMatch(/Элемент очереди не найден/);
      expect(kit.seq()).toBe(seq);
      expect(await kit.call('sync.status', {})).toMatchObject({ configured: false, online: null, waiting: 0 });
      expect(await kit.call('sync.releaseSite', { releaseId: r.id })).toMatchObject({ state: 'none', stateLabel: 'не на сайте', outboxItem: null });

      // Queued offline (no site yet): cancel, and the release is back to «not on the site».
      const item = await kit.call('sync.publish', { releaseId: r.id, when: 'now' });
      expect((await kit.call('sync.status', {})).waiting).toBe(1);
      const again = await kit.call('sync.publish', { releaseId: r.id, when: 'now' });
      expect(again.id).toBe(item.id); // one waiting item per release
      expect((await kit.call('sync.outbox.cancel', { id: item.id })).stateLabel).toBe('отменено');
      expect((await kit.call('sync.releaseSite', { releaseId: r.id })).state).toBe('none');
      expect(await kit.call('sync.outbox.list', { state: 'waiting' })).toEqual([]);
    } finally {
      await kit.close();
    }
  });
});
