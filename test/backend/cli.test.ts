/**
 * The `press-desk` command as a user runs it: `node dist/cli.mjs …` (built by `npm run build`).
 * Bad input through `call`, every command with --data-dir and PRESS_DESK_DATA_DIR, demo / backup /
 * restore / check / export, and a folder held by a running browser-mode server.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Method } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { dispatch } from '../../electron/backend/dispatch.js';
import { startWebServer, type WebServer } from '../../electron/backend/web.js';
import { type BadCase, badInputs, folderState, isSmall, removeTmpDirs, tmpDir } from './api-cases.js';

afterAll(removeTmpDirs);

const repo = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(repo, 'dist', 'cli.mjs');
const methods = Object.keys(api) as Method[];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI. PRESS_DESK_DATA_DIR is removed from the environment unless given, so no test ever touches the user's folder. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  delete base.PRESS_DESK_DATA_DIR;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const json = (r: Run) => JSON.parse(r.stdout) as unknown;

/** A demo folder made once in-process; tests work on copies (a demo through the CLI takes seconds). */
let template: string;
function demoCopy(): string {
  const dir = tmpDir('cli-copy');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build -- --quiet\` first`);
  template = tmpDir('cli-template');
  const b = await openBackend({ dataDir: template });
  const filled = await b.invoke('system.fillDemo', {});
  expect(filled.ok).toBe(true);
  await b.close();
});

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
    const dir = demoCopy();
    const r = await cli(['--data-dir', dir, 'check']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Файлов данных: \d+, записей: \d+, резервных копий: \d+\.$/m);
    expect(r.stdout.trim().split('\n').pop()).toBe('Папка данных в порядке.');
  });

  it('check reports a damaged file and exits 1', async () => {
    const dir = demoCopy();
    fs.writeFileSync(path.join(dir, 'data', 'outlets.json'), '{"format":1,"records":[{"id":"x"');
    const r = await cli(['--data-dir', dir, 'check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Ошибка: data[/\\]outlets\.json: /m);
    expect(r.stdout.trim().split('\n').pop()).toBe('Найдены ошибки.');
  });

  it('backup, backup --out and restore round-trip: the data after restore equals the data before', async () => {
    const dir = demoCopy();
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
    const dir = demoCopy();
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

describe('every command honours --data-dir and PRESS_DESK_DATA_DIR', () => {
  // Each command, run once with the flag and once with the variable; a decoy folder in the other
  // place must stay untouched (the flag wins over the variable).
  const commands: { name: string; args: (out: string) => string[]; writes: boolean; prepare?: 'demo' | 'empty' }[] = [
    { name: 'demo', args: () => ['demo'], writes: true, prepare: 'empty' },
    { name: 'check', args: () => ['check'], writes: false },
    { name: 'backup', args: () => ['backup'], writes: true },
    { name: 'backup --out', args: (out) => ['backup', '--out', path.join(out, 'a.pdbackup')], writes: false },
    { name: 'export outlets', args: (out) => ['export', 'outlets', '--out', path.join(out, 's.docx')], writes: false },
    { name: 'call outlets.create', args: () => ['call', 'outlets.create', '{"name":"Газета «Новая»","kind":"newspaper"}'], writes: true },
  ];

  async function prepared(kind: 'demo' | 'empty' = 'demo'): Promise<string> {
    return kind === 'demo' ? demoCopy() : tmpDir('cli-dirs');
  }
  const outletNames = async (dir: string) => (json(await cli(['--data-dir', dir, 'call', 'outlets.list', '{"archived":"all"}'])) as { name: string }[]).map((o) => o.name).sort();

  for (const command of commands) {
    for (const how of ['--data-dir DIR', '--data-dir=DIR', 'PRESS_DESK_DATA_DIR'] as const) {
      it(`${command.name} with ${how}`, async () => {
        const target = await prepared(command.prepare);
        const decoy = await prepared('demo');
        const decoyState = folderState(decoy);
        const targetState = folderState(target);
        const out = tmpDir('cli-dirs-out');
        const args = command.args(out);
        const r =
          how === 'PRESS_DESK_DATA_DIR'
            ? await cli(args, { PRESS_DESK_DATA_DIR: target })
            : how === '--data-dir DIR'
              ? await cli(['--data-dir', target, ...args], { PRESS_DESK_DATA_DIR: decoy })
              : await cli([...args, `--data-dir=${target}`], { PRESS_DESK_DATA_DIR: decoy });
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(folderState(decoy)).toEqual(decoyState);
        if (command.writes) expect(folderState(target)).not.toEqual(targetState);
        if (command.name === 'backup') expect(fs.readdirSync(path.join(target, 'backups')).length).toBe(1);
        if (command.name === 'call outlets.create') expect(await outletNames(target)).toContain('Газета «Новая»');
        if (command.name === 'demo') expect((await outletNames(target)).length).toBeGreaterThan(5);
        if (command.name === 'check') expect(r.stdout).toContain('Папка данных в порядке.');
        if (command.name.startsWith('backup --out') || command.name.startsWith('export')) expect(fs.readdirSync(out).length).toBe(1);
      });
    }
  }

  it('restore with PRESS_DESK_DATA_DIR restores into that folder only', async () => {
    const source = await prepared('demo');
    const file = path.join(tmpDir('cli-restore-env'), 'a.pdbackup');
    expect((await cli(['backup', '--out', file], { PRESS_DESK_DATA_DIR: source })).code).toBe(0);
    const target = await prepared('empty');
    const decoy = await prepared('demo');
    const decoyState = folderState(decoy);
    expect((await cli(['restore', file], { PRESS_DESK_DATA_DIR: target })).code).toBe(0);
    expect(await outletNames(target)).toEqual(await outletNames(source));
    expect((await cli(['--data-dir', target, 'restore', file], { PRESS_DESK_DATA_DIR: decoy })).code).toBe(0);
    expect(folderState(decoy)).toEqual(decoyState);
  });
});

describe('a folder held by a running browser-mode server', () => {
  let dir: string;
  let backend: Backend;
  let server: WebServer;
  let state: Record<string, string>;
  const holder = new RegExp(`Папку данных сейчас использует ${os.userInfo().username} на компьютере ${os.hostname()}`);

  beforeAll(async () => {
    dir = tmpDir('cli-held');
    backend = await openBackend({ dataDir: dir });
    await backend.invoke('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
    await backend.ctx.store.compact();
    server = await startWebServer({ backend, port: 0 });
    state = folderState(dir);
  });
  afterAll(async () => {
    await server.close();
    await backend.close();
  });

  it.each([
    ['call outlets.create', ['call', 'outlets.create', '{"name":"Новое","kind":"tv"}']],
    ['call settings.save', ['call', 'settings.save', '{"organisation":{"name":"А","city":"Б","timeZone":"Asia/Barnaul"}}']],
    ['demo', ['demo']],
    ['backup', ['backup']],
  ])('%s fails with the read-only message naming the holder, nothing written', async (_name, args) => {
    const r = await cli(['--data-dir', dir, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Внимание: папку данных использует ${os.userInfo().username} на компьютере ${os.hostname()} — открыто только для чтения.`);
    const last = r.stderr.trim().split('\n').pop()!;
    expect(last).toMatch(/^Ошибка: Открыто только для чтения: изменения не сохраняются\./);
    expect(last).toMatch(holder);
    expect(folderState(dir)).toEqual(state);
  });

  it('restore fails the same way', async () => {
    const file = path.join(tmpDir('cli-held-archive'), 'a.pdbackup');
    expect((await cli(['--data-dir', dir, 'backup', '--out', file])).code).toBe(0);
    const r = await cli(['--data-dir', dir, 'restore', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').pop()).toMatch(holder);
    expect(folderState(dir)).toEqual(state);
  });

  it('reads still work, and `call` keeps stdout clean JSON (the notice goes to stderr)', async () => {
    const r = await cli(['--data-dir', dir, 'call', 'outlets.list', '{}']);
    expect(r.code).toBe(0);
    expect((json(r) as { name: string }[]).map((o) => o.name)).toEqual(['Газета «Маяк труда»']);
    expect(r.stderr).toContain('открыто только для чтения');
    const check = await cli(['--data-dir', dir, 'check']);
    expect(check.code).toBe(0);
    const out = path.join(tmpDir('cli-held-out'), 's.docx');
    expect((await cli(['--data-dir', dir, 'export', 'outlets', '--out', out])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(folderState(dir)).toEqual(state);
    // and the server is still the one writing
    const res = await fetch(`http://127.0.0.1:${server.port}/api/outlets.create`, {
      method: 'POST',
      headers: { 'x-press-desk-token': server.token },
      body: JSON.stringify({ input: { name: 'Через сервер', kind: 'tv' } }),
    });
    expect(res.status).toBe(200);
  });
});
