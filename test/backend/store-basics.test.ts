import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/backend/errors.js';
import { readJournal } from '../../electron/backend/store/journal.js';
import { Store } from '../../electron/backend/store/store.js';
import { itemFor, noteFor, testDefs } from '../helpers/defs.js';
import { abandon, journalEntries, journalSize, manual, notesFile, openTest, readSnapshotFile, shardFile } from '../helpers/store-kit.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterEach(() => {
  vi.restoreAllMocks();
  removeTempDirs();
});

describe('store: basics on real files', () => {
  it('put / get / del / clear survive close and reopen, and are really in the files', async () => {
    const dir = tempDir();
    let store = await openTest(dir);
    await store.mutate((tx) => {
      tx.put('items', itemFor('x1', 2021, 1));
      tx.put('items', itemFor('x2', 2022, 1));
      tx.put('notes', noteFor('n1', 1));
      tx.put('notes', noteFor('n2', 1));
    });
    await store.mutate((tx) => tx.del('notes', 'n2'));
    await store.mutate((tx) => tx.put('items', itemFor('x1', 2021, 2)));
    expect(store.get('items', 'x1')).toEqual(itemFor('x1', 2021, 2));
    await store.close();

    // On disk, not in memory: one file per shard, one for notes, an empty journal, no lock.
    expect(readSnapshotFile(shardFile(dir, 2021)).records).toEqual([itemFor('x1', 2021, 2)]);
    expect(readSnapshotFile(shardFile(dir, 2022)).records).toEqual([itemFor('x2', 2022, 1)]);
    expect(readSnapshotFile(notesFile(dir)).records).toEqual([noteFor('n1', 1)]);
    expect(journalSize(dir)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'press-desk.lock'))).toBe(false);

    store = await openTest(dir);
    expect(store.recoveries).toEqual([]);
    expect(store.get('items', 'x1')).toEqual(itemFor('x1', 2021, 2));
    expect(store.get('items', 'x2')).toEqual(itemFor('x2', 2022, 1));
    expect(store.all('notes')).toEqual([noteFor('n1', 1)]);
    await store.mutate((tx) => tx.clear('notes'));
    await store.close();

    store = await openTest(dir);
    expect(store.count('notes')).toBe(0);
    expect(store.count('items')).toBe(2);
    await store.close();
  });

  it('replays the journal after a crash with no snapshot at all', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    for (let i = 0; i < 50; i++) await store.mutate((tx) => tx.put('items', itemFor(`r${i}`, 2020 + (i % 3), 1)));
    await store.mutate((tx) => tx.del('items', 'r7'));
    abandon(store); // killed: nothing compacted
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual([]);
    expect(journalEntries(dir)).toHaveLength(51);

    const again = await openTest(dir);
    expect(again.recoveries).toEqual([]);
    expect(again.count('items')).toBe(49);
    expect(again.get('items', 'r7')).toBeUndefined();
    expect(again.get('items', 'r8')).toEqual(itemFor('r8', 2022, 1));
    expect(again.currentSeq).toBe(51);
    // New saves continue the sequence.
    await again.mutate((tx) => tx.put('notes', noteFor('after', 1)));
    expect(again.currentSeq).toBe(52);
    await again.close();
    expect(readSnapshotFile(shardFile(dir, 2022)).seq).toBe(52);
  });

  it('a sharded record moves between shard files across reopen', async () => {
    const dir = tempDir();
    let store = await openTest(dir);
    await store.mutate((tx) => {
      tx.put('items', itemFor('m', 2020, 1));
      tx.put('items', itemFor('stay', 2020, 1));
    });
    await store.close();
    expect(readSnapshotFile(shardFile(dir, 2020)).records.map((r) => r.id).sort()).toEqual(['m', 'stay']);

    store = await openTest(dir);
    await store.mutate((tx) => tx.put('items', itemFor('m', 2023, 2)));
    await store.close();
    expect(readSnapshotFile(shardFile(dir, 2020)).records.map((r) => r.id)).toEqual(['stay']);
    expect(readSnapshotFile(shardFile(dir, 2023)).records).toEqual([itemFor('m', 2023, 2)]);

    store = await openTest(dir);
    expect(store.all('items').filter((r) => r.id === 'm')).toEqual([itemFor('m', 2023, 2)]);
    // Emptying a shard removes its file (no file = no records).
    await store.mutate((tx) => tx.del('items', 'm'));
    await store.close();
    expect(fs.existsSync(shardFile(dir, 2023))).toBe(false);
    store = await openTest(dir);
    expect(store.all('items').map((r) => r.id)).toEqual(['stay']);
    await store.close();
  });

  it('a validation failure inside mutate writes nothing, and says which field in Russian', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', noteFor('ok', 1)));
    const before = journalSize(dir);
    const seq = store.currentSeq;
    const err = await store
      .mutate((tx) => {
        tx.put('items', itemFor('good', 2021, 1)); // valid, but in the same transaction as a bad one
        tx.put('items', { ...itemFor('bad', 2021, 1), title: '' });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation');
    expect((err as AppError).message).toMatch(/Заголовок/);
    expect(journalSize(dir)).toBe(before);
    expect(store.currentSeq).toBe(seq);
    expect(store.get('items', 'good')).toBeUndefined();
    await store.close();
  });

  it('a throwing callback writes nothing', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    const before = journalSize(dir);
    await expect(
      store.mutate(async (tx) => {
        tx.put('notes', noteFor('lost', 1));
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(journalSize(dir)).toBe(before);
    expect(store.get('notes', 'lost')).toBeUndefined();
    // The queue goes on after a failure.
    await store.mutate((tx) => tx.put('notes', noteFor('next', 1)));
    expect(store.get('notes', 'next')).toBeDefined();
    await store.close();
  });

  it('mutations run strictly one at a time, in the order asked', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const all = Array.from({ length: 40 }, (_, i) =>
      store.mutate(async (tx) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        events.push(`start ${i}`);
        // Each sees the previous one's write.
        const prev = tx.get('notes', 'counter');
        await new Promise((r) => setTimeout(r, (i * 7) % 4));
        tx.put('notes', noteFor('counter', prev ? Number(prev.text.split(' ').pop()) + 1 : 1));
        events.push(`end ${i}`);
        running--;
        return i;
      }),
    );
    expect(await Promise.all(all)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(maxRunning).toBe(1);
    expect(events).toEqual(Array.from({ length: 40 }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
    expect(store.get('notes', 'counter')).toEqual(noteFor('counter', 40));
    expect(journalEntries(dir).map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await store.close();
  });

  it('close() waits for queued saves; saves asked for after close are refused', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    const queued = Array.from({ length: 10 }, (_, i) => store.mutate((tx) => tx.put('notes', noteFor(`q${i}`, 1))));
    const closing = store.close();
    await expect(store.mutate((tx) => tx.put('notes', noteFor('late', 1)))).rejects.toThrow('закрыто');
    await Promise.all(queued);
    await closing;
    const again = await openTest(dir);
    expect(again.count('notes')).toBe(10);
    await again.close();
  });
});

describe('store: bugs found in review (each failed before the fix)', () => {
  it('a record left in two shard files by a crash mid-compaction: the newer snapshot wins, both files are rewritten', async () => {
    // Both orientations, so the old "last file read wins" fails whatever order readdir gives.
    for (const [newYear, staleYear] of [
      [2021, 2024],
      [2024, 2021],
    ] as const) {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'data', 'items'), { recursive: true });
      const snap = (year: number, seq: number, records: unknown[]) =>
        fs.writeFileSync(shardFile(dir, year), JSON.stringify({ format: 1, collection: 'items', shard: String(year), seq, savedAt: '', records }));
      snap(newYear, 42, [itemFor('x', newYear, 2), itemFor('y', newYear, 1)]);
      snap(staleYear, 40, [itemFor('x', staleYear, 1), itemFor('z', staleYear, 1)]);
      let store = await openTest(dir);
      expect(store.get('items', 'x')).toEqual(itemFor('x', newYear, 2));
      await store.close();
      expect(readSnapshotFile(shardFile(dir, staleYear)).records.map((r) => r.id)).toEqual(['z']);
      store = await openTest(dir);
      expect(store.get('items', 'x')).toEqual(itemFor('x', newYear, 2));
      expect(store.count('items')).toBe(3);
      await store.close();
    }
  });

  it('a failed journal write (disk full half-way) is cut off: the next acknowledged save is not swallowed', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', noteFor('first', 1)));
    const real = fs.writeSync;
    let failed = false;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, buf: any, off?: any, len?: any, pos?: any) => {
      if (!failed && Buffer.isBuffer(buf) && buf.includes('"failing"')) {
        failed = true;
        real(fd, buf, off, Math.floor(len / 2), pos); // half the line reaches the disk...
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); // ...then the disk is full
      }
      return real(fd, buf, off, len, pos);
    }) as typeof fs.writeSync);
    await expect(store.mutate((tx) => tx.put('notes', noteFor('failing', 1)))).rejects.toThrow(/Не удалось сохранить изменения на диск/);
    vi.restoreAllMocks();
    await store.mutate((tx) => tx.put('notes', noteFor('third', 1)));
    abandon(store);

    const read = readJournal(path.join(dir, 'journal.ndjson'));
    expect(read.damagedLines).toEqual([]);
    const again = await openTest(dir);
    expect(again.recoveries).toEqual([]);
    expect(again.all('notes').map((n) => n.id).sort()).toEqual(['first', 'third']);
    await again.close();
  });

  it('a read-only instance reading while the writer compacts sees one consistent state', async () => {
    const dir = tempDir();
    const writer = await openTest(dir);
    await writer.mutate((tx) => {
      tx.put('items', itemFor('a', 2020, 1));
      tx.put('items', itemFor('b', 2021, 1));
    });
    await writer.compact();
    await writer.mutate((tx) => {
      tx.put('items', itemFor('a', 2020, 2));
      tx.put('items', itemFor('b', 2021, 2));
    });
    // The reader reads 2020.json; right then the writer compacts (2020, 2021, cuts the journal);
    // then the reader reads 2021.json and the (now empty) journal.
    const realReadFile = fs.promises.readFile;
    let struck = false;
    vi.spyOn(fs.promises, 'readFile').mockImplementation((async (...args: Parameters<typeof realReadFile>) => {
      const result = await realReadFile(...args);
      if (!struck && String(args[0]).endsWith(`${path.sep}2020.json`)) {
        struck = true;
        await writer.compact();
      }
      return result;
    }) as typeof realReadFile);
    const reader = await Store.open(dir, testDefs, { ...manual, readOnly: true });
    vi.restoreAllMocks();
    expect(struck).toBe(true);
    expect(reader.get('items', 'a')).toEqual(itemFor('a', 2020, 2));
    expect(reader.get('items', 'b')).toEqual(itemFor('b', 2021, 2));
    await reader.close();
    await writer.close();
  });

  it('compaction does not hold up saves, and keeps the journal entries written while it ran', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    await store.mutate((tx) => {
      for (let i = 0; i < 200; i++) tx.put('items', itemFor(`c${i}`, 2020 + (i % 4), 1));
    });
    // Make the snapshot write slow: its rename waits until we let it go.
    const realRename = fs.promises.rename;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let renames = 0;
    vi.spyOn(fs.promises, 'rename').mockImplementation(async (from, to) => {
      if (renames++ === 0) await gate;
      return realRename(from, to);
    });
    let compacted = false;
    const compaction = store.compact().then(() => (compacted = true));
    await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) await store.mutate((tx) => tx.put('notes', noteFor(`during${i}`, 1)));
    expect(compacted).toBe(false); // the saves did not wait for the snapshot
    expect(Date.now() - t0).toBeLessThan(1000);
    release();
    await compaction;
    vi.restoreAllMocks();
    // The journal now holds exactly the saves made during the compaction.
    expect(journalEntries(dir).map((e) => e.ops.map((o) => (o.k === 'put' ? o.r.id : o.k)).join())).toEqual(['during0', 'during1', 'during2', 'during3', 'during4']);
    abandon(store);
    const again = await openTest(dir);
    expect(again.count('items')).toBe(200);
    expect(again.count('notes')).toBe(5);
    await again.close();
  });

  it('a Windows-style "file in use" on rename is retried instead of failing the snapshot', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', noteFor('w', 1)));
    const realRename = fs.promises.rename;
    let refusals = 0;
    vi.spyOn(fs.promises, 'rename').mockImplementation(async (from, to) => {
      if (refusals < 3) {
        refusals++;
        throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      }
      return realRename(from, to);
    });
    await store.compact();
    vi.restoreAllMocks();
    expect(refusals).toBe(3);
    expect(readSnapshotFile(notesFile(dir)).records).toEqual([noteFor('w', 1)]);
    expect(journalSize(dir)).toBe(0);
    await store.close();
  });

  it('leftover temp files of an interrupted snapshot are removed on open and never read', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', noteFor('t', 1)));
    await store.close();
    const tmp = path.join(dir, 'data', '.notes.json.999-1.tmp');
    fs.writeFileSync(tmp, '{"format":1,"records":[{"id":"half');
    const again = await openTest(dir);
    expect(again.recoveries).toEqual([]);
    expect(fs.existsSync(tmp)).toBe(false);
    await again.close();
  });
});
