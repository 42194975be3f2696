import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { AppError, validationError } from '../errors.js';
import { packArchive, unpackArchive, type ArchiveContent } from './archive.js';
import { readAttachments, writeAttachments } from './attachments.js';
import { findCollectionInBackups, rotateBackups, writeBackup } from './backups.js';
import { DurableJSONFile, ensureDir, fsyncDir, renameSync } from './durable-file.js';
import { FolderLock, type LockInfo } from './lock.js';
import { Journal, readJournal, type Entry, type Op } from './journal.js';

export interface CollectionDef<T extends { id: string } = { id: string }> {
  schema: z.ZodType<T>;
  /** Big collections are split into one file per shard (usually the year). */
  shardOf?: (record: T) => string;
}
export type Defs = Record<string, CollectionDef<any>>;
export type RecordOf<D> = D extends CollectionDef<infer T> ? T : never;

interface Snapshot {
  format: 1;
  collection: string;
  shard: string;
  seq: number;
  savedAt: string;
  records: unknown[];
}

export interface Recovery {
  at: string;
  file: string;
  movedTo: string;
  restoredFrom: string | null;
  message: string;
}

export interface StoreOptions {
  readOnly?: boolean;
  /** Snapshot this long after the last write (ms). */
  compactAfterMs?: number;
  /** ...but at least this often while writes keep coming. */
  compactAtMostEveryMs?: number;
  onSaved?: (info: { seq: number; at: string }) => void;
  /** How messages show a time to the user (the organisation's time zone, not the computer's). */
  describeTime?: (iso: string) => string;
}

const JOURNAL = 'journal.ndjson';
const DATA = 'data';
const CORRUPT = 'corrupt';
const NO_SHARD = '';

export interface Tx<D extends Defs> {
  get<C extends keyof D & string>(c: C, id: string): RecordOf<D[C]> | undefined;
  all<C extends keyof D & string>(c: C): RecordOf<D[C]>[];
  put<C extends keyof D & string>(c: C, record: RecordOf<D[C]>): RecordOf<D[C]>;
  del<C extends keyof D & string>(c: C, id: string): void;
  clear<C extends keyof D & string>(c: C): void;
}

interface Captured {
  seq: number;
  savedAt: string;
  journal: Journal;
  journalBytes: number;
  shards: { c: string; shard: string; records: unknown[] }[];
}

/**
 * Collections held in memory, made durable by an fdatasync'ed journal and compacted into
 * per-collection (per-shard) lowdb snapshot files. Every write goes through mutate(), one at a time.
 *
 * Compaction does not hold up saves: the dirty shards are captured between two mutations (records
 * are replaced, never changed in place, so the captured lists stay as they were), written in the
 * background, and only then is the journal cut — keeping every entry appended in the meantime.
 */
export class Store<D extends Defs> {
  private readonly data = new Map<string, Map<string, { id: string }>>();
  private readonly dirty = new Map<string, Set<string>>();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private compactions: Promise<unknown> = Promise.resolve();
  private journal: Journal | null = null;
  private lock: FolderLock | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
  private closing: Promise<void> | null = null;
  private closed = false;
  readonly recoveries: Recovery[] = [];
  lockHolder: LockInfo | null = null;
  staleLockRecovered: LockInfo | null = null;
  lastSavedAt: string | null = null;

  private constructor(
    readonly dir: string,
    readonly defs: D,
    readonly options: StoreOptions,
  ) {}

  /** True when another instance holds the folder (or read-only was asked for): nothing can be saved. */
  get readOnly(): boolean {
    if (this.lock && !this.lock.stillOwned()) this.loseLock();
    return this.lock === null;
  }

