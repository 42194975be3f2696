/**
 * Browser mode over real HTTP: the same contract (bad input → 400 naming the field, nothing written),
 * and the server's own defences: per-run token, Host and Origin checks, loopback only, CSP, no path
 * traversal, no source maps, server-sent events. The body limit and the built interface folder: web-limits.test.ts.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Method } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/csp.js';
import { startWebServer, TOKEN_HEADER, type WebServer } from '../../electron/backend/web.js';
import { badInputs, complaints, type ErrorLike, folderState, journalSize, removeTmpDirs, tmpDir } from './api-cases.js';
import { raw } from './web-kit.js';

afterAll(removeTmpDirs);

const methods = Object.keys(api) as Method[];
const SECRET = 'СЕКРЕТ-ВНЕ-ПАПКИ-ИНТЕРФЕЙСА';

describe('browser mode over HTTP', () => {
  let dir: string;
  let staticRoot: string;
  let staticDir: string;
  let backend: Backend;
  let server: WebServer;
  let base: string;
  let before: Record<string, string>;
  let journalBefore: number;

  const post = (method: string, input: unknown, token: string | null = server.token) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { [TOKEN_HEADER]: token }) },
      body: JSON.stringify({ input }),
    });

  beforeAll(async () => {
    dir = tmpDir('web');
    staticRoot = tmpDir('web-static');
    staticDir = path.join(staticRoot, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Пресс-деск</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js.map'), `{"version":3,"sourcesContent":["${SECRET}"]}`);
    fs.writeFileSync(path.join(staticRoot, 'secret.txt'), SECRET);
    fs.writeFileSync(path.join(staticRoot, 'renderer-secret.txt'), SECRET); // a sibling whose name starts like the folder
    backend = await openBackend({ dataDir: dir });
    server = await startWebServer({ backend, port: 0, staticDir });
    base = `http://127.0.0.1:${server.port}`;
    const created = await post('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
    expect(created.status).toBe(200);
    expect((await post('outlets.create', { name: 'Радио «Алейск FM»', kind: 'radio' })).status).toBe(200);
    // Snapshot now, so no debounced snapshot write lands in the middle of a "nothing written" check.
    await backend.ctx.store.compact();
    before = folderState(dir);
    journalBefore = journalSize(dir);
    expect(journalBefore).toBeGreaterThanOrEqual(0); // the journal exists; any write would grow it
  });
  afterAll(async () => {
    await server.close();
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(staticRoot, { recursive: true, force: true });
  });

  describe('bad input for every method: 400, Russian message naming the field, nothing written', () => {
    for (const method of methods) {
      const cases = badInputs[method] ?? [];
      it(`${method} (${cases.length})`, async () => {
        expect(cases.length).toBeGreaterThan(0);
        for (const c of cases) {
          const res = await post(method, c.input);
          const body = (await res.json()) as { ok: boolean; error: ErrorLike };
          const what = `${method} ${JSON.stringify(c.input).slice(0, 80)}`;
          expect(res.status, what).toBe(400);
          expect(body.ok, what).toBe(false);
          expect(complaints(c, body.error), what).toEqual([]);
          expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        }
        expect(journalSize(dir)).toBe(journalBefore);
        expect(folderState(dir)).toEqual(before);
      });
    }

    it('an unknown method: 404 with a Russian message', async () => {
      for (const name of ['outlets.delete', 'constructor', '__proto__']) {
        const res = await post(name, {});
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ ok: false, error: { code: 'unknown_method', message: `Неизвестный метод «${name}».` } });
      }
      expect(folderState(dir)).toEqual(before);
    });

    it('a body that is not JSON, or not an object: 400 in Russian', async () => {
      const send = (body: string) =>
        fetch(`${base}/api/outlets.create`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' }, body });
      let res = await send('{"input": {"name": "x",');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: ErrorLike }).error.message).toBe('Запрос не является JSON.');
      for (const body of ['null', '[1]', '"текст"', '5']) {
        res = await send(body);
        expect(res.status, body).toBe(400);
        expect(((await res.json()) as { error: ErrorLike }).error.message).toBe('Тело запроса должно быть объектом JSON вида {"input": …}.');
      }
      // no input at all is the same as no fields
      res = await send('{}');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: ErrorLike }).error.message).toBe('Параметры запроса не переданы');
      expect(folderState(dir)).toEqual(before);
    });

    it('GET on a method is refused (405); a malformed escape in the method name is 400, not a crash', async () => {
      let res = await fetch(`${base}/api/outlets.list`, { headers: { [TOKEN_HEADER]: server.token } });
      expect(res.status).toBe(405);
      expect(((await res.json()) as { error: ErrorLike }).error.message).toBe('Методы программы вызываются только запросом POST.');
      res = await fetch(`${base}/api/%E0%A4%A`, { method: 'POST', headers: { [TOKEN_HEADER]: server.token }, body: '{}' });
      expect(res.status).toBe(400);
      expect((await post('outlets.list', {})).status).toBe(200);
    });
  });

  describe('token', () => {
    it('no token: 401, and nothing is written', async () => {
      const res = await post('outlets.create', { name: 'Чужая запись', kind: 'tv' }, null);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { ok: boolean; error: ErrorLike };
      expect(body.error.code).toBe('access_denied');
      expect(body.error.message).toMatch(/^Нет доступа: неверный ключ запуска/);
      expect(folderState(dir)).toEqual(before);
      expect(backend.ctx.store.all('outlets').map((o) => o.name)).not.toContain('Чужая запись');
    });
    it.each([
      ['wrong', 'x'.repeat(32)],
      ['one character off', () => server.token.slice(0, -1) + (server.token.endsWith('A') ? 'B' : 'A')],
      ['a prefix', () => server.token.slice(0, 10)],
      ['longer', () => server.token + 'x'],
      ['empty', ''],
    ] as [string, string | (() => string)][])('%s token: 401, nothing written', async (_name, token) => {
      const res = await post('outlets.create', { name: 'Чужая запись', kind: 'tv' }, typeof token === 'function' ? token() : token);
      expect(res.status).toBe(401);
      expect(folderState(dir)).toEqual(before);
    });
    it('the token in the query string does not open the API (only the events stream takes it there)', async () => {
      const res = await fetch(`${base}/api/outlets.list?token=${server.token}`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(401);
    });
    it('each run gets its own random token', async () => {
      const other = await startWebServer({ backend, port: 0, staticDir });
      try {
        expect(other.token).not.toBe(server.token);
        expect(other.token.length).toBeGreaterThanOrEqual(32);
        expect(other.url).toBe(`http://127.0.0.1:${other.port}/#token=${other.token}`);
      } finally {
        await other.close();
      }
    });
  });

  describe('Host header (DNS rebinding)', () => {
    it.each(['evil.example:PORT', 'evil.example', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT', '127.0.0.1.nip.io:PORT', '[::1]:PORT', ''])(
      'Host «%s» → 403, nothing written',
      async (host) => {
        const res = await raw(server.port, {
          path: '/api/outlets.create',
          method: 'POST',
          host: host.replace('PORT', String(server.port)),
          headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
          body: JSON.stringify({ input: { name: 'Через чужой адрес', kind: 'tv' } }),
        });
        // Node itself answers 400 to a request with no Host at all; every named foreign host gets our 403.
        expect(res.status).toBe(host === '' ? 400 : 403);
        if (host !== '') expect(JSON.parse(res.body).error.message).toMatch(/^Запрос с чужого адреса отклонён/);
        expect(folderState(dir)).toEqual(before);
        const page = await raw(server.port, { path: '/', host: host.replace('PORT', String(server.port)) });
        expect(page.status).toBe(host === '' ? 400 : 403);
      },
    );
    it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT'])('Host «%s» is ours', async (host) => {
      const res = await raw(server.port, { path: '/', host: host.replace('PORT', String(server.port)) });
      expect(res.status).toBe(200);
    });
  });

  describe('Origin header (another site\'s page)', () => {
    it.each(['http://evil.example', 'null', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT', 'http://127.0.0.1.evil.example:PORT', 'file://'])(
      'Origin «%s» → 403 in Russian, nothing written',
      async (origin) => {
        const headers = { origin: origin.replace('PORT', String(server.port)) };
        const res = await raw(server.port, {
          path: '/api/outlets.create',
          method: 'POST',
          headers: { ...headers, [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
          body: JSON.stringify({ input: { name: 'Со страницы чужого сайта', kind: 'tv' } }),
        });
        expect(res.status).toBe(403);
        expect(JSON.parse(res.body).error).toEqual({ code: 'access_denied', message: 'Запрос со страницы другого сайта отклонён: Пресс-деск принимает запросы только от своей страницы.' });
        expect(folderState(dir)).toEqual(before);
        expect((await raw(server.port, { path: `/api/events?token=${server.token}`, headers })).status).toBe(403);
      },
    );
    it.each(['http://127.0.0.1:PORT', 'http://localhost:PORT'])('Origin «%s» is ours (and no Origin at all)', async (origin) => {
      for (const headers of [{ origin: origin.replace('PORT', String(server.port)) }, {}] as Record<string, string>[]) {
        const res = await raw(server.port, { path: '/api/outlets.list', method: 'POST', headers: { ...headers, [TOKEN_HEADER]: server.token }, body: '{"input":{}}' });
        expect(res.status).toBe(200);
      }
    });
  });

  describe('listens on 127.0.0.1 only', () => {
    it('the printed address is the loopback one', () => {
      expect(server.url.startsWith(`http://127.0.0.1:${server.port}/`)).toBe(true);
    });
    const connects = (host: string, port: number) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port });
        socket.setTimeout(1500);
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
        socket.on('timeout', () => {
          socket.destroy();
          resolve(false);
        });
      });
    it('is reachable on 127.0.0.1 and not on any other address of this machine', async () => {
      expect(await connects('127.0.0.1', server.port)).toBe(true);
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((i): i is os.NetworkInterfaceInfo => !!i && !i.internal && i.family === 'IPv4')
        .map((i) => i.address);
      for (const address of [...others, '::1']) expect(await connects(address, server.port), address).toBe(false);
    });
  });

  describe('static files', () => {
    it('index and assets carry the CSP and the other protective headers', async () => {
      for (const p of ['/', '/index.html', '/assets/app.js', '/some/client/route']) {
        const res = await raw(server.port, { path: p });
        expect(res.status, p).toBe(200);
        expect(res.headers['content-security-policy'], p).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
      }
      const js = await raw(server.port, { path: '/assets/app.js' });
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.body).toBe('console.log("app")');
    });
    it("the CSP allows only the app's own scripts", () => {
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|\*)/);
      expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    });
    it.each([
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '//..//secret.txt',
      '/%252e%252e/secret.txt',
      '/..%00/secret.txt',
      '/%00../secret.txt',
      '/../renderer-secret.txt',
      '/..%2frenderer-secret.txt',
      '/%2f..%2fsecret.txt',
    ])('%s never serves a file outside the interface folder', async (p) => {
      const res = await raw(server.port, { path: p });
      expect(res.body).not.toContain(SECRET);
      expect([200, 400]).toContain(res.status);
    });
    it.each(['/assets/app.js.map', '/assets/APP.JS.MAP', '/assets/app.js.map/', '/assets/app.js%2emap', '/assets/missing.js.map'])('source map %s → 404, never its content', async (p) => {
      const res = await raw(server.port, { path: p });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
      expect(JSON.parse(res.body).error.message).toBe('Файл не найден.');
    });
    it('a malformed escape is 400, and the server keeps serving', async () => {
      const res = await raw(server.port, { path: '/%E0%A4%A' });
      expect(res.status).toBe(400);
      expect((await raw(server.port, { path: '/' })).status).toBe(200);
      expect((await post('outlets.list', {})).status).toBe(200);
    });
  });

  describe('server-sent events', () => {
    async function openEvents(token: string) {
      const controller = new AbortController();
      const res = await fetch(`${base}/api/events?token=${encodeURIComponent(token)}`, { signal: controller.signal });
      return { res, controller };
    }
    it('a «saved» event arrives after a write', async () => {
      const { res, controller } = await openEvents(server.token);
      try {
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/event-stream');
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let text = '';
        const first = await reader.read();
        text += decoder.decode(first.value);
        expect(text).toContain(': connected');
        const seqBefore = backend.ctx.store.currentSeq;
        const created = await post('outlets.create', { name: 'Телеканал «Алейск-ТВ»', kind: 'tv' });
        expect(created.status).toBe(200);
        const deadline = Date.now() + 5000;
        while (!/event: saved\ndata: .*\n\n/.test(text) && Date.now() < deadline) {
          const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in 5 s')), 5000))]);
          if (chunk.done) break;
          text += decoder.decode(chunk.value);
        }
        const match = /event: saved\ndata: (.*)\n\n/.exec(text);
        expect(match).not.toBeNull();
        const payload = JSON.parse(match![1]!) as { seq: number; at: string };
        expect(payload.seq).toBeGreaterThan(seqBefore);
        expect(Number.isNaN(Date.parse(payload.at))).toBe(false);
      } finally {
        controller.abort();
        await backend.ctx.store.compact();
        before = folderState(dir);
        journalBefore = journalSize(dir);
      }
    });
    it('without the token, or with a wrong one: 401', async () => {
      for (const token of ['', 'wrong']) {
        const res = await fetch(`${base}/api/events${token ? `?token=${token}` : ''}`);
        expect(res.status).toBe(401);
      }
    });
  });

  describe('read-only folder over HTTP', () => {
    it('writes answer 409 with the read-only message naming the holder; reads answer 200', async () => {
      const second = await openBackend({ dataDir: dir });
      const ro = await startWebServer({ backend: second, port: 0, staticDir });
      try {
        const res = await fetch(`http://127.0.0.1:${ro.port}/api/outlets.create`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: ro.token },
          body: JSON.stringify({ input: { name: 'Новое', kind: 'tv' } }),
        });
        expect(res.status).toBe(409);
        const body = (await res.json()) as { error: ErrorLike };
        expect(body.error.code).toBe('read_only');
        expect(body.error.message).toContain(`Папку данных сейчас использует ${os.userInfo().username} на компьютере ${os.hostname()}`);
        const list = await fetch(`http://127.0.0.1:${ro.port}/api/outlets.list`, { method: 'POST', headers: { [TOKEN_HEADER]: ro.token }, body: '{}' });
        expect(list.status).toBe(200);
        expect(folderState(dir)).toEqual(before);
      } finally {
        await ro.close();
        await second.close();
      }
    });
  });

  it('an absolute path, plain or encoded, stays inside the interface folder', async () => {
    for (const p of ['/' + encodeURIComponent(path.join(staticRoot, 'secret.txt')), '/' + path.join(staticRoot, 'secret.txt'), '/%2f' + encodeURIComponent(path.join(staticRoot, 'secret.txt').slice(1))]) {
      const res = await raw(server.port, { path: p });
      expect(res.body, p).not.toContain(SECRET);
    }
  });
});
