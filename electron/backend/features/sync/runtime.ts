/**
 * What sync keeps per open backend besides the store: the secret box, the live (not stored) state
 * — online or not, a pull running — and how to tell the windows ('sync' event). openBackend
 * attaches one with attachSync(); handlers called without it (tests on a bare Ctx) get a quiet default.
 */
import type { Ctx } from '../../context.js';
import type { SiteAdapter } from './adapter.js';
import type { SyncStatus } from './api-types.js';
import { keyFileBox, type SecretBox } from './secret-box.js';

export interface PullState {
  running: boolean;
  done: number;
  total: number | null;
  error: string | null;
  abort: AbortController | null;
  promise: Promise<void> | null;
}

export interface SyncRuntime {
  box: SecretBox;
  online: boolean | null;
  offlineReason: string | null;
  sending: boolean;
  pull: PullState;
  /** Pushes the current status to every window (set by openBackend). */
  emit: (status: SyncStatus) => void;
  /** Wakes the worker (set when a worker runs in this process). */
  wake: () => void;
  hasWorker: boolean;
  /** Tests may hand in an adapter factory (e.g. with a short timeout); by default the WordPress one. */
  adapterFor?: (site: { url: string; user: string; password: string }) => SiteAdapter;
  /** Request timeout for the site, ms (PRESS_DESK_SYNC_TIMEOUT_MS, default 30 s). */
  timeoutMs: number;
  /** Aborted when the backend closes: requests in flight stop at once (their items go back to the queue). */
  closing: AbortController;
}

const runtimes = new WeakMap<object, SyncRuntime>();

export function envNumber(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function attachSync(ctx: Ctx, opts: { box?: SecretBox; emit?: (s: SyncStatus) => void } = {}): SyncRuntime {
  const rt: SyncRuntime = {
    box: opts.box ?? keyFileBox(),
    online: null,
    offlineReason: null,
    sending: false,
    pull: { running: false, done: 0, total: null, error: null, abort: null, promise: null },
    emit: opts.emit ?? (() => undefined),
    wake: () => undefined,
    hasWorker: false,
    timeoutMs: envNumber('PRESS_DESK_SYNC_TIMEOUT_MS', 30_000),
    closing: new AbortController(),
  };
  runtimes.set(ctx.store, rt);
  return rt;
}

export function runtimeOf(ctx: Pick<Ctx, 'store'>): SyncRuntime {
  return runtimes.get(ctx.store) ?? attachSync(ctx as Ctx);
}