  static async open<D extends Defs>(dir: string, defs: D, options: StoreOptions = {}): Promise<Store<D>> {
    ensureDir(path.join(dir, DATA));
    const store = new Store(dir, defs, options);
    if (!options.readOnly) {
      const lock = FolderLock.acquire(dir, 'press-desk');
      if (lock.kind === 'owner') {
        store.lock = lock.lock;
        store.staleLockRecovered = lock.recoveredStale;
      } else store.lockHolder = lock.holder;
    }
    try {
      await store.load();
    } catch (err) {
      // Do not leave the folder locked by an instance that failed to open.
      store.journal?.close();
      store.lock?.release();
      throw err;
    }
    return store;
  }

  // ---- reading -------------------------------------------------------------------------

  all<C extends keyof D & string>(c: C): RecordOf<D[C]>[] {
    return [...this.collection(c).values()] as RecordOf<D[C]>[];
  }

  get<C extends keyof D & string>(c: C, id: string): RecordOf<D[C]> | undefined {
    return this.collection(c).get(id) as RecordOf<D[C]> | undefined;
  }

  count(c: keyof D & string): number {
    return this.collection(c).size;
  }

  get currentSeq(): number {
    return this.seq;
  }

  private collection(c: string): Map<string, { id: string }> {
    const map = this.data.get(c);
    if (!map) throw new Error(`unknown collection ${c}`);
    return map;
  }

  // ---- writing -------------------------------------------------------------------------

  private enqueue<R>(job: () => R | Promise<R>): Promise<R> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `fn` alone; its changes are journaled and on disk before the returned promise resolves. */
  mutate<R>(fn: (tx: Tx<D>) => R | Promise<R>): Promise<R> {
    if (this.closing) return Promise.reject(new AppError('internal', 'Хранилище закрыто.'));
    return this.enqueue(() => this.runMutation(fn));
  }

  private async runMutation<R>(fn: (tx: Tx<D>) => R | Promise<R>): Promise<R> {
    if (this.closed) throw new AppError('internal', 'Хранилище закрыто.');
    this.assertWritable();
    const ops: Op[] = [];
    const overlay = new Map<string, Map<string, { id: string } | null>>();
    const cleared = new Set<string>();
    const layer = (c: string) => overlay.get(c) ?? overlay.set(c, new Map()).get(c)!;
    const def = (c: string) => {
      const d = this.defs[c];
      if (!d) throw new Error(`unknown collection ${c}`);
      return d;
    };
    const tx: Tx<D> = {
      get: (c, id) => {
        const o = overlay.get(c)?.get(id);
        if (o !== undefined) return (o ?? undefined) as never;
        return (cleared.has(c) ? undefined : this.collection(c).get(id)) as never;
      },
      all: (c) => {
        const base = cleared.has(c) ? new Map() : new Map(this.collection(c));
        for (const [id, r] of overlay.get(c) ?? []) r ? base.set(id, r) : base.delete(id);
        return [...base.values()] as never;
      },
      put: (c, record) => {
        const schema = def(c).schema;
        const parsed = schema.safeParse(record);
        if (!parsed.success) throw validationError(schema, parsed.error);
        ops.push({ c, k: 'put', r: parsed.data });
        layer(c).set(parsed.data.id, parsed.data);
        return parsed.data;
      },
      del: (c, id) => {
        def(c);
        ops.push({ c, k: 'del', id });
        layer(c).set(id, null);
      },
      clear: (c) => {
        def(c);
        ops.push({ c, k: 'clear' });
        overlay.delete(c);
        cleared.add(c);
      },
    };
    const result = await fn(tx);
    if (ops.length === 0) return result;
    // The callback may have awaited: check again that we may still write.
    this.assertWritable();
    const entry: Entry = { seq: this.seq + 1, at: new Date().toISOString(), ops };
    try {
      this.journal!.append(entry);
    } catch (err) {
      throw new AppError('internal', `Не удалось сохранить изменения на диск: ${(err as Error).message}. Проверьте место на диске и доступ к папке данных.`);
    }
    this.seq = entry.seq;
    this.apply(entry);
    this.lastSavedAt = entry.at;
    this.scheduleCompaction();
    this.options.onSaved?.({ seq: entry.seq, at: entry.at });
    return result;
  }

