import { z } from 'zod';
import type { CollectionDef } from '../../electron/backend/store/store.js';

/** Test collections: `items` is sharded by year (one file per year), `notes` is a single file. */
export const Item = z.object({
  id: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  v: z.number().int().min(0),
  title: z.string().min(1).max(200).describe('Заголовок'),
  body: z.string(),
});
export type Item = z.infer<typeof Item>;

export const Note = z.object({ id: z.string().min(1), text: z.string().max(1000).describe('Текст') });
export type Note = z.infer<typeof Note>;

export const testDefs = {
  items: { schema: Item, shardOf: (r: Item) => String(r.year) } satisfies CollectionDef<Item>,
  notes: { schema: Note } satisfies CollectionDef<Note>,
};
export type TestDefs = typeof testDefs;

/** Deterministic record content from (id, year, v): parent and child agree on it without sending it. */
export function itemFor(id: string, year: number, v: number): Item {
  let h = 2166136261;
  for (const ch of `${id}/${v}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const len = 20 + (h % 600);
  const alphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя ABCDEF0123456789';
  let body = '';
  for (let i = 0; i < len; i++) {
    h = Math.imul(h ^ i, 16777619) >>> 0;
    body += alphabet[h % alphabet.length];
  }
  return { id, year, v, title: `Запись ${id} в.${v}`, body };
}

export function noteFor(id: string, v: number): Note {
  return { id, text: `Заметка ${id}, версия ${v}` };
}
