import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './durable-file.js';
import { readJournal, type Entry } from './journal.js';

/**
 * The journal entries compacted away since the newest backup. With the backup they rebuild any
 * collection exactly as of its last snapshot, so a snapshot damaged on disk loses nothing: the newest
 * backup plus this file plus the journal hold every acknowledged change. Cut when a backup is taken
 * (at start and daily), so it holds about a day of edits; read only when a snapshot is damaged.
 */
export const HISTORY = 'journal-since-backup.ndjson';

export const historyFile = (dir: string) => path.join(dir, HISTORY);

/** Appends whole journal lines (already durable in the journal) before the journal drops them. */
export function appendHistory(dir: string, lines: Buffer): void {
  if (lines.length === 0) return;
  const file = historyFile(dir);
  const existed = fs.existsSync(file);
  const fd = fs.openSync(file, 'a+');
  try {
    // A torn last line (a crash mid-append) must not glue onto the first new one.
    const size = fs.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    if (size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) fs.writeSync(fd, '\n');
    fs.writeSync(fd, lines);
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (!existed) fsyncDir(dir);
}

/** A backup now holds everything: the history before it is no longer needed. */
export function resetHistory(dir: string): void {
  const file = historyFile(dir);
  if (!fs.existsSync(file)) return;
  fs.truncateSync(file, 0);
}

export function readHistory(dir: string): Entry[] {
  return readJournal(historyFile(dir)).entries;
}
