import type { HandlerTable } from '../../context.js';
import { normalizeForSearch } from '../../format.js';
import { contractHits } from '../contracts/search.js';
import { searchDirectLines } from '../direct-lines/search.js';
import { searchEvents } from '../calendar/search.js';
import { releaseSearchHits } from '../releases/today.js';
import { orgTimeZone } from '../releases/time.js';
import { findOutlets, textMatches } from '../outlets/handlers.js';
import { outletKinds } from '../outlets/schema.js';
import type { SearchHit } from './schema.js';

/** The global search box: each feature adds its hits here. */
export const searchHandlers: HandlerTable<'search.global'> = {
  'search.global': ({ query, limit }, ctx) => {
    const { store, now } = ctx;
    if (!normalizeForSearch(query)) return [];
    const hits: SearchHit[] = findOutlets(store.all('outlets'), query).map((o) => ({
      section: 'outlets',
      id: o.id,
      title: o.name,
      subtitle: `СМИ · ${outletKinds[o.kind]}${o.archived ? ' · в архиве' : ''}`,
    }));
    const staff = store.get('settings', 'settings')?.staff ?? [];
    for (const s of staff) {
      if (textMatches(`${s.name} ${s.position}`, query))
        hits.push({ section: 'settings', id: s.id, title: s.name, subtitle: `Сотрудник · ${s.position}` });
    }
    hits.push(...contractHits(store, query, limit));
    hits.push(...searchDirectLines(store, query));
    hits.push(...searchEvents(store, query, now(), limit));
    hits.push(...releaseSearchHits(store, query, limit, orgTimeZone(ctx)));
    return hits.slice(0, limit);
  },
};
