/**
 * Loopback servers for the sync fault tests, in front of the REAL WordPress (never instead of it):
 * a proxy that can go down and come back, answer 500 or HTML, hang, or forward a request and drop
 * its answer; a site that is not WordPress; an HTTPS server with a self-signed certificate.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type ProxyMode = 'forward' | 'drop-response' | 'forward-hang' | '500' | 'html' | 'hang';

export interface ProxyRequest {
  method: string;
  /** The REST route asked for (from ?rest_route=), e.g. /wp/v2/posts. */
  route: string;
}

export interface SiteProxy {
  url: string;
  /** Decides per request; default: forward everything. */
  rule: (req: ProxyRequest) => ProxyMode;
  /** Requests seen, in order. */
  seen: ProxyRequest[];
  /** Stops listening and cuts open connections: the site is «down». */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

function track(server: http.Server | https.Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

const listen = (server: http.Server | https.Server, port = 0) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

const closeServer = (server: http.Server | https.Server, sockets: Set<Socket>) =>
  new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });

export async function siteProxy(target: string): Promise<SiteProxy> {
  const to = new URL(target);
  const hung: http.ServerResponse[] = [];
  const proxy: SiteProxy = {
    url: '',
    rule: () => 'forward',
    seen: [],
    down: async () => closeServer(server, sockets),
    up: async () => void (await listen(server, port)),
    close: async () => {
      hung.forEach((r) => r.destroy());
      await closeServer(server, sockets);
    },
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const seen = { method: req.method ?? 'GET', route: url.searchParams.get('rest_route') ?? url.pathname };
    proxy.seen.push(seen);
    const mode = proxy.rule(seen);
    if (mode === '500') {
      req.resume();
      return void res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body><h1>Internal Server Error</h1></body></html>');
    }
    if (mode === 'html') {
      req.resume();
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><body><h1>Сайт на обслуживании</h1></body></html>');
    }
    if (mode === 'hang') {
      req.resume();
      return void hung.push(res);
    }
    const upstream = http.request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
      (up) => {
        if (mode === 'forward-hang') {
          // The site did the work; the answer is held back until the proxy closes.
          up.resume();
          hung.push(res);
          return;
        }
        if (mode === 'drop-response') {
          // The site did the work; the answer never reaches the app.
          up.resume();
          up.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const sockets = track(server);
  const port = await listen(server);
  proxy.url = `http://127.0.0.1:${port}`;
  return proxy;
}

/** Answers every request with an ordinary web page (a site that is not WordPress). */
export async function htmlSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>Магазин</title></head><body>Добро пожаловать</body></html>');
  });
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server, sockets) };
}

/** HTTPS with a self-signed certificate (made with openssl); answers like WordPress would, if it were trusted. */
export async function selfSignedSite(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) }, (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ namespaces: ['wp/v2'], gmt_offset: 0, timezone_string: '' }));
  });
  const sockets = track(server);
  const port = await listen(server);
  return {
    url: `https://127.0.0.1:${port}`,
    close: async () => {
      await closeServer(server, sockets);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
