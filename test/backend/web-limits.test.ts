/**
 * Browser mode over real HTTP: the body limit (413, nothing written) and the built interface folder
 * (no path out of dist/renderer). The rest of the server's defences: web.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/backend/web.js';
import { type ErrorLike, folderState, journalSize, removeTmpDirs, tmpDir } from './api-cases.js';
import { raw } from './web-kit.js';

afterAll(removeTmpDirs);

describe('body limit', () => {
  let dir: string;
  let backend: Backend;
  let server: WebServer;
  beforeAll(async () => {
    dir = tmpDir('web-limit');
    backend = await openBackend({ dataDir: dir });
    server = await startWebServer({ backend, port: 0, maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server.close();
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a body over the limit: 413 with a Russian message, nothing written (declared length)', async () => {
    const state = folderState(dir);
    const size = journalSize(dir);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/outlets.create`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { name: 'Газета', kind: 'newspaper', notes: 'я'.repeat(1_000_000) } }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'too_large', message: 'Запрос слишком большой: больше 64 КБ. Ничего не сохранено.' } });
    expect(journalSize(dir)).toBe(size);
    expect(folderState(dir)).toEqual(state);
  });

  it('the same for a streamed body without a declared length', async () => {
    const state = folderState(dir);
    const chunk = new TextEncoder().encode('я'.repeat(10_000));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"input":{"name":"Газета","kind":"tv","notes":"'));
        for (let i = 0; i < 20; i++) c.enqueue(chunk);
        c.enqueue(new TextEncoder().encode('"}}'));
        c.close();
      },
    });
    const res = await fetch(`http://127.0.0.1:${server.port}/api/outlets.create`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: ErrorLike }).error.message).toMatch(/^Запрос слишком большой/);
    expect(folderState(dir)).toEqual(state);
  });

  it('a body under the limit still goes through', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/outlets.create`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: server.token },
      body: JSON.stringify({ input: { name: 'Газета', kind: 'newspaper', notes: 'я'.repeat(5000) } }),
    });
    expect(res.status).toBe(200);
  });
});

describe('the built interface folder', () => {
  it('/../package.json and friends serve the interface, never the repository', async () => {
    const dir = tmpDir('web-dist');
    const backend = await openBackend({ dataDir: dir });
    const server = await startWebServer({ backend, port: 0 });
    try {
      // (dist/renderer may be mid-rebuild by a concurrent `npm run build`: then the answer is 500, still not the file)
      const pkg = fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8');
      for (const p of ['/../package.json', '/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/../cli.mjs']) {
        const res = await raw(server.port, { path: p });
        expect(res.body, p).not.toContain('"name": "press-desk"');
        expect(res.body, p).not.toBe(pkg);
        expect(res.body, p).not.toContain('#!/usr/bin/env node');
      }
    } finally {
      await server.close();
      await backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
