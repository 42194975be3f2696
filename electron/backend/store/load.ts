import path from 'node:path';
import { readHistory } from './history.js';
import { readJournal, type Entry } from './journal.js';
import { applyEntry, markDirty, markShard } from './memory.js';
import { readSnapshot, recoverJournal, type LoadContext } from './recovery.js';
import { newestSnapshotSeq, shardFiles } from './snapshots.js';
import { JOURNAL, NO_SHARD } from './types.js';

export interface Loaded {
  /** The highest seq found in the snapshots and the journal. */
  seq: number;
  journalFile: string;
  /** How much of the journal file is whole entries (appending goes on from there). */
  validBytes: number;
  /** The journal had damaged or rejected entries: what was recovered must be snapshotted before it is cut. */
  damaged: boolean;
}

/**
 * Reads every snapshot file into ctx.mem.data (recovering damaged ones from backups), then replays
 * the journal over them. Shards that must be rewritten are marked dirty.
 */
export async function loadFolder(base: Omit<LoadContext, 'history' | 'newestSeq'>): Promise<Loaded> {
  const { mem } = base;
  const journalFile = path.join(mem.dir, JOURNAL);
  const read = readJournal(journalFile);
  const validEntry = (entry: Entry) => entry.ops.every((op) => op.k !== 'put' || !mem.defs[op.c] || mem.defs[op.c]!.schema.safeParse(op.r).success);
  // Needed only to rebuild a damaged file: read on first use, not at every start.
  const history = once(() => historyOf(mem.dir, read.entries.filter(validEntry)));
  const newestSeq = once(() => Math.max(newestSnapshotSeq(mem.dir, mem.defs), history().at(-1)?.seq ?? 0));
  const ctx: LoadContext = { ...base, history, newestSeq };
  let seq = 0;
  const seqOf = new Map<string, number>();
  for (const c of Object.keys(mem.defs)) {
    const map = new Map<string, { id: string }>();
    mem.data.set(c, map);
    const shardOf = mem.defs[c]!.shardOf;
    // Which shard (and snapshot seq) each record came from: a crash in the middle of a compaction
    // can leave a record that moved between shards in both files; the newer copy wins and both are rewritten.
    const origin = new Map<string, { shard: string; seq: number }>();
    const restored: { id: string }[][] = [];
    let minSeq = Infinity;
    for (const { file, shard } of shardFiles(mem.dir, c)) {
      const { snapshot, restored: fromBackup } = await readSnapshot(ctx, c, file, shard);
      minSeq = Math.min(minSeq, snapshot.seq);
      seq = Math.max(seq, snapshot.seq);
      const records = snapshot.records as { id: string }[];
      if (fromBackup) {
        restored.push(records);
        continue;
      }
      for (const r of records) {
        const home = shardOf ? shardOf(r) : NO_SHARD;
        if (home !== shard) {
          markShard(mem, c, shard);
          markShard(mem, c, home);
        }
        const prev = origin.get(r.id);
        if (prev) {
          markShard(mem, c, prev.shard);
          markShard(mem, c, shard);
          if (prev.seq > snapshot.seq) continue;
        }
        origin.set(r.id, { shard, seq: snapshot.seq });
        map.set(r.id, r);
      }
    }
    // Records restored from a backup never override a record a good file has.
    for (const records of restored) {
      for (const r of records) {
        if (map.has(r.id)) continue;
        map.set(r.id, r);
        markDirty(mem, c, r);
      }
    }
    seqOf.set(c, minSeq === Infinity ? 0 : minSeq);
  }

  const rejected: number[] = [];
  read.entries.forEach((entry, i) => {
    if (!validEntry(entry)) {
      rejected.push(read.lines[i]!);
      return;
    }
    applyEntry(mem, entry, seqOf);
    seq = Math.max(seq, entry.seq);
  });
  const damaged = read.damagedLines.length > 0 || rejected.length > 0;
  if (damaged && ctx.ownsFolder()) recoverJournal(ctx, journalFile, read.damagedLines, rejected);
  return { seq, journalFile, validBytes: read.validBytes, damaged };
}

/** The history since the newest backup, then the journal: one list in seq order, each seq once. */
function historyOf(dir: string, journalEntries: Entry[]): Entry[] {
  const bySeq = new Map<number, Entry>();
  for (const e of readHistory(dir)) bySeq.set(e.seq, e);
  for (const e of journalEntries) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}
