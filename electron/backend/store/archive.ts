import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** One archive format for "export everything", backups and import: a zip of JSON files. */
export interface ArchiveManifest {
  app: 'press-desk';
  format: 1;
  createdAt: string;
  seq: number;
  counts: Record<string, number>;
}

export interface ArchiveContent {
  manifest: ArchiveManifest;
  collections: Record<string, unknown[]>;
  /** Files the records refer to (signed contract scans, release photos), by path under attachments/. */
  attachments: Record<string, Uint8Array>;
}

/** A path inside attachments/ that cannot climb out of it. */
export const SAFE_ATTACHMENT_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\p{L}\p{N} _.()\-]+(?:\/[\p{L}\p{N} _.()\-]+)*$/u;

export function packArchive(
  collections: Record<string, unknown[]>,
  seq: number,
  createdAt = new Date(),
  attachments: Record<string, Uint8Array> = {},
): Uint8Array {
  const counts = Object.fromEntries(Object.entries(collections).map(([name, records]) => [name, records.length]));
  const manifest: ArchiveManifest = { app: 'press-desk', format: 1, createdAt: createdAt.toISOString(), seq, counts };
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)) };
  for (const [name, records] of Object.entries(collections)) files[`collections/${name}.json`] = strToU8(JSON.stringify(records));
  // Scans and photos are compressed already: store them as they are.
  for (const [rel, bytes] of Object.entries(attachments)) files[`attachments/${rel}`] = [bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}

/** Unpacks and checks the outer shape; the records themselves are checked by the store against its schemas. */
export function unpackArchive(bytes: Uint8Array): ArchiveContent {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new Error('файл не является архивом Пресс-деска (не zip)');
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw new Error('в архиве нет manifest.json');
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as ArchiveManifest;
  } catch {
    throw new Error('manifest.json повреждён');
  }
  if (manifest.app !== 'press-desk' || manifest.format !== 1) throw new Error('это не архив Пресс-деска или его версия не поддерживается');
  const collections: Record<string, unknown[]> = {};
  const attachments: Record<string, Uint8Array> = {};
  for (const [file, content] of Object.entries(files)) {
    if (file.startsWith('attachments/')) {
      const rel = file.slice('attachments/'.length);
      if (rel === '' || rel.endsWith('/')) continue; // a folder entry
      if (!SAFE_ATTACHMENT_PATH.test(rel)) throw new Error(`недопустимое имя вложения «${rel}»`);
      attachments[rel] = content;
      continue;
    }
    const match = /^collections\/([\w-]+)\.json$/.exec(file);
    if (!match) continue;
    let records: unknown;
    try {
      records = JSON.parse(strFromU8(content));
    } catch {
      throw new Error(`файл ${file} в архиве повреждён`);
    }
    if (!Array.isArray(records)) throw new Error(`файл ${file} в архиве должен содержать список записей`);
    collections[match[1]!] = records;
  }
  return { manifest, collections, attachments };
}
