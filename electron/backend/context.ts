import type { AppStore } from './collections.js';
import type { Method, Output, ParsedInput } from './api.js';

/** What every handler gets besides its input. */
export interface Ctx {
  store: AppStore;
  dataDir: string;
  now(): Date;
  /** Tells every window that something outside a single save changed (backup made, recovery dismissed). */
  statusChanged(): void;
}

export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: Ctx) => Promise<Output<M>> | Output<M>;
export type HandlerTable<K extends Method> = { [M in K]: Handler<M> };
