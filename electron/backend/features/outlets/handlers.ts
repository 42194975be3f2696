import { randomUUID } from 'node:crypto';
import type { HandlerTable } from '../../context.js';
import { notFound } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { buildOutletsDocx } from './docx.js';
import type { Outlet } from './schema.js';

/** Phones are also searchable by their digits alone: «2-15-40», «21540» and «38553 21540» all find «+7 (38553) 2-15-40». */
const phoneDigits = (phone: string) => phone.replace(/\D+/g, '');

export function outletText(o: Outlet): string {
  const contacts = o.contacts.map((c) => `${c.name} ${c.position} ${c.phone} ${phoneDigits(c.phone)} ${c.email}`).join(' ');
  return normalizeForSearch(`${o.name} ${o.address} ${o.website} ${contacts} ${o.notes}`);
}

/** Every query word must occur; a word of digits and phone punctuation («2-15-40») may also match by its digits. */
function matcher(query: string): ((haystack: string) => boolean) | null {
  const words = normalizeForSearch(query)
    .split(' ')
    .filter(Boolean)
    .map((w) => ({ w, digits: /^[\d()+\-–.]+$/.test(w) && /\d/.test(w) ? phoneDigits(w) : null }));
  if (words.length === 0) return null;
  return (haystack) => words.every(({ w, digits }) => haystack.includes(w) || (digits !== null && haystack.includes(digits)));
}

export function findOutlets(all: Outlet[], query: string): Outlet[] {
  const matches = matcher(query);
  return matches ? all.filter((o) => matches(outletText(o))) : all;
}

/** The same word matching for any text (staff, later features). */
export function textMatches(text: string, query: string): boolean {
  const matches = matcher(query);
  return !matches || matches(normalizeForSearch(text));
}

/**
 * Russian alphabetical order as people expect it in a directory: «ё» beside «е», case ignored,
 * quotes and punctuation ignored («„Маяк“» sorts under М), numbers by value («Радио 9» before «Радио 10»).
 */
const russian = new Intl.Collator('ru', { sensitivity: 'base', ignorePunctuation: true, numeric: true });
export const byName = (a: Outlet, b: Outlet) => russian.compare(a.name, b.name) || a.name.localeCompare(b.name, 'ru') || a.id.localeCompare(b.id);

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

  'outlets.get': ({ id }, { store }) => store.get('outlets', id) ?? Promise.reject(notFound('СМИ не найдено')),

  'outlets.create': (fields, { store, now }) =>
    store.mutate((tx) => {
      const at = now().toISOString();
      return tx.put('outlets', { ...fields, id: randomUUID(), archived: false, createdAt: at, updatedAt: at });
    }),

  'outlets.update': ({ id, ...fields }, { store, now }) =>
    store.mutate((tx) => {
      const current = tx.get('outlets', id);
      if (!current) throw notFound('СМИ не найдено');
      return tx.put('outlets', { ...current, ...fields, updatedAt: now().toISOString() });
    }),

  'outlets.archive': ({ id, archived }, { store, now }) =>
    store.mutate((tx) => {
      const current = tx.get('outlets', id);
      if (!current) throw notFound('СМИ не найдено');
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
