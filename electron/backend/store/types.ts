import type { z } from 'zod';

export interface CollectionDef<T extends { id: string } = { id: string }> {
  schema: z.ZodType<T>;
  /** Big collections are split into one file per shard (usually the year). */
  shardOf?: (record: T) => string;
}
export type Defs = Record<string, CollectionDef<any>>;
export type RecordOf<D> = D extends CollectionDef<infer T> ? T : never;

export interface RecordRef {
  id: string;
  title: string;
  reason?: string;
}

export interface Recovery {
  at: string;
  file: string;
  movedTo: string;
  restoredFrom: string | null;
  message: string;
  /** For a damaged snapshot: how many records were read from the file itself… */
  salvaged?: number;
  /** …which were rebuilt exactly from the backup and the journal history… */
  rebuilt?: RecordRef[];
  /** …which were taken from a backup whose later changes are missing (the user should check them)… */
  fromBackup?: RecordRef[];
  /** …which failed their schema and were set aside in quarantine/ (restorable)… */
  quarantined?: RecordRef[];
  /** …and which could not be recovered at all, with the reason. */
  unrecoverable?: RecordRef[];
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

/** The snapshot format this version writes and reads; a higher one opens the folder read-only. */
export const FORMAT = 1;
export const JOURNAL = 'journal.ndjson';
export const DATA = 'data';
export const CORRUPT = 'corrupt';
export const NO_SHARD = '';
