/**
 * Browser mode: the same handler table over HTTP, for tests and machines without Electron.
 * Listens on 127.0.0.1 only; every API call must carry this run's random token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend, type Backend } from './app.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import type { ErrorCode } from './errors.js';
import { MAX_ATTACHMENT_BYTES } from './features/contracts/schema.js';
import { PHOTO_MAX_BYTES } from './features/releases/inputs.js';
import { ImportInput } from './features/system/schema.js';
import { resolveDataDir } from './paths.js';

export const TOKEN_HEADER = 'x-press-desk-token';
const MB = 1024 * 1024;
const IMPORT_METHOD = 'system.importArchive';
const EARLY_ANSWER_LINGER_MS = 2000;
/**
 * Body limits from the largest legitimate requests plus 4 MB for the JSON around the file: an archive
 * import (its base64 is at most 300 MB, system/schema.ts) → 304 MB for that one method; for every
 * other method a 20 MB photo or contract scan as base64 (≈ 26.7 MB) → ≈ 30.7 MB.
 */
export const MAX_IMPORT_BODY_BYTES = ImportInput.shape.base64.maxLength! + 4 * MB;
export const MAX_BODY_BYTES = Math.ceil(Math.max(PHOTO_MAX_BYTES, MAX_ATTACHMENT_BYTES) / 3) * 4 + 4 * MB;
/** Bodies held at once, all requests together: one archive and one ordinary request (four parallel imports must not take 1,2 ГБ). */
export const BODY_BUDGET_BYTES = MAX_IMPORT_BODY_BYTES + MAX_BODY_BYTES;
const statusFor: Record<string, number> = {
  validation: 400,
  not_found: 404,
  unknown_method: 404,
  read_only: 409,
  conflict: 409,
  access_denied: 401,
  too_large: 413,
  internal: 500,
};
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

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(JSON.stringify(body));
}

const fail = (res: http.ServerResponse, status: number, code: ErrorCode, message: string, headers?: Record<string, string>) =>
  send(res, status, { ok: false, error: { code, message } }, headers);

/** 400 МБ, 64 КБ */
function sizeText(bytes: number): string {
  const mb = 1024 * 1024;
  return bytes >= mb ? `${Math.round(bytes / mb).toLocaleString('ru-RU')} МБ` : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ru-RU')} КБ`;
}

class BodyTooLarge extends Error {}
class BodyBudgetSpent extends Error {}

/** Bytes of request bodies held right now, shared by all requests; `mine` is what one request took. */
interface BodyHold {
  budget: { held: number; max: number };
  mine: number;
}

/** Reads the body up to `limit` bytes and within the shared budget; past either it keeps no more bytes (the caller answers and closes). */
function readBody(req: http.IncomingMessage, limit: number, hold: BodyHold): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    let chunks: Buffer[] = [];
    let over = false;
    const stop = (err: Error) => {
      over = true;
      chunks = [];
      reject(err);
    };
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      if (hold.mine + chunk.length > limit) return stop(new BodyTooLarge());
      if (hold.budget.held + chunk.length > hold.budget.max) return stop(new BodyBudgetSpent());
      hold.mine += chunk.length;
      hold.budget.held += chunk.length;
      chunks.push(chunk);
    });
    req.on('end', () => {
      const whole = Buffer.concat(chunks);
      chunks = [];
      resolve(whole.toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * After an early answer (413, 503) the client may still be sending: closing at once with bytes unread
 * resets the connection, and the client can lose the answer. So Node's close after the answer only
 * half-closes; what still arrives is read and dropped (never kept) for a moment, then the socket goes.
 */
function lingerThenClose(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), EARLY_ANSWER_LINGER_MS).unref();
  };
}

/** decodeURIComponent that answers null instead of throwing on a malformed escape («%E0%A4%A»). */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function defaultStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'renderer'), path.join(here, '..', '..', 'dist', 'renderer')];
  // A folder being rebuilt has no index.html for a moment: still prefer the one that exists.
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0]!;
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const decoded = decodePath(urlPath.split('?')[0]!);
  if (decoded === null || decoded.includes('\0')) return fail(res, 400, 'validation', 'Неверный адрес.');
  const rel = decoded.replace(/^[\\/]+/, '') || 'index.html';
  const file = path.resolve(staticDir, rel);
  const inside = file.startsWith(path.resolve(staticDir) + path.sep);
  const found = inside && fs.existsSync(file) && fs.statSync(file).isFile();
  // Only the page's own kinds of file: never a source map (kept in dist/ for reading stack traces) or whatever else lies there.
  if (/\.map$/i.test(file) || (found && !mimeTypes[path.extname(file).toLowerCase()])) return fail(res, 404, 'not_found', 'Файл не найден.');
  const target = found ? file : path.join(staticDir, 'index.html');
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

