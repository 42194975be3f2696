import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors.js';
import { packArchive, unpackArchive } from '../../electron/backend/store/archive.js';
import { listBackups, rotateBackups } from '../../electron/backend/store/backups.js';
import { itemFor, noteFor } from '../helpers/defs.js';
import { journalEntries, openTest, seededFolder, type TestStore } from '../helpers/store-kit.js';
import { folderBytes, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterEach(() => removeTempDirs());

const backupName = (d: string) => `press-desk-${d.replace(/[:.]/g, '-')}.pdbackup`;

describe('store: backups', () => {
  it('backupNow writes a .pdbackup that unpacks to every collection', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', noteFor('late', 1))); // journaled only, not yet compacted: still in the backup
    const file = store.backupNow(new Date('2025-02-03T04:05:06.789Z'));
    expect(file).toBe(path.join(dir, 'backups', 'press-desk-2025-02-03T04-05-06-789Z.pdbackup'));
    const content = unpackArchive(fs.readFileSync(file));
    expect(content.manifest).toMatchObject({ app: 'press-desk', format: 1, seq: store.currentSeq, counts: { items: 9, notes: 3 } });
    expect(new Set(Object.keys(content.collections))).toEqual(new Set(['items', 'notes']));
    expect(content.collections.items).toEqual(expect.arrayContaining(store.all('items')));
    expect(content.collections.items).toHaveLength(9);
    expect(content.collections.notes).toEqual(expect.arrayContaining([noteFor('late', 1), noteFor('n1', 1), noteFor('n2', 1)]));
    expect(listBackups(dir).map((b) => b.file)).toEqual([file]);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([path.basename(file)]); // no temp file left behind
    await store.close();
  });

  it('rotation keeps the newest backup of each of the last 14 days plus the 3 newest', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'backups');
    fs.mkdirSync(folder, { recursive: true });
    const now = new Date('2024-06-30T12:00:00.000Z');
    const made: string[] = [];
    // Three a day for the whole of June (the last day only up to 09:00), and an old one from May.
    for (let day = 1; day <= 30; day++) {
      for (const hour of ['01', '09', '18']) {
        if (day === 30 && hour === '18') continue;
        made.push(`2024-06-${String(day).padStart(2, '0')}T${hour}:00:00.000Z`);
      }
    }
    made.push('2024-05-15T10:00:00.000Z');
    for (const d of made) fs.writeFileSync(path.join(folder, backupName(d)), d);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');

    const removed = rotateBackups(dir, 14, 3, now);
    const expected = [
      // the 3 newest, whatever their day
      '2024-06-30T09:00:00.000Z',
      '2024-06-30T01:00:00.000Z',
      '2024-06-29T18:00:00.000Z',
      // the newest of each day within 14 days (from 2024-06-16T12:00)
      ...Array.from({ length: 14 }, (_, i) => `2024-06-${String(16 + i).padStart(2, '0')}T18:00:00.000Z`),
    ];
    const kept = listBackups(dir).map((b) => b.createdAt.toISOString());
    expect(new Set(kept)).toEqual(new Set(expected));
    expect(kept).toHaveLength(16);
    expect(removed).toHaveLength(made.length - 16);
    expect(fs.existsSync(path.join(folder, 'notes.txt'))).toBe(true);
    // Running it again removes nothing more.
    expect(rotateBackups(dir, 14, 3, now)).toEqual([]);
  });

  it('backupNow rotates too: a fortnight of daily backups, then some more the same day', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    const store = await openTest(dir);
    const start = Date.parse('2025-01-01T08:00:00.000Z');
    for (let day = 0; day < 20; day++) store.backupNow(new Date(start + day * 86_400_000));
    for (let h = 1; h <= 4; h++) store.backupNow(new Date(start + 19 * 86_400_000 + h * 3_600_000));
    const kept = listBackups(dir).map((b) => b.createdAt.toISOString());
    // Last day: the newest 3 (12:00, 11:00, 10:00); earlier days: the 13 days before it (day 6..18 at 08:00) within the window.
    expect(kept.slice(0, 3)).toEqual(['2025-01-20T12:00:00.000Z', '2025-01-20T11:00:00.000Z', '2025-01-20T10:00:00.000Z']);
    expect(kept).toHaveLength(3 + 14 - 1);
    expect(kept.at(-1)).toBe('2025-01-07T08:00:00.000Z');
    await store.close();
  });
});

