/** «Экспорт всех данных» carries the files beside the records (scans, photos); import puts them back. */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { unpackArchive } from '../../electron/backend/store/archive.js';
import { listBackups } from '../../electron/backend/store/backups.js';
import { openTest } from '../helpers/store-kit.js';
import { folderBytes, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterEach(removeTempDirs);

function putFile(dir: string, rel: string, bytes: Uint8Array): void {
  const file = path.join(dir, 'attachments', ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

describe('archives and attachments', () => {
  it('exports the attachments and imports them into another folder', async () => {
    const source = tempDir();
    const scan = new Uint8Array([37, 80, 68, 70, 1, 2, 3, 0, 255]);
    putFile(source, 'contracts/c1/a1-скан договора.pdf', scan);
    putFile(source, 'releases/r1/p1.png', new Uint8Array([137, 80, 78, 71]));
    const store = await openTest(source);
    await store.mutate((tx) => tx.put('notes', { id: 'n1', text: 'договор подписан' }));
    const archive = store.exportArchive();
    await store.close();

    const content = unpackArchive(archive);
    expect(Object.keys(content.attachments).sort()).toEqual(['contracts/c1/a1-скан договора.pdf', 'releases/r1/p1.png']);

    const target = tempDir();
    const other = await openTest(target);
    await other.importArchive(archive);
    expect(other.get('notes', 'n1')?.text).toBe('договор подписан');
    await other.close();
    expect(new Uint8Array(fs.readFileSync(path.join(target, 'attachments', 'contracts', 'c1', 'a1-скан договора.pdf')))).toEqual(scan);
  });

  it('keeps attachments out of the automatic backups', async () => {
    const dir = tempDir();
    putFile(dir, 'releases/r1/p1.png', new Uint8Array(1000).fill(7));
    const store = await openTest(dir);
    store.backupNow();
    await store.close();
    const backup = unpackArchive(fs.readFileSync(listBackups(dir)[0]!.file));
    expect(backup.attachments).toEqual({});
  });

  it('refuses an archive whose attachment climbs out of the folder, touching nothing', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', { id: 'n1', text: 'было' }));
    const good = unzipSync(store.exportArchive());
    const evil = zipSync({ ...good, 'attachments/../../escaped.txt': strToU8('x') });
    const before = folderBytes(dir, (rel) => rel.endsWith('.lock'));
    await expect(store.importArchive(evil)).rejects.toThrow(/недопустимое имя вложения/);
    expect(folderBytes(dir, (rel) => rel.endsWith('.lock'))).toEqual(before);
    expect(fs.existsSync(path.join(dir, '..', 'escaped.txt'))).toBe(false);
    await store.close();
  });
});
