import type { AppStore } from './collections.js';
import type { Method, Output, ParsedInput } from './api.js';
import type { DataFolderHost } from './features/settings/data-folder.js';
import type { DataDirSource } from './paths.js';

/** What every handler gets besides its input. */
export interface Ctx {
  store: AppStore;
  dataDir: string;
  now(): Date;
  /** Tells every window that something outside a single save changed (backup made, recovery dismissed). */
  statusChanged(): void;
  /** Where dataDir came from, when the transport knows (else guessed, see paths.ts). */
  dataDirSource?: DataDirSource;
  /** The desktop shell's folder dialog and restart (Настройки → Данные); absent in browser mode and the CLI. */
  dataFolderHost?: DataFolderHost;
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: Ctx) => Promise<Output<M>> | Output<M>;
export type HandlerTable<K extends Method> = { [M in K]: Handler<M> };
