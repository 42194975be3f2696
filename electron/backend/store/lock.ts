import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renameSync, tempNameFor } from './durable-file.js';

export interface LockInfo {
  host: string;
  user: string;
  pid: number;
  since: string;
  /** Refreshed while the holder runs; a lock whose heartbeat is this old is stale. */
  heartbeat: string;
  app: string;
}

export const LOCK_FILE = 'press-desk.lock';
export const HEARTBEAT_MS = 20_000;
export const STALE_MS = 2 * 60_000;
/** A lock file nobody could read (a crash between creating and writing it) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return info && typeof info.host === 'string' && typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function ageMs(file: string, now: number): number {
  try {
    return now - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

function isStale(file: string, info: LockInfo | null, now: number): boolean {
  if (!info) return ageMs(file, now) > UNREADABLE_STALE_MS; // a crash between create and write; or being written right now
  if (info.host === os.hostname()) return !pidAlive(info.pid);
  const beat = Date.parse(info.heartbeat);
  return !Number.isFinite(beat) || now - beat > STALE_MS;
}

const sameHolder = (a: LockInfo | null, b: LockInfo | null) => !!a && !!b && a.host === b.host && a.pid === b.pid && a.since === b.since;

export type LockResult =
  | { kind: 'owner'; lock: FolderLock; recoveredStale: LockInfo | null }
  | { kind: 'held'; holder: LockInfo };

const unknownHolder = (app: string): LockInfo => ({ host: '?', user: '?', pid: 0, since: '', heartbeat: '', app });

/** One writer per data folder, also across computers on a shared drive (the heartbeat tells a crashed one). */
export class FolderLock {
  private timer: NodeJS.Timeout;
  private lastBeat = Date.now();
  /** Set when another instance has taken the folder over (we were presumed dead: a long sleep, a hung drive). */
  lostTo: LockInfo | null = null;

  private constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {
    this.timer = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  static acquire(dir: string, app: string): LockResult {
    const file = path.join(dir, LOCK_FILE);
    let recoveredStale: LockInfo | null = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = new Date().toISOString();
      const info: LockInfo = { host: os.hostname(), user: os.userInfo().username, pid: process.pid, since: now, heartbeat: now, app };
      try {
        const fd = fs.openSync(file, 'wx');
        try {
          fs.writeSync(fd, JSON.stringify(info));
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        return { kind: 'owner', lock: new FolderLock(file, info), recoveredStale };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLock(file);
      if (!isStale(file, holder, Date.now())) return { kind: 'held', holder: holder ?? unknownHolder(app) };
      // Take the stale lock over without racing another instance doing the same: move it away under
      // a name of our own (only one mover wins), then check that what we moved is what we judged stale.
      const aside = tempNameFor(file);
      try {
        renameSync(file, aside);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // someone else moved it first
        throw err;
      }
      const moved = readLock(aside);
      if (holder ? !sameHolder(moved, holder) : moved !== null) {
        // Between our read and our move a live instance created a fresh lock: give it back.
        try {
          fs.linkSync(aside, file);
          fs.rmSync(aside, { force: true });
        } catch {
          if (!fs.existsSync(file)) renameSync(aside, file);
          else fs.rmSync(aside, { force: true });
        }
        return { kind: 'held', holder: readLock(file) ?? moved ?? unknownHolder(app) };
      }
      fs.rmSync(aside, { force: true });
      recoveredStale = holder ?? unknownHolder(app);
    }
    return { kind: 'held', holder: readLock(file) ?? unknownHolder(app) };
  }

  /**
   * Refreshes the heartbeat (atomically: a reader never sees a half-written lock) unless the lock is
   * no longer ours. Returns false once it has been lost.
   */
  beat(): boolean {
    if (this.lostTo) return false;
    const current = readLock(this.file);
    if (!current || !sameHolder(current, this.info)) {
      this.lostTo = current ?? unknownHolder(this.info.app);
      clearInterval(this.timer);
      return false;
    }
    this.info.heartbeat = new Date().toISOString();
    this.lastBeat = Date.now();
    const tmp = tempNameFor(this.file);
    try {
      fs.writeFileSync(tmp, JSON.stringify(this.info));
      renameSync(tmp, this.file);
    } catch {
      fs.rmSync(tmp, { force: true });
      // A heartbeat that cannot be written is retried on the next tick; the lock is still ours.
    }
    return true;
  }

  /**
   * Still ours? Cheap: only re-reads the file when the heartbeat is overdue by the wall clock
   * (after a sleep the interval timer lags, while other computers see our heartbeat age).
   */
  stillOwned(): boolean {
    if (this.lostTo) return false;
    if (Date.now() - this.lastBeat < HEARTBEAT_MS * 1.5) return true;
    return this.beat();
  }

  release(): void {
    clearInterval(this.timer);
    const current = readLock(this.file);
    if (current && sameHolder(current, this.info)) fs.rmSync(this.file, { force: true });
  }
}
