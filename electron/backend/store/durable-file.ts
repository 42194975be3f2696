import fs from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** fsync a directory so a rename inside it survives a power cut. */
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

/** Write bytes so that the file is either the old or the new content after any crash: temp + fsync + rename + fsync(dir). */
export function writeFileDurably(file: string, content: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * lowdb adapter that, unlike lowdb's own JSONFile/DataFile (steno: rename without fsync),
 * makes every snapshot durable before write() resolves. Parsing is strict: a file that is
 * not valid JSON throws, and the store decides what to do with it.
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
    writeFileDurably(this.filename, JSON.stringify(data));
  }
}
