import fs from 'node:fs';
import path from 'node:path';
import { validationError } from '../errors.js';
import { countOf } from '../format.js';
import { ensureDir, fsyncDir, renameSync } from './durable-file.js';
import type { Entry } from './journal.js';
import { markShard, type Memory } from './memory.js';
import { quarantineRecord } from './quarantine.js';
import { rebuildCollection } from './rebuild.js';
import { describeRecovery } from './recovery-message.js';
import { salvageSnapshot, titleOf, type RecordRef, type SalvagedSnapshot } from './salvage.js';
import { CORRUPT, DATA, FORMAT, NO_SHARD, type Defs, type Recovery, type Snapshot } from './types.js';

/** What reading (and, if need be, recovering) the files at start-up works on. */
export interface LoadContext {
  mem: Memory;
  /** Every damaged file found is reported here. */
  recoveries: Recovery[];
  /** The store's readOnly (which notices a lock taken over meanwhile): a read-only instance moves no file. */
  readOnly: () => boolean;
  /** Whether the store holds the folder lock right now. */
  ownsFolder: () => boolean;
  /** Journal entries since the newest backup (history, then the journal), in seq order: what rebuilds a damaged file. */
  history: () => Entry[];
  /** The highest seq any snapshot header or journal entry names. */
  newestSeq: () => number;
}

const FILE_DAMAGED = 'файл повреждён или записан не полностью';

/**
 * Reads one snapshot file. A damaged one is moved aside; what is still readable in it is kept, the rest
 * is rebuilt from the newest backup and the journal history, and records failing their schema are
 * quarantined. A file written by a newer version is never touched (the store opens read-only).
 */
export async function readSnapshot(ctx: LoadContext, c: string, file: string, shard: string): Promise<{ snapshot: Snapshot; restored: boolean }> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    return { snapshot: recoverSnapshot(ctx, c, file, shard, (err as Error).message, salvageSnapshot('')), restored: true };
  }
  const found = salvageSnapshot(text);
  const schema = ctx.mem.defs[c]!.schema;
  const valid = found.records.filter((r) => schema.safeParse(r).success) as { id: string }[];
  if (found.format !== null && found.format > FORMAT) {
    // Shown read-only as far as this version understands it; the store refuses every write.
    return { snapshot: { format: 1, collection: c, shard, seq: found.seq ?? 0, savedAt: '', records: valid }, restored: false };
  }
  if (found.whole && found.format === FORMAT && found.seq !== null && valid.length === found.records.length) {
    return { snapshot: { format: 1, collection: c, shard, seq: found.seq, savedAt: '', records: valid }, restored: false };
  }
  const invalid = found.records.length - valid.length;
  const problem = !found.whole ? FILE_DAMAGED : invalid > 0 ? `${countOf(invalid, ['запись не прошла', 'записи не прошли', 'записей не прошли'])} проверку` : 'данные не прошли проверку';
  return { snapshot: recoverSnapshot(ctx, c, file, shard, problem, found), restored: true };
}

