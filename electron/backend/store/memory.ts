import type { Entry } from './journal.js';
import { NO_SHARD, type Defs } from './types.js';

/**
 * The store's records in memory and which shards no longer match their snapshot files.
 * Records are replaced, never changed in place (compaction relies on that).
 */
export interface Memory {
  readonly dir: string;
  readonly defs: Defs;
  readonly data: Map<string, Map<string, { id: string }>>;
  readonly dirty: Map<string, Set<string>>;
}

export function collectionOf(mem: Memory, c: string): Map<string, { id: string }> {
  const map = mem.data.get(c);
  if (!map) throw new Error(`unknown collection ${c}`);
  return map;
}

export function markShard(mem: Memory, c: string, shard: string): void {
  const set = mem.dirty.get(c) ?? mem.dirty.set(c, new Set()).get(c)!;
  set.add(shard);
}

export function markDirty(mem: Memory, c: string, record: { id: string } | undefined): void {
  const shardOf = mem.defs[c]!.shardOf;
  if (!shardOf) markShard(mem, c, NO_SHARD);
  else if (record) markShard(mem, c, shardOf(record));
}

/** Applies a journal entry; with `onlyCollections`, skips what a collection's snapshots (seq) already hold. */
export function applyEntry(mem: Memory, entry: Entry, onlyCollections?: Map<string, number>): void {
  for (const op of entry.ops) {
    const map = mem.data.get(op.c);
    if (!map) continue;
    if (onlyCollections && entry.seq <= (onlyCollections.get(op.c) ?? 0)) continue;
    if (op.k === 'put') {
      markDirty(mem, op.c, map.get(op.r.id));
      map.set(op.r.id, op.r);
      markDirty(mem, op.c, op.r);
    } else if (op.k === 'del') {
      markDirty(mem, op.c, map.get(op.id));
      map.delete(op.id);
    } else {
      for (const r of map.values()) markDirty(mem, op.c, r);
      markDirty(mem, op.c, undefined);
      map.clear();
    }
  }
}
