/**
 * A damaged snapshot never rolls a collection back blindly: what the file still holds is kept, the rest
 * is rebuilt from the newest backup and the journal history, failing records are quarantined, and a
 * file of a newer format opens the folder read-only with nothing touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { listQuarantine } from '../../electron/backend/store/quarantine.js';
import { HISTORY } from '../../electron/backend/store/history.js';
import { callersOf } from '../helpers/invoke.js';
import { itemFor, noteFor } from '../helpers/defs.js';
import { notesFile, openTest, readSnapshotFile, shardFile } from '../helpers/store-kit.js';
import { folderBytes, removeTempDirs, tempDir } from '../helpers/tmp.js';

afterEach(() => removeTempDirs());

const outletsFile = (dir: string) => path.join(dir, 'data', 'outlets.json');

async function outletsAfterBackup(dir: string): Promise<string[]> {
  const backend = await openBackend({ dataDir: dir });
  const { call } = callersOf(backend);
  await call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
  await call('outlets.create', { name: 'Радио «Алейск FM»', kind: 'radio' });
  backend.ctx.store.backupNow();
  const names = ['Телеканал «Алтай»', 'Сайт «Алейск-инфо»', 'Газета «Вестник»'];
  for (const name of names) {
    await call('outlets.create', { name, kind: name.startsWith('Газета') ? 'newspaper' : name.startsWith('Сайт') ? 'online' : 'tv' });
    await backend.ctx.store.compact(); // each in the snapshot, the journal cut: as three CLI runs leave it
  }
  await backend.close();
  return ['Газета «Маяк труда»', 'Радио «Алейск FM»', ...names];
}

const outletNames = async (dir: string) => {
  const backend = await openBackend({ dataDir: dir });
  const names = backend.ctx.store.all('outlets').map((o) => o.name).sort();
  const recoveries = backend.ctx.store.recoveries;
  await backend.close();
  return { names, recoveries };
};

describe('a damaged snapshot of the app: the reported cases', () => {
  it('cut in half after a backup and three later outlets: all five are there, and the message says from where', async () => {
    const dir = tempDir();
    const all = await outletsAfterBackup(dir);
    const bytes = fs.readFileSync(outletsFile(dir));
    fs.writeFileSync(outletsFile(dir), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { names, recoveries } = await outletNames(dir);
    expect(names).toEqual([...all].sort());
    expect(recoveries).toHaveLength(1);
    expect(recoveries[0]!.unrecoverable).toEqual([]);
    expect(recoveries[0]!.message).toMatch(/Из самого файла прочитан[аоы] \d+ запис/);
    expect(recoveries[0]!.message).toMatch(/По резервной копии «press-desk-.+\.pdbackup» и журналу изменений восстановлен/);
    expect(recoveries[0]!.message).toMatch(/Все сохранённые записи на месте\./);
  });

  it('one record with an unknown value: the others stay as the file has them, that one is quarantined and listed', async () => {
    const dir = tempDir();
    const all = await outletsAfterBackup(dir);
    const snap = readSnapshotFile(outletsFile(dir));
    const spoilt = snap.records.find((o: { name: string }) => o.name === 'Газета «Вестник»');
    spoilt.kind = 'hologram'; // an enum value of a newer version, say
    fs.writeFileSync(outletsFile(dir), JSON.stringify(snap));
    const backend = await openBackend({ dataDir: dir });
    const store = backend.ctx.store;
    const recoveries = store.recoveries;
    // The others as the file has them; the spoilt one as it was acknowledged (the journal history has it).
    expect(store.all('outlets').map((o) => o.name).sort()).toEqual([...all].sort());
    expect(store.get('outlets', spoilt.id)).toMatchObject({ name: 'Газета «Вестник»', kind: 'newspaper' });
    expect(recoveries[0]!.salvaged).toBe(4);
    await backend.close();
    const q = listQuarantine(dir);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ collection: 'outlets', recordId: spoilt.id, title: 'Газета «Вестник»' });
    expect((q[0]!.record as { kind: string }).kind).toBe('hologram');
    expect(recoveries[0]!.quarantined).toEqual([expect.objectContaining({ id: spoilt.id, title: 'Газета «Вестник»' })]);
    expect(recoveries[0]!.message).toMatch(/отложены \(Настройки → Данные → Отложенные записи\) — 1 запись: «Газета «Вестник»»/);
  });

  it('a file of a newer format: read-only with the message, nothing moved, replaced or written', async () => {
    const dir = tempDir();
    await outletsAfterBackup(dir);
    const snap = readSnapshotFile(outletsFile(dir));
    fs.writeFileSync(outletsFile(dir), JSON.stringify({ ...snap, format: 2 }));
    const before = folderBytes(dir);
    const backend = await openBackend({ dataDir: dir });
    const { fail } = callersOf(backend);
    expect(backend.ctx.store.readOnly).toBe(true);
    expect(backend.ctx.store.recoveries).toEqual([]);
    const status = (await backend.invoke('system.status', {})) as { ok: true; result: { readOnly: boolean; newerFormat: { format: number } | null } };
    expect(status.result).toMatchObject({ readOnly: true, newerFormat: { format: 2 } });
    const err = await fail('outlets.create', { name: 'Новое СМИ', kind: 'tv' });
    expect(err.message).toBe('Открыто только для чтения: папка создана более новой версией Пресс-деска (формат 2): обновите программу. Файлы папки не изменены.');
    await backend.close();
    expect(folderBytes(dir)).toEqual(before);
  });
});

/** xorshift: the same "random" offsets on every run, so a failure can be replayed. */
function offsets(seed: number, n: number, max: number): number[] {
  let x = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(1 + (Math.abs(x) % (max - 1)));
  }
  return out;
}

