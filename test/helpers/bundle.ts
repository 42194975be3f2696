import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Inside the repo (so the bundle's external packages resolve from node_modules), outside git's view. */
const outDir = path.join(repoRoot, 'node_modules', '.cache', 'press-desk-test');

/**
 * Bundles a TypeScript entry (our code inlined, npm packages left to node_modules unless asked) to one .mjs,
 * once per process: a child process then starts in tens of milliseconds instead of compiling TS.
 */
export async function bundle(entry: string, name = path.basename(entry).replace(/\.ts$/, ''), opts: { inlinePackages?: boolean } = {}): Promise<string> {
  const abs = path.resolve(repoRoot, entry);
  const tag = createHash('sha1').update(`${abs}:${process.pid}:${Date.now()}:${Math.random()}`).digest('hex').slice(0, 10);
  const outfile = path.join(outDir, `${name}-${tag}.mjs`);
  fs.mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [abs],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Inlining the (pure JS) packages makes a child start faster: one file to load instead of hundreds.
    packages: opts.inlinePackages ? undefined : 'external',
    sourcemap: false,
    logLevel: 'error',
    banner: { js: '#!/usr/bin/env node' },
  });
  return outfile;
}