  /** Throws the read-only error (naming who holds the folder) when nothing can be saved. */
  assertWritable(): void {
    if (this.lock && !this.lock.stillOwned()) this.loseLock();
    if (!this.journal || this.closed) throw this.readOnlyError();
  }

  /** Another instance took the folder over (we looked dead to it): stop writing at once. */
  private loseLock(): void {
    this.lockHolder = this.lock!.lostTo;
    this.lock = null;
    this.journal?.close();
    this.journal = null;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
  }

  private readOnlyError(): AppError {
    const h = this.lockHolder;
    const who = h ? `Папку данных сейчас использует ${h.user} на компьютере ${h.host} (с ${h.since ? (this.options.describeTime ?? ((iso: string) => new Date(iso).toLocaleString('ru-RU')))(h.since) : 'неизвестного времени'}).` : '';
    return new AppError('read_only', `Открыто только для чтения: изменения не сохраняются. ${who}`.trim());
  }

  private markShard(c: string, shard: string): void {
    const set = this.dirty.get(c) ?? this.dirty.set(c, new Set()).get(c)!;
    set.add(shard);
  }

  private markDirty(c: string, record: { id: string } | undefined): void {
    const shardOf = this.defs[c]!.shardOf;
    if (!shardOf) this.markShard(c, NO_SHARD);
    else if (record) this.markShard(c, shardOf(record));
  }

  private apply(entry: Entry, onlyCollections?: Map<string, number>): void {
    for (const op of entry.ops) {
      const map = this.data.get(op.c);
      if (!map) continue;
      if (onlyCollections && entry.seq <= (onlyCollections.get(op.c) ?? 0)) continue;
      if (op.k === 'put') {
        this.markDirty(op.c, map.get(op.r.id));
        map.set(op.r.id, op.r);
        this.markDirty(op.c, op.r);
      } else if (op.k === 'del') {
        this.markDirty(op.c, map.get(op.id));
        map.delete(op.id);
      } else {
        for (const r of map.values()) this.markDirty(op.c, r);
        this.markDirty(op.c, undefined);
        map.clear();
      }
    }
  }

  // ---- snapshots -----------------------------------------------------------------------

