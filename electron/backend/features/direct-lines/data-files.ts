/**
 * The data folder as files on disk, for «Обезличить»: does any file (snapshots, journal, backups
 * unzipped, anything else) still hold a value? The backups are rewritten by store/scrub.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

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
