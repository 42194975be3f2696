/**
 * Настройки → Данные: which data folder is open, where that came from, and (in the desktop app
 * only) choosing another one for the next start. The shell that can show a folder dialog and
 * restart itself passes a DataFolderHost; browser mode and the CLI have none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx, HandlerTable } from '../../context.js';
import { AppError } from '../../errors.js';
import { defaultDataDir, guessDataDirSource, type DataDirSource } from '../../paths.js';

export interface DataFolderHost {
  /** The folder remembered for the next starts, or null for the default. */
  chosen(): string | null;
  remember(dir: string | null): void;
  /** The system folder dialog; null when the user closed it. */
  pick(current: string): Promise<string | null>;
  /** Quit and start again (the backend closes as on any quit). */
  relaunch(): void;
}

export interface DataFolderView {
  current: string;
  source: DataDirSource;
  /** Chosen in the settings for the next starts (null: the default). */
  chosen: string | null;
  /** The folder an ordinary start (no --data-dir, no PRESS_DESK_DATA_DIR) opens. */
  next: string;
  /** A restart would open another folder than the one open now. */
  restartNeeded: boolean;
  /** Only the desktop app can choose (browser mode: --data-dir). */
  canChoose: boolean;
}

export type DataFolderChoice = { kind: 'cancelled' } | { kind: 'chosen'; view: DataFolderView };

export function dataFolderView(ctx: Ctx): DataFolderView {
  const source = ctx.dataDirSource ?? guessDataDirSource(ctx.dataDir);
  const host = ctx.dataFolderHost;
  const chosen = host?.chosen() ?? null;
  const next = chosen ?? defaultDataDir();
  const overridden = source === 'argument' || source === 'environment';
  return { current: ctx.dataDir, source, chosen, next, restartNeeded: !!host && !overridden && next !== ctx.dataDir, canChoose: !!host };
}

function hostOf(ctx: Ctx): DataFolderHost {
  if (!ctx.dataFolderHost) {
    throw new AppError('validation', 'Папку данных здесь выбрать нельзя: в браузерном режиме и в командной строке она задаётся при запуске (--data-dir ПАПКА или PRESS_DESK_DATA_DIR).');
  }
  return ctx.dataFolderHost;
}

/** A folder the program can keep its data in: it exists and we may write there. */
function checkWritable(dir: string): void {
  const probe = path.join(dir, `.press-desk-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (err) {
    throw new AppError('validation', `В папке «${dir}» нельзя сохранять файлы (${(err as NodeJS.ErrnoException).code ?? 'нет доступа'}). Выберите другую папку.`);
  }
}

export const dataFolderHandlers: HandlerTable<'settings.dataFolder.get' | 'settings.dataFolder.choose' | 'settings.dataFolder.reset' | 'settings.dataFolder.relaunch'> = {
  'settings.dataFolder.get': (_input, ctx) => dataFolderView(ctx),

  'settings.dataFolder.choose': async (_input, ctx) => {
    const host = hostOf(ctx);
    const picked = await host.pick(ctx.dataDir);
    if (!picked) return { kind: 'cancelled' };
    const dir = path.resolve(picked);
    checkWritable(dir);
    host.remember(dir === defaultDataDir() ? null : dir);
    return { kind: 'chosen', view: dataFolderView(ctx) };
  },

  'settings.dataFolder.reset': (_input, ctx) => {
    hostOf(ctx).remember(null);
    return dataFolderView(ctx);
  },

  'settings.dataFolder.relaunch': (_input, ctx) => {
    hostOf(ctx).relaunch();
    return { relaunching: true as const };
  },
};
