import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { collections, type AppStore } from '../../electron/backend/collections.js';
import { generateDemo } from '../../electron/backend/demo/generate.js';
import { HISTORY } from '../../electron/backend/store/history.js';
import { Store } from '../../electron/backend/store/store.js';
import { checkDataFolder } from '../../electron/backend/features/system/check.js';
import { bundle } from '../helpers/bundle.js';
import { runNode } from '../helpers/child.js';
import { itemFor, noteFor, testDefs } from '../helpers/defs.js';
import { abandon, journalFile, journalSize, notesFile, openTest, readSnapshotFile, seededFolder, shardFile } from '../helpers/store-kit.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  removeTempDirs();
});

/** checkDataFolder reads only the folder (store.dir): run it on the files as they are, before any open repairs them. */
const checkFolder = (dir: string) => checkDataFolder({ dir } as AppStore);
const corruptDir = (dir: string) => path.join(dir, 'corrupt');
const corruptFiles = (dir: string) => (fs.existsSync(corruptDir(dir)) ? fs.readdirSync(corruptDir(dir)).sort() : []);

/** Seeded folder + a backup of it; then a change made after the backup (so "restored" is visibly the backup's copy). */
async function folderWithBackup(dir: string): Promise<string> {
  await seededFolder(dir);
  const store = await openTest(dir);
  const backup = store.backupNow();
  await store.mutate((tx) => {
    tx.put('notes', noteFor('n3', 1));
    tx.put('items', itemFor('a1', 2021, 2));
  });
  await store.close();
  return backup;
}

