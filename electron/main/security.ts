/** URL rules for the Electron shell; plain functions so they are tested without Electron. */
export const APP_ORIGIN = 'app://press-desk';

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'press-desk';
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