  private scheduleCompaction(): void {
    const now = Date.now();
    if (!this.firstDirtyAt) this.firstDirtyAt = now;
    const idle = this.options.compactAfterMs ?? 1500;
    const atMost = this.options.compactAtMostEveryMs ?? 30_000;
    const delay = Math.max(0, Math.min(idle, this.firstDirtyAt + atMost - now));
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => void this.compact().catch(() => undefined), delay);
    this.compactTimer.unref();
  }

  /**
   * Writes every dirty shard durably, then cuts the journal. Includes every mutation asked for before
   * the call; saves asked for meanwhile go on (they stay in the journal). One compaction at a time.
   */
  compact(): Promise<void> {
    return this.compactInOrder(false);
  }

  private compactInOrder(force: boolean): Promise<void> {
    const run = this.compactions.then(() => this.compactOnce(force));
    this.compactions = run.catch(() => undefined);
    return run;
  }

  private capture(force: boolean): Captured | null {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.firstDirtyAt = 0;
    const journal = this.journal;
    if (!journal || (this.dirty.size === 0 && journal.size() === 0 && !force)) return null;
    const shards: Captured['shards'] = [];
    for (const [c, dirtyShards] of this.dirty) {
      const shardOf = this.defs[c]!.shardOf;
      const byShard = new Map<string, unknown[]>([...dirtyShards].map((s) => [s, []]));
      for (const r of this.collection(c).values()) byShard.get(shardOf ? shardOf(r) : NO_SHARD)?.push(r);
      for (const [shard, records] of byShard) shards.push({ c, shard, records });
    }
    this.dirty.clear();
    return { seq: this.seq, savedAt: new Date().toISOString(), journal, journalBytes: journal.size(), shards };
  }

  private async compactOnce(force: boolean): Promise<void> {
    // Taken in the write queue, so every mutation asked for before this compaction is in it.
    const cap = await this.enqueue(() => this.capture(force));
    if (!cap) return;
    try {
      for (const { c, shard, records } of cap.shards) {
        const file = this.shardFile(c, shard);
        if (records.length === 0 && shard !== NO_SHARD) {
          // An emptied shard: no file is the same as an empty one, and keeps the folder tidy.
          if (fs.existsSync(file)) {
            fs.rmSync(file, { force: true });
            fsyncDir(path.dirname(file));
          }
          continue;
        }
        ensureDir(path.dirname(file));
        const low = new Low<Snapshot>(new DurableJSONFile(file), { format: 1, collection: c, shard, seq: cap.seq, savedAt: cap.savedAt, records });
        await low.write();
      }
    } catch (err) {
      // Nothing is lost (the journal still has it all): try these shards again next time.
      for (const { c, shard } of cap.shards) this.markShard(c, shard);
      if (this.journal) this.scheduleCompaction();
      throw err;
    }
    // Every entry up to cap.seq is now in the snapshots; entries appended since stay in the journal.
    if (this.journal === cap.journal) cap.journal.dropHead(cap.journalBytes);
  }

  private shardFile(c: string, shard: string): string {
    return shard === NO_SHARD ? path.join(this.dir, DATA, `${c}.json`) : path.join(this.dir, DATA, c, `${shard}.json`);
  }

  private shardFiles(c: string): { file: string; shard: string }[] {
    const files: { file: string; shard: string }[] = [];
    const single = this.shardFile(c, NO_SHARD);
    if (fs.existsSync(single)) files.push({ file: single, shard: NO_SHARD });
    const folder = path.join(this.dir, DATA, c);
    if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
      for (const f of fs.readdirSync(folder).sort()) {
        if (f.endsWith('.json') && !f.startsWith('.')) files.push({ file: path.join(folder, f), shard: f.slice(0, -'.json'.length) });
      }
    }
    return files;
  }

  // ---- start-up ------------------------------------------------------------------------

  private validRecords(c: string, records: unknown): records is { id: string }[] {
    const schema = this.defs[c]!.schema;
    return Array.isArray(records) && records.every((r) => schema.safeParse(r).success);
  }

  /** Identity of every snapshot file: a writer replacing one while we read changes it. */
  private signature(): string {
    const parts: string[] = [];
    for (const c of Object.keys(this.defs)) {
      for (const { file } of this.shardFiles(c)) {
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

  private async load(): Promise<void> {
    if (this.lock) this.removeStaleTemps();
    // A read-only instance reads files a live writer may be replacing: retry until it saw one state.
    for (let attempt = 1; ; attempt++) {
      const before = this.readOnly ? this.signature() : '';
      await this.loadOnce();
      if (!this.readOnly || attempt >= 5 || this.signature() === before) break;
      this.data.clear();
      this.dirty.clear();
      this.seq = 0;
      this.recoveries.length = 0;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
    if (this.journal && (this.dirty.size > 0 || this.journal.size() > 0)) this.scheduleCompaction();
  }

  private async loadOnce(): Promise<void> {
    const seqOf = new Map<string, number>();
    for (const c of Object.keys(this.defs)) {
      const map = new Map<string, { id: string }>();
      this.data.set(c, map);
      const shardOf = this.defs[c]!.shardOf;
      // Which shard (and snapshot seq) each record came from: a crash in the middle of a compaction
      // can leave a record that moved between shards in both files; the newer copy wins and both are rewritten.
      const origin = new Map<string, { shard: string; seq: number }>();
      const restored: { id: string }[][] = [];
      let minSeq = Infinity;
      for (const { file, shard } of this.shardFiles(c)) {
        const { snapshot, restored: fromBackup } = await this.readSnapshot(c, file, shard);
        minSeq = Math.min(minSeq, snapshot.seq);
        this.seq = Math.max(this.seq, snapshot.seq);
        const records = snapshot.records as { id: string }[];
        if (fromBackup) {
          restored.push(records);
          continue;
        }
        for (const r of records) {
          const home = shardOf ? shardOf(r) : NO_SHARD;
          if (home !== shard) {
            this.markShard(c, shard);
            this.markShard(c, home);
          }
          const prev = origin.get(r.id);
          if (prev) {
            this.markShard(c, prev.shard);
            this.markShard(c, shard);
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
          this.markDirty(c, r);
        }
      }
      seqOf.set(c, minSeq === Infinity ? 0 : minSeq);
    }

    const journalFile = path.join(this.dir, JOURNAL);
    const read = readJournal(journalFile);
    const rejected: number[] = [];
    read.entries.forEach((entry, i) => {
      const valid = entry.ops.every((op) => op.k !== 'put' || !this.defs[op.c] || this.defs[op.c]!.schema.safeParse(op.r).success);
      if (!valid) {
        rejected.push(read.lines[i]!);
        return;
      }
      this.apply(entry, seqOf);
      this.seq = Math.max(this.seq, entry.seq);
    });
    const damaged = read.damagedLines.length > 0 || rejected.length > 0;
    if (damaged && this.lock) {
      const movedTo = this.moveAside(journalFile, true);
      const what = [
        read.damagedLines.length ? `повреждены строки ${read.damagedLines.join(', ')}` : '',
        rejected.length ? `не прошли проверку изменения в строках ${rejected.join(', ')}` : '',
      ].filter(Boolean);
      this.recoveries.push({
        at: new Date().toISOString(),
        file: journalFile,
        movedTo,
        restoredFrom: null,
        message: `Журнал изменений повреждён (${what.join('; ')}). Неповреждённые изменения восстановлены, копия журнала сохранена в «${path.relative(this.dir, movedTo)}».`,
      });
    }
    if (this.lock) {
      this.journal = new Journal(journalFile, read.validBytes);
      if (damaged) {
        // Persist what was recovered into the snapshots first; only then is the damaged journal dropped.
        // (If this fails, nothing is lost: the next start finds the same journal again.)
        await this.compactInOrder(true).catch(() => undefined);
      }
    }
  }

  private async readSnapshot(c: string, file: string, shard: string): Promise<{ snapshot: Snapshot; restored: boolean }> {
    const low = new Low<Snapshot | null>(new DurableJSONFile<Snapshot | null>(file), null);
    let problem: string;
    try {
      await low.read();
      const s = low.data;
      if (!s || typeof s !== 'object' || s.format !== 1 || typeof s.seq !== 'number' || !this.validRecords(c, s.records)) problem = 'данные не прошли проверку';
      else return { snapshot: s, restored: false };
    } catch (err) {
      problem = err instanceof SyntaxError ? 'файл повреждён или записан не полностью' : (err as Error).message;
    }
    return { snapshot: this.recoverSnapshot(c, file, shard, problem), restored: true };
  }

  private recoverSnapshot(c: string, file: string, shard: string, problem: string): Snapshot {
    const movedTo = this.readOnly ? null : this.moveAside(file, false);
    const shardOf = this.defs[c]!.shardOf;
    const found = findCollectionInBackups(this.dir, c, (records) => this.validRecords(c, records));
    const records = (found?.records ?? []).filter((r) => (shardOf ? shardOf(r as { id: string }) : NO_SHARD) === shard) as { id: string }[];
    const name = path.relative(this.dir, file);
    const where = movedTo ? `Он перемещён в «${path.relative(this.dir, movedTo)}»` : 'Папка открыта только для чтения, файл не тронут';
    this.recoveries.push({
      at: new Date().toISOString(),
      file,
      movedTo: movedTo ?? file,
      restoredFrom: found?.file ?? null,
      message: found
        ? `Файл данных «${name}» повреждён (${problem}). ${where}, данные восстановлены из резервной копии «${path.basename(found.file)}».`
        : `Файл данных «${name}» повреждён (${problem}). ${where}; резервной копии с этими данными не нашлось, раздел «${c}» открыт пустым.`,
    });
    // The shard is rewritten (from what was restored) by the next snapshot.
    this.markShard(c, shard);
    return { format: 1, collection: c, shard, seq: found?.seq ?? 0, savedAt: '', records };
  }

  /** Moves (or copies) a bad file into DATA/corrupt/ under a name of its own: nothing there is ever overwritten. */
  private moveAside(file: string, copy: boolean): string {
    const dir = path.join(this.dir, CORRUPT);
    ensureDir(dir);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    // data/outlets/2024.json and data/events/2024.json must not meet under one name.
    const base = path.relative(this.dir, file).split(path.sep).join('_');
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
  private removeStaleTemps(): void {
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
    clean(path.join(this.dir, DATA), 0);
    for (const c of Object.keys(this.defs)) clean(path.join(this.dir, DATA, c), 0);
    clean(this.dir, 60_000);
    clean(path.join(this.dir, 'backups'), 3_600_000);
  }

  // ---- archives and backups --------------------------------------------------------------

  /**
   * Everything, for «Экспорт всех данных»: the records and the files under attachments/.
   * Backups leave the attachments out: those files are written once and never changed in place,
   * so the copy in the folder is the one a backup would hold, and daily copies of every photo
   * would fill the disk.
   */
  exportArchive(opts: { attachments?: boolean } = {}): Uint8Array {
    const collections: Record<string, unknown[]> = {};
    for (const c of Object.keys(this.defs)) collections[c] = this.all(c);
    return packArchive(collections, this.seq, new Date(), opts.attachments === false ? {} : readAttachments(this.dir));
  }

  backupNow(date = new Date()): string {
    const file = writeBackup(this.dir, this.exportArchive({ attachments: false }), date);
    rotateBackups(this.dir, 14, 3, date);
    return file;
  }

  /** Checks the whole archive against the schemas first; only then replaces everything in one journaled write. */
  async importArchive(bytes: Uint8Array): Promise<Record<string, number>> {
    let content: ArchiveContent;
    try {
      content = unpackArchive(bytes);
    } catch (err) {
      throw new AppError('validation', `Архив не принят: ${(err as Error).message}. Текущие данные не изменены.`);
    }
    for (const [c, records] of Object.entries(content.collections)) {
      const def = this.defs[c];
      if (!def) throw new AppError('validation', `Архив не принят: неизвестный раздел «${c}». Текущие данные не изменены.`);
      for (let i = 0; i < records.length; i++) {
        const parsed = def.schema.safeParse(records[i]);
        if (!parsed.success) {
          const e = validationError(def.schema, parsed.error);
          throw new AppError('validation', `Архив не принят: раздел «${c}», запись № ${i + 1}: ${e.message}. Текущие данные не изменены.`, e.issues);
        }
      }
    }
    // Files first: a record restored below may point at them. Same-named files are replaced.
    writeAttachments(this.dir, content.attachments);
    return this.mutate((tx) => {
      const counts: Record<string, number> = {};
      for (const c of Object.keys(this.defs)) {
        tx.clear(c);
        for (const r of content.collections[c] ?? []) tx.put(c, r as never);
        counts[c] = (content.collections[c] ?? []).length;
      }
      return counts;
    });
  }

  /** Waits for queued saves, writes the last snapshot, and lets go of the folder. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.compact();
      } finally {
        await this.queue;
        this.closed = true;
        if (this.compactTimer) clearTimeout(this.compactTimer);
        this.compactTimer = null;
        this.journal?.close();
        this.journal = null;
        this.lock?.release();
      }
    })();
    return this.closing;
  }
}
