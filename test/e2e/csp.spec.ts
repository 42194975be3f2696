/**
 * The built page carries its Content-Security-Policy in a <meta> tag, whatever serves it: in Electron
 * the app:// handler adds the header too, in browser mode the server does; both come from csp.ts.
 */
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../electron/backend/csp';
import { expect, test } from './fixtures';

test('index.html carries the CSP meta tag and the server the same policy as a header', async ({ page, server }) => {
  const response = await page.goto(server.url);
  expect(response!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CONTENT_SECURITY_POLICY_META);
  expect(CONTENT_SECURITY_POLICY_META).toContain("script-src 'self'");
  expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
  // The app still loads and runs under it (the welcome form of an empty folder).
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
});