const damage: Record<string, (bytes: Buffer) => Buffer> = {
  garbage: () => Buffer.from('\u0000\u0000{{garbage не JSON'),
  'truncated JSON': (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  'valid JSON failing the schema': (bytes) => {
    const snap = JSON.parse(bytes.toString('utf8'));
    snap.records[0].id = 12345; // a number where every schema wants text
    return Buffer.from(JSON.stringify(snap));
  },
};

describe('store: a damaged snapshot', () => {
  for (const [kind, spoil] of Object.entries(damage)) {
    it(`${kind}: moved to corrupt/ as it was, rebuilt from the newest good backup and the journal history, recorded in Russian`, async () => {
      const dir = tempDir();
      const backup = await folderWithBackup(dir);
      const file = notesFile(dir);
      const bad = spoil(fs.readFileSync(file));
      fs.writeFileSync(file, bad);

      const store = await openTest(dir);
      expect(store.recoveries).toHaveLength(1);
      const r = store.recoveries[0]!;
      expect(r.file).toBe(file);
      expect(r.restoredFrom).toBe(backup);
      expect(r.message).toMatch(/^Файл данных «data[/\\]notes\.json» повреждён \(.+\)\. Он перемещён в «corrupt[/\\].+»\. Из самого файла /);
      expect(r.message).toMatch(/Все сохранённые записи на месте\.$/);
      // The original bytes are kept, untouched.
      expect(path.dirname(r.movedTo)).toBe(corruptDir(dir));
      expect(fs.readFileSync(r.movedTo)).toEqual(bad);
      expect(fs.existsSync(file)).toBe(false);
      // The backup's notes and n3, which came after the backup: the journal history since the backup has it.
      expect(store.all('notes').map((n) => n.id).sort()).toEqual(['n1', 'n2', 'n3']);
      expect(store.get('items', 'a1')).toEqual(itemFor('a1', 2021, 2));
      // It keeps working, and the next snapshot is a good file.
      await store.mutate((tx) => tx.put('notes', noteFor('n4', 1)));
      await store.compact();
      expect(readSnapshotFile(file).records.map((n: { id: string }) => n.id).sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
      await store.close();

      const again = await openTest(dir);
      expect(again.recoveries).toEqual([]);
      expect(again.count('notes')).toBe(4);
      await again.close();
    });
  }

  it('a damaged shard is restored with only its own records; the other shards stay as they are', async () => {
    const dir = tempDir();
    await folderWithBackup(dir);
    fs.writeFileSync(shardFile(dir, 2022), '{"format":1,"records":[');
    const store = await openTest(dir);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]!.message).toMatch(/data[/\\]items[/\\]2022\.json/);
    expect(store.all('items').filter((r) => r.year === 2022).map((r) => r.id).sort()).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(store.get('items', 'a1')).toEqual(itemFor('a1', 2021, 2)); // the 2021 shard was good and newer than the backup
    await store.close();
    expect(readSnapshotFile(shardFile(dir, 2022)).records).toHaveLength(4);
  });

  it('with no backup, the journal history alone rebuilds the collection', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    fs.writeFileSync(notesFile(dir), 'not json');
    const store = await openTest(dir);
    expect(store.all('notes').map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    expect(store.recoveries[0]!.restoredFrom).toBeNull();
    expect(store.recoveries[0]!.message).toMatch(/По журналу изменений восстановлены 2 записи: «Заметка n1, версия 1»; «Заметка n2, версия 1»\./);
    await store.close();
  });

  it('with no backup and no history: an empty collection and a message saying so', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    fs.rmSync(path.join(dir, HISTORY));
    fs.writeFileSync(notesFile(dir), 'not json');
    const store = await openTest(dir);
    expect(store.count('notes')).toBe(0);
    expect(store.count('items')).toBe(9);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]!.restoredFrom).toBeNull();
    expect(store.recoveries[0]!.message).toMatch(/Резервной копии с этими данными не нашлось, раздел «notes» открыт пустым/);
    await store.mutate((tx) => tx.put('notes', noteFor('fresh', 1)));
    await store.close();
    expect(readSnapshotFile(notesFile(dir)).records).toEqual([noteFor('fresh', 1)]);
  });

  it('a backup that is itself damaged is skipped for an older good one', async () => {
    const dir = tempDir();
    const good = await folderWithBackup(dir);
    const newer = path.join(path.dirname(good), 'press-desk-2999-01-01T00-00-00-000Z.pdbackup');
    fs.writeFileSync(newer, 'PK not really a zip');
    fs.writeFileSync(notesFile(dir), '');
    const store = await openTest(dir);
    expect(store.recoveries[0]!.restoredFrom).toBe(good);
    expect(store.count('notes')).toBe(3); // the good backup's two, and n3 from the history since
    await store.close();
  });

  it('corrupt/ never overwrites: the same file damaged twice, and two shards of one name in the same millisecond', async () => {
    const dir = tempDir();
    await seededFolder(dir);
    fs.writeFileSync(notesFile(dir), 'first damage');
    await (await openTest(dir)).close();
    fs.writeFileSync(notesFile(dir), 'second damage');
    await (await openTest(dir)).close();

    // data/items/2021.json and data/events/2021.json — same base name — moved within one frozen millisecond.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-05-01T10:00:00.000Z') });
    const defs = { ...testDefs, events: { schema: testDefs.items.schema, shardOf: testDefs.items.shardOf } };
    fs.mkdirSync(path.join(dir, 'data', 'events'), { recursive: true });
    fs.writeFileSync(shardFile(dir, 2021), 'items 2021 damage');
    fs.writeFileSync(path.join(dir, 'data', 'events', '2021.json'), 'events 2021 damage');
    const store = await Store.open(dir, defs, { compactAfterMs: 3_600_000 });
    expect(store.recoveries).toHaveLength(2);
    await store.close();
    vi.useRealTimers();

    const kept = corruptFiles(dir).map((f) => fs.readFileSync(path.join(corruptDir(dir), f), 'utf8')).sort();
    expect(kept).toEqual(['events 2021 damage', 'first damage', 'items 2021 damage', 'second damage']);
  });
});

