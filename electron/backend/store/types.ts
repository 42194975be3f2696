import type { z } from 'zod';

export interface CollectionDef<T extends { id: string } = { id: string }> {
  schema: z.ZodType<T>;
  /** Big collections are split into one file per shard (usually the year). */
  shardOf?: (record: T) => string;
}
export type Defs = Record<string, CollectionDef<any>>;
export type RecordOf<D> = D extends CollectionDef<infer T> ? T : never;

export interface Recovery {
  at: string;
  file: string;
  movedTo: string;
  restoredFrom: string | null;
  message: string;
}

export interface StoreOptions {
  readOnly?: boolean;
  /** Snapshot this long after the last write (ms). */
  compactAfterMs?: number;
  /** ...but at least this often while writes keep coming. */
  compactAtMostEveryMs?: number;
  onSaved?: (info: { seq: number; at: string }) => void;
  /** How messages show a time to the user (the organisation's time zone, not the computer's). */
  describeTime?: (iso: string) => string;
}

/** One snapshot file (a whole collection, or one shard of it). */
export interface Snapshot {
  format: 1;
  collection: string;
  shard: string;
  seq: number;
  savedAt: string;
  records: unknown[];
}

export const JOURNAL = 'journal.ndjson';
export const DATA = 'data';
export const CORRUPT = 'corrupt';
export const NO_SHARD = '';
