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

/** `--data-dir DIR` (or `--data-dir=DIR`) wins over PRESS_DESK_DATA_DIR, which wins over the default. */
export function resolveDataDir(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  if (env.PRESS_DESK_DATA_DIR) return path.resolve(env.PRESS_DESK_DATA_DIR);
  return defaultDataDir();
}