describe('check (checkDataFolder) on the app\'s own collections, before any repair', () => {
  for (const [kind, spoil] of Object.entries(damage)) {
    it(`reports ${kind} in data/outlets.json; the open that follows repairs it`, async () => {
      const dir = tempDir();
      const store = await Store.open(dir, collections);
      await generateDemo(store, { years: 1, scale: 20, now: new Date('2025-03-01T09:00:00Z') });
      const count = store.count('outlets');
      store.backupNow();
      await store.close();
      expect(checkFolder(dir)).toMatchObject({ ok: true, problems: [] });

      const file = path.join(dir, 'data', 'outlets.json');
      fs.writeFileSync(file, spoil(fs.readFileSync(file)));
      const report = checkFolder(dir);
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ collection: 'outlets', file: path.join('data', 'outlets.json') });
      expect(report.problems[0]!.message).toMatch(kind === 'valid JSON failing the schema' ? /^запись № 1: / : /^файл не читается: /);

      const repaired = await Store.open(dir, collections);
      expect(repaired.recoveries).toHaveLength(1);
      expect(repaired.count('outlets')).toBe(count);
      await repaired.close();
      expect(checkFolder(dir).ok).toBe(true);
    });
  }
});

describe('store: a damaged journal', () => {
  async function journalWithThreeEntries(dir: string) {
    await seededFolder(dir);
    const store = await openTest(dir);
    await store.mutate((tx) => tx.put('notes', noteFor('j1', 1)));
    await store.mutate((tx) => tx.put('notes', noteFor('j2', 1)));
    await store.mutate((tx) => tx.put('notes', noteFor('j3', 1)));
    abandon(store);
    const lines = fs.readFileSync(journalFile(dir), 'utf8').split('\n');
    expect(lines).toHaveLength(4); // three lines and the final newline
    return lines;
  }

  it('a damaged middle line: the other changes are kept, the journal is copied aside, a Russian message; then the journal is cut', async () => {
    const dir = tempDir();
    const lines = await journalWithThreeEntries(dir);
    lines[1] = lines[1]!.slice(0, 20) + '\u0000\u0000' + lines[1]!.slice(40);
    const damaged = Buffer.from(lines.join('\n'));
    fs.writeFileSync(journalFile(dir), damaged);

    const report = checkFolder(dir);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ file: 'journal.ndjson', message: 'повреждены строки 2' })]);

    const store = await openTest(dir);
    expect(store.recoveries).toHaveLength(1);
    const r = store.recoveries[0]!;
    expect(r.message).toMatch(/^Журнал изменений повреждён \(повреждены строки 2\)\. Неповреждённые изменения восстановлены, копия журнала сохранена в «corrupt[/\\].+journal\.ndjson»\./);
    expect(fs.readFileSync(r.movedTo)).toEqual(damaged);
    expect(store.all('notes').map((n) => n.id).sort()).toEqual(['j1', 'j3', 'n1', 'n2']);
    // What was recovered is in the snapshots already, and the damaged journal is gone.
    expect(journalSize(dir)).toBe(0);
    expect(readSnapshotFile(notesFile(dir)).records.map((n: { id: string }) => n.id).sort()).toEqual(['j1', 'j3', 'n1', 'n2']);
    await store.close();
    const again = await openTest(dir);
    expect(again.recoveries).toEqual([]);
    expect(again.count('notes')).toBe(4);
    await again.close();
  });

  it('the damaged journal is not dropped before the recovered changes are in the snapshots (crash in between)', async () => {
    const dir = tempDir();
    const lines = await journalWithThreeEntries(dir);
    lines[1] = 'garbage';
    fs.writeFileSync(journalFile(dir), lines.join('\n'));
    // The snapshot write fails (think: power cut during it).
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation((async (file: fs.PathLike, ...rest: any[]) => {
      if (String(file).endsWith('.tmp')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return (realOpen as any)(file, ...rest);
    }) as typeof realOpen);
    const store = await openTest(dir);
    expect(store.all('notes').map((n) => n.id).sort()).toEqual(['j1', 'j3', 'n1', 'n2']);
    abandon(store);
    vi.restoreAllMocks();
    // j1 and j3 are only in the journal still: it must not have been cut.
    expect(fs.readFileSync(journalFile(dir), 'utf8')).toContain('"j3"');
    const again = await openTest(dir);
    expect(again.all('notes').map((n) => n.id).sort()).toEqual(['j1', 'j3', 'n1', 'n2']);
    expect(again.recoveries).toHaveLength(1);
    await again.close();
    expect(corruptFiles(dir)).toHaveLength(2); // one copy per attempt, none overwritten
  });

  it('a journal entry that no longer passes the schema is reported (not silently dropped) and kept in the copy', async () => {
    const dir = tempDir();
    const lines = await journalWithThreeEntries(dir);
    const entry = JSON.parse(lines[2]!);
    entry.ops[0].r.text = 'x'.repeat(2000); // longer than the schema allows
    lines[2] = JSON.stringify(entry);
    fs.writeFileSync(journalFile(dir), lines.join('\n'));
    const store = await openTest(dir);
    expect(store.all('notes').map((n) => n.id).sort()).toEqual(['j1', 'j2', 'n1', 'n2']);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]!.message).toMatch(/не прошли проверку изменения в строках 3/);
    expect(fs.readFileSync(store.recoveries[0]!.movedTo, 'utf8')).toContain('x'.repeat(2000));
    await store.close();
  });

  it('a torn last line (a crash mid-append) is not damage: dropped quietly', async () => {
    const dir = tempDir();
    const lines = await journalWithThreeEntries(dir);
    fs.writeFileSync(journalFile(dir), lines.slice(0, 2).join('\n') + '\n' + lines[2]!.slice(0, 30));
    expect(checkFolder(dir).ok).toBe(true);
    const store = await openTest(dir);
    expect(store.recoveries).toEqual([]);
    expect(store.all('notes').map((n) => n.id).sort()).toEqual(['j1', 'j2', 'n1', 'n2']);
    await store.mutate((tx) => tx.put('notes', noteFor('after', 1)));
    abandon(store);
    const again = await openTest(dir);
    expect(again.recoveries).toEqual([]);
    expect(again.get('notes', 'after')).toBeDefined();
    await again.close();
  });
});

