import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
const HEARTBEAT_MS = 20_000;
const STALE_MS = 2 * 60_000;

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
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isStale(info: LockInfo | null, now: number): boolean {
  if (!info) return true; // unreadable: a crash between create and write
  if (info.host === os.hostname()) return !pidAlive(info.pid);
  return now - Date.parse(info.heartbeat) > STALE_MS;
}

export type LockResult =
  | { kind: 'owner'; lock: FolderLock; recoveredStale: LockInfo | null }
  | { kind: 'held'; holder: LockInfo };

/** One writer per data folder, also across computers on a shared drive (the heartbeat tells a crashed one). */
export class FolderLock {
  private timer: NodeJS.Timeout;

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
    for (let attempt = 0; attempt < 2; attempt++) {
      const now = new Date().toISOString();
      const info: LockInfo = { host: os.hostname(), user: os.userInfo().username, pid: process.pid, since: now, heartbeat: now, app };
      try {
        const fd = fs.openSync(file, 'wx');
        fs.writeSync(fd, JSON.stringify(info));
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        return { kind: 'owner', lock: new FolderLock(file, info), recoveredStale };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLock(file);
      if (!isStale(holder, Date.now())) return { kind: 'held', holder: holder! };
      recoveredStale = holder;
      fs.rmSync(file, { force: true });
    }
    const holder = readLock(file);
    return { kind: 'held', holder: holder ?? { host: '?', user: '?', pid: 0, since: '', heartbeat: '', app } };
  }

  private beat(): void {
    const current = readLock(this.file);
    if (!current || current.pid !== this.info.pid || current.host !== this.info.host) return;
    this.info.heartbeat = new Date().toISOString();
    fs.writeFileSync(this.file, JSON.stringify(this.info));
  }

  release(): void {
    clearInterval(this.timer);
    const current = readLock(this.file);
    if (current && current.pid === this.info.pid && current.host === this.info.host) fs.rmSync(this.file, { force: true });
  }
}
