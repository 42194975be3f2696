/**
 * Browser mode over real HTTP: the body limits (413, nothing written; only an archive import may be
 * big; parallel bodies share one budget) and the built interface folder (no path out of
 * dist/renderer). The rest of the server's defences: web.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/backend/web.js';
import { type ErrorLike, folderState, journalSize, removeTmpDirs, tmpDir } from './api-cases.js';
import { raw, streamBody } from './web-kit.js';

const MB = 1024 * 1024;

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

describe('body limits with the real sizes', () => {
  it('four oversized bodies at once: 413 each at the limit, and the memory they take stays bounded', async () => {
    const dir = tmpDir('web-parallel');
    const backend = await openBackend({ dataDir: dir });
    const server = await startWebServer({ backend, port: 0 });
    try {
      const state = folderState(dir);
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const answers = await Promise.all([1, 2, 3, 4].map(() => streamBody(server.port, 'outlets.create', server.token, 100 * MB)));
      clearInterval(sampler);
      for (const a of answers) {
        expect(a.status).toBe(413);
        expect(JSON.parse(a.body).error).toEqual({ code: 'too_large', message: 'Запрос слишком большой: больше 31 МБ. Ничего не сохранено.' });
        // Answered at the limit, not after reading all 100 MB.
        expect(a.sent).toBeLessThan(MAX_BODY_BYTES + 16 * MB);
      }
      expect(peak - base).toBeLessThan(4 * MAX_BODY_BYTES + 100 * MB);
      expect(folderState(dir)).toEqual(state);
    } finally {
      await server.close();
      await backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an archive import has a limit of its own; parallel bodies share one budget', () => {
  let dir: string;
  let backend: Backend;
  let server: WebServer;
  beforeAll(async () => {
    dir = tmpDir('web-budget');
    backend = await openBackend({ dataDir: dir });
    server = await startWebServer({ backend, port: 0, maxBodyBytes: 256 * 1024, maxImportBodyBytes: MB, bodyBudgetBytes: 1.5 * MB });
  });
  afterAll(async () => {
    await server.close();
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a body over the ordinary limit reaches system.importArchive (and is judged as an archive); elsewhere it is 413', async () => {
    const state = folderState(dir);
    const base64 = Buffer.alloc(400 * 1024, 7).toString('base64');
    const post = (method: string, input: unknown) =>
      fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: JSON.stringify({ input }) });
    const imported = await post('system.importArchive', { fileName: 'архив.zip', base64 });
    expect(imported.status).toBe(400);
    expect(((await imported.json()) as { error: ErrorLike }).error.message).not.toMatch(/слишком большой/);
    const other = await post('outlets.create', { name: 'Газета', kind: 'tv', notes: base64 });
    expect(other.status).toBe(413);
    expect(((await other.json()) as { error: ErrorLike }).error.message).toBe('Запрос слишком большой: больше 256 КБ. Ничего не сохранено.');
    const tooBig = await post('system.importArchive', { fileName: 'архив.zip', base64: base64.repeat(3) });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: ErrorLike }).error.message).toBe('Запрос слишком большой: больше 1 МБ. Ничего не сохранено.');
    expect(folderState(dir)).toEqual(state);
  });

  it('four imports under the limit at once, together over the budget: the late ones get 503 in Russian, nothing written', async () => {
    const state = folderState(dir);
    const answers = await Promise.all([1, 2, 3, 4].map(() => streamBody(server.port, 'system.importArchive', server.token, 0.9 * MB, { chunkBytes: 64 * 1024, pauseMs: 15 })));
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(2);
    for (const a of busy)
      expect(JSON.parse(a.body).error.message).toBe('Программа уже принимает другие большие запросы: повторите через минуту. Ничего не сохранено.');
    for (const a of answers) expect([400, 503]).toContain(a.status);
    expect(folderState(dir)).toEqual(state);
    // The budget is given back: one import alone goes through to the archive check again.
    expect((await streamBody(server.port, 'system.importArchive', server.token, 0.9 * MB, { chunkBytes: 64 * 1024 })).status).toBe(400);
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
