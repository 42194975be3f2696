/**
 * The store's main promise, tested the hard way: a real writer process is SIGKILLed at random
 * moments; whatever it was told was saved must be there, exactly, and the folder must open
 * without any repair. (test/bench/run.ts runs the same harness 1,000 times.)
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../helpers/bundle.js';
import { runCrashHarness, type CrashStats } from '../helpers/crash-harness.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

let childScript: string;
beforeAll(async () => {
  childScript = await bundle('test/helpers/crash-child.ts', 'crash-child', { inlinePackages: true });
});
afterAll(() => {
  fs.rmSync(childScript, { force: true });
  removeTempDirs();
});

function expectNoLoss(stats: CrashStats, iterations: number) {
  const summary = `${stats.mode}: ${JSON.stringify({ ...stats, failures: stats.failures.slice(0, 8) }, null, 1)}`;
  expect(stats.failures, summary).toEqual([]);
  expect(stats.iterations, summary).toBe(iterations);
  expect(stats.losses, summary).toBe(0);
  expect(stats.recoveries, summary).toBe(0);
  // The run really did something: hundreds of acknowledged saves, and kills landed where intended.
  expect(stats.acked, summary).toBeGreaterThan(iterations * 5);
  console.log(`[store-crash] ${stats.mode}: ${stats.iterations} kills, ${stats.acked} acknowledged saves, 0 lost; in flight at the kill: ${stats.inFlightApplied} on disk, ${stats.inFlightDropped} not; kills before ready ${stats.killsBeforeReady}, during compaction ${stats.killsDuringCompaction}, during backup ${stats.killsDuringBackup}; ${stats.records} records; ${(stats.ms / 1000).toFixed(1)} s`);
  return summary;
}

describe('store: SIGKILL at random moments loses nothing acknowledged', () => {
  it('writes with compactions on short timers (200 kills: two folders side by side, 100 each)', async () => {
    const halves = await Promise.all(
      [20250301, 20250302].map((seed) => runCrashHarness({ dir: tempDir('pd-crash-'), childScript, iterations: 100, mode: 'writes', seed })),
    );
    const stats = halves.reduce((a, b) => ({
      ...a,
      iterations: a.iterations + b.iterations,
      acked: a.acked + b.acked,
      losses: a.losses + b.losses,
      inFlightApplied: a.inFlightApplied + b.inFlightApplied,
      inFlightDropped: a.inFlightDropped + b.inFlightDropped,
      killsBeforeReady: a.killsBeforeReady + b.killsBeforeReady,
      recoveries: a.recoveries + b.recoveries,
      records: a.records + b.records,
      failures: [...a.failures, ...b.failures],
      ms: Math.max(a.ms, b.ms),
    }));
    const summary = expectNoLoss(stats, 200);
    expect(stats.killsBeforeReady, summary).toBeGreaterThan(0); // some kills hit start-up (replay, stale lock)
    expect(stats.inFlightApplied + stats.inFlightDropped, summary).toBeGreaterThan(0);
  });

  it('killed while a compaction is writing snapshots, with saves going on meanwhile (30 kills)', async () => {
    const stats = await runCrashHarness({ dir: tempDir('pd-crash-'), childScript, iterations: 30, mode: 'compact', seed: 777 });
    const summary = expectNoLoss(stats, 30);
    expect(stats.killsDuringCompaction, summary).toBeGreaterThan(15);
  });

  it('killed while a backup is being written (20 kills): every .pdbackup left is whole', async () => {
    const stats = await runCrashHarness({ dir: tempDir('pd-crash-'), childScript, iterations: 20, mode: 'backup', seed: 4242 });
    const summary = expectNoLoss(stats, 20);
    expect(stats.killsDuringBackup, summary).toBeGreaterThan(10);
  });
});
