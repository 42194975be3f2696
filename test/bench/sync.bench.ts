/**
 * Sync benchmark against the real WordPress (../shared/wordpress/start.sh; WP_URL… or a running one):
 *  1. 200 releases published through the outbox (queue write + worker pass: mark sending, send,
 *     write the outcome) vs. the same 200 posted directly with sequential REST calls (the adapter's
 *     create, nothing stored), in the same run. Goal: outbox ≤ 1.3 × direct.
 *  2. A full pull of ≥ 5,000 posts (made in one PHP process, deleted afterwards): posts per second.
 *
 *   node --import tsx test/bench/sync.bench.ts      (prints the figures; exit 1 if a goal is missed)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { demoSettings } from '../../electron/backend/demo/town.js';
import { releaseSiteOf } from '../../electron/backend/features/sync/outbox.js';
import { runPull } from '../../electron/backend/features/sync/pull.js';
import { payloadOf } from '../../electron/backend/features/sync/send.js';
import { adapterFor, drain } from '../../electron/backend/features/sync/worker.js';
import { findWordPress } from '../backend/wp-global-setup.js';
import { createPosts, deletePostsFast, lockWordPress, php } from '../backend/wp-php.js';

const N = Number(process.env.BENCH_N ?? 200);
const PULL = Number(process.env.BENCH_PULL ?? 5000);
const GOAL_RATIO = 1.3;
const tag = Date.now().toString(36);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-sync-'));
process.env.PRESS_DESK_KEY_FILE = path.join(tmp, 'site.key');

const wp = findWordPress();
if (wp.skip) {
  console.log(`sync benchmark skipped: ${wp.skip}`);
  process.exit(0);
}

async function open(name: string): Promise<Backend> {
  const backend = await openBackend({ dataDir: path.join(tmp, name), backups: false });
  const call = async (m: string, i: unknown) => {
    const o = await backend.invoke(m, i);
    if (!o.ok) throw new Error(`${m}: ${o.error.message}`);
    return o.result as any;
  };
  await call('settings.save', demoSettings);
  await call('sync.site.save', { url: wp.url, user: wp.user, password: wp.password });
  if (!(await call('sync.site.check', {})).ok) throw new Error('the site check failed');
  return backend;
}

// The sync tests use the same site: one at a time (php -S answers one request at a time).
const unlock = await lockWordPress();
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const slugsToDelete: string[] = [];

try {
  // ---- 1. outbox vs direct -----------------------------------------------------------------
  const backend = await open('publish');
  const ctx = backend.ctx;
  const ids: string[] = [];
  for (let i = 1; i <= N; i++) {
    const o = await backend.invoke('releases.create', { type: 'news', by: 'staff-spec', headline: `Бенчмарк ${tag} № ${i}` });
    if (!o.ok) throw new Error(o.error.message);
    const id = (o.result as { id: string }).id;
    await backend.invoke('releases.save', {
      id,
      by: 'staff-spec',
      lead: 'Короткий лид новости для сайта администрации.',
      body: { type: 'doc', content: [paragraph('Первый абзац новости о жизни города. '.repeat(5)), paragraph('Второй абзац с подробностями. '.repeat(8)), paragraph('Контакты пресс-службы.')] },
    });
    ids.push(id);
  }
  const adapter = adapterFor(ctx)!;
  const payloads = [];
  for (const [i, id] of ids.entries()) {
    const rs = { ...releaseSiteOf(ctx.store, id, new Date().toISOString()), slug: `pdbench-direct-${tag}-${i}` };
    payloads.push(await payloadOf(ctx, adapter, ctx.store.get('releases', id)!, rs, 'now'));
  }
  for (let i = 0; i < 5; i++) await adapter.create({ ...payloads[i]!, key: `pdbench-warm-${tag}-${i}` }); // warm-up, not timed

  // Interleaved in blocks of 10 (direct, then the same 10 through the outbox), so that the shared
  // site's drift (other work on the machine, a growing posts table) falls on both sides alike.
  let direct = 0;
  let outbox = 0;
  let sent = 0;
  let t0: bigint;
  for (let from = 0; from < N; from += 10) {
    t0 = process.hrtime.bigint();
    for (const p of payloads.slice(from, from + 10)) await adapter.create(p);
    direct += seconds(t0);
    t0 = process.hrtime.bigint();
    for (const releaseId of ids.slice(from, from + 10)) {
      const o = await backend.invoke('sync.publish', { releaseId, when: 'now' });
      if (!o.ok) throw new Error(o.error.message);
    }
    sent += (await drain(ctx, { all: true })).sent;
    outbox += seconds(t0);
  }
  slugsToDelete.push(...ids.map((id) => `pd-${id}`));
  const done = ctx.store.all('syncOutbox').filter((i) => i.state === 'done').length;
  if (done !== N || sent !== N) throw new Error(`only ${done} of ${N} published through the outbox`);
  await backend.close();
  const ratio = outbox / direct;

  // ---- 2. pull -------------------------------------------------------------------------------
  t0 = process.hrtime.bigint();
  createPosts(PULL, `pdbench-pull-${tag}`);
  const made = seconds(t0);
  const reader = await open('pull');
  t0 = process.hrtime.bigint();
  const pulled = await runPull(reader.ctx, { full: true });
  const pullSeconds = seconds(t0);
  if (pulled.error) throw new Error(pulled.error);
  const stored = reader.ctx.store.count('sitePublications');
  await reader.close();

  const ok = ratio <= GOAL_RATIO && pulled.fetched >= PULL;
  console.log(`WordPress ${php('echo get_bloginfo("version");')} at ${wp.url} (php -S, plain permalinks)`);
  console.log(`publish ${N} releases: direct sequential REST ${direct.toFixed(2)} s (${((direct / N) * 1000).toFixed(1)} ms/post), through the outbox ${outbox.toFixed(2)} s (${((outbox / N) * 1000).toFixed(1)} ms/post)`);
  console.log(`  ratio outbox / direct = ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×) — ${ratio <= GOAL_RATIO ? 'met' : 'MISSED'}`);
  console.log(`pull: ${pulled.fetched} posts (${PULL} made in ${made.toFixed(1)} s) in ${pullSeconds.toFixed(2)} s = ${Math.round(pulled.fetched / pullSeconds)} posts/s; ${stored} stored in sitePublications`);
  console.log(ok ? 'all goals met' : 'goal(s) missed');
  process.exitCode = ok ? 0 : 1;
} finally {
  const n = deletePostsFast(`pdbench-`);
  if (slugsToDelete.length) php(`global $wpdb; foreach (${JSON.stringify(slugsToDelete)} as $s) { $id = $wpdb->get_var($wpdb->prepare("SELECT ID FROM $wpdb->posts WHERE post_name = %s", $s)); if ($id) wp_delete_post($id, true); }`);
  console.log(`cleaned up: ${n + slugsToDelete.length} benchmark posts deleted`);
  fs.rmSync(tmp, { recursive: true, force: true });
  unlock();
}
