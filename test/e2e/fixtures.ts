/**
 * Each test gets its own data folder (optionally the demo town) and its own browser-mode
 * server on a free port: `node dist/web.mjs --data-dir DIR --port 0`. Needs `npm run build` first.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webEntry = path.join(root, 'dist', 'web.mjs');
const cliEntry = path.join(root, 'dist', 'cli.mjs');

function assertBuilt(): void {
  if (!fs.existsSync(webEntry) || !fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')))
    throw new Error(`${path.relative(root, webEntry)} or dist/renderer is missing: run \`npm run build\` before the e2e tests (npm test and npm run test:e2e do it).`);
}

export interface Server {
  url: string;
  dataDir: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs the CLI on a data folder (demo, backup, …) and returns its output. */
export function cli(dataDir: string, ...args: string[]): string {
  assertBuilt();
  return execFileSync(process.execPath, [cliEntry, '--data-dir', dataDir, ...args], { encoding: 'utf8', timeout: 60_000 });
}

export function makeDataDir(opts: { demo?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'press-desk-e2e-'));
  if (opts.demo) cli(dir, 'demo');
  return dir;
}

/** Starts browser mode on `dataDir` (with extra environment variables, if given) and waits for the line with its address. */
export async function startServer(dataDir: string, opts: { env?: Record<string, string> } = {}): Promise<Server> {
  assertBuilt();
  const child: ChildProcess = spawn(process.execPath, [webEntry, '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Extra variables, e.g. the sync worker's short test timings (PRESS_DESK_SYNC_BASE_DELAY_MS).
    env: opts.env ? { ...process.env, ...opts.env } : process.env,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 20 s. Output:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}. Output:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      }),
  };
}

type Fixtures = {
  /** Pre-fill the data folder with the demo town (test.use({ demo: true })). */
  demo: boolean;
  server: Server;
  /** The page, opened at the server's address (the app has loaded). */
  app: Page;
};

export const test = base.extend<Fixtures>({
  demo: [false, { option: true }],
  server: async ({ demo }, use) => {
    const dataDir = makeDataDir({ demo });
    const server = await startServer(dataDir);
    try {
      await use(server);
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    // «No .loading» alone also holds before React has drawn anything (an empty #root): wait for the app itself.
    await expect(page.locator('#root > *').first()).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
    await use(page);
  },
});

/** Calls the backend from the page, with the page's own token (what the UI itself does). */
export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('press-desk-token') ?? '';
      const res = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-press-desk-token': token },
        body: JSON.stringify({ input: i }),
      });
      const out = await res.json();
      if (!out.ok) throw new Error(out.error.message);
      return out.result;
    },
    [method, input] as const,
  ) as Promise<T>;
}

export { expect };
