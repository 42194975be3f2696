import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from './durable-file.js';

/** Files features keep beside the records (contract scans, release photos). */
export const ATTACHMENTS_DIR = 'attachments';

/** Every file under attachments/, keyed by its path relative to that folder (with '/'). */
export function readAttachments(dataDir: string): Record<string, Uint8Array> {
  const root = path.join(dataDir, ATTACHMENTS_DIR);
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !entry.name.startsWith('.')) files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full);
    }
  };
  walk(root);
  return files;
}

/** Writes archived attachments back, each durably; paths were checked when the archive was unpacked. */
export function writeAttachments(dataDir: string, files: Record<string, Uint8Array>): void {
  const root = path.resolve(dataDir, ATTACHMENTS_DIR);
  for (const [rel, bytes] of Object.entries(files)) {
    const target = path.resolve(root, ...rel.split('/'));
    if (!target.startsWith(root + path.sep)) throw new Error(`недопустимое имя вложения «${rel}»`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileDurably(target, bytes);
  }
}
