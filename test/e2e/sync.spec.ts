/**
 * Publishing to the site through the UI, against a real WordPress (../shared/wordpress/start.sh).
 * The site is reached through a loopback TCP proxy, so it can be «down» (nothing listening) and then
 * «up» at the same address. Настройки → Сайт: the check fails while down; a release published while
 * down waits in the outbox (status bar counts it); the proxy starts → the post appears exactly once,
 * with its link; the webmaster edits it (REST), the press officer edits the release and publishes the
 * update → «конфликт» with both versions side by side → «Перезаписать сайт» → the site has the app's text;
 * a second conflict is resolved by a merge edited in the dialog (site and release both get it); «Снять с
 * публикации на сайте» makes the post a draft; the category mapping is saved; a pull runs. Posts are deleted after.
 * One serial test: WordPress's `php -S` is single-threaded and the backend sync tests use it too.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, makeDataDir, root, startServer, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

interface Wp {
  url: string;
  user: string;
  password: string;
}

/** The CI exports WP_URL/WP_USER/WP_APP_PASSWORD; elsewhere the test starts WordPress itself. */
function wordpress(): { wp: Wp | null; why: string } {
  const { WP_URL, WP_USER, WP_APP_PASSWORD } = process.env;
  if (WP_URL && WP_USER && WP_APP_PASSWORD) return { wp: { url: WP_URL.replace(/\/$/, ''), user: WP_USER, password: WP_APP_PASSWORD }, why: '' };
  try {
    const out = execFileSync(path.resolve(root, '../shared/wordpress/start.sh'), { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const vars = Object.fromEntries([...out.matchAll(/^(\w+)=(.*)$/gm)].map((m) => [m[1], m[2]!.replace(/^'(.*)'$/, '$1')]));
    if (vars.WP_URL && vars.WP_USER && vars.WP_APP_PASSWORD) return { wp: { url: vars.WP_URL, user: vars.WP_USER, password: vars.WP_APP_PASSWORD }, why: '' };
    return { wp: null, why: `../shared/wordpress/start.sh printed no WP_URL/WP_USER/WP_APP_PASSWORD:\n${out}` };
  } catch (err) {
    if (process.env.CI) throw err;
    return { wp: null, why: `no WordPress for the sync test: WP_URL/WP_USER/WP_APP_PASSWORD are not set and ../shared/wordpress/start.sh failed (${(err as Error).message.split('\n')[0]})` };
  }
}

async function rest<T = any>(wp: Wp, route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const [p, query] = route.split('?');
  const res = await fetch(`${wp.url}/?rest_route=${p}${query ? `&${query}` : ''}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Basic ${Buffer.from(`${wp.user}:${wp.password}`).toString('base64')}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`WordPress ${init.method ?? 'GET'} ${route}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** A loopback TCP proxy on a fixed port: «down» = nothing listens there, «up» = forwards to WordPress. */
async function makeProxy(target: URL) {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  return {
    url: `http://127.0.0.1:${port}`,
    up: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 80), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('close', () => sockets.delete(s));
            s.on('error', () => (client.destroy(), upstream.destroy()));
          }
          client.pipe(upstream).pipe(client);
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    down: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
  };
}

const shotsDir = process.env.SHOTS_DIR ?? path.join(root, 'test-results', 'screens');
async function shoot(page: Page, name: string) {
  await page.mouse.move(1300, 10);
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `sync-${name}.png`) });
}

const siteState = (page: Page) => page.getByTestId('release-site-state');

