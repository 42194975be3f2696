/**
 * `npm run bench`: the store at 100,000 records against lowdb's plain JSONFile, start-up time,
 * and the crash harness at 1,000 kills. Prints the numbers and whether each goal is met.
 *   PD_BENCH_SAVES=2000 PD_BENCH_LOWDB=30 PD_BENCH_KILLS=1000 PD_BENCH_SCALE=100000 to change the sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { collections, type AppStore } from '../../electron/backend/collections.js';
import { generateDemo } from '../../electron/backend/demo/generate.js';
import type { Outlet } from '../../electron/backend/features/outlets/schema.js';
import { Store, type StoreOptions } from '../../electron/backend/store/store.js';
import { bundle } from '../helpers/bundle.js';
import { runCrashHarness, type CrashStats } from '../helpers/crash-harness.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SCALE = env('PD_BENCH_SCALE', 100_000);
const SAVES = env('PD_BENCH_SAVES', 2000);
const LOWDB_SAVES = env('PD_BENCH_LOWDB', 30);
const KILLS = env('PD_BENCH_KILLS', 1000);
const JOURNAL_N = [1000, 5000];

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
const started = Date.now();
const out = (line = '') => console.log(line);
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const int = (n: number) => n.toLocaleString('en-US');

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const summary = (xs: number[]) => `p50 ${ms(pct(xs, 50))} ms  p95 ${ms(pct(xs, 95))} ms  p99 ${ms(pct(xs, 99))} ms  max ${ms(Math.max(...xs))} ms`;

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, r];
}

/** What a killed process leaves: no compaction, journal closed, lock let go. */
function abandon(store: AppStore): void {
  const s = store as unknown as { compactTimer: NodeJS.Timeout | null; journal: { close(): void } | null; lock: { release(): void } | null; closed: boolean };
  if (s.compactTimer) clearTimeout(s.compactTimer);
  s.journal?.close();
  s.journal = null;
  s.lock?.release();
  s.lock = null;
  s.closed = true;
}

function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

const mb = (file: string) => (fs.statSync(file).size / 1024 / 1024).toFixed(1);

/** 2,000 single-outlet updates, each awaited: the latency the UI waits for "saved". */
async function measureSaves(dir: string, options: StoreOptions, saves: number, minSnapshots = 0): Promise<{ samples: number[]; compactions: number; disk: number[] }> {
  const store = await Store.open(dir, collections, options);
  // The floor, measured at the same moments: the disk alone making one small append durable.
  const probe = fs.openSync(path.join(dir, 'fdatasync.probe'), 'a');
  const probeLine = Buffer.from('x'.repeat(700) + '\n');
  const disk: number[] = [];
  const outlets = store.all('outlets');
  const snapshot = path.join(dir, 'data', 'outlets.json');
  let mtime = fs.statSync(snapshot).mtimeMs;
  let compactions = 0;
  const samples: number[] = [];
  // With minSnapshots: go on past `saves` until that many full snapshots were written during the run.
  for (let i = 0; i < saves || (compactions < minSnapshots && i < saves * 20); i++) {
    const o = outlets[(i * 7919) % outlets.length]!;
    const [t] = await time(() => store.mutate((tx) => tx.put('outlets', { ...o, notes: `правка ${i}`, updatedAt: new Date().toISOString() })));
    samples.push(t);
    const [d] = await time(() => {
      fs.writeSync(probe, probeLine);
      fs.fdatasyncSync(probe);
    });
    disk.push(d);
    // The next save arrives as a new request (IPC / HTTP: a macrotask), as from the UI. Without this
    // a loop of awaited saves runs entirely in microtasks and starves the background snapshot.
    await new Promise((r) => setImmediate(r));
    const m = fs.statSync(snapshot).mtimeMs;
    if (m !== mtime) {
      compactions++;
      mtime = m;
    }
  }
  await store.close();
  fs.closeSync(probe);
  return { samples, compactions, disk };
}

out(`Press Desk store benchmark — ${int(SCALE)} records; node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()}; folder ${root}`);
out();

// ---- the data ----------------------------------------------------------------------------
const base = path.join(root, 'base');
{
  const store = await Store.open(base, collections);
  const [t, counts] = await time(() => generateDemo(store, { years: 1, scale: SCALE, now: new Date('2025-03-01T09:00:00Z') }));
  await store.close();
  out(`Data: demo generator at scale ${int(SCALE)}: ${Object.entries(counts).map(([k, v]) => `${k} ${int(v)}`).join(', ')} in ${(t / 1000).toFixed(1)} s; data/outlets.json ${mb(path.join(base, 'data', 'outlets.json'))} MB`);
}

// ---- saves -------------------------------------------------------------------------------
out();
out(`Acknowledged save (one outlet updated, awaited: validate + journal append + fdatasync):`);
const dflt = path.join(root, 'saves-default');
copyDir(base, dflt);
const normal = await measureSaves(dflt, {}, SAVES);
out(`  store, default timers ............ ${int(SAVES)} saves: ${summary(normal.samples)}  (snapshots written meanwhile: ${normal.compactions})`);
const busy = path.join(root, 'saves-compacting');
copyDir(base, busy);
const compacting = await measureSaves(busy, { compactAfterMs: 200, compactAtMostEveryMs: 500 }, SAVES, 3);
out(`  store, snapshots meanwhile ....... ${int(compacting.samples.length)} saves: ${summary(compacting.samples)}  (full ${mb(path.join(busy, 'data', 'outlets.json'))} MB snapshots written during the run: ${compacting.compactions})`);
const disk = [...normal.disk, ...compacting.disk];
out(`  the disk alone, at the same moments (700-byte append + fdatasync): ${summary(disk)}  (load average ${os.loadavg()[0]!.toFixed(1)})`);

