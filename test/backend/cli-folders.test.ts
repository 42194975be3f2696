/**
 * The `press-desk` command (`node dist/cli.mjs …`, built by `npm run build`) and its data folder:
 * every command with --data-dir and PRESS_DESK_DATA_DIR, and a folder held by a running
 * browser-mode server. Helpers: cli-kit.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { startWebServer, type WebServer } from '../../electron/backend/web.js';
import { folderState, removeTmpDirs, tmpDir } from './api-cases.js';
import { cli, demoCopy, json, requireBuiltCli } from './cli-kit.js';

afterAll(removeTmpDirs);

beforeAll(requireBuiltCli);

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
