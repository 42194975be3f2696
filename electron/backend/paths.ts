import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Press Desk';

/** The same folder Electron's app.getPath('userData') gives for productName "Press Desk". */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

/** Where the open data folder came from: the command line, the environment, Настройки → Данные (Electron), or the default. */
export type DataDirSource = 'argument' | 'environment' | 'chosen' | 'default';

/**
 * `--data-dir DIR` (or `--data-dir=DIR`) wins over PRESS_DESK_DATA_DIR, which wins over the folder chosen
 * in the desktop app's settings, which wins over the default.
 */
export function resolveDataFolder(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env, chosen?: string | null): { dir: string; source: DataDirSource } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return { dir: path.resolve(argv[i + 1]!), source: 'argument' };
    if (arg.startsWith('--data-dir=')) return { dir: path.resolve(arg.slice('--data-dir='.length)), source: 'argument' };
  }
  if (env.PRESS_DESK_DATA_DIR) return { dir: path.resolve(env.PRESS_DESK_DATA_DIR), source: 'environment' };
  if (chosen) return { dir: path.resolve(chosen), source: 'chosen' };
  return { dir: defaultDataDir(), source: 'default' };
}

export function resolveDataDir(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  return resolveDataFolder(argv, env).dir;
}

/** For a transport that did not say (browser mode, CLI): the folder's likely source from what is set. */
export function guessDataDirSource(dir: string, env: NodeJS.ProcessEnv = process.env): DataDirSource {
  if (env.PRESS_DESK_DATA_DIR && path.resolve(env.PRESS_DESK_DATA_DIR) === dir) return 'environment';
  return dir === defaultDataDir() ? 'default' : 'argument';
}

/**
 * A folder chosen in Настройки → Данные that is not there at start-up (a share not mounted yet, a
 * drive letter missing): it must not be created empty in its place — the user is asked instead.
 */
export function chosenFolderMissing(folder: { dir: string; source: DataDirSource }): boolean {
  return folder.source === 'chosen' && !fs.existsSync(folder.dir);
}
