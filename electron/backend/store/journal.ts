import fs from 'node:fs';

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
  /** Byte length of the valid prefix; anything after it is a torn last write. */
  validBytes: number;
  /** Lines in the middle of the file that could not be read (real damage, not a torn write). */
  damagedLines: number[];
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry;
  return !!e && typeof e.seq === 'number' && typeof e.at === 'string' && Array.isArray(e.ops);
}

/** Reads the append-only journal. A torn final line (crash mid-append) is expected and dropped. */
export function readJournal(file: string): JournalRead {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], validBytes: 0, damagedLines: [] };
    throw err;
  }
  const entries: Entry[] = [];
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
      validBytes = start;
    } else if (text.trim() !== '') {
      damagedLines.push(line);
    }
  }
  return { entries, validBytes, damagedLines };
}

/** Append-only journal; append() returns only after the line is on disk (fdatasync). */
export class Journal {
  private fd: number;

  constructor(readonly file: string, validBytes: number) {
    this.fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w+');
    // Cut a torn tail so the next line does not glue onto half a line.
    if (fs.fstatSync(this.fd).size !== validBytes) {
      fs.ftruncateSync(this.fd, validBytes);
      fs.fdatasyncSync(this.fd);
    }
    fs.closeSync(this.fd);
    this.fd = fs.openSync(file, 'a');
  }

  append(entry: Entry): void {
    fs.writeSync(this.fd, JSON.stringify(entry) + '\n');
    fs.fdatasyncSync(this.fd);
  }

  size(): number {
    return fs.fstatSync(this.fd).size;
  }

  truncate(): void {
    fs.ftruncateSync(this.fd, 0);
    fs.fdatasyncSync(this.fd);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
