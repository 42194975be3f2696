/**
 * `npm run bench`: every benchmark, one after another, each in its own process (so one's memory
 * and timers don't colour the next). Each prints its figures and its goals; this prints a summary.
 *   npm run bench                 all
 *   npm run bench -- store        only the ones whose name contains "store"
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = ['store.bench.ts', 'calendar.bench.ts', 'calendar-render.bench.ts', 'report.bench.ts', 'sync.bench.ts'];
const only = process.argv.slice(2);
const chosen = benches.filter((b) => only.length === 0 || only.some((o) => b.includes(o)));

const results: { bench: string; code: number; seconds: number }[] = [];
for (const bench of chosen) {
  console.log(`\n=== ${bench} ===`);
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, bench)], { stdio: 'inherit' });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  results.push({ bench, code, seconds: (Date.now() - started) / 1000 });
}
console.log('\n=== summary ===');
for (const r of results) console.log(`  ${r.code === 0 ? 'all goals met ' : 'goal(s) missed'}  ${r.bench} (${r.seconds.toFixed(0)} s)`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