describe('torn snapshots: every acknowledged record is found again', () => {
  /** A backup, then N later writes, each compacted (so only the snapshot and the history hold them). */
  async function folderWithLaterWrites(dir: string) {
    const store = await openTest(dir);
    await store.mutate((tx) => {
      for (let i = 1; i <= 6; i++) tx.put('items', itemFor(`a${i}`, 2021, 1));
      for (let i = 1; i <= 6; i++) tx.put('notes', noteFor(`n${i}`, 1));
    });
    store.backupNow();
    for (let i = 1; i <= 8; i++) {
      await store.mutate((tx) => {
        tx.put('items', itemFor(`a${i % 6 + 1}`, 2021, i + 1)); // edits after the backup
        tx.put('items', itemFor(`late${i}`, 2021, 1));
        tx.put('notes', noteFor(`late${i}`, 1));
        if (i === 3) tx.del('notes', 'n2'); // a delete after the backup must stay deleted
      });
      await store.compact();
    }
    const expected = { items: store.all('items'), notes: store.all('notes') };
    await store.close();
    return expected;
  }

  const sorted = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

  for (const [collection, fileOf] of [['items', (d: string) => shardFile(d, 2021)], ['notes', notesFile]] as const) {
    it(`${collection}: cut at 20 offsets, each time all records back as acknowledged, none unrecoverable`, async () => {
      const master = tempDir();
      const expected = await folderWithLaterWrites(master);
      const size = fs.statSync(fileOf(master)).size;
      for (const at of offsets(collection.length * 7919, 20, size)) {
        const dir = tempDir();
        fs.cpSync(master, dir, { recursive: true });
        fs.writeFileSync(fileOf(dir), fs.readFileSync(fileOf(master)).subarray(0, at));
        const store = await openTest(dir);
        expect(sorted(store.all(collection)), `cut at ${at} of ${size}`).toEqual(sorted(expected[collection]));
        expect(store.recoveries).toHaveLength(1);
        expect(store.recoveries[0]!.unrecoverable, `cut at ${at}`).toEqual([]);
        await store.close();
        // What was recovered is a good file again.
        expect(sorted(readSnapshotFile(fileOf(dir)).records)).toEqual(sorted(expected[collection]));
      }
    });
  }

  it('without the history (a folder from before it existed): what the file holds is kept, the torn record is named', async () => {
    const dir = tempDir();
    const expected = await folderWithLaterWrites(dir);
    fs.rmSync(path.join(dir, HISTORY));
    const text = fs.readFileSync(notesFile(dir), 'utf8');
    const late5 = '"text":"Заметка late5, версия 1"';
    const cut = text.indexOf(late5) + late5.length; // the record's closing brace is cut off
    fs.writeFileSync(notesFile(dir), text.slice(0, cut));
    const store = await openTest(dir);
    const r = store.recoveries[0]!;
    const kept = new Set(store.all('notes').map((n) => n.id));
    // Everything before the cut is there as it was; late5 is named as lost or came back from nowhere else.
    for (const n of expected.notes.filter((n) => text.indexOf(`"id":"${n.id}"`) < text.indexOf('"id":"late5"'))) expect(store.get('notes', n.id)).toEqual(n);
    expect(kept.has('late5')).toBe(false);
    expect(r.unrecoverable).toEqual([expect.objectContaining({ id: 'late5', title: 'Заметка late5, версия 1' })]);
    expect(r.message).toMatch(/Не удалось восстановить 1 запись: «Заметка late5, версия 1» \(late5\): повреждена в файле/);
    expect(r.message).toMatch(/Файл обрывается: записи после места обрыва, если они были, не восстановлены\./);
    await store.close();
  });

  it('a file reformatted by hand (spaces and line breaks) and then cut: the records before the cut are read', async () => {
    const dir = tempDir();
    const expected = await folderWithLaterWrites(dir);
    fs.rmSync(path.join(dir, HISTORY));
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    const pretty = JSON.stringify(readSnapshotFile(notesFile(dir)), null, 2);
    const cut = pretty.indexOf('"id": "late7"');
    fs.writeFileSync(notesFile(dir), pretty.slice(0, cut + 16));
    const store = await openTest(dir);
    const before = expected.notes.filter((n) => pretty.indexOf(`"id": "${n.id}"`) < cut);
    expect(sorted(store.all('notes'))).toEqual(sorted(before));
    expect(store.recoveries[0]!.unrecoverable).toEqual([expect.objectContaining({ id: 'late7' })]);
    await store.close();
  });

  it('damage in the middle: the records after it are read too', async () => {
    const dir = tempDir();
    const expected = await folderWithLaterWrites(dir);
    fs.rmSync(path.join(dir, HISTORY));
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    const text = fs.readFileSync(notesFile(dir), 'utf8');
    const from = text.indexOf('"id":"n4"');
    fs.writeFileSync(notesFile(dir), text.slice(0, from + 10) + '\u0000\u0000garbage' + text.slice(from + 20));
    const store = await openTest(dir);
    expect(sorted(store.all('notes'))).toEqual(sorted(expected.notes.filter((n) => n.id !== 'n4')));
    expect(store.recoveries[0]!.unrecoverable).toEqual([expect.objectContaining({ id: 'n4', reason: 'повреждена в файле, резервной копии нет' })]);
    await store.close();
  });
});

