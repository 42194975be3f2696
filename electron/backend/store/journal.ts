import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, renameSync, tempNameFor } from './durable-file.js';

export type Op =
  | { c: string; k: 'put'; r: { id: string } }
  | { c: string; k: 'del'; id: string }
  | { c: string; k: 'clear' };

export interface Entry {
  seq: number;
  at: string;
  ops: Op[];
}

export interface JournalRead {
  entries: Entry[];
  /** 1-based line number of each entry, in the same order. */
  lines: number[];
  /** Byte length of the valid prefix; anything after it is a torn last write. */
  validBytes: number;
  /** Lines in the middle of the file that could not be read (real damage, not a torn write). */
  damagedLines: number[];
}

function isOp(value: unknown): value is Op {
  const op = value as Op;
  if (!op || typeof op !== 'object' || typeof op.c !== 'string') return false;
  if (op.k === 'put') return !!op.r && typeof op.r === 'object' && typeof op.r.id === 'string';
  if (op.k === 'del') return typeof op.id === 'string';
  return op.k === 'clear';
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry;
  return !!e && typeof e.seq === 'number' && typeof e.at === 'string' && Array.isArray(e.ops) && e.ops.every(isOp);
}

/** Reads the append-only journal. A torn final line (crash mid-append) is expected and dropped. */
export function readJournal(file: string): JournalRead {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], lines: [], validBytes: 0, damagedLines: [] };
    throw err;
  }
  const entries: Entry[] = [];
  const lines: number[] = [];
  const damagedLines: number[] = [];
  let start = 0;
  let validBytes = 0;
  let line = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    line++;
    if (nl === -1) break; // no newline: the last append never finished
    const text = buf.toString('utf8', start, nl);
    start = nl + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isEntry(parsed)) {
      entries.push(parsed);
      lines.push(line);
      validBytes = start;
    } else if (text.trim() !== '') {
      damagedLines.push(line);
    }
  }
  return { entries, lines, validBytes, damagedLines };
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  let off = 0;
  // write() may write less than asked (a signal, a nearly full disk): loop until the whole line is out.
  while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off, position + off);
}

/**
 * Append-only journal; append() returns only after the line is on disk (fdatasync).
 * The file is opened read-write (not O_APPEND) and written at explicit offsets: Windows refuses
 * ftruncate on an append-only handle, and we need ftruncate to cut a failed write back off.
 */
export class Journal {
  private fd: number;
  /** Bytes of whole lines in the file: where the next append starts, and where a failed one is cut back to. */
  private bytes: number;
  private broken: Error | null = null;

  constructor(readonly file: string, validBytes: number) {
    const existed = fs.existsSync(file);
    this.fd = fs.openSync(file, existed ? 'r+' : 'w+');
    // Cut a torn tail so the next line does not glue onto half a line.
    if (fs.fstatSync(this.fd).size !== validBytes) {
      fs.ftruncateSync(this.fd, validBytes);
      fs.fdatasyncSync(this.fd);
    }
    if (!existed) fsyncDir(path.dirname(file)); // the new file's name must survive a power cut too
    this.bytes = validBytes;
  }

  append(entry: Entry): void {
    if (this.broken) throw this.broken;
    const line = Buffer.from(JSON.stringify(entry) + '\n');
    try {
      writeAll(this.fd, line, this.bytes);
      fs.fdatasyncSync(this.fd);
      this.bytes += line.length;
    } catch (err) {
      // Half a line left at the end would swallow the next, acknowledged, entry: cut it off.
      try {
        fs.ftruncateSync(this.fd, this.bytes);
        fs.fdatasyncSync(this.fd);
      } catch {
        this.broken = new Error(`журнал не удалось восстановить после ошибки записи (${(err as Error).message})`);
      }
      throw err;
    }
  }

  size(): number {
    return this.bytes;
  }

  truncate(): void {
    this.dropHead(this.bytes);
  }

  /**
   * Forgets the first `offset` bytes (entries already in the snapshots) and keeps whatever was appended
   * after them. The file is replaced atomically, so a crash leaves either the old journal or the new one.
   */
  dropHead(offset: number, keepHead?: (head: Buffer) => void): void {
    if (this.broken) throw this.broken;
    if (keepHead && offset > 0) keepHead(this.readRange(0, Math.min(offset, this.bytes)));
    if (offset >= this.bytes) {
      fs.ftruncateSync(this.fd, 0);
      fs.fdatasyncSync(this.fd);
      this.bytes = 0;
      return;
    }
    if (offset <= 0) return;
    const tail = this.readRange(offset, this.bytes);
    const tmp = tempNameFor(this.file);
    const fd = fs.openSync(tmp, 'w');
    try {
      writeAll(fd, tail, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Windows cannot replace a file we hold open: close, replace, reopen.
    fs.closeSync(this.fd);
    try {
      renameSync(tmp, this.file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      this.fd = fs.openSync(this.file, 'r+');
      throw err;
    }
    fsyncDir(path.dirname(this.file));
    this.fd = fs.openSync(this.file, 'r+');
    this.bytes = tail.length;
  }

  private readRange(from: number, to: number): Buffer {
    const bytes = Buffer.alloc(to - from);
    const read = fs.openSync(this.file, 'r');
    try {
      let got = 0;
      while (got < bytes.length) {
        const n = fs.readSync(read, bytes, got, bytes.length - got, from + got);
        if (n === 0) throw new Error('журнал короче, чем ожидалось');
        got += n;
      }
    } finally {
      fs.closeSync(read);
    }
    return bytes;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
