/**
 * Настройки → Данные: the open data folder, where it came from, and choosing another for the next
 * start. The desktop shell's part (folder dialog, restart) is a small host object; here it is a
 * plain one over a real temp folder, since Electron cannot run in these tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import type { DataFolderHost } from '../../electron/backend/features/settings/data-folder.js';
import { chosenFolderMissing, defaultDataDir, resolveDataFolder } from '../../electron/backend/paths.js';

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `pd-folder-${name}-`));
let backends: Backend[] = [];
afterEach(async () => {
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

async function open(dataDir: string, opts: Partial<Parameters<typeof openBackend>[0]> = {}) {
  const backend = await openBackend({ dataDir, ...opts });
  backends.push(backend);
  return backend;
}

function host(pickAnswer: string | null) {
  const state = { chosen: null as string | null, relaunched: 0 };
  const h: DataFolderHost = {
    chosen: () => state.chosen,
    remember: (dir) => void (state.chosen = dir),
    pick: async () => pickAnswer,
    relaunch: () => void state.relaunched++,
  };
  return { h, state };
}

describe('resolveDataFolder: --data-dir, then PRESS_DESK_DATA_DIR, then the folder chosen in the settings, then the default', () => {
  it('picks in that order and says which', () => {
    expect(resolveDataFolder(['node', 'x', '--data-dir', '/a'], { PRESS_DESK_DATA_DIR: '/b' }, '/c')).toEqual({ dir: path.resolve('/a'), source: 'argument' });
    expect(resolveDataFolder(['node', 'x', '--data-dir=/a'], {}, '/c')).toEqual({ dir: path.resolve('/a'), source: 'argument' });
    expect(resolveDataFolder(['node', 'x'], { PRESS_DESK_DATA_DIR: '/b' }, '/c')).toEqual({ dir: path.resolve('/b'), source: 'environment' });
    expect(resolveDataFolder(['node', 'x'], {}, '/c')).toEqual({ dir: path.resolve('/c'), source: 'chosen' });
    expect(resolveDataFolder(['node', 'x'], {}, null)).toEqual({ dir: defaultDataDir(), source: 'default' });
  });
});

describe('settings.dataFolder.*', () => {
  it('browser mode and the CLI: shows the folder, and refuses to choose in Russian, naming --data-dir', async () => {
    const dir = tmp('web');
    const b = await open(dir);
    const view = await b.invoke('settings.dataFolder.get', {});
    expect(view).toEqual({ ok: true, result: { current: dir, source: 'argument', chosen: null, next: defaultDataDir(), restartNeeded: false, canChoose: false } });
    const choose = await b.invoke('settings.dataFolder.choose', {});
    expect(choose.ok).toBe(false);
    if (!choose.ok) expect(choose.error.message).toMatch(/--data-dir ПАПКА.*PRESS_DESK_DATA_DIR/);
  });

  it('desktop: a chosen folder is remembered for the next start, which then needs a restart', async () => {
    const dir = tmp('now');
    const shared = tmp('shared');
    const { h, state } = host(shared);
    const b = await open(dir, { dataDirSource: 'default', dataFolderHost: h });
    const chosen = await b.invoke('settings.dataFolder.choose', {});
    expect(chosen).toEqual({ ok: true, result: { kind: 'chosen', view: { current: dir, source: 'default', chosen: shared, next: shared, restartNeeded: true, canChoose: true } } });
    expect(state.chosen).toBe(shared);
    // The next start (no --data-dir) opens it.
    expect(resolveDataFolder(['electron', '.'], {}, state.chosen)).toEqual({ dir: shared, source: 'chosen' });
    expect(await b.invoke('settings.dataFolder.relaunch', {})).toEqual({ ok: true, result: { relaunching: true } });
    expect(state.relaunched).toBe(1);
    // Back to the default folder.
    const reset = await b.invoke('settings.dataFolder.reset', {});
    expect(reset.ok && reset.result).toMatchObject({ chosen: null, next: defaultDataDir() });
    expect(state.chosen).toBeNull();
  });

  it('desktop: a closed dialog changes nothing; a folder we cannot write to is refused in Russian and not remembered', async () => {
    const dir = tmp('now');
    const closed = host(null);
    const b = await open(dir, { dataDirSource: 'chosen', dataFolderHost: closed.h });
    expect(await b.invoke('settings.dataFolder.choose', {})).toEqual({ ok: true, result: { kind: 'cancelled' } });
    expect(closed.state.chosen).toBeNull();

    const missing = path.join(tmp('gone'), 'no', 'such');
    const bad = host(missing);
    const b2 = await open(tmp('other'), { dataDirSource: 'chosen', dataFolderHost: bad.h });
    const refused = await b2.invoke('settings.dataFolder.choose', {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain(`В папке «${missing}» нельзя сохранять файлы`);
    expect(bad.state.chosen).toBeNull();
  });

  it('desktop started with --data-dir: the choice is kept for ordinary starts, no restart is offered', async () => {
    const dir = tmp('arg');
    const shared = tmp('shared');
    const { h } = host(shared);
    const b = await open(dir, { dataDirSource: 'argument', dataFolderHost: h });
    const chosen = await b.invoke('settings.dataFolder.choose', {});
    expect(chosen.ok && chosen.result).toMatchObject({ kind: 'chosen', view: { current: dir, source: 'argument', next: shared, restartNeeded: false } });
  });
});

describe('a chosen folder that is not there at start-up', () => {
  it('is reported missing (the shell asks) instead of being created empty; other sources are not questioned', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-chosen-'));
    try {
      const gone = path.join(base, 'share-not-mounted', 'press-desk');
      expect(chosenFolderMissing(resolveDataFolder([], {}, gone))).toBe(true);
      expect(fs.existsSync(gone)).toBe(false);
      expect(chosenFolderMissing(resolveDataFolder([], {}, base))).toBe(false);
      // --data-dir is the user's own word for this start: opened (and created) as asked.
      expect(chosenFolderMissing(resolveDataFolder(['--data-dir', gone], {}, base))).toBe(false);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
