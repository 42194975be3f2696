import fs from 'node:fs';
import path from 'node:path';
import { ensureDir, fsyncDir, writeFileDurably } from './durable-file.js';
import { titleOf } from './salvage.js';

/**
 * Records found in a snapshot that no longer pass their schema (an unknown value written by a newer
 * version, a hand edit): kept aside one file each, listed to the user, and put back once they pass.
 */
export const QUARANTINE = 'quarantine';

export interface QuarantinedRecord {
  /** The file name under quarantine/: what list, restore and discard take. */
  key: string;
  collection: string;
  recordId: string;
  title: string;
  reason: string;
  from: string;
  at: string;
  record: unknown;
}

const SAFE = /[^\p{L}\p{N}_-]+/gu;

export function quarantineRecord(dir: string, entry: Omit<QuarantinedRecord, 'key' | 'title' | 'at'>): QuarantinedRecord {
  const folder = path.join(dir, QUARANTINE);
  ensureDir(folder);
  const at = new Date().toISOString();
  const base = `${entry.collection}-${entry.recordId.replace(SAFE, '_').slice(0, 64)}-${at.replace(/[:.]/g, '-')}`;
  let key = `${base}.json`;
  for (let n = 2; fs.existsSync(path.join(folder, key)); n++) key = `${base}-${n}.json`;
  const full: QuarantinedRecord = { ...entry, key, title: titleOf(entry.record), at };
  writeFileDurably(path.join(folder, key), JSON.stringify(full, null, 1));
  return full;
}

export function listQuarantine(dir: string): QuarantinedRecord[] {
  const folder = path.join(dir, QUARANTINE);
  if (!fs.existsSync(folder)) return [];
  const out: QuarantinedRecord[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    try {
      const q = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as QuarantinedRecord;
      out.push({ ...q, key: name });
    } catch {
      // a quarantine file damaged in turn: left for the user to look at, not listed
    }
  }
  return out;
}

export function readQuarantined(dir: string, key: string): QuarantinedRecord | undefined {
  return listQuarantine(dir).find((q) => q.key === key);
}

export function dropQuarantined(dir: string, key: string): void {
  const file = path.join(dir, QUARANTINE, path.basename(key));
  fs.rmSync(file, { force: true });
  fsyncDir(path.dirname(file));
}
