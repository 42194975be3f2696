/** What app://press-desk/ answers (the Electron shell's protocol handler, built without Electron). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appResponse } from '../../electron/main/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/backend/csp.js';

let ui: string;
beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-app-protocol-'));
  ui = path.join(base, 'renderer');
  fs.mkdirSync(path.join(ui, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Пресс-деск</title>');
  fs.writeFileSync(path.join(ui, 'assets', 'index-1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
});

describe('appResponse: every app:// response carries the CSP', () => {
  it('the page and its assets: right type, CSP and nosniff', async () => {
    for (const [url, type] of [
      ['app://press-desk/index.html', 'text/html; charset=utf-8'],
      ['app://press-desk/', 'text/html; charset=utf-8'],
      ['app://press-desk/assets/index-1.js', 'text/javascript; charset=utf-8'],
    ] as const) {
      const res = await appResponse(url, ui);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await appResponse('app://press-desk/assets/index-1.js', ui)).text()).toBe('console.log(1)');
  });

  it('a malformed escape is a 400, not a throw; the answer still carries the CSP', async () => {
    const res = await appResponse('app://press-desk/%E0%A4%A', ui);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('nothing outside the UI folder is served, however the path is spelled', async () => {
    for (const url of ['app://press-desk/..%2fsecret.txt', 'app://press-desk/%2e%2e/secret.txt', 'app://press-desk/..%5csecret.txt', 'app://press-desk/../secret.txt']) {
      const res = await appResponse(url, ui);
      expect(res.status, url).not.toBe(200);
      expect(await res.text()).not.toContain('not for the page');
    }
  });

  it('a missing file is a 404 (not index.html passed off as it)', async () => {
    const res = await appResponse('app://press-desk/assets/missing.js', ui);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
