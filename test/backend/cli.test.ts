/**
 * The `press-desk` command as a user runs it: `node dist/cli.mjs …` (built by `npm run build`).
 * Help and unknown commands, bad input through `call`, demo / backup / restore / check / export.
 * --data-dir / PRESS_DESK_DATA_DIR and a folder held by a running server: cli-folders.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Method } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { dispatch } from '../../electron/backend/dispatch.js';
import { type BadCase, badInputs, folderState, isSmall, removeTmpDirs, tmpDir } from './api-cases.js';
import { cli, demoCopy, inParallel, json, methods, requireBuiltCli } from './cli-kit.js';

afterAll(removeTmpDirs);

beforeAll(requireBuiltCli);

describe('help and unknown commands', () => {
  it('--help lists the commands in Russian', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Пресс-деск — командная строка');
      expect(r.stdout).toContain('Использование: press-desk [--data-dir ПАПКА] КОМАНДА [параметры]');
      for (const line of [
        /^ {2}demo .*заполнить новую папку данных демо-городом/m,
        /^ {2}backup \[--out ФАЙЛ\] +резервная копия/m,
        /^ {2}restore ФАЙЛ +восстановить данные из резервной копии/m,
        /^ {2}check +проверить целостность папки данных/m,
        /^ {2}export outlets --out ФАЙЛ\.docx/m,
        /справочник СМИ в Word/,
        /^ {2}call МЕТОД \['JSON'\] +вызвать любой метод программы/m,
        /^ {2}methods +список методов/m,
        /PRESS_DESK_DATA_DIR/,
      ])
        expect(r.stdout).toMatch(line);
    }
  });

  it('methods lists every method of the contract, marking the ones that write', async () => {
    const r = await cli(['methods']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(methods.map((m) => `${m}${api[m].writes ? '  (изменяет данные)' : ''}`));
  });

  it('an unknown command: exit 2 and a Russian message on stderr', async () => {
    const dir = tmpDir('cli-unknown');
    const r = await cli(['--data-dir', dir, 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('Ошибка: Неизвестная команда «frobnicate». Справка: press-desk --help');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('--data-dir without a folder is an error, not a silent fallback to the default folder', async () => {
    for (const args of [['check', '--data-dir'], ['--data-dir', '--help'], ['--data-dir=', 'check']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim()).toBe('Ошибка: Параметр --data-dir: не указана папка данных.');
    }
  });

  it('export of an unknown kind, export without --out, call without a method, bad JSON: exit 2 in Russian', async () => {
    const dir = tmpDir('cli-usage');
    const cases: [string[], RegExp][] = [
      [['export', 'everything', '--out', path.join(dir, 'x.docx')], /^Ошибка: Неизвестный вид выгрузки «everything»\. Доступно: outlets/],
      [['export', 'outlets'], /^Ошибка: Укажите файл: --out ФАЙЛ\.docx$/],
      [['export', 'outlets', '--out'], /^Ошибка: Параметр --out: не указано значение\.$/],
      [['call'], /^Ошибка: Укажите метод: press-desk call outlets\.list/],
      [['call', 'outlets.list', '{query:'], /^Ошибка: Параметры метода должны быть в формате JSON\.$/],
      [['call', 'outlets.delete', '{}'], /^Ошибка: Неизвестный метод «outlets\.delete»\.$/],
      [['restore'], /^Ошибка: Укажите файл: press-desk restore ФАЙЛ\.pdbackup$/],
      [['restore', path.join(dir, 'нет-такого.pdbackup')], /^Ошибка: Файл не найден: /],
      [['demo', '--years', 'три'], /^Ошибка: Параметр --years: ожидается целое число, получено «три»\.$/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['--data-dir', dir, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim(), args.join(' ')).toMatch(message);
    }
  });
});

describe('bad input through `call`', () => {
  let dir: string;
  let scratch: Backend;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = tmpDir('cli-bad');
    const b = await openBackend({ dataDir: dir });
    await b.invoke('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
    await b.close();
    before = folderState(dir);
    // The expected messages come from the same door in-process (on a folder of its own).
    scratch = await openBackend({ dataDir: tmpDir('cli-bad-expected') });
  });
  afterAll(async () => {
    await scratch.close();
  });

  it('a method of every group: exit 2, the Russian message naming the field on stderr, nothing on stdout, nothing written', async () => {
    // Every method's bad inputs run over HTTP and through dispatch (api.test.ts, web.test.ts); the CLI
    // carries them through the same door, so one method per group (each a process start) proves the
    // route without 150 process starts. Command lines are limited in size: no 10 MB cases here.
    const group = (m: Method) => m.split('.').slice(0, -1).join('.');
    const firstOfGroup = methods.filter((m, i) => methods.findIndex((o) => group(o) === group(m)) === i);
    const cases: { method: Method; c: BadCase }[] = firstOfGroup.flatMap((method) => (badInputs[method] ?? []).filter(isSmall).slice(0, 1).map((c) => ({ method, c })));
    expect(new Set(cases.map((x) => group(x.method)))).toEqual(new Set(methods.map(group)));
    const results = await inParallel(cases, 4, async ({ method, c }) => ({ method, c, r: await cli(['--data-dir', dir, 'call', method, JSON.stringify(c.input)]) }));
    const problems: string[] = [];
    for (const { method, c, r } of results) {
      const expected = await dispatch(scratch.ctx, method, c.input);
      const what = `${method} ${JSON.stringify(c.input).slice(0, 60)}`;
      if (expected.ok) {
        problems.push(`${what}: accepted in-process`);
        continue;
      }
      if (r.code !== 2) problems.push(`${what}: exit ${r.code}`);
      if (r.stdout !== '') problems.push(`${what}: stdout «${r.stdout.slice(0, 80)}»`);
      const last = r.stderr.trim().split('\n').pop();
      if (last !== `Ошибка: ${expected.error.message}`) problems.push(`${what}: stderr «${last}», expected «Ошибка: ${expected.error.message}»`);
      const issue = expected.error.issues?.find((i) => i.field === c.field);
      if (!issue || !last?.includes(`«${issue.label}»`) && c.field !== '') problems.push(`${what}: the message does not name «${issue?.label}»`);
    }
    expect(problems).toEqual([]);
    expect(folderState(dir)).toEqual(before);
  });
});

describe('commands', () => {
  it('demo fills an empty folder and refuses a non-empty one', async () => {
    const dir = tmpDir('cli-demo');
    const r = await cli(['--data-dir', dir, 'demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Демо-данные записаны в ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: settings — 1, outlets — \\d+`));
    const outlets = json(await cli(['--data-dir', dir, 'call', 'outlets.list', '{"archived":"all"}'])) as { name: string }[];
    expect(outlets.length).toBeGreaterThan(5);
    expect(outlets.map((o) => o.name)).toContain('Газета «Маяк труда»');
    const state = folderState(dir);
    const again = await cli(['--data-dir', dir, 'demo']);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe('Ошибка: Папка данных не пуста: демо-данные заполняют только новую папку. Укажите другую папку (--data-dir).');
    expect(folderState(dir)).toEqual(state);
  });

  it('check exits 0 on a good folder', async () => {
    const dir = await demoCopy();
    const r = await cli(['--data-dir', dir, 'check']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Файлов данных: \d+, записей: \d+, резервных копий: \d+\.$/m);
    expect(r.stdout.trim().split('\n').pop()).toBe('Папка данных в порядке.');
  });

  it('check reports a damaged file and exits 1', async () => {
    const dir = await demoCopy();
    fs.writeFileSync(path.join(dir, 'data', 'outlets.json'), '{"format":1,"records":[{"id":"x"');
    const r = await cli(['--data-dir', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Ошибка: data[/\\]outlets\.json: /m);
    expect(r.stdout.trim().split('\n').pop()).toBe('Найдены ошибки.');
  });

  it('backup, backup --out and restore round-trip: the data after restore equals the data before', async () => {
    const dir = await demoCopy();
    const out = tmpDir('cli-backup-out');
    const snapshot = async () => {
      const all = await Promise.all(
        ['outlets.list:{"archived":"all"}', 'settings.get:{}', 'system.status:{}'].map(async (spec) => {
          const at = spec.indexOf(':');
          const [m, input] = [spec.slice(0, at), spec.slice(at + 1)];
          const r = await cli(['--data-dir', dir, 'call', m, input]);
          expect(r.code, r.stderr).toBe(0);
          return json(r);
        }),
      );
      const status = all[2] as { counts: Record<string, number> };
      return { outlets: all[0], settings: all[1], counts: status.counts };
    };
    const before = await snapshot();

    const backup = await cli(['--data-dir', dir, 'backup']);
    expect(backup.code, backup.stderr).toBe(0);
    const inFolder = /^Резервная копия создана: (.+)$/m.exec(backup.stdout)?.[1];
    expect(inFolder && fs.existsSync(inFolder)).toBe(true);
    expect(path.dirname(inFolder!)).toBe(path.join(dir, 'backups'));

    const file = path.join(out, 'архив.pdbackup');
    const exported = await cli(['--data-dir', dir, 'backup', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim()).toBe(`Архив данных сохранён: ${file}`);
    const zip = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(JSON.parse(strFromU8(zip['manifest.json']!))).toMatchObject({ app: 'press-desk', format: 1 });

    // Change everything that can be changed, then restore each archive in turn.
    expect((await cli(['--data-dir', dir, 'call', 'outlets.create', '{"name":"Лишнее СМИ","kind":"tv"}'])).code).toBe(0);
    const ids = (before.outlets as { id: string }[]).slice(0, 2).map((o) => o.id);
    for (const id of ids) expect((await cli(['--data-dir', dir, 'call', 'outlets.archive', JSON.stringify({ id, archived: true })])).code).toBe(0);
    expect((await cli(['--data-dir', dir, 'call', 'settings.save', '{"organisation":{"name":"Другая","city":"Бийск","timeZone":"Asia/Barnaul"}}'])).code).toBe(0);
    expect(await snapshot()).not.toEqual(before);

    const restored = await cli(['--data-dir', dir, 'restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`^Данные восстановлены из ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: settings — 1, outlets — \\d+`));
    expect(await snapshot()).toEqual(before);

    expect((await cli(['--data-dir', dir, 'call', 'outlets.create', '{"name":"Ещё одно","kind":"radio"}'])).code).toBe(0);
    const fromFolder = await cli(['--data-dir', dir, 'restore', inFolder!]);
    expect(fromFolder.code, fromFolder.stderr).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect((await cli(['--data-dir', dir, 'check'])).code).toBe(0);
  });

  it('restore of a file that is no archive: exit 2, «Архив не принят», nothing written', async () => {
    const dir = tmpDir('cli-restore-bad');
    expect((await cli(['--data-dir', dir, 'call', 'outlets.create', '{"name":"Газета","kind":"newspaper"}'])).code).toBe(0);
    const bogus = path.join(tmpDir('cli-bogus'), 'отчёт.docx');
    fs.writeFileSync(bogus, 'это не архив');
    const state = folderState(dir);
    const r = await cli(['--data-dir', dir, 'restore', bogus]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^Ошибка: Архив не принят: .+\. Текущие данные не изменены\.$/);
    expect(folderState(dir)).toEqual(state);
  });

  it('export outlets writes a DOCX', async () => {
    const dir = await demoCopy();
    const file = path.join(tmpDir('cli-export-out'), 'вложенная папка', 'Справочник СМИ.docx');
    const r = await cli(['--data-dir', dir, 'export', 'outlets', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`Справочник СМИ сохранён: ${file}`);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);
    expect(xml).toContain('Справочник средств массовой информации');
    expect(xml).toContain('Газета «Маяк труда»');
    expect(xml).not.toContain('Алейская жизнь'); // archived in the demo town: only with --include-archived
    const all = path.join(path.dirname(file), 'все.docx');
    expect((await cli(['--data-dir', dir, 'export', 'outlets', '--out', all, '--include-archived'])).code).toBe(0);
    expect(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(all)))['word/document.xml']!)).toContain('Алейская жизнь');
  });
});
