import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';

/** File operations for the team folder: asynchronous (a slow share must not stall the app), durable, never overwriting. */

const errnoOf = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code ?? '';

const REASONS: Record<string, string> = {
  ENOENT: 'папка не найдена (флешка не вставлена или сетевой диск не подключён?)',
  ENOTDIR: 'это не папка',
  EACCES: 'нет прав на чтение или запись',
  EPERM: 'нет прав на чтение или запись',
  EROFS: 'диск открыт только для чтения',
  ENOSPC: 'на диске нет места',
  EDQUOT: 'превышена квота на диске',
  EIO: 'ошибка ввода-вывода (диск отключён?)',
  ENODEV: 'устройство отключено',
  ENXIO: 'устройство отключено',
  EHOSTDOWN: 'сетевой диск не отвечает',
  ETIMEDOUT: 'сетевой диск не отвечает',
  EBUSY: 'папка занята другой программой',
};

/** «Папка отдела «E:\Отдел» недоступна: папка не найдена (…)» — for any failure of the file system underneath. */
export function unavailable(teamDir: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = errnoOf(err);
  const reason = REASONS[code] ?? `${code || 'ошибка'}: ${err instanceof Error ? err.message : String(err)}`;
  return new AppError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not_found' : 'access_denied', `Папка отдела «${teamDir}» недоступна: ${reason}`);
}

/** A temp name beside `file` that no other computer can pick too (pids repeat across machines). */
export const tempFor = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

export async function fsyncDir(dir: string): Promise<void> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(dir, 'r');
    await fh.sync();
  } catch (err) {
    // Windows and some network file systems refuse to open or sync a folder; the rename is atomic there anyway.
    if (errnoOf(err) === 'ENOENT') throw err;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

async function writeSynced(file: string, content: Uint8Array): Promise<void> {
  const fh = await fs.promises.open(file, 'wx');
  try {
    await fh.writeFile(content);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// Windows refuses a rename while an antivirus or a sync client holds the file for a moment.
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function rename(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fs.promises.rename(from, to);
    } catch (err) {
      if (!TRANSIENT.has(errnoOf(err)) || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt));
    }
  }
}

/** Where hard links are not supported (FAT/exFAT sticks, some shares), fall back to check-then-rename. */
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EINVAL', 'EMLINK']);

/**
 * Writes `content` to `file` only if `file` does not exist yet: temp → fsync → link (or rename) → fsync(dir).
 * Returns false when `file` was already there (its content is untouched). The temp never outlives the call
 * unless the folder itself vanished.
 */
export async function createDurably(file: string, content: Uint8Array): Promise<boolean> {
  const tmp = tempFor(file);
  let created = false;
  try {
    await writeSynced(tmp, content);
    try {
      await fs.promises.link(tmp, file);
      created = true;
    } catch (err) {
      if (errnoOf(err) === 'EEXIST') return false;
      if (!NO_LINK.has(errnoOf(err))) throw err;
      if (await exists(file)) return false;
      await rename(tmp, file);
      created = true;
    }
  } finally {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
  await fsyncDir(path.dirname(file));
  return created;
}

/** Replaces `file` whole (old or new content after any crash): temp → fsync → rename → fsync(dir). */
export async function replaceDurably(file: string, content: Uint8Array): Promise<void> {
  const tmp = tempFor(file);
  try {
    await writeSynced(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDir(path.dirname(file));
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.lstat(file);
    return true;
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return false;
    throw err;
  }
}

/** mkdir of one level (the parent must exist: a vanished team folder is never re-created on the local disk). */
export async function makeDir(dir: string): Promise<void> {
  try {
    await fs.promises.mkdir(dir);
  } catch (err) {
    if (errnoOf(err) !== 'EEXIST') throw err;
    return;
  }
  await fsyncDir(path.dirname(dir));
}
