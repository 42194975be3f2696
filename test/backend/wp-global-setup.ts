/**
 * Vitest globalSetup: makes the real WordPress (../shared/wordpress/start.sh) available to the sync
 * tests. When WP_URL is already set (e.g. `eval "$(../shared/wordpress/start.sh)"` in .ci/run) it is
 * used as is; otherwise start.sh is run once. If that fails, the WordPress tests skip with the reason —
 * except under CI=true, where a missing WordPress fails the run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export interface WpInfo {
  url: string;
  user: string;
  password: string;
  /** Why the WordPress tests cannot run (then url/user/password are empty). */
  skip: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    wp: WpInfo;
  }
}

function parse(output: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of output.matchAll(/^(\w+)=('([^']*)'|(\S*))$/gm)) out[m[1]!] = m[3] ?? m[4] ?? '';
  return out;
}

/**
 * A WordPress that start.sh already runs here: add an application password of our own for the editor
 * (start.sh would rotate the editor's only one and break whoever else is using it right now).
 */
function ownPassword(): WpInfo | null {
  const dir = process.env.WP_DIR ?? '/tmp/press-wordpress';
  const port = process.env.WP_PORT ?? '8089';
  const url = `http://127.0.0.1:${port}`;
  if (!fs.existsSync(path.join(dir, 'www', 'wp-load.php')) || !fs.existsSync(path.join(dir, 'php.pid'))) return null;
  try {
    execFileSync('curl', ['-fsS', '-m', '5', '-o', '/dev/null', `${url}/?rest_route=/`]);
    const php = `$_SERVER["HTTP_HOST"] = getenv("HTTP_HOST"); require "wp-load.php";
      $u = get_user_by("login", "editor"); if (!$u) exit(1);
      foreach (WP_Application_Passwords::get_user_application_passwords($u->ID) as $p) if ($p["name"] === "press-desk vitest") WP_Application_Passwords::delete_application_password($u->ID, $p["uuid"]);
      [$pw] = WP_Application_Passwords::create_new_application_password($u->ID, ["name" => "press-desk vitest"]); echo $pw;`;
    const password = execFileSync('php', ['-r', php], { cwd: path.join(dir, 'www'), env: { ...process.env, HTTP_HOST: `127.0.0.1:${port}` }, encoding: 'utf8' }).trim();
    return password ? { url, user: 'editor', password, skip: null } : null;
  } catch {
    return null;
  }
}

/** WP_URL…, else a WordPress already running here (own app password), else start.sh; or why not. */
export function findWordPress(): WpInfo {
  const root = path.resolve(new URL('../..', import.meta.url).pathname);
  if (process.env.WP_URL && process.env.WP_USER && process.env.WP_APP_PASSWORD)
    return { url: process.env.WP_URL, user: process.env.WP_USER, password: process.env.WP_APP_PASSWORD, skip: null };
  const running = ownPassword();
  if (running) return running;
  const script = path.resolve(root, '../shared/wordpress/start.sh');
  try {
    if (!fs.existsSync(script)) throw new Error(`нет ${script}`);
    const vars = parse(execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 }));
    if (!vars.WP_URL || !vars.WP_APP_PASSWORD) throw new Error('start.sh не напечатал WP_URL / WP_APP_PASSWORD');
    return { url: vars.WP_URL, user: vars.WP_USER ?? 'editor', password: vars.WP_APP_PASSWORD, skip: null };
  } catch (err) {
    const reason = `WordPress for the sync tests is not available (${(err as Error).message.split('\n')[0]}); run ../shared/wordpress/start.sh`;
    if (process.env.CI === 'true') throw new Error(reason);
    return { url: '', user: '', password: '', skip: reason };
  }
}

export default function setup(project: TestProject): void {
  project.provide('wp', findWordPress());
}