let lowdb: number[];
{
  const reader = await Store.open(base, collections, { readOnly: true });
  const outlets = reader.all('outlets') as Outlet[];
  await reader.close();
  const file = path.join(root, 'lowdb', 'db.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Low(new JSONFile<{ outlets: Outlet[] }>(file), { outlets: structuredClone(outlets) });
  await db.write();
  lowdb = [];
  for (let i = 0; i < LOWDB_SAVES; i++) {
    const k = (i * 7919) % db.data.outlets.length;
    const [t] = await time(async () => {
      db.data.outlets[k] = { ...db.data.outlets[k]!, notes: `правка ${i}`, updatedAt: new Date().toISOString() };
      await db.write();
    });
    lowdb.push(t);
  }
  out(`  lowdb JSONFile (whole file) ...... ${int(LOWDB_SAVES)} saves: ${summary(lowdb)}  (db.json ${mb(file)} MB, no fsync)`);
}
const worst = [...normal.samples, ...compacting.samples];
const ratio50 = pct(lowdb, 50) / pct(worst, 50);
const ratio95 = pct(lowdb, 95) / pct(worst, 95);
out(`  ratio lowdb / store (both store runs together): p50 ${ratio50.toFixed(0)}×, p95 ${ratio95.toFixed(0)}×`);

// ---- start-up ----------------------------------------------------------------------------
out();
out('Start-up (Store.open: read + check every snapshot, replay the journal):');
const openTimes = async (dir: string, runs = 3) => {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [t, store] = await time(() => Store.open(dir, collections, { readOnly: true }));
    if (store.recoveries.length) throw new Error(`unexpected recovery: ${store.recoveries[0]!.message}`);
    await store.close();
    ts.push(t);
  }
  return pct(ts, 50);
};
const clean = await openTimes(base);
out(`  after a clean close ............................... ${ms(clean)} ms`);
const startup: Record<number, number> = {};
for (const n of JOURNAL_N) {
  const dir = path.join(root, `journal-${n}`);
  copyDir(base, dir);
  const store = await Store.open(dir, collections, { compactAfterMs: 3_600_000, compactAtMostEveryMs: 3_600_000 });
  const outlets = store.all('outlets');
  for (let i = 0; i < n; i++) {
    const o = outlets[(i * 104729) % outlets.length]!;
    await store.mutate((tx) => tx.put('outlets', { ...o, notes: `правка ${i}`, updatedAt: new Date().toISOString() }));
  }
  abandon(store);
  startup[n] = await openTimes(dir);
  out(`  with ${int(n).padStart(6)} un-compacted journal entries (${mb(path.join(dir, 'journal.ndjson'))} MB) ... ${ms(startup[n]!)} ms`);
}

// ---- crash harness -----------------------------------------------------------------------
out();
const script = await bundle('test/helpers/crash-child.ts', 'crash-child', { inlinePackages: true });
const half = Math.ceil(KILLS / 2);
// Two harnesses side by side (one per CPU), each on its own folder.
const runs: CrashStats[] = await Promise.all(
  [0, 1].map((k) =>
    runCrashHarness({
      dir: path.join(root, `crash-${k}`),
      childScript: script,
      iterations: k === 0 ? half : KILLS - half,
      mode: 'writes',
      seed: 1000 + k,
    }),
  ),
);
fs.rmSync(script, { force: true });
const crash = runs.reduce((a, b) => ({
  ...a,
  iterations: a.iterations + b.iterations,
  acked: a.acked + b.acked,
  losses: a.losses + b.losses,
  inFlightApplied: a.inFlightApplied + b.inFlightApplied,
  inFlightDropped: a.inFlightDropped + b.inFlightDropped,
  killsBeforeReady: a.killsBeforeReady + b.killsBeforeReady,
  recoveries: a.recoveries + b.recoveries,
  failures: [...a.failures, ...b.failures],
  ms: Math.max(a.ms, b.ms),
}));
out(`Crash harness: ${int(crash.iterations)} SIGKILLs at random moments, ${int(crash.acked)} acknowledged saves, ${crash.losses} lost, ${crash.recoveries} repairs needed`);
out(`  in flight at the kill: ${crash.inFlightApplied} already on disk, ${crash.inFlightDropped} not (both allowed); ${crash.killsBeforeReady} kills during start-up; ${(crash.ms / 1000).toFixed(0)} s`);
for (const f of crash.failures.slice(0, 10)) out(`  FAILURE ${f}`);

// ---- goals -------------------------------------------------------------------------------
const p95 = pct(worst, 95);
const goals = [
  [`p95 of an acknowledged save ≤ 5 ms (both runs, with snapshots of ${int(SCALE)} records meanwhile)`, p95 <= 5, `${ms(p95)} ms (the disk's own append + fdatasync at the same moments: p95 ${ms(pct(disk, 95))} ms)`],
  ['≥ 50× faster than lowdb JSONFile', ratio50 >= 50 && ratio95 >= 50, `p50 ${ratio50.toFixed(0)}×, p95 ${ratio95.toFixed(0)}×`],
  [`crash harness: ${int(KILLS)} kills, 0 acknowledged saves lost, no repair`, crash.iterations === KILLS && crash.losses === 0 && crash.failures.length === 0, `${crash.iterations} kills, ${crash.losses} lost, ${crash.failures.length} failures`],
] as const;
out();
out('Goals:');
for (const [what, met, value] of goals) out(`  ${met ? 'MET    ' : 'NOT MET'}  ${what}: ${value}`);
out();
out(`Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);
fs.rmSync(root, { recursive: true, force: true });
process.exit(goals.every(([, met]) => met) ? 0 : 1);
