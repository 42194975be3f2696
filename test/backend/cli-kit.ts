/**
 * Shared helpers for the `press-desk` command tests (cli.test.ts, cli-folders.test.ts): run the built
 * CLI (`node dist/cli.mjs …`, built by `npm run build`), and copies of a demo folder made once per file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { api, type Method } from '../../electron/backend/api.js';
import { openBackend } from '../../electron/backend/app.js';
import { tmpDir } from './api-cases.js';

export const repo = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(repo, 'dist', 'cli.mjs');
export const methods = Object.keys(api) as Method[];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI. PRESS_DESK_DATA_DIR is removed from the environment unless given, so no test ever touches the user's folder. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  delete base.PRESS_DESK_DATA_DIR;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export const json = (r: Run) => JSON.parse(r.stdout) as unknown;

/** Fails early when the CLI has not been built (call from a beforeAll). */
export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build -- --quiet\` first`);
}

/**
 * A demo folder made once in-process, on first use (so only files that use it pay for it); tests
 * work on copies (a demo through the CLI takes seconds). Its folder is a tmpDir, removed by the
 * calling file's `afterAll(removeTmpDirs)`.
 */
let template: Promise<string> | undefined;
async function makeTemplate(): Promise<string> {
  const dir = tmpDir('cli-template');
  const b = await openBackend({ dataDir: dir });
  const filled = await b.invoke('system.fillDemo', {});
  expect(filled.ok).toBe(true);
  await b.close();
  return dir;
}

export async function demoCopy(): Promise<string> {
  template ??= makeTemplate();
  const source = await template;
  const dir = tmpDir('cli-copy');
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}
