/**
 * THE contract between the UI and the backend. Every method is declared here once:
 * its name, its input schema (zod; parsed before any handler runs) and its output type.
 * Electron IPC, the browser-mode HTTP server and the CLI are generic over this table.
 * The renderer imports only types from this file.
 */
import { z } from 'zod';
import { OutletArchive, OutletExport, OutletFields, OutletQuery, OutletUpdate, type Outlet } from './features/outlets/schema.js';
import { SettingsInput, type Settings } from './features/settings/schema.js';
import { DemoInput, ImportInput, type CheckReport, type SystemStatus } from './features/system/schema.js';
import { SearchInput, type SearchHit } from './features/search/schema.js';
import { empty, id } from './schema-kit.js';
import type { ApiErrorBody } from './errors.js';

/** A document or archive produced by the backend; the transport decides how it reaches the user. */
export interface FileResult {
  kind: 'file';
  name: string;
  mime: string;
  base64: string;
}
/** What Electron returns instead of a FileResult once the user picked a place in the save dialog. */
export interface SavedResult {
  kind: 'saved';
  path: string;
}
export type ExportResult = FileResult | SavedResult;

const method = <I extends z.ZodType>(input: I, opts: { writes?: boolean } = {}) => ({
  returns: <O>() => ({ input, writes: opts.writes ?? false, output: undefined as unknown as O }),
});

const ById = z.object({ id: id() });

export const api = {
  'settings.get': method(empty).returns<Settings | null>(),
  'settings.save': method(SettingsInput, { writes: true }).returns<Settings>(),

  'outlets.list': method(OutletQuery).returns<Outlet[]>(),
  'outlets.get': method(ById).returns<Outlet>(),
  'outlets.create': method(OutletFields, { writes: true }).returns<Outlet>(),
  'outlets.update': method(OutletUpdate, { writes: true }).returns<Outlet>(),
  'outlets.archive': method(OutletArchive, { writes: true }).returns<Outlet>(),
  'outlets.exportDocx': method(OutletExport).returns<ExportResult>(),

  'search.global': method(SearchInput).returns<SearchHit[]>(),

  'system.status': method(empty).returns<SystemStatus>(),
  'system.check': method(empty).returns<CheckReport>(),
  'system.backupNow': method(empty, { writes: true }).returns<{ file: string }>(),
  'system.exportArchive': method(empty).returns<ExportResult>(),
  'system.importArchive': method(ImportInput, { writes: true }).returns<{ counts: Record<string, number> }>(),
  'system.fillDemo': method(DemoInput, { writes: true }).returns<{ counts: Record<string, number> }>(),
} as const;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller sends (defaults may be left out). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives (defaults filled in, strings trimmed). */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Api[M]['output'];

/** Events the backend pushes to every window. */
export interface ApiEvents {
  saved: { seq: number; at: string };
  status: SystemStatus;
}
export type EventName = keyof ApiEvents;

/** What every transport answers for one call: a result, or the error the UI shows. */
export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * window.pressDesk: the one interface the renderer talks to, whatever carries it
 * (Electron IPC through the preload, or HTTP in browser mode).
 */
export interface PressDeskBridge {
  invoke(method: Method, input: unknown): Promise<Outcome>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

export type { Outlet, Settings, SystemStatus, CheckReport, SearchHit };