describe('press-desk check (the CLI binary)', () => {
  let cli: string;
  beforeAll(async () => {
    // The same build as electron/build.mjs makes for dist/cli.mjs (our code bundled, packages from node_modules).
    cli = await bundle('electron/backend/cli.ts', 'cli');
  });
  afterAll(() => fs.rmSync(cli, { force: true }));

  it('exits non-zero on a corrupt folder, names the file, leaves it as it is; a normal open repairs it', async () => {
    const dir = tempDir();
    const demo = await runNode(cli, ['--data-dir', dir, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
    const ok = await runNode(cli, ['--data-dir', dir, 'check']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Папка данных в порядке/);

    const outlets = path.join(dir, 'data', 'outlets.json');
    const good = fs.readFileSync(outlets);
    fs.writeFileSync(outlets, good.subarray(0, good.length - 100));
    const bad = await runNode(cli, ['--data-dir', dir, 'check']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/Ошибка: data[/\\]outlets\.json: файл не читается/);
    expect(bad.stdout).toMatch(/Найдены ошибки/);
    expect(fs.readFileSync(outlets)).toEqual(good.subarray(0, good.length - 100)); // check only looks
    expect(fs.existsSync(corruptDir(dir))).toBe(false);

    const open = await runNode(cli, ['--data-dir', dir, 'call', 'system.status']);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout + open.stderr).toMatch(/Восстановление: Файл данных «data[/\\]outlets\.json» повреждён/);
    expect(corruptFiles(dir)).toHaveLength(1);
    const after = await runNode(cli, ['--data-dir', dir, 'check']);
    expect(after.code, after.stdout).toBe(0);
  });

  it('exits non-zero on a damaged journal line', async () => {
    const dir = tempDir();
    expect((await runNode(cli, ['--data-dir', dir, 'demo'])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'journal.ndjson'), '{"seq":99,"at":"x","ops":[]}\nНЕ JSON\n{"seq":100,"at":"x","ops":[]}\n');
    const bad = await runNode(cli, ['--data-dir', dir, 'check']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/journal\.ndjson: повреждены строки 2/);
  });
});
