import type { Ctx, HandlerTable } from '../../context.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import type { MappingView, SiteView } from './api-types.js';
import { conflictView, resolveConflict } from './conflict.js';
import { enqueue, itemView, notify, releaseSiteOf, releaseSiteView, siteOf, SITE_ID, syncStatus } from './outbox.js';
import { cancelPull, startPull } from './pull.js';
import { runtimeOf } from './runtime.js';
import type { OutboxItem, SyncSite } from './schema.js';
import { forgetPassword, passwordAvailable, storePassword } from './secret-store.js';
import { adapterFor, drain, makeAllDue } from './worker.js';
import { siteBase } from './wordpress/http.js';
import { zoneName } from './wordpress/adapter.js';
import type { SiteCheck } from './schema.js';

function siteView(ctx: Ctx): SiteView {
  const site = siteOf(ctx.store);
  const { kind, where, explanation } = runtimeOf(ctx).box;
  return {
    url: site?.url ?? '',
    user: site?.user ?? '',
    hasPassword: passwordAvailable(ctx.dataDir),
    secretStorage: { kind, where, explanation },
    lastCheck: site?.lastCheck ?? null,
    siteTimeZone: site?.siteTimeZone ?? null,
  };
}

const emptySite = (at: string): SyncSite => ({
  id: SITE_ID,
  createdAt: at,
  updatedAt: at,
  url: '',
  user: '',
  lastCheck: null,
  siteTimeZone: null,
  gmtOffset: null,
  siteCategories: [],
  tags: [],
  nationalProjects: [],
  lastSyncAt: null,
  lastPullAt: null,
  pullCursor: null,
});

function mappingView(ctx: Ctx): MappingView {
  const site = siteOf(ctx.store) ?? emptySite(ctx.now().toISOString());
  const lower = (s: string) => s.toLocaleLowerCase('ru-RU');
  const mappedTags = new Set(site.tags.map((t) => lower(t.tag)));
  const mappedProjects = new Set(site.nationalProjects.map((p) => lower(p.name)));
  const tags = new Set<string>();
  const projects = new Set<string>();
  for (const r of ctx.store.all('releases')) {
    for (const t of r.tags) if (!mappedTags.has(lower(t))) tags.add(t);
    if (r.nationalProject && !mappedProjects.has(lower(r.nationalProject))) projects.add(r.nationalProject);
  }
  const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b, 'ru'));
  return { siteCategories: site.siteCategories, tags: site.tags, nationalProjects: site.nationalProjects, unmappedTags: sort(tags), unmappedProjects: sort(projects) };
}

/** Rubrics deleted on the site (or another site's, after the address changed) leave the mapping. */
function keepKnownRubrics(site: SyncSite, categories: { id: number }[]): Pick<SyncSite, 'tags' | 'nationalProjects'> {
  const known = new Set(categories.map((c) => c.id));
  const keep = <T extends { categoryIds: number[] }>(list: T[]) =>
    list.map((m) => ({ ...m, categoryIds: m.categoryIds.filter((id) => known.has(id)) })).filter((m) => m.categoryIds.length > 0);
  return { tags: keep(site.tags), nationalProjects: keep(site.nationalProjects) };
}

/** Checks the connection and keeps what it learnt (time zone, categories) when the folder is writable. */
async function checkSite(ctx: Ctx): Promise<SiteCheck> {
  const at = ctx.now().toISOString();
  const site = siteOf(ctx.store);
  if (!site?.url) throw new AppError('validation', 'Сначала укажите адрес сайта, пользователя и пароль приложения.');
  const adapter = adapterFor(ctx);
  if (!adapter) throw new AppError('validation', 'Не задан пароль приложения: введите его в Настройки → Сайт.');
  const { check, info } = await adapter.check();
  const rt = runtimeOf(ctx);
  rt.online = check.steps[0]!.ok;
  rt.offlineReason = rt.online ? null : check.steps[0]!.message;
  if (!ctx.store.readOnly)
    await ctx.store.mutate((tx) => {
      const cur = siteOf(tx) ?? site;
      tx.put('syncSite', {
        ...cur,
        lastCheck: check,
        ...(info ? { siteTimeZone: zoneName(info), gmtOffset: info.gmtOffset, siteCategories: info.categories, ...keepKnownRubrics(cur, info.categories) } : {}),
        updatedAt: at,
      });
    });
  notify(ctx);
  return check;
}

function outboxItem(ctx: Ctx, id: string): OutboxItem {
  const item = ctx.store.get('syncOutbox', id);
  if (!item) throw notFound('Элемент очереди не найден');
  return item;
}

