/** URL rules of the Electron shell (plain functions, tested without Electron). */
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  appRequestPath,
  externalLinkDecision,
  externalLinkQuestion,
  isAllowedExternalUrl,
  isAppUrl,
  secureWebPreferences,
} from '../../electron/main/security.js';

describe('isAppUrl: only the app’s own pages may be navigated to', () => {
  it.each([
    [`${APP_ORIGIN}/index.html`, true],
    ['app://press-desk/', true],
    ['app://press-desk', true],
    ['app://press-desk/assets/index.js?x=1#top', true],
    ['app://other/index.html', false],
    ['app://press-desk.evil/index.html', false],
    ['app://press-desk:8080/index.html', false],
    ['app://evil@other/index.html', false],
    ['file:///etc/passwd', false],
    ['file://press-desk/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['http://press-desk/index.html', false],
    ['https://press-desk/index.html', false],
    ['http://127.0.0.1:4817/', false],
    ['about:blank', false],
    ['chrome://settings', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isAppUrl(url)).toBe(ok);
  });
});

describe('isAllowedExternalUrl: shell.openExternal gets http(s) only', () => {
  it.each([
    ['https://aleysk.ru/news', true],
    ['http://aleysk.ru', true],
    ['https://алейск.рф/', true],
    ['https://vk.com/aleysk', true],
    ['HTTPS://VK.COM/', true],
    ['app://press-desk/index.html', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['mailto:press@aleysk.ru', false],
    ['ftp://aleysk.ru/file', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['vbscript:msgbox(1)', false],
    ['//aleysk.ru', false],
    ['', false],
  ])('%s → %s', (url, ok) => {
    expect(isAllowedExternalUrl(url)).toBe(ok);
  });
});

describe('externalLinkDecision: the organisation’s own site opens, any other host is asked about', () => {
  const site = 'https://aleysk.ru';
  it.each([
    ['https://aleysk.ru/news/1', site, 'open'],
    ['http://aleysk.ru/', site, 'open'],
    ['https://www.aleysk.ru/docs', site, 'open'],
    ['https://ALEYSK.RU./', site, 'open'],
    ['https://aleysk.ru/', 'https://www.aleysk.ru/', 'open'],
    ['https://xn--80akmec2b.xn--p1ai/', 'https://алейск.рф', 'open'],
    ['https://vk.com/aleysk', site, 'confirm'],
    ['https://aleysk.ru.evil.com/', site, 'confirm'],
    ['https://news.aleysk.ru/', site, 'confirm'],
    ['https://aleysk.ru@evil.com/', site, 'confirm'],
    ['https://user:pw@aleysk.ru/', site, 'confirm'],
    ['https://aleysk.ru/', '', 'confirm'],
    ['https://aleysk.ru/', null, 'confirm'],
    ['https://aleysk.ru/', 'not a url', 'confirm'],
    ['file:///etc/passwd', site, 'refuse'],
    ['javascript:alert(1)', site, 'refuse'],
    ['mailto:press@aleysk.ru', site, 'refuse'],
    ['', site, 'refuse'],
  ])('%s with site «%s» → %s', (url, own, action) => {
    expect(externalLinkDecision(url, own).action).toBe(action);
  });

  it('names the host as the user reads it, and its punycode form when they differ', () => {
    expect(externalLinkDecision('https://vk.com/aleysk', 'https://aleysk.ru')).toEqual({ action: 'confirm', url: 'https://vk.com/aleysk', host: 'vk.com' });
    const idn = externalLinkDecision('https://алейск.рф/news', 'https://aleysk.ru');
    expect(idn).toMatchObject({ action: 'confirm', host: 'алейск.рф (xn--80akmec2b.xn--p1ai)' });
  });

  it('the question is in Russian, names the host and the address, and defaults to «Отмена»', () => {
    const q = externalLinkQuestion({ url: 'https://vk.com/aleysk', host: 'vk.com' });
    expect(q.message).toBe('Открыть ссылку на сайт vk.com?');
    expect(q.detail).toContain('https://vk.com/aleysk');
    expect(q.buttons[q.defaultId]).toBe('Отмена');
    expect(q.buttons[q.cancelId]).toBe('Отмена');
    expect(q.buttons[0]).toBe('Открыть в браузере');
  });
});

describe('secureWebPreferences: the window’s renderer settings', () => {
  it('isolates and sandboxes the page and disables auxclick (middle-click opening links)', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('appRequestPath: app:// URLs never throw, never leave the UI folder', () => {
  it.each([
    ['app://press-desk/', 'index.html'],
    ['app://press-desk/index.html', 'index.html'],
    ['app://press-desk/assets/index-1.js?v=1#x', 'assets/index-1.js'],
    ['app://press-desk/assets/%D1%84%D0%B0%D0%B9%D0%BB.png', 'assets/файл.png'],
    ['app://press-desk/../../etc/passwd', 'etc/passwd'],
  ])('%s → %s', (url, rel) => {
    expect(appRequestPath(url)).toEqual({ ok: true, rel });
  });

  it.each([
    ['app://press-desk/%E0%A4%A', 400],
    ['app://press-desk/%', 400],
    ['app://press-desk/assets/%zz.js', 400],
    ['app://press-desk/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 400],
    ['app://press-desk/..%2f..%2fetc/passwd', 400],
    ['app://press-desk/..%5c..%5cwindows%5cwin.ini', 400],
    ['app://press-desk/a\\..\\..\\b', 400],
    ['app://press-desk/index.html%00.png', 400],
    ['app://press-desk/C:%5cWindows', 400],
    ['app://other/index.html', 404],
    ['not a url', 400],
  ])('%s → %i', (url, status) => {
    expect(() => appRequestPath(url)).not.toThrow();
    expect(appRequestPath(url)).toEqual({ ok: false, status });
  });
});
