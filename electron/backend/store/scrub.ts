/**
 * Erasure (152-ФЗ) reaching files the store keeps besides the live data: the backups in backups/
 * and the moved-aside copies in corrupt/ and quarantine/. Added for «Обезличить» (direct lines).
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { unpackArchive } from './archive.js';
import { listBackups } from './backups.js';
import { writeFileDurably } from './durable-file.js';

export interface Rewrite {
  /** Paths relative to the data folder. */
  rewritten: string[];
  /** Backups that are not zips any more: nothing can be restored from them nor checked, so they go. */
  removed: string[];
  alreadyClean: number;
  failed: { file: string; message: string }[];
}

/**
 * For every backup: hands its collections' records to `edit` (changes them in place, returns the names
 * of the collections it changed); then writes the backup back under its name (temp + fsync + rename),
 * every other entry (manifest, attachments) kept as it was. Synchronous, so no backup is made meanwhile.
 */
export function rewriteBackups(dataDir: string, edit: (collections: Record<string, Record<string, unknown>[]>) => string[]): Rewrite {
  const out: Rewrite = { rewritten: [], removed: [], alreadyClean: 0, failed: [] };
  for (const backup of listBackups(dataDir)) {
    const rel = path.relative(dataDir, backup.file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(backup.file); // EBUSY, EACCES: reported, the other backups still rewritten
    } catch (err) {
      out.failed.push({ file: rel, message: (err as Error).message });
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      fs.rmSync(backup.file, { force: true });
      out.removed.push(rel);
      continue;
    }
    try {
      const { collections } = unpackArchive(bytes); // checks the archive before anything is changed
      const changed = edit(collections as Record<string, Record<string, unknown>[]>);
      if (changed.length === 0) {
        out.alreadyClean++;
        continue;
      }
      const files: Zippable = {};
      for (const [name, content] of Object.entries(entries)) files[name] = name.startsWith('attachments/') ? [content, { level: 0 }] : content;
      for (const name of changed) files[`collections/${name}.json`] = strToU8(JSON.stringify(collections[name]));
      writeFileDurably(backup.file, zipSync(files, { level: 6 }));
      out.rewritten.push(rel);
    } catch (err) {
      out.failed.push({ file: rel, message: (err as Error).message });
    }
  }
  return out;
}

export const LOOSE_COPY_DIRS = ['corrupt', 'quarantine'];

/**
 * The damaged or set-aside copies (corrupt/, quarantine/): text files get `erase` applied to their text
 * (they may not parse, so no records), zips to each entry's text; changed files are rewritten durably.
 * Binary files are left as they are (nothing was typed into them).
 */
export function scrubLooseCopies(dataDir: string, erase: (text: string) => string): Rewrite {
  const out: Rewrite = { rewritten: [], removed: [], alreadyClean: 0, failed: [] };
  for (const dir of LOOSE_COPY_DIRS) {
    const root = path.join(dataDir, dir);
    if (!fs.existsSync(root)) continue;
    for (const file of filesUnder(root)) {
      const rel = path.relative(dataDir, file);
      try {
        const next = scrubbed(fs.readFileSync(file), /\.(nd)?json$/i.test(file), erase);
        if (next) {
          writeFileDurably(file, next);
          out.rewritten.push(rel);
        } else out.alreadyClean++;
      } catch (err) {
        out.failed.push({ file: rel, message: (err as Error).message });
      }
    }
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

/**
 * JSON keeps a name after a newline or a quote as «\nСидорова» or «\"Сидорова»: each string literal
 * is erased decoded (re-encoded only when changed), then the raw text, for a literal cut off at the end.
 */
function eraseIn(text: string, json: boolean, erase: (text: string) => string): string {
  if (!json) return erase(text);
  const inLiterals = text.replace(/"(?:[^"\\]|\\.)*"/g, (lit) => {
    try {
      const value = JSON.parse(lit) as string;
      const next = erase(value);
      return next === value ? lit : JSON.stringify(next);
    } catch {
      return lit;
    }
  });
  return erase(inLiterals);
}

function scrubbed(bytes: Buffer, json: boolean, erase: (text: string) => string): Uint8Array | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const files = unzipSync(bytes);
    let changed = false;
    for (const [name, content] of Object.entries(files)) {
      if (name.startsWith('attachments/')) continue;
      const text = strFromU8(content);
      const next = eraseIn(text, /\.(nd)?json$/i.test(name), erase);
      if (next !== text) [files[name], changed] = [strToU8(next), true];
    }
    return changed ? zipSync(files, { level: 6 }) : null;
  }
  const text = bytes.toString('utf8');
  if (text.includes('\0') || !Buffer.from(text, 'utf8').equals(bytes)) return null; // binary: nothing typed in it
  const next = eraseIn(text, json || /^\s*[[{]/.test(text), erase);
  return next === text ? null : strToU8(next);
}
