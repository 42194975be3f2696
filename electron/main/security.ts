/** URL rules and window settings for the Electron shell; plain functions so they are tested without Electron. */
import { domainToUnicode } from 'node:url';

export const APP_ORIGIN = 'app://press-desk';
const APP_HOST = 'press-desk';

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** shell.openExternal only ever gets http(s) links. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

const bareHost = (hostname: string) => hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');

export type ExternalLinkDecision =
  | { action: 'refuse' }
  | { action: 'open'; url: string }
  /** host: as the user reads it (Cyrillic for .рф), with the punycode form in brackets when they differ. */
  | { action: 'confirm'; url: string; host: string };

/**
 * A link leaving the app: anything but http(s) is refused; the organisation's own site (Настройки →
 * Организация, «Официальный сайт»; with or without www.) opens at once; any other host only after the user agrees.
 */
export function externalLinkDecision(url: string, ownSite: string | null | undefined): ExternalLinkDecision {
  if (!isAllowedExternalUrl(url)) return { action: 'refuse' };
  const target = new URL(url);
  let own = '';
  try {
    own = ownSite ? bareHost(new URL(ownSite).hostname) : '';
  } catch {
    own = '';
  }
  // user:password@ in a link is a classic way to disguise where it goes.
  if (own && bareHost(target.hostname) === own && !target.username && !target.password) return { action: 'open', url: target.href };
  const shown = domainToUnicode(target.hostname) || target.hostname;
  return { action: 'confirm', url: target.href, host: shown === target.hostname ? shown : `${shown} (${target.hostname})` };
}

/** The question dialog.showMessageBox asks before a link to another site is opened; button 0 opens it. */
export function externalLinkQuestion(decision: { url: string; host: string }) {
  return {
    type: 'question' as const,
    buttons: ['Открыть в браузере', 'Отмена'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Переход на другой сайт',
    message: `Открыть ссылку на сайт ${decision.host}?`,
    detail: `Ссылка ведёт не на официальный сайт организации, а на ${decision.host}. Открывайте её, только если доверяете этому сайту.\n\n${decision.url}`,
  };
}

/** The renderer's webPreferences: no Node, isolated and sandboxed, no middle-click openings (auxclick). */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  } as const;
}

export type AppPath = { ok: true; rel: string } | { ok: false; status: 400 | 404 };

/**
 * The file an app:// request asks for, relative to the UI folder; never throws. A malformed escape
 * (%E0%A4%A) or any way out of the folder (.., encoded slashes or backslashes, NUL) is a 400.
 */
export function appRequestPath(requestUrl: string): AppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== 'app:' || url.host !== APP_HOST) return { ok: false, status: 404 };
  const raw = url.pathname.split('/').filter(Boolean);
  const segments: string[] = [];
  for (const part of raw) {
    let seg: string;
    try {
      seg = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400 };
    }
    if (seg === '.' || seg === '..' || /[/\\\0:]/.test(seg)) return { ok: false, status: 400 };
    segments.push(seg);
  }
  return { ok: true, rel: segments.length ? segments.join('/') : 'index.html' };
}
