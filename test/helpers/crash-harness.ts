/**
 * The parent side of the crash test: start crash-child, SIGKILL it at a random moment, open the
 * folder, and compare every record with what the child was told was saved. Used by
 * test/backend/store-crash.test.ts (a few hundred kills) and test/bench/run.ts (a thousand).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listBackups } from '../../electron/backend/store/backups.js';
import { unpackArchive } from '../../electron/backend/store/archive.js';
import { Store } from '../../electron/backend/store/store.js';
import type { ChildOp } from './crash-child.js';
import { itemFor, noteFor, testDefs } from './defs.js';

export type CrashMode = 'writes' | 'compact' | 'backup';

export interface CrashOptions {
  dir: string;
  /** The bundled crash-child.mjs (see bundle.ts). */
  childScript: string;
  iterations: number;
  mode: CrashMode;
  seed?: number;
  onProgress?: (done: number, stats: CrashStats) => void;
}

export interface CrashStats {
  mode: CrashMode;
  iterations: number;
  /** Saves the child was told were durable. */
  acked: number;
  /** Acknowledged records that were missing or different after the crash (must be 0). */
  losses: number;
  /** The change in flight at the kill: on disk already (allowed) / not (allowed). */
  inFlightApplied: number;
  inFlightDropped: number;
  killsBeforeReady: number;
  killsDuringCompaction: number;
  killsDuringBackup: number;
  /** Opens that needed a repair (must be 0: a crash is not damage). */
  recoveries: number;
  readOnlyChecks: number;
  records: number;
  failures: string[];
  ms: number;
}

interface Model {
  items: Map<string, [number, number]>;
  notes: Map<string, number>;
}

function applyOp(model: Model, op: ChildOp): Model {
  const next: Model = { items: new Map(model.items), notes: op.clearNotes ? new Map() : new Map(model.notes) };
  for (const id of op.del ?? []) next.items.delete(id);
  for (const [id, year, v] of op.put ?? []) next.items.set(id, [year, v]);
  for (const [id, v] of op.notes ?? []) next.notes.set(id, v);
  return next;
}

/** Records of the model that the store does not have exactly (missing, different, or extra). */
function diff(model: Model, store: Store<typeof testDefs>): string[] {
  const bad: string[] = [];
  for (const [id, [year, v]] of model.items) {
    const got = store.get('items', id);
    const want = itemFor(id, year, v);
    if (!got) bad.push(`items/${id}: missing`);
    else if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`items/${id}: has v${got.v}/${got.year}, want v${v}/${year}`);
  }
  for (const [id, v] of model.notes) {
    const got = store.get('notes', id);
    if (!got || JSON.stringify(got) !== JSON.stringify(noteFor(id, v))) bad.push(`notes/${id}: ${got ? 'different' : 'missing'}`);
  }
  for (const r of store.all('items')) if (!model.items.has(r.id)) bad.push(`items/${r.id}: unexpected`);
  for (const r of store.all('notes')) if (!model.notes.has(r.id)) bad.push(`notes/${r.id}: unexpected`);
  return bad;
}

const pick = <T>(xs: T[], r: number) => xs[Math.floor(r * xs.length)]!;

interface ChildRun {
  lines: string[];
  stderr: string;
  killedBeforeReady: boolean;
  exitedItself: boolean;
}

function runChild(opts: CrashOptions, args: string[], random: () => number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [opts.childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let stderr = '';
    const lines: string[] = [];
    let killed = false;
    let ready = false;
    let killedBeforeReady = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      killedBeforeReady = !ready;
      child.kill('SIGKILL');
    };
    const killIn = (ms: number) => setTimeout(kill, ms);
    // Where to strike: sometimes during start-up (replay, torn tail, stale lock), mostly while saving,
    // and in the compact/backup modes right after one of those has started.
    const early = opts.mode === 'writes' && random() < 0.2;
    if (early) killIn(Math.floor(random() * 100));
    const targetEvent = opts.mode === 'compact' ? 'compact' : opts.mode === 'backup' ? 'backup' : null;
    const targetCount = 1 + Math.floor(random() * 3);
    let seen = 0;
    const safety = setTimeout(kill, 8000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        if (killed) continue;
        if (line === 'ready') {
          ready = true;
          if (!early && !targetEvent) killIn(Math.floor(random() * 150));
          if (targetEvent) killIn(3000); // if the event never comes
        } else if (targetEvent && line === targetEvent && ++seen === targetCount) {
          const d = Math.floor(random() * 5);
          if (d === 0) kill();
          else killIn(d);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (stderr += c));
    child.on('close', () => {
      clearTimeout(safety);
      // A line without its newline was cut by the kill: the child never finished printing it.
      resolve({ lines, stderr, killedBeforeReady, exitedItself: !killed });
    });
  });
}

