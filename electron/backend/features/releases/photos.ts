/**
 * Photos of releases: checked by their first bytes (not by the file name), at most 20 MB, kept as
 * files in the data folder (attachments/releases/<release id>/<photo id>.<ext>), written durably
 * before the release that refers to them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { AppError, fieldError } from '../../errors.js';
import { PHOTO_MAX_BYTES } from './inputs.js';
import { photoTypes, type Photo, type PhotoMime } from './schema.js';

const ATTACHMENTS = 'attachments';

/** JPEG, PNG, WebP or GIF by magic bytes; null for anything else. */
export function detectImage(b: Uint8Array): PhotoMime | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, j) => b[i + j] === x);
  if (b.length >= 3 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (b.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (b.length >= 6 && (at(0, 0x47, 0x49, 0x46, 0x38, 0x37, 0x61) || at(0, 0x47, 0x49, 0x46, 0x38, 0x39, 0x61))) return 'image/gif';
  if (b.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/** Rounded up, so a file just over the limit never reads «20 МБ». */
const mb = (n: number) => (Math.ceil((n / 1024 / 1024) * 10) / 10).toLocaleString('ru-RU', { maximumFractionDigits: 1 });

/** Decodes what the UI sent (plain base64 or a data: URL) and checks it is a usable picture. */
export function inspectPhoto(base64: string): { bytes: Buffer; mime: PhotoMime; width: number; height: number } {
  const bytes = Buffer.from(base64.replace(/^data:[^,]*,/, ''), 'base64');
  if (bytes.length === 0) throw fieldError('base64', 'Фотография', 'файл пустой');
  if (bytes.length > PHOTO_MAX_BYTES)
    throw fieldError('base64', 'Фотография', `файл больше 20 МБ (${mb(bytes.length)} МБ): уменьшите фотографию или выберите другую`);
  const mime = detectImage(bytes);
  if (!mime) throw fieldError('base64', 'Фотография', 'это не изображение: подойдут фотографии JPEG, PNG, WebP или GIF');
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    size = {};
  }
  if (!size.width || !size.height) throw fieldError('base64', 'Фотография', 'файл повреждён: не удалось прочитать размеры изображения');
  return { bytes, mime, width: size.width, height: size.height };
}

/** A folder name that cannot leave attachments/ whatever the id holds. */
const safeSegment = (id: string) => (/^[\w-]{1,64}$/.test(id) ? id : createHash('sha1').update(id).digest('hex'));

export function photoPath(releaseId: string, photoId: string, mime: PhotoMime): string {
  return [ATTACHMENTS, 'releases', safeSegment(releaseId), `${safeSegment(photoId)}.${photoTypes[mime]}`].join('/');
}

/** The absolute path of a stored photo, refusing anything outside attachments/ (a record from an imported archive may lie). */
export function resolvePhoto(dataDir: string, file: string): string {
  const root = path.resolve(dataDir, ATTACHMENTS);
  const full = path.resolve(dataDir, file);
  if (!full.startsWith(root + path.sep)) throw new AppError('validation', 'Путь к файлу фотографии вне папки вложений: запись повреждена.');
  return full;
}

/** Written and fsync'ed (file and folder) before the release refers to it. */
export function writePhoto(dataDir: string, file: string, bytes: Uint8Array): void {
  const full = resolvePhoto(dataDir, file);
  const dir = path.dirname(full);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${full}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, full);
  try {
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch {
    // Windows cannot open a folder for fsync; the rename is durable enough there.
  }
}

export function readPhoto(dataDir: string, photo: Photo): Buffer {
  try {
    return fs.readFileSync(resolvePhoto(dataDir, photo.file));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('not_found', `Файл фотографии «${photo.originalName || photo.file}» не найден в папке данных (${photo.file}).`);
  }
}

/** Removes a file written for a release that was then not saved. */
export function discardPhoto(dataDir: string, file: string): void {
  try {
    fs.unlinkSync(resolvePhoto(dataDir, file));
  } catch {
    // already gone
  }
}
