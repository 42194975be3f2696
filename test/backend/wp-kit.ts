/**
 * Shared by the sync tests: the real WordPress (from wp-global-setup.ts), a lock so that only one
 * test file talks to it at a time (`php -S` answers one request at a time), direct REST calls for
 * checking what the site holds, `php -r` against the site's folder, and a sync-ready data folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { Method } from '../../electron/backend/api.js';
import { openBackend } from '../../electron/backend/app.js';
import { demoSettings } from '../../electron/backend/demo/town.js';
import type { ReleasesKit } from '../helpers/releases-kit.js';
import type { WpInfo } from './wp-global-setup.js';
import { callersOf } from '../helpers/invoke.js';
export { createPosts, deleteMedia, deletePostsWithSlugPrefix, deleteTerms, lockWordPress, php, postCounts, userWithRole, WP_DIR } from './wp-php.js';

export const wp: WpInfo = inject('wp');
/** For describe.skipIf: the reason is printed by the first test of each file (see wpSkipNote). */
export const noWordPress = !!wp.skip;

const auth = (user = wp.user, password = wp.password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A direct REST call as the editor (what the tests use to look at the site and to play the webmaster). */
export async function rest<T = any>(route: string, opts: { method?: string; query?: Record<string, string | number>; json?: unknown } = {}): Promise<{ status: number; data: T; headers: Headers }> {
  const params = new URLSearchParams({ rest_route: route });
  for (const [k, v] of Object.entries(opts.query ?? {})) params.set(k, String(v));
  const res = await fetch(`${wp.url}/?${params}`, {
    method: opts.method ?? 'GET',
    headers: { authorization: auth(), ...(opts.json ? { 'content-type': 'application/json' } : {}) },
    body: opts.json ? JSON.stringify(opts.json) : undefined,
  });
  return { status: res.status, data: (await res.json()) as T, headers: res.headers };
}

/** Every post (any status) whose slug starts with the prefix. */
export async function postsBySlug(slug: string): Promise<any[]> {
  const { data } = await rest<any[]>('/wp/v2/posts', { query: { slug, status: 'publish,future,draft,pending,private', context: 'edit', per_page: 100 } });
  return data;
}

export interface SyncKit extends ReleasesKit {
  keyFile: string;
  /** Connects the folder to a site (the real WordPress unless told otherwise). */
  connect(opts?: { url?: string; user?: string; password?: string }): Promise<void>;
  /** Waits until `check` holds (polling the real backend), or fails after `ms`. */
  until(check: () => boolean | Promise<boolean>, ms?: number): Promise<void>;
  /** keep: leave the folder and key file (to reopen them, as after a restart). */
  close(keep?: boolean): Promise<void>;
}

/** A fresh data folder with settings (real clock); its key file in a temp folder of its own, outside the data folder. */
export async function openSyncKit(opts: { worker?: boolean; dir?: string; keyFile?: string } = {}): Promise<SyncKit> {
  const keyDir = opts.keyFile ? path.dirname(opts.keyFile) : fs.mkdtempSync(path.join(os.tmpdir(), 'pd-key-'));
  const keyFile = opts.keyFile ?? path.join(keyDir, 'site.key');
  process.env.PRESS_DESK_KEY_FILE = keyFile;
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pd-sync-'));
  const backend = await openBackend({ dataDir: dir, backups: false, syncWorker: opts.worker ?? false });
  const { call, fail } = callersOf(backend);
  if (!opts.dir) await call('settings.save', demoSettings);
  return {
    dir,
    backend,
    keyFile,
    call: call as ReleasesKit['call'],
    fail,
    setNow: () => {
      throw new Error('the sync kit runs on the real clock');
    },
    advance: () => {
      throw new Error('the sync kit runs on the real clock');
    },
    seq: () => backend.ctx.store.currentSeq,
    async connect(c = {}) {
      await call('sync.site.save', { url: c.url ?? wp.url, user: c.user ?? wp.user, password: c.password ?? wp.password });
    },
    async until(check, ms = 30_000) {
      const end = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > end) throw new Error('timed out waiting for the sync state');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close(keep = false) {
      await backend.close();
      if (!keep) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(keyDir, { recursive: true, force: true });
      }
    },
  };
}