describe('store: import of an archive', () => {
  async function otherArchive(): Promise<Uint8Array> {
    const dir = tempDir();
    const other = await openTest(dir);
    await other.mutate((tx) => {
      for (let i = 0; i < 30; i++) tx.put('items', itemFor(`imp${i}`, 2018 + (i % 5), 3));
      tx.put('notes', noteFor('imported', 7));
    });
    const bytes = other.exportArchive();
    await other.close();
    return bytes;
  }

  it('a valid archive replaces everything in one journaled write, and survives reopen', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    const bytes = await otherArchive();
    const store = await openTest(dir);
    const entriesBefore = journalEntries(dir).length;
    const counts = await store.importArchive(bytes);
    expect(counts).toEqual({ items: 30, notes: 1 });
    expect(journalEntries(dir)).toHaveLength(entriesBefore + 1); // one write: all or nothing
    expect(store.count('items')).toBe(30);
    expect(store.get('items', 'a1')).toBeUndefined();
    await store.close();
    // The shards of the old years are gone, the new years are there.
    expect(fs.readdirSync(path.join(dir, 'data', 'items')).sort()).toEqual(['2018.json', '2019.json', '2020.json', '2021.json', '2022.json']);

    const again = await openTest(dir);
    expect(again.recoveries).toEqual([]);
    expect(again.all('notes')).toEqual([noteFor('imported', 7)]);
    expect(again.get('items', 'imp29')).toEqual(itemFor('imp29', 2022, 3));
    expect(again.count('items')).toBe(30);
    await again.close();
  });

  async function expectRefused(store: TestStore, dir: string, bytes: Uint8Array, message: RegExp) {
    await store.compact(); // nothing pending: any change on disk would be the import's
    const before = folderBytes(dir, (rel) => rel === 'press-desk.lock');
    const err = await store.importArchive(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation');
    expect((err as AppError).message).toMatch(message);
    expect((err as AppError).message).toMatch(/Текущие данные не изменены\.$/);
    await store.compact();
    expect(folderBytes(dir, (rel) => rel === 'press-desk.lock')).toEqual(before);
    expect(store.count('items')).toBe(9);
  }

  it('one bad record: refused, naming the collection and the record number; the folder is byte-for-byte the same', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    const store = await openTest(dir);
    const items = [itemFor('g1', 2020, 1), itemFor('g2', 2020, 1), { ...itemFor('bad', 2020, 1), title: '' }];
    await expectRefused(store, dir, packArchive({ items, notes: [] }, 5), /^Архив не принят: раздел «items», запись № 3: Поле «Заголовок»: /);
    await store.close();
  });

  it('an unknown collection, a file that is not a zip, a zip that is not ours: refused, nothing changes', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    const store = await openTest(dir);
    await expectRefused(store, dir, packArchive({ items: [], invoices: [{ id: 'x' }] }, 1), /^Архив не принят: неизвестный раздел «invoices»\./);
    await expectRefused(store, dir, strToU8('просто текст, а не архив'), /^Архив не принят: файл не является архивом Пресс-деска \(не zip\)\./);
    await expectRefused(store, dir, zipSync({ 'readme.txt': strToU8('hello') }), /^Архив не принят: в архиве нет manifest\.json\./);
    const foreign = zipSync({ 'manifest.json': strToU8(JSON.stringify({ app: 'other', format: 1 })) });
    await expectRefused(store, dir, foreign, /не архив Пресс-деска/);
    const brokenCollection = zipSync({
      'manifest.json': strToU8(JSON.stringify({ app: 'press-desk', format: 1, createdAt: '', seq: 1, counts: {} })),
      'collections/notes.json': strToU8('[{"id":'),
    });
    await expectRefused(store, dir, brokenCollection, /файл collections\/notes\.json в архиве повреждён/);
    await store.close();
  });
});