const waitingStates: Record<string, OutboxItem['state'][]> = {
  waiting: ['queued', 'sending'],
  failed: ['failed', 'conflict'],
  done: ['done', 'cancelled'],
};

export const syncHandlers: HandlerTable<
  | 'sync.site.get'
  | 'sync.site.save'
  | 'sync.site.forget'
  | 'sync.site.check'
  | 'sync.mapping.get'
  | 'sync.mapping.save'
  | 'sync.mapping.refresh'
  | 'sync.publish'
  | 'sync.unpublish'
  | 'sync.outbox.list'
  | 'sync.outbox.retry'
  | 'sync.outbox.cancel'
  | 'sync.status'
  | 'sync.releaseSite'
  | 'sync.conflict.get'
  | 'sync.conflict.resolve'
  | 'sync.runNow'
  | 'sync.pull.start'
  | 'sync.pull.cancel'
  | 'sync.publications.list'
> = {
  'sync.site.get': (_input, ctx) => siteView(ctx),

  'sync.site.save': async ({ url, user, password }, ctx) => {
    const at = ctx.now().toISOString();
    const rt = runtimeOf(ctx);
    const base = siteBase(url);
    const before = siteOf(ctx.store);
    if (!password && !passwordAvailable(ctx.dataDir))
      throw new AppError('validation', 'Поле «Пароль приложения»: обязательное поле (создайте его в профиле пользователя WordPress → «Пароли приложений»).', [
        { field: 'password', label: 'Пароль приложения', message: 'обязательное поле' },
      ]);
    if (password) storePassword(ctx.dataDir, rt.box, password);
    const changed = !before || before.url !== base || before.user !== user || !!password;
    await ctx.store.mutate((tx) => {
      const cur = siteOf(tx) ?? emptySite(at);
      tx.put('syncSite', { ...cur, url: base, user, lastCheck: changed ? null : cur.lastCheck, updatedAt: at });
      // New credentials: items that failed on sign-in or rights get another chance.
      if (changed)
        for (const i of tx.all('syncOutbox'))
          if (i.state === 'failed' && (i.errorKind === 'auth' || i.errorKind === 'forbidden' || i.errorKind === 'certificate' || i.errorKind === 'notWordPress'))
            tx.put('syncOutbox', { ...i, state: 'queued', attempts: 0, nextAttemptAt: null, updatedAt: at });
    });
    if (changed) {
      rt.online = null;
      rt.offlineReason = null;
    }
    rt.wake();
    notify(ctx);
    return siteView(ctx);
  },

  'sync.site.forget': async (_input, ctx) => {
    forgetPassword(ctx.dataDir);
    const site = siteOf(ctx.store);
    if (site) await ctx.store.mutate((tx) => tx.put('syncSite', { ...site, url: '', user: '', lastCheck: null, updatedAt: ctx.now().toISOString() }));
    const rt = runtimeOf(ctx);
    rt.online = null;
    rt.offlineReason = null;
    notify(ctx);
    return siteView(ctx);
  },

  'sync.site.check': (_input, ctx) => checkSite(ctx),

  'sync.mapping.get': (_input, ctx) => mappingView(ctx),

  'sync.mapping.save': async ({ tags, nationalProjects }, ctx) => {
    const at = ctx.now().toISOString();
    // Rubrics must be the site's own (once they are known): a stale id would silently publish without it.
    const known = new Set((siteOf(ctx.store)?.siteCategories ?? []).map((c) => c.id));
    if (known.size) {
      const check = (list: { categoryIds: number[] }[], field: string, label: (i: number) => string) =>
        list.forEach((m, i) => {
          const unknown = m.categoryIds.find((c) => !known.has(c));
          if (unknown !== undefined) throw fieldError(`${field}.${i}.categoryIds`, label(i), `рубрики № ${unknown} нет на сайте — обновите список рубрик («Обновить с сайта»)`);
        });
      check(tags, 'tags', (i) => `Рубрики сайта для тега «${tags[i]!.tag}»`);
      check(nationalProjects, 'nationalProjects', (i) => `Рубрики сайта для проекта «${nationalProjects[i]!.name}»`);
    }
    await ctx.store.mutate((tx) => {
      const cur = siteOf(tx) ?? emptySite(at);
      tx.put('syncSite', { ...cur, tags: tags.filter((t) => t.categoryIds.length), nationalProjects: nationalProjects.filter((p) => p.categoryIds.length), updatedAt: at });
    });
    return mappingView(ctx);
  },

  'sync.mapping.refresh': async (_input, ctx) => {
    await checkSite(ctx);
    return mappingView(ctx);
  },

  'sync.publish': async ({ releaseId, when }, ctx) => {
    const item = await enqueue(ctx, releaseId, 'publish', when);
    notify(ctx);
    return itemView(ctx.store, item);
  },

  'sync.unpublish': async ({ releaseId }, ctx) => {
    const item = await enqueue(ctx, releaseId, 'unpublish', 'now');
    notify(ctx);
    return itemView(ctx.store, item);
  },

  'sync.outbox.list': ({ state }, ctx) => {
    const states = waitingStates[state];
    return ctx.store
      .all('syncOutbox')
      .filter((i) => !states || states.includes(i.state))
      .sort((a, b) => b.seq - a.seq)
      .map((i) => itemView(ctx.store, i));
  },

  'sync.outbox.retry': async ({ id }, ctx) => {
    const item = outboxItem(ctx, id);
    if (item.state === 'conflict') throw new AppError('conflict', 'Сначала разрешите конфликт с сайтом: повтор перезаписал бы правки на сайте.');
    if (item.state !== 'failed' && item.state !== 'queued') throw new AppError('validation', `Повторять нечего: элемент очереди в состоянии «${itemView(ctx.store, item).stateLabel}».`);
    const at = ctx.now().toISOString();
    const saved = await ctx.store.mutate((tx) => {
      const rs = releaseSiteOf(tx, item.releaseId, at);
      tx.put('syncReleases', { ...rs, state: 'queued', updatedAt: at });
      return tx.put('syncOutbox', { ...item, state: 'queued', attempts: 0, nextAttemptAt: null, updatedAt: at });
    });
    const rt = runtimeOf(ctx);
    if (rt.online === false) rt.online = null; // try at once rather than wait for the next probe
    rt.wake();
    notify(ctx);
    return itemView(ctx.store, saved);
  },

  'sync.outbox.cancel': async ({ id }, ctx) => {
    const item = outboxItem(ctx, id);
    if (item.state !== 'queued' && item.state !== 'failed')
      throw new AppError('validation', `Отменить нельзя: элемент очереди в состоянии «${itemView(ctx.store, item).stateLabel}».`);
    const at = ctx.now().toISOString();
    const saved = await ctx.store.mutate((tx) => {
      const rs = releaseSiteOf(tx, item.releaseId, at);
      const lastDone = tx
        .all('syncOutbox')
        .filter((i) => i.releaseId === item.releaseId && i.state === 'done')
        .sort((a, b) => b.seq - a.seq)[0];
      const state = rs.postId === null ? 'none' : lastDone?.action === 'unpublish' ? 'draft' : 'published';
      tx.put('syncReleases', { ...rs, state, updatedAt: at });
      return tx.put('syncOutbox', { ...item, state: 'cancelled', nextAttemptAt: null, updatedAt: at });
    });
    notify(ctx);
    return itemView(ctx.store, saved);
  },

  'sync.status': (_input, ctx) => syncStatus(ctx),

  'sync.releaseSite': ({ releaseId }, ctx) => {
    if (!ctx.store.get('releases', releaseId)) throw notFound('Релиз не найден');
    return releaseSiteView(ctx.store, releaseId);
  },

  'sync.conflict.get': ({ releaseId }, ctx) => conflictView(ctx, releaseId),

  'sync.conflict.resolve': ({ releaseId, choice, merged }, ctx) => resolveConflict(ctx, releaseId, choice, merged),

  'sync.runNow': async (_input, ctx) => {
    const rt = runtimeOf(ctx);
    if (!ctx.store.readOnly) await makeAllDue(ctx);
    if (rt.online === false) rt.online = null;
    if (rt.hasWorker) rt.wake();
    else await drain(ctx, { all: true });
    return syncStatus(ctx);
  },

  'sync.pull.start': ({ full }, ctx) => {
    if (!siteOf(ctx.store)?.url) throw new AppError('validation', 'Сайт не настроен: укажите адрес, пользователя и пароль приложения в Настройки → Сайт.');
    startPull(ctx, full);
    return syncStatus(ctx);
  },

  'sync.pull.cancel': (_input, ctx) => {
    cancelPull(ctx);
    return syncStatus(ctx);
  },

  'sync.publications.list': ({ from, to, q, limit }, ctx) => {
    const needle = q && normalizeForSearch(q);
    const all = ctx.store
      .all('sitePublications')
      .filter((p) => (!from || p.date.slice(0, 10) >= from) && (!to || p.date.slice(0, 10) <= to))
      .filter((p) => !needle || normalizeForSearch(p.title).includes(needle) || p.categories.some((c) => normalizeForSearch(c).includes(needle)))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return { total: all.length, items: all.slice(0, limit) };
  },
};

