/**
 * Full-text search over releases with Russian stemming (Snowball): «дороги», «дорог», «дорогам»
 * all become «дорог». Each release's index is built once per stored record (records are replaced,
 * never mutated, so a WeakMap keyed by the record is always fresh).
 */
import snowball from 'snowball-stemmers';
import { plainText } from './render.js';
import type { Release } from './schema.js';

const stemmer = snowball.newStemmer('russian');
const stems = new Map<string, string>();

/** Lower case, «ё» → «е», then the Snowball stem. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size > 200_000) stems.clear();
    s = stemmer.stem(word);
    stems.set(word, s);
  }
  return s;
}

/** Words of a text, normalised (lower case, ё → е); hyphenated names split into their parts. */
export function words(text: string): string[] {
  return text.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface Index {
  /** stem → the weight of the best field it occurs in */
  weights: Map<string, number>;
  /** lead and body as one text, for snippets */
  text: string;
}

const WEIGHTS = { headline: 8, tags: 6, lead: 4, quotes: 2, body: 1 } as const;
const indexes = new WeakMap<Release, Index>();

function indexOf(r: Release): Index {
  let idx = indexes.get(r);
  if (idx) return idx;
  const body = plainText(r.body);
  const weights = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const word of words(text)) {
      const s = stem(word);
      if ((weights.get(s) ?? 0) < w) weights.set(s, w);
    }
  };
  add(r.headline, WEIGHTS.headline);
  add(r.tags.join(' '), WEIGHTS.tags);
  add(r.lead, WEIGHTS.lead);
  add(r.quotes.map((q) => `${q.text} ${q.speaker} ${q.position}`).join(' '), WEIGHTS.quotes);
  add(body, WEIGHTS.body);
  idx = { weights, text: `${r.lead}\n${body}` };
  indexes.set(r, idx);
  return idx;
}

export interface Match {
  score: number;
  snippet: string;
}

export interface Query {
  stems: string[];
  /** The last word may still be being typed: it also matches as the beginning of a word. */
  lastPrefix: string | null;
}

export function parseQuery(query: string): Query | null {
  const list = words(query);
  if (list.length === 0) return null;
  const last = list[list.length - 1]!;
  return { stems: list.map(stem), lastPrefix: last.length >= 2 ? last : null };
}

function snippetOf(text: string, q: Query): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
  let at = -1;
  for (const m of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
    const s = stem(m[0]);
    if (q.stems.includes(s) || (q.lastPrefix && m[0].startsWith(q.lastPrefix))) {
      at = m.index;
      break;
    }
  }
  if (at < 0) return flat.slice(0, 160) + (flat.length > 160 ? '…' : '');
  const start = Math.max(0, at - 60);
  const end = Math.min(flat.length, at + 120);
  return (start > 0 ? '…' : '') + flat.slice(start, end).trim() + (end < flat.length ? '…' : '');
}

/** Every word of the query must match (by stem; the last one also by its beginning). */
export function matchRelease(r: Release, q: Query): Match | null {
  const { weights, text } = indexOf(r);
  let score = 0;
  for (let i = 0; i < q.stems.length; i++) {
    const s = q.stems[i]!;
    let w = weights.get(s) ?? 0;
    if (!w) {
      const prefix = i === q.stems.length - 1 ? q.lastPrefix : s.length >= 4 ? s : null;
      if (prefix) for (const [k, kw] of weights) if (k.startsWith(prefix) && kw / 2 > w) w = kw / 2;
    }
    if (!w) return null;
    score += w;
  }
  return { score, snippet: snippetOf(text, q) };
}
