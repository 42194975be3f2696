import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { AppError, validationError } from '../errors.js';
import { packArchive, unpackArchive, type ArchiveContent } from './archive.js';
import { findCollectionInBackups, rotateBackups, writeBackup } from './backups.js';
import { DurableJSONFile } from './durable-file.js';
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

/**
 * Collections held in memory, made durable by an fdatasync'ed journal and compacted into
 * per-collection (per-shard) lowdb snapshot files. Every write goes through mutate(), one at a time.
 */
export class Store<D extends Defs> {
  private readonly data = new Map<string, Map<string, { id: string }>>();
  private readonly dirty = new Map<string, Set<string>>();
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private journal: Journal | null = null;
  private lock: FolderLock | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
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
    return this.lock === null;
  }

  static async open<D extends Defs>(dir: string, defs: D, options: StoreOptions = {}): Promise<Store<D>> {
    fs.mkdirSync(path.join(dir, DATA), { recursive: true });
    const store = new Store(dir, defs, options);
    if (!options.readOnly) {
      const lock = FolderLock.acquire(dir, 'press-desk');
      if (lock.kind === 'owner') {
        store.lock = lock.lock;
        store.staleLockRecovered = lock.recoveredStale;
      } else store.lockHolder = lock.holder;
    }
    await store.load();
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

  /** Runs `fn` alone; its changes are journaled and on disk before the returned promise resolves. */
  mutate<R>(fn: (tx: Tx<D>) => R | Promise<R>): Promise<R> {
    const run = this.queue.then(() => this.runMutation(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runMutation<R>(fn: (tx: Tx<D>) => R | Promise<R>): Promise<R> {
    if (this.closed) throw new AppError('internal', 'Хранилище закрыто.');
    if (!this.journal) throw this.readOnlyError();
    const ops: Op[] = [];
    const overlay = new Map<string, Map<string, { id: string } | null>>();
    const cleared = new Set<string>();
    const layer = (c: string) => overlay.get(c) ?? overlay.set(c, new Map()).get(c)!;
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
        const parsed = this.defs[c]!.schema.safeParse(record);
        if (!parsed.success) throw validationError(this.defs[c]!.schema, parsed.error);
        ops.push({ c, k: 'put', r: parsed.data });
        layer(c).set(parsed.data.id, parsed.data);
        return parsed.data;
      },
      del: (c, id) => {
        ops.push({ c, k: 'del', id });
        layer(c).set(id, null);
      },
      clear: (c) => {
        ops.push({ c, k: 'clear' });
        overlay.delete(c);
        cleared.add(c);
      },
    };
    const result = await fn(tx);
    if (ops.length === 0) return result;
    const entry: Entry = { seq: this.seq + 1, at: new Date().toISOString(), ops };
    try {
      this.journal.append(entry);
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
    if (!this.journal || this.closed) throw this.readOnlyError();
  }

  private readOnlyError(): AppError {
    const h = this.lockHolder;
    const who = h ? `Папку данных сейчас использует ${h.user} на компьютере ${h.host} (с ${new Date(h.since).toLocaleString('ru-RU')}).` : '';
    return new AppError('read_only', `Открыто только для чтения: изменения не сохраняются. ${who}`.trim());
  }

  private markDirty(c: string, record: { id: string } | undefined): void {
    const set = this.dirty.get(c) ?? this.dirty.set(c, new Set()).get(c)!;
    const shardOf = this.defs[c]!.shardOf;
    set.add(record && shardOf ? shardOf(record) : NO_SHARD);
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

  /** Writes every dirty shard durably, then empties the journal. Runs in the write queue. */
  compact(): Promise<void> {
    const run = this.queue.then(() => this.compactNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async compactNow(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.firstDirtyAt = 0;
    if (!this.journal || this.dirty.size === 0) return;
    const savedAt = new Date().toISOString();
    for (const [c, shards] of this.dirty) {
      const shardOf = this.defs[c]!.shardOf;
      const byShard = new Map<string, unknown[]>([...shards].map((s) => [s, []]));
      for (const r of this.collection(c).values()) byShard.get(shardOf ? shardOf(r) : NO_SHARD)?.push(r);
      for (const [shard, records] of byShard) {
        const file = this.shardFile(c, shard);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const low = new Low<Snapshot>(new DurableJSONFile(file), { format: 1, collection: c, shard, seq: this.seq, savedAt, records });
        await low.write();
      }
    }
    this.dirty.clear();
    this.journal.truncate();
  }

  private shardFile(c: string, shard: string): string {
    return shard === NO_SHARD ? path.join(this.dir, DATA, `${c}.json`) : path.join(this.dir, DATA, c, `${shard}.json`);
  }

  private shardFiles(c: string): string[] {
    const files: string[] = [];
    const single = this.shardFile(c, NO_SHARD);
    if (fs.existsSync(single)) files.push(single);
    const folder = path.join(this.dir, DATA, c);
    if (fs.existsSync(folder)) for (const f of fs.readdirSync(folder)) if (f.endsWith('.json') && !f.startsWith('.')) files.push(path.join(folder, f));
    return files;
  }

  // ---- start-up ------------------------------------------------------------------------

  private validRecords(c: string, records: unknown): records is { id: string }[] {
    const schema = this.defs[c]!.schema;
    return Array.isArray(records) && records.every((r) => schema.safeParse(r).success);
  }

  private async load(): Promise<void> {
    const seqOf = new Map<string, number>();
    for (const c of Object.keys(this.defs)) {
      const map = new Map<string, { id: string }>();
      this.data.set(c, map);
      let minSeq = Infinity;
      for (const file of this.shardFiles(c)) {
        const snapshot = await this.readSnapshot(c, file);
        for (const r of snapshot.records as { id: string }[]) map.set(r.id, r);
        minSeq = Math.min(minSeq, snapshot.seq);
        this.seq = Math.max(this.seq, snapshot.seq);
      }
      seqOf.set(c, minSeq === Infinity ? 0 : minSeq);
    }
    const journalFile = path.join(this.dir, JOURNAL);
    const read = readJournal(journalFile);
    if (read.damagedLines.length > 0 && !this.readOnly) {
      const movedTo = this.moveAside(journalFile, true);
      this.recoveries.push({
        at: new Date().toISOString(),
        file: journalFile,
        movedTo,
        restoredFrom: null,
        message: `Журнал изменений повреждён (строки ${read.damagedLines.join(', ')}). Неповреждённые изменения восстановлены, копия файла сохранена.`,
      });
    }
    for (const entry of read.entries) {
      const valid = entry.ops.every((op) => op.k !== 'put' || !this.defs[op.c] || this.defs[op.c]!.schema.safeParse(op.r).success);
      if (!valid) continue;
      this.apply(entry, seqOf);
      this.seq = Math.max(this.seq, entry.seq);
    }
    if (this.lock) {
      this.journal = new Journal(journalFile, read.damagedLines.length > 0 ? 0 : read.validBytes);
      if (read.damagedLines.length > 0) {
        // The damaged journal was moved aside: persist what we recovered from it right away.
        await this.compactNow();
      }
    }
    this.dirty.size > 0 && this.journal && this.scheduleCompaction();
  }

  private async readSnapshot(c: string, file: string): Promise<Snapshot> {
    const low = new Low<Snapshot | null>(new DurableJSONFile<Snapshot | null>(file), null);
    let problem: string | null = null;
    try {
      await low.read();
      const s = low.data;
      if (!s || s.format !== 1 || !this.validRecords(c, s.records)) problem = 'данные не прошли проверку';
      else return s;
    } catch (err) {
      problem = err instanceof SyntaxError ? 'файл повреждён или записан не полностью' : (err as Error).message;
    }
    return this.recoverSnapshot(c, file, problem);
  }

  private recoverSnapshot(c: string, file: string, problem: string): Snapshot {
    const shard = path.dirname(file).endsWith(path.join(DATA, c)) ? path.basename(file, '.json') : NO_SHARD;
    const movedTo = this.readOnly ? file : this.moveAside(file, false);
    const shardOf = this.defs[c]!.shardOf;
    const found = findCollectionInBackups(this.dir, c, (records) => this.validRecords(c, records));
    const records = (found?.records ?? []).filter((r) => !shardOf || shardOf(r as { id: string }) === shard) as { id: string }[];
    const name = path.relative(this.dir, file);
    this.recoveries.push({
      at: new Date().toISOString(),
      file,
      movedTo,
      restoredFrom: found?.file ?? null,
      message: found
        ? `Файл данных «${name}» повреждён (${problem}). Он перемещён в «${path.relative(this.dir, movedTo)}», данные восстановлены из резервной копии от ${path.basename(found.file)}.`
        : `Файл данных «${name}» повреждён (${problem}). Он перемещён в «${path.relative(this.dir, movedTo)}»; резервной копии с этими данными не нашлось.`,
    });
    // Restored records are written back by the next snapshot.
    for (const r of records) this.markDirty(c, r);
    this.markDirty(c, undefined);
    return { format: 1, collection: c, shard, seq: found?.seq ?? 0, savedAt: '', records };
  }

  /** Moves a bad file into data/corrupt/ (never deletes it) and returns the new path. */
  private moveAside(file: string, copy: boolean): string {
    const dir = path.join(this.dir, CORRUPT);
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${path.basename(file)}`);
    if (copy) fs.copyFileSync(file, target);
    else fs.renameSync(file, target);
    return target;
  }

  // ---- archives and backups --------------------------------------------------------------

  exportArchive(): Uint8Array {
    const collections: Record<string, unknown[]> = {};
    for (const c of Object.keys(this.defs)) collections[c] = this.all(c);
    return packArchive(collections, this.seq);
  }

  backupNow(date = new Date()): string {
    const file = writeBackup(this.dir, this.exportArchive(), date);
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

  async close(): Promise<void> {
    if (this.closed) return;
    await this.compact();
    this.closed = true;
    this.journal?.close();
    this.lock?.release();
  }
}
