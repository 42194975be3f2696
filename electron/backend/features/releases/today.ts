/** Releases on the «Сегодня» panel and in the global search. */
import type { AppStore } from '../../collections.js';
import type { Ctx } from '../../context.js';
import { formatDateTime } from '../../format.js';
import type { TodayItem } from '../today/schema.js';
import { staffName } from './refs.js';
import { matchRelease, parseQuery } from './search.js';
import { releaseStatuses, releaseTypes, type Release } from './schema.js';
import { dayInZone, orgTimeZone } from './time.js';
import { dateOf, dayOf } from './view.js';

const title = (h: string) => h || 'Без заголовка';

/**
 * What needs someone today: releases waiting for approval (the longer, the louder), approved ones
 * planned for today or already late, drafts planned for today, published ones to republish.
 */
export function releasesToday(ctx: Ctx, day: string): TodayItem[] {
  const tz = orgTimeZone(ctx);
  const now = ctx.now().getTime();
  const items: TodayItem[] = [];
  for (const r of ctx.store.all('releases')) {
    const planned = r.plannedAt;
    const plannedDay = planned ? dayInZone(planned, tz) : null;
    const late = planned !== null && Date.parse(planned) < now;
    if (r.status === 'review') {
      const since = [...r.history].reverse().find((h) => h.action === 'submit' || h.action === 'reopen')?.at ?? r.updatedAt;
      const hours = (now - Date.parse(since)) / 3_600_000;
      items.push({
        section: 'releases',
        id: r.id,
        severity: late || plannedDay === day ? 'danger' : hours > 24 ? 'warning' : 'info',
        title: `Ждёт согласования: ${title(r.headline)}`,
        detail: `${releaseTypes[r.type]} · отправил(а) ${staffName(ctx.store, r.editedBy) || '—'} ${formatDateTime(since, tz)}${planned ? ` · публикация ${formatDateTime(planned, tz)}` : ''}`,
        due: planned ?? undefined,
      });
    } else if (r.status === 'approved' && plannedDay !== null && plannedDay <= day) {
      items.push({
        section: 'releases',
        id: r.id,
        severity: late ? 'warning' : 'info',
        title: `${late ? 'Пора публиковать' : 'Публикация сегодня'}: ${title(r.headline)}`,
        detail: `${releaseTypes[r.type]} · согласовано · план ${formatDateTime(planned!, tz)}`,
        due: planned!,
      });
    } else if (r.status === 'draft' && plannedDay !== null && plannedDay <= day && plannedDay >= addDays(day, -7)) {
      items.push({
        section: 'releases',
        id: r.id,
        severity: 'danger',
        title: `Черновик не согласован, а публикация ${plannedDay === day ? 'сегодня' : 'уже прошла'}: ${title(r.headline)}`,
        detail: `${releaseTypes[r.type]} · ${releaseStatuses[r.status]} · план ${formatDateTime(planned!, tz)}`,
        due: planned!,
      });
    } else if (r.status === 'published' && r.needsRepublish) {
      items.push({
        section: 'releases',
        id: r.id,
        severity: 'warning',
        title: `Нужно переопубликовать: ${title(r.headline)}`,
        detail: `${releaseTypes[r.type]} · изменён после публикации ${formatDateTime(r.updatedAt, tz)}`,
        due: r.updatedAt,
      });
    }
  }
  return items;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface ReleaseHit {
  section: 'releases';
  id: string;
  title: string;
  subtitle: string;
}

/** Hits for the global search box: best matches first, newest first among equals. */
export function releaseSearchHits(store: AppStore, query: string, limit: number, tz: string): ReleaseHit[] {
  const q = parseQuery(query);
  if (!q) return [];
  const found: { r: Release; score: number }[] = [];
  for (const r of store.all('releases')) {
    const m = matchRelease(r, q);
    if (m) found.push({ r, score: m.score });
  }
  found.sort((a, b) => b.score - a.score || dateOf(b.r).localeCompare(dateOf(a.r)));
  return found.slice(0, limit).map(({ r }) => ({
    section: 'releases' as const,
    id: r.id,
    title: title(r.headline),
    subtitle: `Релиз · ${releaseTypes[r.type]} · ${releaseStatuses[r.status]} · ${dayOf(r, tz).split('-').reverse().join('.')}`,
  }));
}
