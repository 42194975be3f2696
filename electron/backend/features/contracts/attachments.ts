/**
 * Files attached to a contract (the signed scan): kept as plain files in
 * <data folder>/attachments/contracts/<contract id>/<attachment id>-<name>, listed in the contract.
 * The file is written (and fsync'ed) before the contract records it, and removed after the record
 * goes, so a record never points at a missing file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../../errors.js';
import { MAX_ATTACHMENT_BYTES, type Attachment } from './schema.js';

const mimes: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  sig: 'application/pgp-signature',
  txt: 'text/plain',
};

export function guessMime(name: string, given = ''): string {
  if (given && /^[\w.+-]+\/[\w.+-]+$/.test(given)) return given;
  return mimes[path.extname(name).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/** A folder name that cannot leave attachments/contracts/ whatever the id holds. */
const folderOf = (contractId: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(contractId) ? contractId : createHash('sha1').update(contractId).digest('hex'));

export const attachmentDir = (dataDir: string, contractId: string) => path.join(dataDir, 'attachments', 'contracts', folderOf(contractId));

export function storedName(attachmentId: string, name: string): string {
  const clean = path
    .basename(name)
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(-120);
  return `${attachmentId}-${clean || 'file'}`;
}

/** Decodes and size-checks the file; the error names the field «Файл». */
export function decodeFile(base64: string): Buffer {
  const bytes = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  if (bytes.length === 0) throw fieldError('base64', 'Файл', 'файл пуст');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1).replace('.', ',');
    throw fieldError('base64', 'Файл', `файл ${mb} МБ больше допустимых 20 МБ — приложите скан меньшего размера (например, PDF в оттенках серого)`);
  }
  return bytes;
}

/** Writes the file durably (temporary name, fsync, rename); returns its path. */
export function writeFile(dataDir: string, contractId: string, stored: string, bytes: Buffer): string {
  const dir = attachmentDir(dataDir, contractId);
  const target = path.join(dir, stored);
  const tmp = `${target}.part`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('internal', `Не удалось сохранить файл в папке данных: ${(err as Error).message}. Проверьте место на диске и доступ к папке.`);
  }
  return target;
}

export function filePath(dataDir: string, contractId: string, a: Attachment): string {
  return path.join(attachmentDir(dataDir, contractId), a.stored);
}

export function readFile(dataDir: string, contractId: string, a: Attachment): Buffer {
  const file = filePath(dataDir, contractId, a);
  if (!fs.existsSync(file)) throw new AppError('not_found', `Файл «${a.name}» не найден в папке данных (${file}). Возможно, его удалили вручную; приложите его заново.`);
  return fs.readFileSync(file);
}

export function removeFile(dataDir: string, contractId: string, a: Attachment): void {
  fs.rmSync(filePath(dataDir, contractId, a), { force: true });
}

export function removeFolder(dataDir: string, contractId: string): void {
  fs.rmSync(attachmentDir(dataDir, contractId), { recursive: true, force: true });
}
