import { randomUUID } from 'node:crypto';
import type { HandlerTable } from '../../context.js';
import { notFound } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { buildOutletsDocx } from './docx.js';
import type { Outlet } from './schema.js';

export function outletText(o: Outlet): string {
  const contacts = o.contacts.map((c) => `${c.name} ${c.position} ${c.phone} ${c.email}`).join(' ');
  return normalizeForSearch(`${o.name} ${o.address} ${o.website} ${contacts} ${o.notes}`);
}

export function findOutlets(all: Outlet[], query: string): Outlet[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return all;
  return all.filter((o) => {
    const haystack = outletText(o);
    return words.every((w) => haystack.includes(w));
  });
}

export const byName = (a: Outlet, b: Outlet) => a.name.localeCompare(b.name, 'ru');

export const outletHandlers: HandlerTable<
  'outlets.list' | 'outlets.get' | 'outlets.create' | 'outlets.update' | 'outlets.archive' | 'outlets.exportDocx'
> = {
  'outlets.list': ({ query, kind, archived }, { store }) => {
    const inScope = store
      .all('outlets')
      .filter((o) => archived === 'all' || o.archived === (archived === 'archived'))
      .filter((o) => !kind || o.kind === kind);
    return findOutlets(inScope, query).sort(byName);
  },

  'outlets.get': ({ id }, { store }) => store.get('outlets', id) ?? Promise.reject(notFound('СМИ')),

  'outlets.create': (fields, { store, now }) =>
    store.mutate((tx) => {
      const at = now().toISOString();
      return tx.put('outlets', { ...fields, id: randomUUID(), archived: false, createdAt: at, updatedAt: at });
    }),

  'outlets.update': ({ id, ...fields }, { store, now }) =>
    store.mutate((tx) => {
      const current = tx.get('outlets', id);
      if (!current) throw notFound('СМИ');
      return tx.put('outlets', { ...current, ...fields, updatedAt: now().toISOString() });
    }),

  'outlets.archive': ({ id, archived }, { store, now }) =>
    store.mutate((tx) => {
      const current = tx.get('outlets', id);
      if (!current) throw notFound('СМИ');
      return tx.put('outlets', { ...current, archived, updatedAt: now().toISOString() });
    }),

  'outlets.exportDocx': async ({ includeArchived }, { store, now }) => {
    const outlets = store
      .all('outlets')
      .filter((o) => includeArchived || !o.archived)
      .sort(byName);
    return buildOutletsDocx(outlets, store.get('settings', 'settings') ?? null, now());
  },
};
