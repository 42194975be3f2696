/**
 * Shared helpers for the browser-mode HTTP tests (web.test.ts, web-limits.test.ts).
 */
import http from 'node:http';

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