test('publish while the site is down, see it published once, resolve a conflict', async ({ page }) => {
  test.setTimeout(180_000);
  const { wp, why } = wordpress();
  test.skip(!wp, why);
  const site = wp!;
  const proxy = await makeProxy(new URL(site.url));
  const headline = `Проверка публикации на сайт ${Date.now()}`;
  const dataDir = makeDataDir({ demo: true });
  // The password's key file in a temporary folder (not the user's ~/.config), short worker timings.
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-desk-e2e-key-'));
  const server = await startServer(dataDir, {
    env: {
      PRESS_DESK_KEY_FILE: path.join(keyDir, 'site.key'),
      PRESS_DESK_SYNC_BASE_DELAY_MS: '300',
      PRESS_DESK_SYNC_PROBE_MS: '400',
      PRESS_DESK_SYNC_TIMEOUT_MS: '5000',
    },
  });
  try {
    await page.goto(server.url);
    await expect(page.locator('.loading')).toHaveCount(0);
    await expect(page.getByTestId('sync-state')).toHaveText('Сайт не подключён');

    // Настройки → Сайт, through the proxy (not listening yet: the site is «down»).
    await page.getByTestId('sync-state').click();
    await expect(page).toHaveURL(/#\/settings\/site$/);
    await expect(page.getByTestId('secret-storage')).toContainText('press-desk-e2e-key-'); // says where the key is
    await page.getByLabel('Адрес сайта').fill(proxy.url);
    await page.getByLabel('Пользователь WordPress').fill(site.user);
    await page.getByLabel('Пароль приложения').fill(site.password);
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect(page.getByTestId('password-state')).toContainText('Пароль сохранён');
    await expect(page.getByLabel('Пароль приложения')).toHaveValue('');
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    const check = page.getByTestId('site-check');
    await expect(check).toContainText('Подключение не работает.');
    await expect(page.getByTestId('check-reachable')).toContainText('✗');
    await shoot(page, 'settings-down');

    // A release, published while the site is down: it waits in the outbox.
    await page.getByRole('link', { name: 'Релизы' }).click();
    await page.keyboard.press('Control+N');
    await page.getByRole('dialog', { name: 'Новый релиз' }).getByRole('button', { name: 'Новость', exact: true }).click();
    await expect(page.locator('#f-headline')).toBeVisible();
    await page.locator('#f-headline').fill(headline);
    await page.locator('#f-lead').fill('Работы начнутся в понедельник и займут две недели.');
    await expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);
    const panel = page.getByTestId('release-site');
    await panel.getByRole('button', { name: 'Опубликовать на сайте' }).click();
    // A draft: the app asks before it goes to the official site unapproved.
    await page.getByRole('dialog', { name: 'Релиз ещё не согласован' }).getByRole('button', { name: 'Опубликовать без согласования' }).click();
    await expect(siteState(page)).toHaveText('в очереди на сайт');
    await expect(page.getByTestId('sync-online')).toHaveText('Сайт: нет связи');
    await expect(page.getByTestId('sync-waiting')).toContainText('в очереди: 1 публикация');
    await shoot(page, 'release-queued');

    // The outbox shows it waiting, reached from the status bar.
    await page.getByTestId('sync-state').click();
    await expect(page).toHaveURL(/#\/settings\/outbox$/);
    const row = page.getByTestId('outbox-row').filter({ hasText: headline });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('outbox-state')).toHaveText('в очереди');
    await shoot(page, 'outbox-waiting');
    await page.goBack();
    await expect(page.locator('#f-headline')).toHaveValue(headline);

    // The site comes up: published exactly once, with its link.
    await proxy.up();
    await expect(siteState(page)).toHaveText('опубликовано на сайте', { timeout: 45_000 });
    await expect(page.getByTestId('release-site-link')).toBeVisible();
    await expect(page.getByTestId('sync-online')).toHaveText('Сайт: на связи');
    await expect(page.getByTestId('sync-waiting')).toHaveCount(0);
    const found = await rest<any[]>(site, `/wp/v2/posts?search=${encodeURIComponent(headline)}&status=any&context=edit`);
    expect(found).toHaveLength(1);
    const post = found[0];
    expect(post.status).toBe('publish');
    expect(await rest<any[]>(site, `/wp/v2/posts?slug=${encodeURIComponent(post.slug)}&status=any&context=edit`)).toHaveLength(1);
    expect(await page.getByTestId('release-site-link').getAttribute('href')).toContain(String(post.id));
    await shoot(page, 'release-published');

    // The webmaster edits the post on the site (a second later: modified_gmt has one-second steps).
    await page.waitForTimeout(1100);
    await rest(site, `/wp/v2/posts/${post.id}`, { method: 'POST', body: { content: '<p>Правка вебмастера на сайте.</p>' } });

    // The press officer edits the release and publishes the update: a conflict, nothing overwritten.
    const body = page.getByTestId('rl-body');
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Уточнение из Пресс-деска.');
    await expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);
    await panel.getByRole('button', { name: 'Обновить на сайте' }).click();
    await page.getByRole('dialog', { name: 'Релиз ещё не согласован' }).getByRole('button', { name: 'Опубликовать без согласования' }).click();
    await expect(siteState(page)).toHaveText('конфликт', { timeout: 45_000 });
    expect((await rest(site, `/wp/v2/posts/${post.id}?context=edit`)).content.raw).toContain('Правка вебмастера');
    await expect(page.getByTestId('sync-waiting')).toContainText('1 конфликт');

    await panel.getByRole('button', { name: 'Сравнить и решить…' }).click();
    const dialog = page.getByTestId('conflict-dialog');
    await expect(dialog.getByTestId('conflict-site-text')).toContainText('Правка вебмастера на сайте.');
    await expect(dialog.getByTestId('conflict-local-text')).toContainText('Уточнение из Пресс-деска.');
    await expect(dialog).toContainText('Различаются: ');
    await shoot(page, 'conflict');

    await dialog.getByRole('button', { name: 'Перезаписать сайт' }).click();
    await page.getByRole('dialog', { name: 'Перезаписать сайт?' }).getByRole('button', { name: 'Перезаписать сайт' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(siteState(page)).toHaveText('опубликовано на сайте', { timeout: 45_000 });
    await expect
      .poll(async () => (await rest(site, `/wp/v2/posts/${post.id}?context=edit`)).content.raw as string, { timeout: 20_000 })
      .toContain('Уточнение из Пресс-деска.');
    const after = await rest(site, `/wp/v2/posts/${post.id}?context=edit`);
    expect(after.content.raw).not.toContain('Правка вебмастера');
    expect(await rest<any[]>(site, `/wp/v2/posts?search=${encodeURIComponent(headline)}&status=any`)).toHaveLength(1);
    await shoot(page, 'statusbar');

    // A second round, resolved by a merge edited in the dialog: the site and the release both get it.
    await page.waitForTimeout(1100);
    await rest(site, `/wp/v2/posts/${post.id}`, { method: 'POST', body: { content: '<p>Вторая правка вебмастера.</p>' } });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Второе уточнение.');
    await expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);
    await panel.getByRole('button', { name: 'Обновить на сайте' }).click();
    await page.getByRole('dialog', { name: 'Релиз ещё не согласован' }).getByRole('button', { name: 'Опубликовать без согласования' }).click();
    await expect(siteState(page)).toHaveText('конфликт', { timeout: 45_000 });
    await panel.getByRole('button', { name: 'Сравнить и решить…' }).click();
    await dialog.getByRole('button', { name: 'Объединить…' }).click();
    const merge = dialog.getByTestId('conflict-merge');
    await merge.getByLabel('Заголовок').fill(`${headline} (объединено)`);
    await merge.getByRole('textbox', { name: 'Текст объединённой версии' }).getByText('Второе уточнение.').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Вторая правка вебмастера учтена.');
    await shoot(page, 'merge');
    await dialog.getByRole('button', { name: 'Опубликовать объединённую версию' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('#f-headline')).toHaveValue(`${headline} (объединено)`); // the release took the merge
    await expect(siteState(page)).toHaveText('опубликовано на сайте', { timeout: 45_000 });
    const merged = await rest(site, `/wp/v2/posts/${post.id}?context=edit`);
    expect(merged.title.raw).toBe(`${headline} (объединено)`);
    expect(merged.content.raw).toContain('Второе уточнение.');
    expect(merged.content.raw).toContain('Вторая правка вебмастера учтена.');
    expect(await rest<any[]>(site, `/wp/v2/posts?search=${encodeURIComponent(headline)}&status=any`)).toHaveLength(1);

    // «Снять с публикации на сайте»: the post becomes a draft on the site.
    await panel.getByRole('button', { name: 'Снять с публикации на сайте' }).click();
    await page.getByRole('dialog', { name: 'Снять с публикации на сайте?' }).getByRole('button', { name: 'Снять с публикации' }).click();
    await expect(siteState(page)).toHaveText('снято с сайта (черновик)', { timeout: 45_000 });
    await expect.poll(async () => (await rest(site, `/wp/v2/posts/${post.id}?context=edit`)).status).toBe('draft');

    // The outbox: everything sent.
    await page.getByTestId('sync-state').click();
    await page.getByRole('button', { name: 'Все', exact: true }).click();
    await expect(page.getByTestId('outbox-row').filter({ hasText: headline }).first()).toBeVisible();
    await shoot(page, 'outbox-all');
    await page.getByRole('link', { name: 'Сайт', exact: true }).click();
    await expect(page.getByTestId('site-check')).toBeVisible();
    await page.getByRole('button', { name: 'Проверить подключение' }).click();
    await expect(page.getByTestId('site-check')).toContainText('Подключение работает.');
    await shoot(page, 'settings-up');

    // Categories: a release tag → the site's category, kept after a reload.
    const mapping = page.getByRole('region', { name: 'Рубрики на сайте' });
    await mapping.getByRole('button', { name: 'Обновить рубрики с сайта' }).click();
    const categories = await rest<{ id: number; name: string }[]>(site, '/wp/v2/categories?per_page=100');
    const firstPicker = mapping.getByRole('combobox', { name: /^Добавить рубрику для/ }).first();
    const tag = (await firstPicker.getAttribute('aria-label'))!.replace(/^Добавить рубрику для «(.*)»$/, '$1');
    await firstPicker.selectOption({ label: categories[0]!.name });
    await mapping.getByRole('button', { name: 'Сохранить рубрики' }).click();
    await expect(page.getByText('Рубрики сохранены.')).toBeVisible();
    await mapping.getByRole('button', { name: 'Сохранить рубрики' }).scrollIntoViewIfNeeded();
    await shoot(page, 'mapping');
    await page.reload();
    await expect(page.getByRole('button', { name: `Убрать рубрику «${categories[0]!.name}» у «${tag}»` })).toBeVisible();

    // Pull: the site's posts come in; the last pull time appears.
    await expect(page.getByTestId('last-pull')).toHaveText('ещё не было');
    await page.getByRole('button', { name: 'Загрузить публикации с сайта' }).click();
    await expect(page.getByTestId('last-pull')).toHaveText(/\d\d\.\d\d\.\d{4}/, { timeout: 45_000 });
  } finally {
    await server.stop();
    await proxy.down();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(keyDir, { recursive: true, force: true });
    // Leave the shared WordPress as it was: delete this run's posts.
    const leftovers = await rest<any[]>(site, `/wp/v2/posts?search=${encodeURIComponent(headline)}&status=any&per_page=100`).catch(() => []);
    for (const p of leftovers) await rest(site, `/wp/v2/posts/${p.id}?force=true`, { method: 'DELETE' }).catch(() => undefined);
  }
});
