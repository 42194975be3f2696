import fs from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** fsync a directory so a rename (or a new file) inside it survives a power cut. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) refuse to open a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

async function fsyncDirAsync(dir: string): Promise<void> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(dir, 'r');
    await fh.sync();
  } catch {
    // as above
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** mkdir -p that also makes the new folder's name durable in its parent. */
export function ensureDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  ensureDir(path.dirname(dir));
  fs.mkdirSync(dir, { recursive: true });
  fsyncDir(path.dirname(dir));
}

// Windows refuses to replace a file another process (an antivirus, a backup tool, a second
// read-only Press Desk) has open at that instant: EPERM / EACCES / EBUSY. It clears in milliseconds.
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_TRIES = 40;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** rename() that retries briefly on the transient sharing errors Windows reports for open files. */
export function renameSync(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (err) {
      if (!TRANSIENT.has((err as NodeJS.ErrnoException).code ?? '') || attempt >= RENAME_TRIES) throw err;
      sleepSync(Math.min(10 * attempt, 100));
    }
  }
}

async function renameAsync(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.promises.rename(from, to);
      return;
    } catch (err) {
      if (!TRANSIENT.has((err as NodeJS.ErrnoException).code ?? '') || attempt >= RENAME_TRIES) throw err;
      await new Promise((r) => setTimeout(r, Math.min(10 * attempt, 100)));
    }
  }
}

const FLUSH_EVERY = 8 * 1024 * 1024;

let tmpCounter = 0;
/** A temp name beside `file`, starting with a dot (the store ignores and cleans those), unique per write. */
export function tempNameFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${++tmpCounter}.tmp`);
}

/** Write bytes so that the file is either the old or the new content after any crash: temp + fsync + rename + fsync(dir). */
export function writeFileDurably(file: string, content: string | Uint8Array): void {
  const tmp = tempNameFor(file);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(file));
}

/**
 * The same guarantee, asynchronous: the pieces are written as they come (the event loop stays free
 * between them) and fsync runs on libuv's thread pool, so saves are not stalled by a big snapshot.
 */
export async function writeFileDurablyAsync(file: string, pieces: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const tmp = tempNameFor(file);
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(tmp, 'w');
    let unsynced = 0;
    for await (const piece of pieces) {
      const bytes = Buffer.from(piece);
      for (let off = 0; off < bytes.length; ) off += (await fh.write(bytes, off, bytes.length - off)).bytesWritten;
      unsynced += bytes.length;
      // Flush as we go: one fsync of 40 MB at the end would hold up every journal fdatasync queued behind it.
      if (unsynced >= FLUSH_EVERY) {
        await fh.datasync();
        unsynced = 0;
      }
    }
    await fh.sync();
    await fh.close();
    fh = undefined;
    await renameAsync(tmp, file);
  } catch (err) {
    await fh?.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDirAsync(path.dirname(file));
}

/**
 * Each stored record's JSON, by identity. The store never changes a record in place (a put replaces
 * the object), so the text of an unchanged record is still right at the next snapshot: a snapshot of
 * 100,000 records after a few edits serialises only the edited ones. Entries go with their records.
 */
const recordJson = new WeakMap<object, string>();

function jsonOf(record: unknown): string {
  if (record === null || typeof record !== 'object') return JSON.stringify(record) ?? 'null';
  let text = recordJson.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    recordJson.set(record, text);
  }
  return text;
}

const PIECE_CHARS = 256 * 1024;

/** JSON.stringify(data) in pieces of about 256 KB: a big `records` array is serialised a record at a time. */
export function* jsonPieces(data: unknown): Generator<string> {
  const obj = data as { records?: unknown } | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj) || !Array.isArray(obj.records)) {
    yield JSON.stringify(data);
    return;
  }
  const { records, ...head } = obj as { records: unknown[] };
  const headJson = JSON.stringify(head);
  let piece = headJson === '{}' ? '{"records":[' : `${headJson.slice(0, -1)},"records":[`;
  for (let i = 0; i < records.length; i++) {
    piece += (i > 0 ? ',' : '') + jsonOf(records[i]);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield piece + ']}';
}

/** Like jsonPieces, but gives the event loop back every couple of milliseconds, so saves go on meanwhile. */
async function* jsonPiecesYielding(data: unknown): AsyncGenerator<string> {
  let since = performance.now();
  for (const piece of jsonPieces(data)) {
    yield piece;
    if (performance.now() - since > 2) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/**
 * lowdb adapter that, unlike lowdb's own JSONFile/DataFile (steno: rename without fsync),
 * makes every snapshot durable before write() resolves, and serialises big snapshots a slice at a
 * time so the process keeps answering while it writes. Parsing is strict: a file that is not valid
 * JSON throws, and the store decides what to do with it.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(readonly filename: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.filename, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    // The store hands over a captured copy (records are replaced, never changed in place), so it cannot change under us.
    await writeFileDurablyAsync(this.filename, jsonPiecesYielding(data));
  }
}