export interface WebServerOptions {
  backend: Backend;
  port?: number;
  staticDir?: string;
  token?: string;
  /** Largest request body accepted (bytes); bigger ones get 413. */
  maxBodyBytes?: number;
  /** The same for system.importArchive. */
  maxImportBodyBytes?: number;
  /** All bodies being read at once together; past it 503. */
  bodyBudgetBytes?: number;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticDir = opts.staticDir ?? defaultStaticDir();
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxImportBody = opts.maxImportBodyBytes ?? MAX_IMPORT_BODY_BYTES;
  const budget = { held: 0, max: opts.bodyBudgetBytes ?? BODY_BUDGET_BYTES };
  const streams = new Set<http.ServerResponse>();
  let port = opts.port ?? 0;

  const unsubscribe = opts.backend.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    streams.forEach((s) => s.write(frame));
  });

  /** Reads one API call's body and answers it; the body's bytes count against the budget until the answer. */
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, method: string, limit: number, hold: BodyHold): Promise<void> => {
    let body: string;
    try {
      body = await readBody(req, limit, hold);
    } catch (err) {
      if (!(err instanceof BodyTooLarge || err instanceof BodyBudgetSpent)) throw err;
      // Answer now; what the client still sends is read and dropped for a moment, then the connection is cut
      // (cutting it at once, with bytes unread, resets the connection and the client may never see the answer).
      lingerThenClose(req.socket);
      if (err instanceof BodyTooLarge) return fail(res, 413, 'too_large', `Запрос слишком большой: больше ${sizeText(limit)}. Ничего не сохранено.`);
      return fail(res, 503, 'too_large', 'Программа уже принимает другие большие запросы: повторите через минуту. Ничего не сохранено.', { 'retry-after': '60' });
    }
    let input: unknown;
    if (body.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return fail(res, 400, 'validation', 'Запрос не является JSON.');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return fail(res, 400, 'validation', 'Тело запроса должно быть объектом JSON вида {"input": …}.');
      input = (parsed as { input?: unknown }).input;
    }
    const outcome = await opts.backend.invoke(method, input);
    return send(res, outcome.ok ? 200 : (statusFor[outcome.error.code] ?? 500), outcome);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // DNS rebinding: only our own host names may address this server.
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return fail(res, 403, 'access_denied', 'Запрос с чужого адреса отклонён: откройте Пресс-деск по адресу, который напечатал сервер.');
    // A page of another site (or a sandboxed frame, «null») must not reach the app, token or not.
    const origin = req.headers.origin?.toLowerCase();
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
      return fail(res, 403, 'access_denied', 'Запрос со страницы другого сайта отклонён: Пресс-деск принимает запросы только от своей страницы.');
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) return fail(res, 401, 'access_denied', 'Нет доступа: неверный ключ запуска.');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(res, 405, 'validation', 'Методы программы вызываются только запросом POST.', { allow: 'POST' });
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
        return fail(res, 401, 'access_denied', 'Нет доступа: неверный ключ запуска. Откройте адрес, который напечатал сервер.');
      const method = decodePath(url.pathname.slice('/api/'.length));
      if (method === null) return fail(res, 400, 'validation', 'Неверное имя метода в адресе.');
      const hold: BodyHold = { budget, mine: 0 };
      try {
        return await answer(req, res, method, method === IMPORT_METHOD ? maxImportBody : maxBody, hold);
      } finally {
        budget.held -= hold.mine;
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'validation', 'Метод не поддерживается.', { allow: 'GET' });
    serveStatic(staticDir, url.pathname, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[press-desk] web request failed:', err);
      fail(res, 500, 'internal', `Внутренняя ошибка: ${(err as Error).message}`);
    });
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
  const backend = await openBackend({ dataDir, backups: true, syncWorker: true });
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
