/**
 * WordPress from the inside, for the sync tests and the benchmark (no vitest here): PHP with
 * WordPress loaded, run against the site's folder as ../shared/wordpress/start.sh does (WP_DIR,
 * default /tmp/press-wordpress) — to make many posts fast, users with a given role, and to clean up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const WP_DIR = process.env.WP_DIR ?? '/tmp/press-wordpress';

const LOCK = path.join(os.tmpdir(), 'press-desk-wp-tests.lock');

/** Waits until no other test file (or the benchmark) holds WordPress (a stale lock of a dead process is taken over). */
export async function lockWordPress(): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      const pid = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8').trim() || 0);
      let alive = pid > 0;
      try {
        if (alive) process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive) fs.rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}


/** Runs PHP with WordPress loaded (as start.sh does); `code` may echo a result. */
export function php(code: string, siteUrl = process.env.WP_URL ?? 'http://127.0.0.1:8089'): string {
  const port = new URL(siteUrl).port || '80';
  return execFileSync('php', ['-r', `$_SERVER["HTTP_HOST"] = getenv("HTTP_HOST"); require "wp-load.php"; ${code}`], {
    cwd: path.join(WP_DIR, 'www'),
    env: { ...process.env, HTTP_HOST: `127.0.0.1:${port}` },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

/** Deletes (for good) every post whose slug starts with `prefix`, and media attached to them. */
export function deletePostsWithSlugPrefix(prefix: string): number {
  return Number(
    php(`global $wpdb; $ids = $wpdb->get_col($wpdb->prepare("SELECT ID FROM $wpdb->posts WHERE post_name LIKE %s AND post_type = 'post'", $wpdb->esc_like(${JSON.stringify(prefix)}) . '%'));
      foreach ($ids as $id) { foreach (get_attached_media('', $id) as $m) wp_delete_attachment($m->ID, true); $t = get_post_thumbnail_id($id); if ($t) wp_delete_attachment($t, true); wp_delete_post($id, true); }
      echo count($ids);`),
  );
}

/**
 * How many posts (any status but trash) the site holds for each release: slugs pd-<id> and anything
 * WordPress made of a repeated one (pd-<id>-2…) — a duplicate cannot hide behind a suffix.
 */
export function postCounts(releaseIds: string[]): Record<string, number> {
  const names: string[] = JSON.parse(php(`global $wpdb; echo json_encode($wpdb->get_col("SELECT post_name FROM $wpdb->posts WHERE post_type = 'post' AND post_status <> 'trash' AND post_name LIKE 'pd-%'"));`));
  return Object.fromEntries(releaseIds.map((id) => [id, names.filter((n) => n === `pd-${id}` || n.startsWith(`pd-${id}-`)).length]));
}

/**
 * Makes `n` published posts straight in WordPress (one PHP process, fast), slugs `${prefix}-${i}`:
 * every 5th with an <img>, every 7th with a Rutube iframe, every 11th with an [embed] of YouTube,
 * every 13th with a featured image id, every 3rd in `categoryId` (when given). With `backdateHours`,
 * their modified time is moved back (an old site), so a later incremental pull skips them. Written
 * as the admin (unfiltered_html), as a webmaster embeds video.
 */
export function createPosts(n: number, prefix: string, opts: { categoryId?: number; backdateHours?: number } = {}): void {
  php(`wp_set_current_user(1); wp_defer_term_counting(true); wp_suspend_cache_invalidation(true);
    $cat = ${opts.categoryId ?? 0};
    for ($i = 0; $i < ${n}; $i++) {
      $c = "<p>Новость номер $i о жизни города.</p>";
      if ($i % 5 == 0) $c .= '<figure><img src="http://example.test/p.jpg" alt=""></figure>';
      if ($i % 7 == 0) $c .= '<iframe src="https://rutube.ru/play/embed/123"></iframe>';
      if ($i % 11 == 0) $c .= '[embed]https://www.youtube.com/watch?v=abc[/embed]';
      $id = wp_insert_post(["post_title" => "Новость $i", "post_name" => "${prefix}-$i", "post_status" => "publish", "post_content" => $c,
        "post_date_gmt" => gmdate("Y-m-d H:i:s", time() - 86400 * ($i % 300)), "post_category" => ($cat && $i % 3 == 0) ? [$cat] : []]);
      if ($i % 13 == 0) update_post_meta($id, "_thumbnail_id", 424242);
    }
    wp_defer_term_counting(false);
    ${opts.backdateHours ? `global $wpdb; $wpdb->query($wpdb->prepare("UPDATE $wpdb->posts SET post_modified = DATE_SUB(post_modified, INTERVAL ${opts.backdateHours} HOUR), post_modified_gmt = DATE_SUB(post_modified_gmt, INTERVAL ${opts.backdateHours} HOUR) WHERE post_name LIKE %s", $wpdb->esc_like("${prefix}-") . "%"));` : ''}`);
}

/** Deletes media (uploaded photos) and terms the tests made. */
export function deleteMedia(ids: number[]): void {
  if (ids.length) php(`foreach (${JSON.stringify(ids)} as $id) wp_delete_attachment($id, true);`);
}
export function deleteTerms(taxonomy: 'post_tag' | 'category', ids: number[]): void {
  if (ids.length) php(`foreach (${JSON.stringify(ids)} as $id) wp_delete_term($id, "${taxonomy}");`);
}

/** A WordPress user with the given role and a fresh application password. */
export function userWithRole(login: string, role: string): { user: string; password: string } {
  const password = php(`$u = get_user_by("login", "${login}");
    if (!$u) { $id = wp_create_user("${login}", wp_generate_password(20), "${login}@example.test"); $u = get_user_by("id", $id); }
    $u->set_role("${role}");
    foreach (WP_Application_Passwords::get_user_application_passwords($u->ID) as $p) WP_Application_Passwords::delete_application_password($u->ID, $p["uuid"]);
    [$pw] = WP_Application_Passwords::create_new_application_password($u->ID, ["name" => "press-desk tests"]); echo $pw;`);
  return { user: login, password };
}

/** Deletes many posts at once with SQL (the benchmark's thousands; no attachments involved). */
export function deletePostsFast(prefix: string): number {
  return Number(
    php(`global $wpdb; $like = $wpdb->esc_like(${JSON.stringify(prefix)}) . '%';
      $ids = $wpdb->get_col($wpdb->prepare("SELECT ID FROM $wpdb->posts WHERE post_name LIKE %s AND post_type = 'post'", $like));
      if ($ids) { $in = implode(',', array_map('intval', $ids));
        $wpdb->query("DELETE FROM $wpdb->postmeta WHERE post_id IN ($in)"); $wpdb->query("DELETE FROM $wpdb->term_relationships WHERE object_id IN ($in)");
        $wpdb->query("DELETE FROM $wpdb->posts WHERE ID IN ($in) OR (post_parent IN ($in) AND post_type = 'revision')"); }
      foreach (get_terms(["taxonomy" => ["category", "post_tag"], "hide_empty" => false, "fields" => "ids"]) as $t) { wp_update_term_count_now([$t], get_term($t)->taxonomy); }
      echo count($ids);`),
  );
}
