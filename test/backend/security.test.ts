/** URL rules of the Electron shell (plain functions, tested without Electron). */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAllowedExternalUrl, isAppUrl } from '../../electron/main/security.js';

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