describe("every collection of the app, torn at 20 offsets", () => {
  it('the demo town, half of each collection before a backup and the rest after: each torn file comes back whole', async () => {
    const { Store } = await import('../../electron/backend/store/store.js');
    const { collections } = await import('../../electron/backend/collections.js');
    const { generateDemo } = await import('../../electron/backend/demo/generate.js');
    const { shardFiles } = await import('../../electron/backend/store/snapshots.js');
    const source = await Store.open(tempDir(), collections);
    await generateDemo(source, { years: 1, scale: 0, now: new Date('2026-03-01T09:00:00Z') });
    const master = tempDir();
    const store = await Store.open(master, collections, { compactAfterMs: 3_600_000, compactAtMostEveryMs: 3_600_000 });
    const names = Object.keys(collections) as (keyof typeof collections)[];
    const half = (c: keyof typeof collections, second: boolean) => source.all(c).filter((_, i) => i % 2 === (second ? 1 : 0));
    await store.mutate((tx) => names.forEach((c) => half(c, false).forEach((r) => tx.put(c, r as never))));
    store.backupNow();
    for (const c of names) {
      await store.mutate((tx) => half(c, true).forEach((r) => tx.put(c, r as never)));
      const first = half(c, false)[0];
      if (first && half(c, false).length > 2) await store.mutate((tx) => tx.del(c, first.id));
      await store.compact();
    }
    await source.close();
    const expected = Object.fromEntries(names.map((c) => [c, JSON.stringify(sortedById(store.all(c)))]));
    await store.close();

    let cuts = 0;
    for (const c of names) {
      const files = shardFiles(master, c).map((f) => ({ ...f, size: fs.statSync(f.file).size })).sort((a, b) => b.size - a.size);
      const biggest = files[0];
      if (!biggest || biggest.size < 40) continue;
      for (const at of offsets(c.length * 104729 + 1, 20, biggest.size)) {
        const dir = tempDir();
        fs.cpSync(master, dir, { recursive: true });
        const file = path.join(dir, path.relative(master, biggest.file));
        fs.writeFileSync(file, fs.readFileSync(biggest.file).subarray(0, at));
        // Only the collection under test is opened: the others are not what this cut is about (and it keeps the run short).
        const reopened = await Store.open(dir, { [c]: collections[c] }, { compactAfterMs: 3_600_000, compactAtMostEveryMs: 3_600_000 });
        expect(JSON.stringify(sortedById(reopened.all(c as never))), `${c}: ${path.relative(master, biggest.file)} cut at ${at} of ${biggest.size}`).toBe(expected[c]);
        expect(reopened.recoveries.flatMap((r) => r.unrecoverable ?? [])).toEqual([]);
        await reopened.close();
        fs.rmSync(dir, { recursive: true, force: true });
        cuts++;
      }
    }
    expect(cuts).toBeGreaterThanOrEqual(20 * 8);
  }, 300_000);
});

