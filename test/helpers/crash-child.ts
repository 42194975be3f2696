/**
 * A writer to be killed: opens a Store on a folder and saves forever, printing each change *before*
 * it is attempted ("try …") and its acknowledgement *after* mutate() resolved ("ack …").
 * The parent (crash-harness.ts) SIGKILLs it at a random moment and checks the folder.
 *
 *   node crash-child.mjs DIR SEED COMPACT_AFTER_MS COMPACT_AT_MOST_MS MODE
 *   MODE: writes   — saves only (compactions happen on the timers)
 *         compact  — also starts a compaction every few saves, and keeps saving while it runs
 *         backup   — also writes a backup every few saves
 *
 * Output lines (fs.writeSync to the pipe: synchronous, so a printed ack is never lost):
 *   ready
 *   try {"put":[[id,year,v],…],"del":[id,…],"notes":[[id,v],…],"clearNotes":true}
 *   ack SEQ
 *   compact | compacted | backup | backed-up
 */
import fs from 'node:fs';
import { Store } from '../../electron/backend/store/store.js';
import { itemFor, noteFor, testDefs, type Item } from './defs.js';

const [dir, seedArg, compactAfterArg, atMostArg, mode = 'writes'] = process.argv.slice(2);
if (!dir) throw new Error('usage: crash-child DIR SEED COMPACT_AFTER_MS COMPACT_AT_MOST_MS MODE');

let seed = Number(seedArg ?? 1) >>> 0 || 1;
const rnd = () => {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
};
const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
const out = (line: string) => fs.writeSync(1, line + '\n');

export interface ChildOp {
  put?: [string, number, number][];
  del?: string[];
  notes?: [string, number][];
  clearNotes?: boolean;
}

const store = await Store.open(dir, testDefs, {
  compactAfterMs: Number(compactAfterArg ?? 1500),
  compactAtMostEveryMs: Number(atMostArg ?? 30000),
});
if (store.readOnly) {
  out(`readonly ${JSON.stringify(store.lockHolder)}`);
  process.exit(3);
}
if (store.recoveries.length) out(`recoveries ${JSON.stringify(store.recoveries)}`);
out('ready');

const tag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let n = 0;
const newId = () => `${tag}-${++n}`;

function pickItem(): Item | undefined {
  const all = store.all('items');
  return all.length ? all[int(0, all.length - 1)] : undefined;
}

function nextOp(): ChildOp {
  const count = store.count('items');
  const r = rnd();
  const year = () => int(2019, 2025);
  if (count > 300 && r < 0.35) {
    const ids = new Set<string>();
    for (let i = 0; i < int(1, 5); i++) {
      const it = pickItem();
      if (it) ids.add(it.id);
    }
    return { del: [...ids] };
  }
  if (r < 0.4) return { put: [[newId(), year(), 1]] };
  if (r < 0.65) {
    const it = pickItem();
    if (!it) return { put: [[newId(), year(), 1]] };
    // A third of updates move the record to another year: from one shard file to another.
    return { put: [[it.id, rnd() < 0.33 ? year() : it.year, it.v + 1]] };
  }
  if (r < 0.75) {
    const it = pickItem();
    return it ? { del: [it.id] } : { put: [[newId(), year(), 1]] };
  }
  if (r < 0.87) {
    // One transaction over both collections: all of it or none of it must survive.
    const put: [string, number, number][] = [];
    for (let i = 0; i < int(2, 25); i++) put.push([newId(), year(), 1]);
    const moved = pickItem();
    if (moved) put.push([moved.id, year(), moved.v + 1]);
    const victim = pickItem();
    const del = victim && victim.id !== moved?.id ? [victim.id] : [];
    return { put, del, notes: [[`n${int(1, 30)}`, int(1, 1000)]] };
  }
  if (r < 0.995) return { notes: [[`n${int(1, 30)}`, int(1, 1000)]] };
  return { clearNotes: true, notes: [[`n${int(1, 30)}`, int(1, 1000)]] };
}

let ops = 0;
for (;;) {
  const op = nextOp();
  out(`try ${JSON.stringify(op)}`);
  await store.mutate((tx) => {
    if (op.clearNotes) tx.clear('notes');
    for (const id of op.del ?? []) tx.del('items', id);
    for (const [id, year, v] of op.put ?? []) tx.put('items', itemFor(id, year, v));
    for (const [id, v] of op.notes ?? []) tx.put('notes', noteFor(id, v));
  });
  out(`ack ${store.currentSeq}`);
  ops++;
  if (mode === 'compact' && ops % 15 === 0) {
    out('compact');
    // Not awaited: saves go on while the snapshot is written, and the journal tail must survive the cut.
    void store.compact().then(() => out('compacted'));
  }
  if (mode === 'backup' && ops % 15 === 0) {
    out('backup');
    store.backupNow();
    out('backed-up');
  }
}