function recoverSnapshot(ctx: LoadContext, c: string, file: string, shard: string, problem: string, found: SalvagedSnapshot): Snapshot {
  const { dir, defs } = ctx.mem;
  const schema = defs[c]!.schema;
  const inShard = (r: { id: string }) => (defs[c]!.shardOf ? defs[c]!.shardOf!(r) : NO_SHARD) === shard;
  const movedTo = ctx.readOnly() ? null : moveAside(dir, file, false);
  const name = path.relative(dir, file);

  const fromFile = new Map<string, { id: string }>();
  const failing: { record: { id: string }; reason: string }[] = [];
  for (const r of found.records as { id: string }[]) {
    const parsed = schema.safeParse(r);
    if (parsed.success) fromFile.set(r.id, r);
    else if (r && typeof r.id === 'string') failing.push({ record: r, reason: validationError(schema, parsed.error).message });
  }
  for (const r of found.resynced as { id: string }[]) if (schema.safeParse(r).success && !fromFile.has(r.id)) fromFile.set(r.id, r);
  const rebuilt = rebuildCollection(dir, defs, c, ctx.history(), found.seq ?? ctx.newestSeq());
  const records = new Map<string, { id: string }>();
  for (const r of rebuilt.records.values()) if (inShard(r)) records.set(r.id, r);
  // An incomplete rebuild is older than the file: what the file still has is newer.
  if (!rebuilt.complete) for (const r of fromFile.values()) records.set(r.id, r);

  const ref = (r: { id: string }, reason?: string): RecordRef => ({ id: r.id, title: titleOf(r), ...(reason ? { reason } : {}) });
  const notFromFile = [...records.values()].filter((r) => !fromFile.has(r.id)).map((r) => ref(r));
  // The user must know whether the record is missing or only its damaged copy is set aside.
  for (const f of failing) if (records.has(f.record.id)) f.reason = `${f.reason}; в данных оставлена её прежняя сохранённая версия`;
  const quarantined = ctx.readOnly()
    ? failing.map((f) => ref(f.record, f.reason))
    : failing.map((f) => {
        quarantineRecord(dir, { collection: c, recordId: f.record.id, reason: f.reason, from: name, record: f.record });
        return ref(f.record, f.reason);
      });
  // A complete rebuild has every acknowledged record: an id in a damaged stretch that it lacks was deleted since.
  const unrecoverable = found.damaged
    .filter((d) => !rebuilt.complete && !records.has(d.id))
    .map((d) => ({ ...d, reason: rebuilt.backup ? 'повреждена в файле, в резервной копии и журнале её нет' : 'повреждена в файле, резервной копии нет' }));

  const recovery: Recovery = {
    at: new Date().toISOString(),
    file,
    movedTo: movedTo ?? file,
    restoredFrom: rebuilt.backup?.file ?? null,
    message: '',
    salvaged: [...fromFile.keys()].filter((id) => records.has(id)).length,
    rebuilt: rebuilt.complete ? notFromFile : [],
    fromBackup: rebuilt.complete ? [] : notFromFile,
    quarantined,
    unrecoverable,
  };
  recovery.message = describeRecovery(recovery, {
    name,
    problem,
    movedTo: movedTo && path.relative(dir, movedTo),
    backup: rebuilt.backup ? path.basename(rebuilt.backup.file) : null,
    complete: rebuilt.complete,
    cutShort: found.cutShort,
    collection: c,
  });
  ctx.recoveries.push(recovery);
  // The shard is rewritten (from what was recovered) by the next snapshot.
  markShard(ctx.mem, c, shard);
  return { format: 1, collection: c, shard, seq: rebuilt.complete ? rebuilt.seq : (found.seq ?? rebuilt.seq), savedAt: '', records: [...records.values()] };
}

/** Keeps a copy of a damaged journal and reports what was wrong with it. */
export function recoverJournal(ctx: LoadContext, journalFile: string, damagedLines: number[], rejected: number[]): void {
  const dir = ctx.mem.dir;
  const movedTo = moveAside(dir, journalFile, true);
  const what = [
    damagedLines.length ? `повреждены строки ${damagedLines.join(', ')}` : '',
    rejected.length ? `не прошли проверку изменения в строках ${rejected.join(', ')}` : '',
  ].filter(Boolean);
  ctx.recoveries.push({
    at: new Date().toISOString(),
    file: journalFile,
    movedTo,
    restoredFrom: null,
    message: `Журнал изменений повреждён (${what.join('; ')}). Неповреждённые изменения восстановлены, копия журнала сохранена в «${path.relative(dir, movedTo)}».`,
  });
}

/** Moves (or copies) a bad file into DATA/corrupt/ under a name of its own: nothing there is ever overwritten. */
export function moveAside(root: string, file: string, copy: boolean): string {
  const dir = path.join(root, CORRUPT);
  ensureDir(dir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // data/outlets/2024.json and data/events/2024.json must not meet under one name.
  const base = path.relative(root, file).split(path.sep).join('_');
  for (let n = 1; ; n++) {
    const target = path.join(dir, `${stamp}-${n > 1 ? `${n}-` : ''}${base}`);
    if (fs.existsSync(target)) continue;
    if (copy) {
      try {
        fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw err;
      }
      const fd = fs.openSync(target, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
    } else {
      renameSync(file, target);
    }
    fsyncDir(dir);
    if (!copy) fsyncDir(path.dirname(file));
    return target;
  }
}

/** Temp files of writes a crash interrupted (the real files are intact: temp + rename). */
export function removeStaleTemps(root: string, defs: Defs): void {
  const isTemp = (f: string) => f.startsWith('.') && f.endsWith('.tmp');
  const clean = (folder: string, olderThanMs: number) => {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return;
    }
    for (const f of names.filter(isTemp)) {
      const file = path.join(folder, f);
      try {
        if (Date.now() - fs.statSync(file).mtimeMs >= olderThanMs) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    }
  };
  // Only the lock holder writes under data/; backups and the lock may be written by others for a moment.
  clean(path.join(root, DATA), 0);
  for (const c of Object.keys(defs)) clean(path.join(root, DATA, c), 0);
  clean(root, 60_000);
  clean(path.join(root, 'backups'), 3_600_000);
}
