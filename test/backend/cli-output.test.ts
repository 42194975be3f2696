/** Long CLI output into a pipe arrives whole (process.exit() before the flush used to cut it). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const cli = path.resolve(import.meta.dirname, '../../dist/cli.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-cli-out-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('prints the whole JSON of a large answer through a pipe', () => {
  if (!fs.existsSync(cli)) throw new Error('dist/ is not built: run npm run build');
  execFileSync(process.execPath, [cli, '--data-dir', dir, 'demo'], { stdio: 'pipe' });
  const out = execFileSync(process.execPath, [cli, '--data-dir', dir, 'call', 'releases.list', '{"limit":100}'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  expect(out.length).toBeGreaterThan(65_536); // more than one pipe buffer
  const parsed = JSON.parse(out) as { items: unknown[] };
  expect(parsed.items).toHaveLength(100);
});
