/**
 * The demo town's site connection: the address from the settings (no password — the demo never
 * talks to a real site), a few rubrics with a mapping, and the published releases meant for the
 * site marked as posts on it (link, post id), so the release cards show «опубликовано на сайте».
 */
import type { AppStore } from '../../collections.js';
import { slugOf } from './outbox.js';
import type { ReleaseSite, SyncSite } from './schema.js';

const rubrics = ['Новости', 'Благоустройство', 'Дороги', 'Образование', 'Культура', 'Здравоохранение', 'Семья'];
const projectRubric: Record<string, string> = {
  'Формирование комфортной городской среды': 'Благоустройство',
  'Безопасные качественные дороги': 'Дороги',
  'Образование': 'Образование',
  'Культура': 'Культура',
  'Здравоохранение': 'Здравоохранение',
  'Семья': 'Семья',
};

export async function generateSyncDemo(store: AppStore, opts: { now: Date; site: string }): Promise<Record<string, number>> {
  const at = opts.now.toISOString();
  const base = (opts.site || 'https://aleysk.example.ru').replace(/\/+$/, '');
  const categories = rubrics.map((name, i) => ({ id: i + 2, name }));
  const idOf = (name: string) => categories.find((c) => c.name === name)!.id;
  const site: SyncSite = {
    id: 'site',
    createdAt: at,
    updatedAt: at,
    url: base,
    user: 'press-service',
    lastCheck: null,
    siteTimeZone: null,
    gmtOffset: null,
    siteCategories: categories,
    tags: [],
    nationalProjects: Object.entries(projectRubric).map(([name, rubric]) => ({ name, categoryIds: [idOf(rubric)] })),
    lastSyncAt: null,
    lastPullAt: null,
    pullCursor: null,
  };
  const onSite = store.all('releases').filter((r) => r.status === 'published' && r.channels.includes('site'));
  const records: ReleaseSite[] = onSite.map((r, i) => {
    const published = r.publications[r.publications.length - 1]?.at ?? r.updatedAt;
    const postId = 1000 + i;
    return {
      id: r.id,
      createdAt: published,
      updatedAt: published,
      slug: slugOf(r.id),
      postId,
      link: `${base}/?p=${postId}`,
      state: 'published',
      lastSyncedModifiedGmt: published.slice(0, 19),
      lastSyncedHash: null,
      syncedAt: published,
      everSent: true,
      media: {},
      conflict: null,
    };
  });
  await store.mutate((tx) => {
    tx.put('syncSite', { ...site, lastSyncAt: records.map((r) => r.syncedAt!).sort().pop() ?? null });
    for (const r of records) tx.put('syncReleases', r);
  });
  return { syncReleases: records.length };
}
