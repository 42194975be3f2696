import { listBackups } from './store/backups.js';
import { Store } from './store/store.js';
import { collections, type AppStore } from './collections.js';
import type { ApiEvents, EventName } from './api.js';
import type { Ctx } from './context.js';
import { dispatch, type Outcome } from './dispatch.js';
import { systemStatus } from './features/system/handlers.js';
import { formatDateTime } from './format.js';
import { attachSync } from './features/sync/runtime.js';
import type { SecretBox } from './features/sync/secret-box.js';
import { SyncWorker } from './features/sync/worker.js';
import type { DataFolderHost } from './features/settings/data-folder.js';
import type { DataDirSource } from './paths.js';

export interface BackendOptions {
  dataDir: string;
  readOnly?: boolean;
  /** Backups on start and daily (off for short-lived CLI commands and tests that count files). */
  backups?: boolean;
  now?: () => Date;
  /** How the site's password is sealed (Electron passes safeStorage; default: a key file outside the data folder). */
  secretBox?: SecretBox;
  /** Run the site outbox worker in this process (Electron and browser mode; the CLI runs one pass itself). */
  syncWorker?: boolean;
  /** Where dataDir came from, and the desktop shell's folder chooser (see features/settings/data-folder.ts). */
  dataDirSource?: DataDirSource;
  dataFolderHost?: DataFolderHost;
}

type Listener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

export interface Backend {
  ctx: Ctx;
  invoke(method: string, input: unknown): Promise<Outcome>;
  onEvent(listener: Listener): () => void;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** Opens the data folder and returns the handler table bound to it; transports wrap this. */
export async function openBackend(opts: BackendOptions): Promise<Backend> {
  const listeners = new Set<Listener>();
  const emit: Listener = (event, payload) => listeners.forEach((l) => l(event, payload));
  // The folder's settings are known only once it is open; messages read them lazily.
  const orgTimeZone = (): string => store.get('settings', 'settings')?.organisation.timeZone ?? 'Europe/Moscow';
  const store: AppStore = await Store.open(opts.dataDir, collections, {
    readOnly: opts.readOnly,
    onSaved: (info) => emit('saved', info),
    describeTime: (iso) => formatDateTime(iso, orgTimeZone()),
  });
  const ctx: Ctx = {
    store,
    dataDir: opts.dataDir,
    now: opts.now ?? (() => new Date()),
    statusChanged: () => emit('status', systemStatus(ctx)),
    dataDirSource: opts.dataDirSource,
    dataFolderHost: opts.dataFolderHost,
  };

  attachSync(ctx, { box: opts.secretBox, emit: (status) => emit('sync', status) });
  const syncWorker = opts.syncWorker && !store.readOnly ? new SyncWorker(ctx) : null;
  await syncWorker?.start();

  let backupTimer: NodeJS.Timeout | null = null;
  if (opts.backups && !store.readOnly) {
    const backupIfDue = () => {
      const newest = listBackups(opts.dataDir)[0];
      if (newest && Date.now() - newest.createdAt.getTime() < DAY_MS) return;
      store.backupNow();
      ctx.statusChanged();
    };
    // On start (after the window is up, not in its way), then daily.
    setTimeout(() => {
      store.backupNow();
      ctx.statusChanged();
    }, 2000).unref();
    backupTimer = setInterval(backupIfDue, 60 * 60_000);
    backupTimer.unref();
  }

  return {
    ctx,
    invoke: (method, input) => dispatch(ctx, method, input),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (backupTimer) clearInterval(backupTimer);
      await syncWorker?.stop();
      listeners.clear();
      await store.close();
    },
  };
}
