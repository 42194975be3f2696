/**
 * The site commands of `press-desk`, run as a user runs them (a child process), against the real
 * WordPress: site (password from stdin or PRESS_DESK_SITE_PASSWORD, never an argument), publish,
 * sync (exit code says whether anything failed) and sync --status.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { demoSettings } from '../../electron/backend/demo/town.js';
import { bundle } from '../helpers/bundle.js';
import { SPEC } from '../helpers/releases-kit.js';
import { deletePostsWithSlugPrefix, lockWordPress, noWordPress, postCounts, wp } from './wp-kit.js';

const repo = path.resolve(import.meta.dirname, '../..');
let unlock: () => void;
let dir: string;
let keyFile: string;
let entry: string;
const releases: string[] = [];

function cli(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, PRESS_DESK_KEY_FILE: keyFile, ...opts.env };
  delete env.PRESS_DESK_DATA_DIR;
  if (!opts.env?.PRESS_DESK_SITE_PASSWORD) delete env.PRESS_DESK_SITE_PASSWORD;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, '--data-dir', dir, ...args], { env, cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    child.stdin.end(opts.stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function makeReleases(titles: string[]): Promise<string[]> {
  const backend = await openBackend({ dataDir: dir, backups: false });
  const ids: string[] = [];
  for (const headline of titles) {
    const o = await backend.invoke('releases.create', { type: 'news', by: SPEC, headline });
    if (!o.ok) throw new Error(o.error.message);
    ids.push((o.result as { id: string }).id);
  }
  await backend.close();
  releases.push(...ids);
  return ids;
}

describe.skipIf(noWordPress)('press-desk site / publish / sync (real WordPress)', () => {
  beforeAll(async () => {
    entry = await bundle('electron/backend/cli.ts', 'sync-cli');
    unlock = await lockWordPress();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-sync-cli-'));
    keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-key-')), 'site.key');
    const backend = await openBackend({ dataDir: dir, backups: false });
    await backend.invoke('settings.save', demoSettings);
    await backend.close();
  });
  afterAll(() => {
    for (const id of releases) deletePostsWithSlugPrefix(`pd-${id}`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (keyFile) fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
    unlock?.();
  });

  it('--help lists the site commands', async () => {
    const run = await cli(['--help']);
    expect(run.stdout).toMatch(/^ {2}site \[--url АДРЕС --user ПОЛЬЗОВАТЕЛЬ\]/m);
    expect(run.stdout).toMatch(/PRESS_DESK_SITE_PASSWORD/);
    expect(run.stdout).toMatch(/^ {2}publish ID… \[--planned\] +поставить релизы в очередь на сайт/m);
    expect(run.stdout).toMatch(/^ {2}sync \[--status\] +один проход/m);
  });

  it('refuses a password given as an argument', async () => {
    const run = await cli(['site', '--url', wp.url, '--user', wp.user, '--password', wp.password]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Пароль не передаётся параметром/);
    expect(fs.existsSync(path.join(dir, 'secrets'))).toBe(false);
  });

  it('a wrong password from the environment: saved, the check fails, exit code 1', async () => {
    const run = await cli(['site', '--url', wp.url, '--user', wp.user], { env: { PRESS_DESK_SITE_PASSWORD: 'aaaa bbbb cccc dddd eeee ffff' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Вход по паролю приложения: Неверное имя пользователя или пароль/);
  });

  it('site with the password on stdin, publish, sync --status, sync', async () => {
    const site = await cli(['site', '--url', wp.url, '--user', wp.user], { stdin: `${wp.password}\n` });
    expect(site.code).toBe(0);
    expect(site.stdout).toMatch(/Подключение сохранено/);
    expect(site.stdout).toMatch(/✓ Право публиковать записи/);
    expect(site.stdout).toMatch(/Подключение работает/);
    expect(site.stdout + site.stderr).not.toContain(wp.password);
    expect(fs.existsSync(keyFile)).toBe(true);

    const shown = await cli(['site']);
    expect(shown.stdout).toMatch(new RegExp(`Сайт: ${wp.url.replace(/[.]/g, '\\.')}, пользователь: ${wp.user}, пароль сохранён`));

    const ids = await makeReleases(['Из командной строки 1', 'Из командной строки 2']);
    const publish = await cli(['publish', ...ids]);
    expect(publish.code).toBe(0);
    expect(publish.stdout).toMatch(/В очереди на сайт: «Из командной строки 1»/);
    const status = await cli(['sync', '--status']);
    expect(status.stdout).toMatch(/В очереди: 2, с ошибкой: 0/);
    expect(status.stdout).toMatch(/в очереди: публикация «Из командной строки 2»/);

    const sync = await cli(['sync']);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/Отправлено: 2, с ошибкой: 0/);
    expect(sync.stdout).toMatch(/Загружено публикаций сайта: \d+/);
    expect(postCounts(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    expect((await cli(['sync', '--status'])).stdout).toMatch(/В очереди: 0, с ошибкой: 0/);
  });

  it('sync exits non-zero when an item fails, and says why', async () => {
    const [id] = await makeReleases(['Не пройдёт']);
    const bad = await cli(['publish', id!, 'no-such-release']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no-such-release: Релиз не найден/);
    const run = await cli(['sync'], { env: { PRESS_DESK_SITE_PASSWORD: 'aaaa bbbb cccc dddd eeee ffff' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ошибка: «Не пройдёт».*Неверное имя пользователя или пароль/);
  });
});
