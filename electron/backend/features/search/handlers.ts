import type { HandlerTable } from '../../context.js';
import { normalizeForSearch } from '../../format.js';
import { findOutlets } from '../outlets/handlers.js';
import { outletKinds } from '../outlets/schema.js';
import type { SearchHit } from './schema.js';

/** The global search box: each feature adds its hits here. */
export const searchHandlers: HandlerTable<'search.global'> = {
  'search.global': ({ query, limit }, { store }) => {
    if (!normalizeForSearch(query)) return [];
    const hits: SearchHit[] = findOutlets(store.all('outlets'), query).map((o) => ({
      section: 'outlets',
      id: o.id,
      title: o.name,
      subtitle: `СМИ · ${outletKinds[o.kind]}${o.archived ? ' · в архиве' : ''}`,
    }));
    const staff = store.get('settings', 'settings')?.staff ?? [];
    for (const s of staff) {
      if (normalizeForSearch(`${s.name} ${s.position}`).includes(normalizeForSearch(query)))
        hits.push({ section: 'settings', id: s.id, title: s.name, subtitle: `Сотрудник · ${s.position}` });
    }
    return hits.slice(0, limit);
  },
};
