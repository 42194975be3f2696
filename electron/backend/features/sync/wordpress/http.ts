/**
 * Requests to a WordPress REST API, with every failure turned into a SiteError with Russian words.
 * Routes always go through `?rest_route=` — it works with and without pretty permalinks.
 * The password goes only into the Authorization header; it is never part of a message.
 */
import { SiteError } from '../adapter.js';

export interface WpConn {
  url: string;
  user: string;
  password: string;
  timeoutMs: number;
  /** Aborts every request of this connection (the app is closing). */
  signal?: AbortSignal;
}

export interface WpResponse<T = any> {
  status: number;
  headers: Headers;
  data: T;
}

export interface WpRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  body?: Buffer;
  headers?: Record<string, string>;
  auth?: boolean;
  signal?: AbortSignal;
  /** Overrides the connection's timeout (photo uploads get longer). */
  timeoutMs?: number;
}

/** The site's base address: what the user typed, without a trailing /wp-json… or /wp-admin… part. */
export function siteBase(url: string): string {
  const u = new URL(url.trim());
  u.hash = '';
  u.search = '';
  u.pathname = u.pathname.replace(/\/(wp-json|wp-admin|index\.php)(\/.*)?$/, '').replace(/\/+$/, '');
  return u.toString().replace(/\/+$/, '');
}

export function routeUrl(conn: Pick<WpConn, 'url'>, route: string, query: WpRequest['query'] = {}): string {
  const params = new URLSearchParams({ rest_route: route });
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  return `${siteBase(conn.url)}/?${params.toString()}`;
}

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|HOSTNAME_MISMATCH|SSL/i;

function networkError(err: unknown, conn: WpConn): SiteError {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError')
    return new SiteError('timeout', `Сайт не ответил за ${Math.round(conn.timeoutMs / 1000)} с. Повторим позже.`);
  if (e.name === 'AbortError') return new SiteError('cancelled', 'Отменено.');
  const code = e.cause?.code ?? '';
  const detail = `${code} ${e.cause?.message ?? e.message ?? ''}`;
  if (CERT_CODES.test(detail))
    return new SiteError(
      'certificate',
      `Ошибка сертификата сайта (${code || 'TLS'}): соединение небезопасно, поэтому данные не отправлены. Попросите администратора сайта обновить сертификат HTTPS.`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SiteError('unreachable', `Сайт не найден: адрес ${new URL(conn.url).host} не существует или нет интернета.`);
  return new SiteError('unreachable', `Сайт недоступен (${code || 'нет соединения'}). Отправим, когда связь появится.`);
}

function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}

/** WordPress's error body: { code, message, data: { status } }. */
function wpMessage(data: unknown): { code: string; message: string } {
  const d = data as { code?: unknown; message?: unknown } | null;
  return { code: typeof d?.code === 'string' ? d.code : '', message: typeof d?.message === 'string' ? d.message.replace(/<[^>]+>/g, '') : '' };
}

export async function wpRequest<T = any>(conn: WpConn, route: string, req: WpRequest = {}): Promise<WpResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  if (req.auth !== false) headers.authorization = `Basic ${Buffer.from(`${conn.user}:${conn.password}`).toString('base64')}`;
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(req.json);
  } else if (req.body) body = new Uint8Array(req.body);
  const timeoutMs = req.timeoutMs ?? conn.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signals = [timeout, req.signal, conn.signal].filter((x): x is AbortSignal => !!x);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : timeout;
  let res: Response;
  let text: string;
  try {
    // Redirects are not followed: a POST redirected from http:// to https:// would arrive as a GET.
    res = await fetch(routeUrl(conn, route, req.query), { method: req.method ?? 'GET', headers, body, signal, redirect: 'manual' });
    text = await res.text();
  } catch (err) {
    if (req.signal?.aborted || conn.signal?.aborted) throw new SiteError('cancelled', 'Отменено.');
    throw networkError(err, { ...conn, timeoutMs });
  }
  if (res.status >= 300 && res.status < 400) {
    const to = res.headers.get('location') ?? '';
    let where = to;
    try {
      where = new URL(to, conn.url).origin;
    } catch {
      // keep the raw header
    }
    throw new SiteError('rejected', `Сайт перенаправляет запросы на ${where || 'другой адрес'} (код ${res.status}). Укажите в Настройки → Сайт адрес ${where || 'сайта'} — без перенаправления.`, res.status);
  }
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    if (res.status >= 500) throw new SiteError('server', `Ошибка на сайте (код ${res.status}). Повторим позже.`, res.status);
    throw new SiteError(
      'badResponse',
      looksLikeHtml(text)
        ? `Сайт ответил веб-страницей (HTML) вместо данных REST API WordPress (код ${res.status}). Проверьте адрес сайта; возможно, REST API закрыт плагином защиты или кеширования.`
        : `Сайт прислал непонятный ответ (код ${res.status}) вместо данных REST API WordPress.`,
      res.status,
    );
  }
  if (res.ok) return { status: res.status, headers: res.headers, data: data as T };
  const wp = wpMessage(data);
  const said = wp.message ? ` Сайт сообщает: «${wp.message}».` : '';
  if (res.status === 401)
    throw new SiteError('auth', `Неверное имя пользователя или пароль приложения (сайт ответил 401).${said} Проверьте их в Настройки → Сайт.`, 401);
  if (res.status === 403)
    throw new SiteError('forbidden', `Недостаточно прав: пользователю «${conn.user}» сайт не разрешает это действие (403).${said}`, 403);
  if (res.status === 404 && wp.code === 'rest_no_route')
    throw new SiteError('notWordPress', `По этому адресу нет REST API WordPress (${wp.code}). Проверьте адрес сайта.`, 404);
  if (res.status === 404 || res.status === 410) throw new SiteError('notFound', `Запись не найдена на сайте (возможно, удалена).${said}`, res.status);
  if (res.status >= 500) throw new SiteError('server', `Ошибка на сайте (код ${res.status}).${said} Повторим позже.`, res.status);
  throw new SiteError('rejected', `Сайт отклонил запрос (код ${res.status}).${said}`, res.status);
}