function sortedById<T extends { id: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('quarantine: restore and discard through the API', () => {
  it('a copy that passes is put back; over a live record only when asked; one that still fails stays', async () => {
    const { quarantineRecord } = await import('../../electron/backend/store/quarantine.js');
    const dir = tempDir();
    await outletsAfterBackup(dir);
    const backend = await openBackend({ dataDir: dir });
    const { call, fail } = callersOf(backend);
    const live = backend.ctx.store.all('outlets')[0]!;
    const gone = { ...live, id: '01JGONE0000000000000000000', name: 'Газета «Старая»' };
    const a = quarantineRecord(dir, { collection: 'outlets', recordId: gone.id, reason: 'тест', from: 'data/outlets.json', record: gone });
    const b = quarantineRecord(dir, { collection: 'outlets', recordId: live.id, reason: 'тест', from: 'data/outlets.json', record: { ...live, name: 'Отложенная копия' } });
    const c = quarantineRecord(dir, { collection: 'outlets', recordId: 'x', reason: 'тест', from: 'data/outlets.json', record: { ...live, id: 'x', kind: 'hologram' } });
    expect((await call('system.quarantine.list', {}) as unknown[]).length).toBe(3);

    await call('system.quarantine.restore', { key: a.key });
    expect(backend.ctx.store.get('outlets', gone.id)?.name).toBe('Газета «Старая»');

    const clash = await fail('system.quarantine.restore', { key: b.key });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toMatch(/^В данных уже есть эта запись \(последнее изменение .+\): восстановление заменит её отложенной копией\. Подтвердите замену\.$/);
    expect(backend.ctx.store.get('outlets', live.id)?.name).toBe(live.name);
    await call('system.quarantine.restore', { key: b.key, overwrite: true });
    expect(backend.ctx.store.get('outlets', live.id)?.name).toBe('Отложенная копия');

    const still = await fail('system.quarantine.restore', { key: c.key });
    expect(still.message).toMatch(/^Запись всё ещё не проходит проверку \(.*Вид СМИ.*\): она оставлена в отложенных\.$/);
    expect((await call('system.quarantine.list', {}) as { key: string }[]).map((q) => q.key)).toEqual([c.key]);
    await call('system.quarantine.discard', { key: c.key });
    expect(await call('system.quarantine.list', {})).toEqual([]);
    expect((await fail('system.quarantine.discard', { key: c.key })).code).toBe('not_found');
    await backend.close();
  });
});