export async function runCrashHarness(opts: CrashOptions): Promise<CrashStats> {
  const started = Date.now();
  let s = (opts.seed ?? 12345) >>> 0 || 1;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const stats: CrashStats = {
    mode: opts.mode,
    iterations: 0,
    acked: 0,
    losses: 0,
    inFlightApplied: 0,
    inFlightDropped: 0,
    killsBeforeReady: 0,
    killsDuringCompaction: 0,
    killsDuringBackup: 0,
    recoveries: 0,
    readOnlyChecks: 0,
    records: 0,
    failures: [],
    ms: 0,
  };
  let model: Model = { items: new Map(), notes: new Map() };
  fs.mkdirSync(opts.dir, { recursive: true });

  for (let i = 0; i < opts.iterations; i++) {
    const compactAfter = opts.mode === 'writes' ? pick([2, 5, 10, 20, 1500], random()) : 1500;
    const atMost = opts.mode === 'writes' ? pick([10, 30, 30_000], random()) : 30_000;
    const run = await runChild(opts, [opts.dir, String(1 + Math.floor(random() * 1e9)), String(compactAfter), String(atMost), opts.mode], random);
    stats.iterations++;
    if (run.killedBeforeReady) stats.killsBeforeReady++;
    if (run.exitedItself) stats.failures.push(`#${i}: the child exited by itself: ${run.stderr.slice(0, 500)} ${run.lines.slice(-3).join(' | ')}`);

    let pending: ChildOp | null = null;
    let compacting = 0;
    let backingUp = false;
    for (const line of run.lines) {
      if (line.startsWith('try ')) pending = JSON.parse(line.slice(4)) as ChildOp;
      else if (line.startsWith('ack ')) {
        if (!pending) throw new Error(`#${i}: ack without try`);
        model = applyOp(model, pending);
        pending = null;
        stats.acked++;
      } else if (line === 'compact') compacting++;
      else if (line === 'compacted') compacting--;
      else if (line === 'backup') backingUp = true;
      else if (line === 'backed-up') backingUp = false;
      else if (line.startsWith('readonly') || line.startsWith('recoveries')) stats.failures.push(`#${i}: child: ${line.slice(0, 500)}`);
    }
    if (compacting > 0) stats.killsDuringCompaction++;
    if (backingUp) stats.killsDuringBackup++;

    // Check: every other time read-only (so the next child itself opens the crashed folder: stale
    // lock, torn tail, replay), otherwise as the writer, followed by a clean close.
    const readOnly = i % 2 === 1;
    if (readOnly) stats.readOnlyChecks++;
    let store: Store<typeof testDefs>;
    try {
      store = await Store.open(opts.dir, testDefs, { readOnly, compactAfterMs: 60_000 });
    } catch (err) {
      stats.failures.push(`#${i}: open failed: ${(err as Error).stack}`);
      break;
    }
    if (store.recoveries.length) {
      stats.recoveries += store.recoveries.length;
      stats.failures.push(`#${i}: recoveries: ${store.recoveries.map((r) => r.message).join(' / ')}`);
    }
    const asIs = diff(model, store);
    if (asIs.length > 0) {
      const withPending = pending ? applyOp(model, pending) : null;
      const asNext = withPending ? diff(withPending, store) : asIs;
      if (withPending && asNext.length === 0) {
        model = withPending;
        stats.inFlightApplied++;
      } else {
        const worst = asNext.length < asIs.length ? asNext : asIs;
        stats.losses += worst.length;
        stats.failures.push(`#${i}: ${worst.length} records wrong: ${worst.slice(0, 5).join('; ')}`);
        // Go on from what is there, to count the rest of the run.
        model = { items: new Map(store.all('items').map((r) => [r.id, [r.year, r.v]])), notes: new Map(store.all('notes').map((n) => [n.id, Number(/версия (\d+)/.exec(n.text)?.[1])])) };
      }
    } else if (pending) stats.inFlightDropped++;

    if (opts.mode === 'backup') {
      for (const b of listBackups(opts.dir)) {
        try {
          const content = unpackArchive(fs.readFileSync(b.file));
          if (!content.collections.items) throw new Error('no items');
        } catch (err) {
          stats.failures.push(`#${i}: backup ${path.basename(b.file)} unreadable: ${(err as Error).message}`);
        }
      }
    }

    await store.close();
    if (!readOnly) {
      // After a clean close: the journal is empty, the lock is gone, and each shard file holds its own year only.
      const journal = path.join(opts.dir, 'journal.ndjson');
      if (fs.existsSync(journal) && fs.statSync(journal).size !== 0) stats.failures.push(`#${i}: journal not empty after close`);
      if (fs.existsSync(path.join(opts.dir, 'press-desk.lock'))) stats.failures.push(`#${i}: lock left after close`);
      const shardDir = path.join(opts.dir, 'data', 'items');
      for (const f of fs.existsSync(shardDir) ? fs.readdirSync(shardDir) : []) {
        if (!f.endsWith('.json') || f.startsWith('.')) continue;
        const snap = JSON.parse(fs.readFileSync(path.join(shardDir, f), 'utf8')) as { records: { year: number }[] };
        if (snap.records.some((r) => `${r.year}.json` !== f)) stats.failures.push(`#${i}: shard ${f} holds a record of another year`);
      }
    }
    stats.records = model.items.size + model.notes.size;
    opts.onProgress?.(i + 1, stats);
    if (stats.failures.length > 20) break;
  }
  stats.ms = Date.now() - started;
  return stats;
}
