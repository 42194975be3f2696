import fs from 'node:fs';
import { unpackArchive } from './archive.js';
import { listBackups } from './backups.js';
import type { Entry } from './journal.js';
import type { Defs } from './types.js';

export interface Rebuilt {
  /** The collection as of `seq`: the backup's records with the history replayed over them. */
  records: Map<string, { id: string }>;
  seq: number;
  backup: { file: string; createdAt: Date } | null;
  /** Every change from the backup up to `seq` was replayed: the result is the collection as it was. */
  complete: boolean;
}

/** The newest backup holding a readable copy of the collection; its records that fail the schema are left out. */
function newestBackupOf(dir: string, defs: Defs, c: string): { file: string; createdAt: Date; seq: number; records: { id: string }[] } | null {
  const schema = defs[c]!.schema;
  for (const backup of listBackups(dir)) {
    try {
      const content = unpackArchive(fs.readFileSync(backup.file));
      const records = content.collections[c];
      if (!records) continue;
      return { file: backup.file, createdAt: backup.createdAt, seq: content.manifest.seq, records: records.filter((r) => schema.safeParse(r).success) as { id: string }[] };
    } catch {
      // a damaged backup: try the next older one
    }
  }
  return null;
}

/**
 * One collection rebuilt from the newest backup and the journal entries since (history + journal,
 * in seq order, valid ones only). Seqs have no holes (every journaled mutation takes the next one), so
 * a hole means changes are missing: the replay stops there and the result is not `complete`.
 * `upTo` is the seq the damaged file was written at (from its header, or the newest any file has).
 */
export function rebuildCollection(dir: string, defs: Defs, c: string, history: Entry[], upTo: number): Rebuilt {
  const found = newestBackupOf(dir, defs, c);
  const records = new Map((found?.records ?? []).map((r) => [r.id, r]));
  let seq = found?.seq ?? 0;
  for (const entry of history) {
    if (entry.seq <= seq) continue;
    if (entry.seq !== seq + 1) break;
    for (const op of entry.ops) {
      if (op.c !== c) continue;
      if (op.k === 'put') records.set(op.r.id, op.r);
      else if (op.k === 'del') records.delete(op.id);
      else records.clear();
    }
    seq = entry.seq;
  }
  return { records, seq, backup: found ? { file: found.file, createdAt: found.createdAt } : null, complete: seq >= upTo };
}
