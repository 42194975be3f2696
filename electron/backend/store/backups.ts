import fs from 'node:fs';
import path from 'node:path';
import { unpackArchive } from './archive.js';
import { writeFileDurably } from './durable-file.js';

export const BACKUP_DIR = 'backups';
const PREFIX = 'press-desk-';
const SUFFIX = '.pdbackup';

export interface BackupInfo {
  file: string;
  createdAt: Date;
  bytes: number;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(name: string): Date | null {
  const m = /^press-desk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.pdbackup$/.exec(name);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = path.join(dataDir, BACKUP_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, createdAt: parseStamp(name) }))
    .filter((b): b is { name: string; createdAt: Date } => b.createdAt !== null)
    .map((b) => {
      const file = path.join(dir, b.name);
      return { file, createdAt: b.createdAt, bytes: fs.statSync(file).size };
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export function writeBackup(dataDir: string, bytes: Uint8Array, date = new Date()): string {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${PREFIX}${stamp(date)}${SUFFIX}`);
  writeFileDurably(file, bytes);
  return file;
}

/**
 * Keeps the newest backup of each of the last `days` days (the on-start and daily ones),
 * plus the `recent` newest whatever their day, so several starts on one day do not wipe yesterday.
 */
export function rotateBackups(dataDir: string, days = 14, recent = 3, now = new Date()): string[] {
  const keep = new Set<string>();
  const seenDays = new Set<string>();
  const backups = listBackups(dataDir);
  backups.slice(0, recent).forEach((b) => keep.add(b.file));
  const oldest = now.getTime() - days * 86_400_000;
  for (const b of backups) {
    const day = b.createdAt.toISOString().slice(0, 10);
    if (b.createdAt.getTime() >= oldest && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.file);
    }
  }
  const removed = backups.filter((b) => !keep.has(b.file)).map((b) => b.file);
  removed.forEach((file) => fs.rmSync(file, { force: true }));
  return removed;
}

/** The newest backup holding a readable, valid copy of one collection. */
export function findCollectionInBackups(
  dataDir: string,
  collection: string,
  accept: (records: unknown[]) => boolean,
): { file: string; records: unknown[]; seq: number } | null {
  for (const backup of listBackups(dataDir)) {
    try {
      const content = unpackArchive(fs.readFileSync(backup.file));
      const records = content.collections[collection];
      if (records && accept(records)) return { file: backup.file, records, seq: content.manifest.seq };
    } catch {
      // a damaged backup: try the next older one
    }
  }
  return null;
}
