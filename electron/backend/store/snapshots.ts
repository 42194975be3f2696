import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile, ensureDir, fsyncDir } from './durable-file.js';
import { collectionOf, type Memory } from './memory.js';
import { DATA, FORMAT, NO_SHARD, type Defs, type Snapshot } from './types.js';

/** The records of one shard as they were when a compaction captured them. */
export interface CapturedShard {
  c: string;
  shard: string;
  records: unknown[];
}

export function shardFile(dir: string, c: string, shard: string): string {
  return shard === NO_SHARD ? path.join(dir, DATA, `${c}.json`) : path.join(dir, DATA, c, `${shard}.json`);
}

export function shardFiles(dir: string, c: string): { file: string; shard: string }[] {
  const files: { file: string; shard: string }[] = [];
  const single = shardFile(dir, c, NO_SHARD);
  if (fs.existsSync(single)) files.push({ file: single, shard: NO_SHARD });
  const folder = path.join(dir, DATA, c);
  if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
    for (const f of fs.readdirSync(folder).sort()) {
      if (f.endsWith('.json') && !f.startsWith('.')) files.push({ file: path.join(folder, f), shard: f.slice(0, -'.json'.length) });
    }
  }
  return files;
}

function headOf(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(256);
    return buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The first snapshot file written by a newer version (a higher `format` in its header), if any. */
export function newerFormatFile(dir: string, defs: Defs): { file: string; format: number } | null {
  for (const c of Object.keys(defs)) {
    for (const { file } of shardFiles(dir, c)) {
      const m = /^\s*\{\s*"format"\s*:\s*(\d+)/.exec(headOf(file));
      if (m && Number(m[1]) > FORMAT) return { file, format: Number(m[1]) };
    }
  }
  return null;
}

/** The highest seq any snapshot header names: how far a damaged file with an unreadable header may have reached. */
export function newestSnapshotSeq(dir: string, defs: Defs): number {
  let newest = 0;
  for (const c of Object.keys(defs)) {
    for (const { file } of shardFiles(dir, c)) {
      const m = /"seq"\s*:\s*(\d+)/.exec(headOf(file));
      if (m) newest = Math.max(newest, Number(m[1]));
    }
  }
  return newest;
}

/** Identity of every snapshot file: a writer replacing one while we read changes it. */
export function signature(dir: string, defs: Defs): string {
  const parts: string[] = [];
  for (const c of Object.keys(defs)) {
    for (const { file } of shardFiles(dir, c)) {
      try {
        const st = fs.statSync(file);
        parts.push(`${file}:${st.ino}:${st.mtimeMs}:${st.size}`);
      } catch {
        parts.push(`${file}:gone`);
      }
    }
  }
  return parts.join('|');
}

/** The records of every dirty shard, which are then counted clean (mark them again if writing fails). */
export function captureShards(mem: Memory): CapturedShard[] {
  const shards: CapturedShard[] = [];
  for (const [c, dirtyShards] of mem.dirty) {
    const shardOf = mem.defs[c]!.shardOf;
    const byShard = new Map<string, unknown[]>([...dirtyShards].map((s) => [s, []]));
    for (const r of collectionOf(mem, c).values()) byShard.get(shardOf ? shardOf(r) : NO_SHARD)?.push(r);
    for (const [shard, records] of byShard) shards.push({ c, shard, records });
  }
  mem.dirty.clear();
  return shards;
}

/** Writes each shard durably (temp file + rename), stamped with the seq it includes. */
export async function writeShards(dir: string, shards: CapturedShard[], seq: number, savedAt: string): Promise<void> {
  for (const { c, shard, records } of shards) {
    const file = shardFile(dir, c, shard);
    if (records.length === 0 && shard !== NO_SHARD) {
      // An emptied shard: no file is the same as an empty one, and keeps the folder tidy.
      if (fs.existsSync(file)) {
        fs.rmSync(file, { force: true });
        fsyncDir(path.dirname(file));
      }
      continue;
    }
    ensureDir(path.dirname(file));
    const low = new Low<Snapshot>(new DurableJSONFile(file), { format: 1, collection: c, shard, seq, savedAt, records });
    await low.write();
  }
}
