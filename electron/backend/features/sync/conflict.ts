/**
 * Conflicts: the post was edited on the site since our last write. Nothing was overwritten; the
 * user keeps the site's version (taken back into the release), overwrites it, or publishes a merge.
 */
import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { applyEdit } from '../releases/workflow.js';
import type { Release } from '../releases/schema.js';
import type { ConflictView, ReleaseSiteView } from './api-types.js';
import { htmlToDoc, htmlToText, releaseHtml } from './html.js';
import { latestItem, notify, releaseSiteOf, releaseSiteView } from './outbox.js';
import { runtimeOf } from './runtime.js';
import { postHash } from './send.js';

export function conflictView(ctx: Pick<Ctx, 'store'>, releaseId: string): ConflictView {
  const release = ctx.store.get('releases', releaseId);
  if (!release) throw notFound('Релиз не найден');
  const rs = ctx.store.get('syncReleases', releaseId);
  if (!rs?.conflict) throw new AppError('not_found', 'Конфликта с сайтом у этого релиза нет.');
  return {
    releaseId,
    local: { title: release.headline, html: releaseHtml(release), excerpt: release.lead },
    // The site's title is HTML (ours escaped, see send.ts): shown and compared as the text it reads as.
    site: { ...rs.conflict, title: htmlToText(rs.conflict.title) },
    lastSyncedModifiedGmt: rs.lastSyncedModifiedGmt,
  };
}

type Choice = 'keep-site' | 'overwrite' | 'merge';

/** The release with the given title/HTML/excerpt (a new version, as any edit makes). */
function takeText(r: Release, text: { title: string; html: string; excerpt: string }, at: string, note: string) {
  const patch = { headline: htmlToText(text.title).slice(0, 500), lead: htmlToText(text.excerpt).slice(0, 5000), body: htmlToDoc(text.html), quotes: [] };
  return applyEdit(r, patch, { by: null, at }, 'save', note);
}

export async function resolveConflict(ctx: Ctx, releaseId: string, choice: Choice, merged?: { title: string; html: string; excerpt: string }): Promise<ReleaseSiteView> {
  const view = conflictView(ctx, releaseId);
  if (choice === 'merge' && !merged) throw new AppError('validation', 'Для объединения передайте итоговый текст (merged: заголовок, текст, лид).');
  const at = ctx.now().toISOString();
  await ctx.store.mutate((tx) => {
    const release = tx.get('releases', releaseId);
    const rs = releaseSiteOf(tx, releaseId, at);
    if (!release || !rs.conflict) throw new AppError('conflict', 'Конфликт уже разрешён в другом окне.');
    if (rs.conflict.modifiedGmt !== view.site.modifiedGmt) throw new AppError('conflict', 'Версия сайта успела измениться ещё раз: откройте конфликт заново.');
    const item = latestItem(tx, releaseId);
    if (choice === 'keep-site') {
      // The site's text becomes the release's; nothing is sent: the site already has it.
      const result = takeText(release, rs.conflict, at, 'взята версия с сайта');
      tx.put('releases', { ...result.release, needsRepublish: release.needsRepublish });
      for (const v of result.versions) tx.put('releaseVersions', v);
      tx.put('syncReleases', { ...rs, state: 'published', lastSyncedModifiedGmt: rs.conflict.modifiedGmt, lastSyncedHash: postHash(rs.conflict), conflict: null, syncedAt: at, link: rs.conflict.link || rs.link, updatedAt: at });
      if (item?.state === 'conflict') tx.put('syncOutbox', { ...item, state: 'done', error: null, errorKind: null, doneAt: at, updatedAt: at });
      return;
    }
    if (choice === 'merge') {
      const result = takeText(release, merged!, at, 'объединено с версией сайта');
      tx.put('releases', result.release);
      for (const v of result.versions) tx.put('releaseVersions', v);
    }
    // Overwrite (or send the merge): accept the site's current version as the base, queue the update.
    tx.put('syncReleases', { ...rs, state: 'queued', lastSyncedModifiedGmt: rs.conflict.modifiedGmt, lastSyncedHash: postHash(rs.conflict), conflict: null, updatedAt: at });
    if (item && (item.state === 'conflict' || item.state === 'failed' || item.state === 'queued'))
      tx.put('syncOutbox', { ...item, action: 'update', state: 'queued', attempts: 0, nextAttemptAt: null, error: null, errorKind: null, updatedAt: at });
  });
  runtimeOf(ctx).wake();
  notify(ctx);
  return releaseSiteView(ctx.store, releaseId);
}
