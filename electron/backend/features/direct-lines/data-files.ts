/**
 * The data folder as files on disk, for «Обезличить»:
 * - scanDataFolder: does any file (snapshots, journal, backups unzipped, anything else) still hold a value?
 * - eraseFromBackups: rewrites the backups made before, dropping the residents of the anonymised questions.
 *
 * eraseFromBackups belongs in the store (Store.rewriteBackups, see the note in anonymise.ts); until it is
 * there it works on the zip entries directly and leaves every other entry of the archive byte-for-byte as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { listBackups } from '../../store/backups.js';
import { writeFileDurably } from '../../store/durable-file.js';

const ZIPPED = /\.(pdbackup|zip)$/i;

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Each value as it appears in a file: raw, and as written inside a JSON string. */
function forms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return json === value ? [value] : [value, json];
}

export interface ScanResult {
  filesScanned: number;
  /** Paths relative to the data folder (a backup entry as «backups/x.pdbackup:collections/y.json»). */
  stillFoundIn: string[];
  unreadable: string[];
}

export function scanDataFolder(dataDir: string, values: string[]): ScanResult {
  const needles = [...new Set(values.filter((v) => v.trim().length >= 3))].flatMap(forms);
  const result: ScanResult = { filesScanned: 0, stillFoundIn: [], unreadable: [] };
  if (needles.length === 0) return result;
  const holds = (text: string) => needles.some((n) => text.includes(n));
  for (const file of walk(dataDir)) {
    result.filesScanned++;
    const rel = path.relative(dataDir, file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      result.unreadable.push(rel);
      continue;
    }
    if (holds(bytes.toString('utf8'))) result.stillFoundIn.push(rel);
    if (!ZIPPED.test(file)) continue;
    try {
      for (const [name, content] of Object.entries(unzipSync(bytes))) if (holds(strFromU8(content))) result.stillFoundIn.push(`${rel}:${name}`);
    } catch {
      result.unreadable.push(rel);
    }
  }
  return result;
}

export interface BackupErasure {
  rewritten: number;
  alreadyClean: number;
  failed: { file: string; message: string }[];
}

/**
 * For every backup in the data folder's backups/: passes the records of `collection` to `erase`
 * (which changes them in place and returns how many it changed) and writes the backup back durably
 * under the same name when anything changed.
 */
export function eraseFromBackups(dataDir: string, collection: string, erase: (records: Record<string, unknown>[]) => number): BackupErasure {
  const out: BackupErasure = { rewritten: 0, alreadyClean: 0, failed: [] };
  const entryName = `collections/${collection}.json`;
  for (const backup of listBackups(dataDir)) {
    try {
      const files = unzipSync(fs.readFileSync(backup.file));
      const entry = files[entryName];
      const records = entry ? (JSON.parse(strFromU8(entry)) as Record<string, unknown>[]) : [];
      if (!Array.isArray(records) || erase(records) === 0) {
        out.alreadyClean++;
        continue;
      }
      files[entryName] = strToU8(JSON.stringify(records));
      writeFileDurably(backup.file, zipSync(files, { level: 6 }));
      out.rewritten++;
    } catch (err) {
      out.failed.push({ file: path.relative(dataDir, backup.file), message: (err as Error).message });
    }
  }
  return out;
}
