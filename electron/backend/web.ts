/**
 * Browser mode: the same handler table over HTTP, for tests and machines without Electron.
 * Listens on 127.0.0.1 only; every API call must carry this run's random token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend, type Backend } from './app.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { resolveDataDir } from './paths.js';

export const TOKEN_HEADER = 'x-press-desk-token';
const MAX_BODY = 400 * 1024 * 1024; // an imported archive travels as base64
const statusFor: Record<string, number> = { validation: 400, not_found: 404, unknown_method: 404, read_only: 409, conflict: 409, internal: 500 };
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too_large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function defaultStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'renderer'), path.join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const rel = decodeURIComponent(urlPath.split('?')[0]!).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(staticDir, rel);
  const inside = file.startsWith(path.resolve(staticDir) + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticDir, 'index.html');
  if (!fs.existsSync(target)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Интерфейс не собран: выполните npm run build.');
    return;
  }
  res.writeHead(200, {
    'content-type': mimeTypes[path.extname(target)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}

export async function startWebServer(opts: { backend: Backend; port?: number; staticDir?: string; token?: string }): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticDir = opts.staticDir ?? defaultStaticDir();
  const streams = new Set<http.ServerResponse>();
  let port = opts.port ?? 0;

  const unsubscribe = opts.backend.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    streams.forEach((s) => s.write(frame));
  });

  const server = http.createServer(async (req, res) => {
    // DNS rebinding: only our own host names may address this server.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { ok: false, error: { code: 'internal', message: 'Запрос с чужого адреса отклонён.' } });
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, { ok: false, error: { code: 'internal', message: 'Нет доступа: неверный ключ запуска.' } });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'internal', message: 'Только POST.' } });
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
        return send(res, 401, { ok: false, error: { code: 'internal', message: 'Нет доступа: неверный ключ запуска. Откройте адрес, который напечатал сервер.' } });
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? (JSON.parse(body) as { input?: unknown }).input : undefined;
      } catch (err) {
        const tooLarge = (err as Error).message === 'too_large';
        return send(res, tooLarge ? 413 : 400, {
          ok: false,
          error: { code: 'validation', message: tooLarge ? 'Запрос слишком большой (больше 400 МБ).' : 'Запрос не является JSON.' },
        });
      }
      const outcome = await opts.backend.invoke(decodeURIComponent(url.pathname.slice('/api/'.length)), input);
      return send(res, outcome.ok ? 200 : (statusFor[outcome.error.code] ?? 500), outcome);
    }

    if (req.method !== 'GET') return send(res, 405, { ok: false, error: { code: 'internal', message: 'Метод не поддерживается.' } });
    serveStatic(staticDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        streams.forEach((s) => s.end());
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const DEFAULT_PORT = 4817;

/** `node dist/web.mjs [--port N] [--data-dir DIR]` */
export async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  const port = Number(argValue('--port') ?? process.env.PORT ?? DEFAULT_PORT);
  const backend = await openBackend({ dataDir, backups: true });
  const server = await startWebServer({ backend, port, token: process.env.PRESS_DESK_TOKEN || undefined });
  const status = backend.ctx.store;
  console.log(`Пресс-деск, браузерный режим: ${server.url}`);
  console.log(`Папка данных: ${dataDir}${status.readOnly ? ' (только чтение: папку использует другая копия программы)' : ''}`);
  const stop = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((err) => {
    console.error(`Не удалось запустить: ${(err as Error).message}`);
    process.exit(1);
  });
}
