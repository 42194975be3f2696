/**
 * What app://press-desk/… answers: the built UI's files with the CSP and the other protective
 * headers on every response, errors included. No Electron here: main.ts hands it to protocol.handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../backend/csp.js';
import { appRequestPath } from './security.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function appHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

const refuse = (status: 400 | 404) =>
  new Response(status === 400 ? 'Неверный адрес' : 'Не найдено', { status, headers: appHeaders('text/plain; charset=utf-8') });

/** The response to one app:// request, served from rendererDir only; never throws. */
export async function appResponse(requestUrl: string, rendererDir: string): Promise<Response> {
  const asked = appRequestPath(requestUrl);
  if (!asked.ok) return refuse(asked.status);
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, asked.rel);
  if (!file.startsWith(root + path.sep)) return refuse(400);
  let body: Buffer;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return refuse(404);
  }
  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(new Uint8Array(body), { status: 200, headers: appHeaders(type) });
}
