import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { findCollectionInBackups } from './backups.js';
import { DurableJSONFile, ensureDir, fsyncDir, renameSync } from './durable-file.js';
import { markShard, type Memory } from './memory.js';
import { CORRUPT, DATA, NO_SHARD, type Defs, type Recovery, type Snapshot } from './types.js';

/** What reading (and, if need be, recovering) the files at start-up works on. */
export interface LoadContext {
  mem: Memory;
  /** Every damaged file found is reported here. */
  recoveries: Recovery[];
  /** The store's readOnly (which notices a lock taken over meanwhile): a read-only instance moves no file. */
  readOnly: () => boolean;
  /** Whether the store holds the folder lock right now. */
  ownsFolder: () => boolean;
}

export function validRecords(defs: Defs, c: string, records: unknown): records is { id: string }[] {
  const schema = defs[c]!.schema;
  return Array.isArray(records) && records.every((r) => schema.safeParse(r).success);
}

/** Reads one snapshot file; a damaged one is moved aside and what a backup has of it is returned instead. */
export async function readSnapshot(ctx: LoadContext, c: string, file: string, shard: string): Promise<{ snapshot: Snapshot; restored: boolean }> {
  const low = new Low<Snapshot | null>(new DurableJSONFile<Snapshot | null>(file), null);
  let problem: string;
  try {
    await low.read();
    const s = low.data;
    if (!s || typeof s !== 'object' || s.format !== 1 || typeof s.seq !== 'number' || !validRecords(ctx.mem.defs, c, s.records)) problem = 'данные не прошли проверку';
    else return { snapshot: s, restored: false };
  } catch (err) {
    problem = err instanceof SyntaxError ? 'файл повреждён или записан не полностью' : (err as Error).message;
  }
  return { snapshot: recoverSnapshot(ctx, c, file, shard, problem), restored: true };
}

function recoverSnapshot(ctx: LoadContext, c: string, file: string, shard: string, problem: string): Snapshot {
  const { dir, defs } = ctx.mem;
  const movedTo = ctx.readOnly() ? null : moveAside(dir, file, false);
  const shardOf = defs[c]!.shardOf;
  const found = findCollectionInBackups(dir, c, (records) => validRecords(defs, c, records));
  const records = (found?.records ?? []).filter((r) => (shardOf ? shardOf(r as { id: string }) : NO_SHARD) === shard) as { id: string }[];
  const name = path.relative(dir, file);
  const where = movedTo ? `Он перемещён в «${path.relative(dir, movedTo)}»` : 'Папка открыта только для чтения, файл не тронут';
  ctx.recoveries.push({
    at: new Date().toISOString(),
    file,
    movedTo: movedTo ?? file,
    restoredFrom: found?.file ?? null,
    message: found
      ? `Файл данных «${name}» повреждён (${problem}). ${where}, данные восстановлены из резервной копии «${path.basename(found.file)}».`
      : `Файл данных «${name}» повреждён (${problem}). ${where}; резервной копии с этими данными не нашлось, раздел «${c}» открыт пустым.`,
  });
  // The shard is rewritten (from what was restored) by the next snapshot.
  markShard(ctx.mem, c, shard);
  return { format: 1, collection: c, shard, seq: found?.seq ?? 0, savedAt: '', records };
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
