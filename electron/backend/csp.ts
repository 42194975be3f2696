/** The one Content-Security-Policy for the UI, in Electron (app://) and in browser mode. */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Sent as the Content-Security-Policy header (browser mode, and every app:// response). */
export const CONTENT_SECURITY_POLICY = directives.join('; ');

/**
 * The same policy as the <meta http-equiv> tag electron/build.mjs writes into index.html, so the page
 * carries it whatever serves it; a meta tag cannot carry frame-ancestors (browsers ignore it there, with a warning).
 */
export const CONTENT_SECURITY_POLICY_META = directives.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** The placeholder in renderer/index.html that the build replaces with CONTENT_SECURITY_POLICY_META. */
export const CSP_META_PLACEHOLDER = '%PRESS_DESK_CSP%';
