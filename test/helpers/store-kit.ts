import fs from 'node:fs';
import path from 'node:path';
import { readJournal } from '../../electron/backend/store/journal.js';
import { Store, type StoreOptions } from '../../electron/backend/store/store.js';
import { itemFor, noteFor, testDefs, type TestDefs } from './defs.js';

export type TestStore = Store<TestDefs>;

/** Compaction only when asked (close, compact()), so a test decides what is on disk. */
export const manual: StoreOptions = { compactAfterMs: 3_600_000, compactAtMostEveryMs: 3_600_000 };

export function openTest(dir: string, options: StoreOptions = manual): Promise<TestStore> {
  return Store.open(dir, testDefs, options);
}

/**
 * What a process killed right now leaves behind, without killing the test process: no compaction,
 * the journal file just closed, the lock let go (a dead pid's lock would be taken over anyway).
 */
export function abandon(store: TestStore): void {
  const s = store as unknown as { compactTimer: NodeJS.Timeout | null; journal: { close(): void } | null; lock: { release(): void } | null; closed: boolean };
  if (s.compactTimer) clearTimeout(s.compactTimer);
  s.journal?.close();
  s.journal = null;
  s.lock?.release();
  s.lock = null;
  s.closed = true;
}

export const journalFile = (dir: string) => path.join(dir, 'journal.ndjson');
export const journalSize = (dir: string) => (fs.existsSync(journalFile(dir)) ? fs.statSync(journalFile(dir)).size : 0);
export const journalEntries = (dir: string) => readJournal(journalFile(dir)).entries;

export function readSnapshotFile(file: string): { seq: number; collection: string; shard: string; records: any[] } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export const shardFile = (dir: string, year: number | string) => path.join(dir, 'data', 'items', `${year}.json`);
export const notesFile = (dir: string) => path.join(dir, 'data', 'notes.json');

/** A folder with items in 2021 and 2022 and two notes, compacted and closed. */
export async function seededFolder(dir: string): Promise<void> {
  const store = await openTest(dir);
  await store.mutate((tx) => {
    for (let i = 1; i <= 5; i++) tx.put('items', itemFor(`a${i}`, 2021, 1));
    for (let i = 1; i <= 4; i++) tx.put('items', itemFor(`b${i}`, 2022, 1));
    tx.put('notes', noteFor('n1', 1));
    tx.put('notes', noteFor('n2', 1));
  });
  await store.close();
}
