/**
 * Shared helpers for the browser-mode HTTP tests (web.test.ts, web-limits.test.ts).
 */
import http from 'node:http';
import { TOKEN_HEADER } from '../../electron/backend/web.js';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request exactly as written (fetch would normalise «..» and refuse to set Host). */
export function raw(port: number, opts: { path: string; method?: string; host?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: opts.path,
        method: opts.method ?? 'GET',
        // host '' sends no Host header at all
        setHost: opts.host !== '',
        headers: { ...(opts.host === '' ? {} : { host: opts.host ?? `127.0.0.1:${port}` }), ...opts.headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * POSTs a JSON body of about `bytes` streamed in chunks (no declared length), stopping as soon as the
 * server answers; `sent` is how much went out by then.
 */
export function streamBody(
  port: number,
  method: string,
  token: string,
  bytes: number,
  opts: { chunkBytes?: number; pauseMs?: number } = {},
): Promise<RawResponse & { sent: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, agent: false }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, headers: res.headers, body, sent });
      });
    });
    // The server closes the connection after an early answer: writing on then fails, which is expected.
    req.on('error', (err) => !answered && reject(err));
    const filler = Buffer.alloc(opts.chunkBytes ?? 1024 * 1024, 'A');
    const closed = new Promise((r) => req.once('close', r));
    void (async () => {
      req.write('{"input":{"fileName":"a.zip","name":"Газета","kind":"tv","base64":"');
      while (sent < bytes && !answered && !req.destroyed) {
        sent += filler.length;
        if (!req.write(filler)) await Promise.race([new Promise((r) => req.once('drain', r)), closed]);
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
      }
      if (!answered && !req.destroyed) req.end('"}}');
    })();
  });
}
