import path from 'node:path';
import { AppError, validationError } from '../errors.js';
import { packArchive, unpackArchive, type ArchiveContent } from './archive.js';
import { readAttachments, writeAttachments } from './attachments.js';
import { rotateBackups, writeBackup } from './backups.js';
import { ensureDir } from './durable-file.js';
import { FolderLock, type LockInfo } from './lock.js';
import { Journal, type Entry } from './journal.js';
import { loadFolder } from './load.js';
import { applyEntry, collectionOf, markShard, type Memory } from './memory.js';
import { appendHistory, resetHistory } from './history.js';
import { removeStaleTemps, type LoadContext } from './recovery.js';
import { captureShards, newerFormatFile, signature, writeShards, type CapturedShard } from './snapshots.js';
import { createTx, type Tx } from './tx.js';
import { DATA, type Defs, type RecordOf, type Recovery, type StoreOptions } from './types.js';

export type { CollectionDef, Defs, RecordOf, Recovery, StoreOptions } from './types.js';
export type { Tx } from './tx.js';

export const newerFormatMessage = (format: number) =>
  `Открыто только для чтения: папка создана более новой версией Пресс-деска (формат ${format}): обновите программу. Файлы папки не изменены.`;

interface Captured {
  seq: number;
  savedAt: string;
  journal: Journal;
  journalBytes: number;
  shards: CapturedShard[];
}

/**
 * Collections held in memory, made durable by an fdatasync'ed journal and compacted into
 * per-collection (per-shard) lowdb snapshot files. Every write goes through mutate(), one at a time.
 *
 * Compaction does not hold up saves: the dirty shards are captured between two mutations (records
 * are replaced, never changed in place, so the captured lists stay as they were), written in the
 * background, and only then is the journal cut — keeping every entry appended in the meantime.
 *
 * The parts live next door: memory.ts (records and dirty shards), tx.ts (a mutation's view),
 * snapshots.ts (snapshot files), load.ts and recovery.ts (start-up and damaged files).
 */
export class Store<D extends Defs> {
  private readonly data = new Map<string, Map<string, { id: string }>>();
  private readonly dirty = new Map<string, Set<string>>();
  private readonly mem: Memory;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private compactions: Promise<unknown> = Promise.resolve();
  // journal, lock, compactTimer and closed are also reached by test/helpers/store-kit.ts abandon().
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
  /** A snapshot file of a newer format: the folder is open read-only and nothing in it is touched. */
  newerFormat: { file: string; format: number } | null = null;

  private constructor(
    readonly dir: string,
    readonly defs: D,
    readonly options: StoreOptions,
  ) {
    this.mem = { dir, defs, data: this.data, dirty: this.dirty };
  }

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
    return [...collectionOf(this.mem, c).values()] as RecordOf<D[C]>[];
  }

  get<C extends keyof D & string>(c: C, id: string): RecordOf<D[C]> | undefined {
    return collectionOf(this.mem, c).get(id) as RecordOf<D[C]> | undefined;
  }

  count(c: keyof D & string): number {
    return collectionOf(this.mem, c).size;
  }

  get currentSeq(): number {
    return this.seq;
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
    const { tx, ops } = createTx(this.defs, (c) => collectionOf(this.mem, c));
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
    applyEntry(this.mem, entry);
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
    if (this.newerFormat) return new AppError('read_only', newerFormatMessage(this.newerFormat.format));
    const h = this.lockHolder;
    const who = h ? `Папку данных сейчас использует ${h.user} на компьютере ${h.host} (с ${h.since ? (this.options.describeTime ?? ((iso: string) => new Date(iso).toLocaleString('ru-RU')))(h.since) : 'неизвестного времени'}).` : '';
    return new AppError('read_only', `Открыто только для чтения: изменения не сохраняются. ${who}`.trim());
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
    const shards = captureShards(this.mem);
    return { seq: this.seq, savedAt: new Date().toISOString(), journal, journalBytes: journal.size(), shards };
  }

  private async compactOnce(force: boolean): Promise<void> {
    // Taken in the write queue, so every mutation asked for before this compaction is in it.
    const cap = await this.enqueue(() => this.capture(force));
    if (!cap) return;
    try {
      await writeShards(this.dir, cap.shards, cap.seq, cap.savedAt);
    } catch (err) {
      // Nothing is lost (the journal still has it all): try these shards again next time.
      for (const { c, shard } of cap.shards) markShard(this.mem, c, shard);
      if (this.journal) this.scheduleCompaction();
      throw err;
    }
    // Every entry up to cap.seq is now in the snapshots; entries appended since stay in the journal.
    if (this.journal === cap.journal) cap.journal.dropHead(cap.journalBytes, (head) => this.keepHistory(head));
  }

  /** The entries a compaction drops are kept until the next backup: with it they rebuild a damaged snapshot. */
  private keepHistory(head: Buffer): void {
    try {
      appendHistory(this.dir, head);
    } catch (err) {
      // The snapshots already hold these changes; only the second line of defence is thinner.
      console.warn(`[press-desk] journal history not kept: ${(err as Error).message}`);
    }
  }

  // ---- start-up ------------------------------------------------------------------------

  private async load(): Promise<void> {
    // A folder written by a newer version is read, never repaired or rewritten by this one.
    this.newerFormat = newerFormatFile(this.dir, this.defs);
    if (this.newerFormat && this.lock) {
      this.lock.release();
      this.lock = null;
    }
    if (this.lock) removeStaleTemps(this.dir, this.defs);
    // A read-only instance reads files a live writer may be replacing: retry until it saw one state.
    for (let attempt = 1; ; attempt++) {
      const before = this.readOnly ? signature(this.dir, this.defs) : '';
      await this.loadOnce();
      if (!this.readOnly || attempt >= 5 || signature(this.dir, this.defs) === before) break;
      this.data.clear();
      this.dirty.clear();
      this.seq = 0;
      this.recoveries.length = 0;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
    if (this.journal && (this.dirty.size > 0 || this.journal.size() > 0)) this.scheduleCompaction();
  }

  private async loadOnce(): Promise<void> {
    const ctx: Omit<LoadContext, 'history' | 'newestSeq'> = {
      mem: this.mem,
      recoveries: this.recoveries,
      readOnly: () => this.readOnly,
      ownsFolder: () => this.lock !== null,
    };
    const loaded = await loadFolder(ctx);
    this.seq = Math.max(this.seq, loaded.seq);
    if (this.lock) {
      this.journal = new Journal(loaded.journalFile, loaded.validBytes);
      if (loaded.damaged) {
        // Persist what was recovered into the snapshots first; only then is the damaged journal dropped.
        // (If this fails, nothing is lost: the next start finds the same journal again.)
        await this.compactInOrder(true).catch(() => undefined);
      }
    }
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
    // Every change so far is in this backup (exportArchive and this line run with no mutation between).
    resetHistory(this.dir);
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
