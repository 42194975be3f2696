// Builds everything `npm start`, `npm run web`, the CLI and the tests run:
//   dist/cli.mjs, dist/web.mjs            the backend for Node (CLI, browser mode)
//   dist/electron/main.mjs, preload.cjs   the Electron shell
//   dist/renderer/                        the React UI (Vite)
// Node packages stay external (they are installed); only our own code is bundled.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
const started = Date.now();

await Promise.all([
  esbuild({ ...node, format: 'esm', entryPoints: [path.join(root, 'electron/backend/cli.ts')], outfile: path.join(dist, 'cli.mjs'), banner: { js: '#!/usr/bin/env node' } }),
  esbuild({ ...node, format: 'esm', entryPoints: [path.join(root, 'electron/backend/web.ts')], outfile: path.join(dist, 'web.mjs') }),
  esbuild({ ...node, format: 'esm', entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(dist, 'electron/main.mjs'), external: ['electron'] }),
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  esbuild({ ...node, packages: undefined, format: 'cjs', entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(dist, 'electron/preload.cjs'), external: ['electron'] }),
]);
fs.chmodSync(path.join(dist, 'cli.mjs'), 0o755);

// The page's CSP <meta> comes from the same module as the CSP headers (electron/backend/csp.ts).
const cspBundle = await esbuild({ entryPoints: [path.join(root, 'electron/backend/csp.ts')], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
const csp = await import(`data:text/javascript,${encodeURIComponent(cspBundle.outputFiles[0].text)}`);
const cspMeta = {
  name: 'press-desk-csp-meta',
  transformIndexHtml: {
    order: 'pre',
    handler(html) {
      if (!html.includes(csp.CSP_META_PLACEHOLDER)) throw new Error(`renderer/index.html: no ${csp.CSP_META_PLACEHOLDER} for the CSP meta tag`);
      return html.replace(csp.CSP_META_PLACEHOLDER, csp.CONTENT_SECURITY_POLICY_META.replaceAll('"', '&quot;'));
    },
  },
};

await viteBuild({
  configFile: false,
  root: path.join(root, 'renderer'),
  base: './',
  logLevel: quiet ? 'warn' : 'info',
  plugins: [react(), cspMeta],
  // Maps stay in dist/ for reading stack traces; the bundle names none, so nothing asks for them (and web.ts serves none).
  build: { outDir: path.join(dist, 'renderer'), emptyOutDir: true, sourcemap: 'hidden', chunkSizeWarningLimit: 4000 },
});
if (!quiet) console.log(`Сборка готова за ${((Date.now() - started) / 1000).toFixed(1)} с: ${path.relative(root, dist)}/`);
