/**
 * The background worker: drains the outbox while the site answers, backs off per item, and when
 * the site cannot be reached at all, stops and probes it every PRESS_DESK_SYNC_PROBE_MS.
 * Runs inside the backend process (Electron, browser mode); the CLI calls drain() once instead.
 */
import type { Ctx } from '../../context.js';
import { SiteError, type SiteAdapter } from './adapter.js';
import { notify, siteOf } from './outbox.js';
import { envNumber, runtimeOf } from './runtime.js';
import { readPassword } from './secret-store.js';
import { sendItem } from './send.js';
import { WordPressAdapter } from './wordpress/adapter.js';

/** The adapter for the configured site, or null (no address or no password yet). */
export function adapterFor(ctx: Ctx): SiteAdapter | null {
  const site = siteOf(ctx.store);
  if (!site?.url) return null;
  const rt = runtimeOf(ctx);
  const password = readPassword(ctx.dataDir, rt.box);
  if (!password) return null;
  const conn = { url: site.url, user: site.user, password };
  return rt.adapterFor ? rt.adapterFor(conn) : new WordPressAdapter({ ...conn, timeoutMs: rt.timeoutMs, signal: rt.closing.signal });
}

function setOnline(ctx: Ctx, online: boolean, reason: string | null = null): void {
  const rt = runtimeOf(ctx);
  if (rt.online === online && rt.offlineReason === reason) return;
  rt.online = online;
  rt.offlineReason = reason;
  notify(ctx);
}

export interface DrainResult {
  sent: number;
  failed: number;
  conflicts: number;
  /** Items still waiting (backoff or offline). */
  waiting: number;
  offline: string | null;
}

/** Items due now, in queue order. */
function due(ctx: Ctx, all: boolean): string[] {
  const now = Date.now();
  return ctx.store
    .all('syncOutbox')
    .filter((i) => i.state === 'queued' && (all || !i.nextAttemptAt || Date.parse(i.nextAttemptAt) <= now))
    .sort((a, b) => a.seq - b.seq)
    .map((i) => i.id);
}

/**
 * One pass over what is due. `all`: ignore backoff times (the CLI's `sync`, «Отправить сейчас»).
 * Stops at the first sign the site is unreachable.
 */
export async function drain(ctx: Ctx, opts: { all?: boolean; stopped?: () => boolean } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, conflicts: 0, waiting: 0, offline: null };
  const rt = runtimeOf(ctx);
  const queued = () => ctx.store.all('syncOutbox').filter((i) => i.state === 'queued').length;
  // Nothing waiting: no need to open the sealed password (this runs at every start).
  if (!queued()) return result;
  let adapter: SiteAdapter | null;
  try {
    adapter = adapterFor(ctx);
  } catch (err) {
    // The sealed password cannot be opened here (another key store, a damaged file): say why, send nothing.
    result.offline = (err as Error).message;
    setOnline(ctx, false, result.offline);
    return result;
  }
  if (!adapter && siteOf(ctx.store)?.url) {
    result.offline = 'Не задан пароль приложения WordPress: введите его в Настройки → Сайт.';
    setOnline(ctx, false, result.offline);
  }
  if (!adapter || ctx.store.readOnly) return result;
  if (rt.online === false) {
    try {
      await adapter.probe();
    } catch (err) {
      result.offline = (err as SiteError).message;
      setOnline(ctx, false, result.offline);
      result.waiting = queued();
      return result;
    }
    // Back after an outage: everything waiting goes now, not at its backoff time.
    setOnline(ctx, true);
    await makeAllDue(ctx);
  }
  const ids = due(ctx, !!opts.all);
  if (ids.length === 0) return result;
  rt.sending = true;
  notify(ctx);
  try {
    for (const id of ids) {
      if (opts.stopped?.() || rt.closing.signal.aborted) break;
      const outcome = await sendItem(ctx, adapter, id, { onOffline: (reason) => (result.offline = reason) });
      if (outcome === 'done') result.sent++;
      else if (outcome === 'failed') result.failed++;
      else if (outcome === 'conflict') result.conflicts++;
      if (outcome !== 'offline' && outcome !== 'skipped') setOnline(ctx, true);
      notify(ctx);
      if (outcome === 'offline') {
        setOnline(ctx, false, result.offline);
        break;
      }
    }
  } finally {
    rt.sending = false;
    result.waiting = queued();
    notify(ctx);
  }
  return result;
}

/** Makes every waiting item due now (the site came back, or the user asked). */
export async function makeAllDue(ctx: Ctx): Promise<void> {
  const waiting = ctx.store.all('syncOutbox').filter((i) => i.state === 'queued' && i.nextAttemptAt);
  if (waiting.length === 0 || ctx.store.readOnly) return;
  await ctx.store.mutate((tx) => {
    for (const i of waiting) {
      const cur = tx.get('syncOutbox', i.id);
      if (cur?.state === 'queued') tx.put('syncOutbox', { ...cur, nextAttemptAt: null });
    }
  });
}

export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly probeMs = envNumber('PRESS_DESK_SYNC_PROBE_MS', 15_000);

  constructor(private readonly ctx: Ctx) {}

  /** Items left «отправляется» by a crash or a closed app go back to the queue (their key is looked up first). */
  async start(): Promise<void> {
    const stuck = this.ctx.store.all('syncOutbox').filter((i) => i.state === 'sending');
    if (stuck.length && !this.ctx.store.readOnly)
      await this.ctx.store.mutate((tx) => {
        for (const i of stuck) tx.put('syncOutbox', { ...i, state: 'queued', nextAttemptAt: null });
      });
    runtimeOf(this.ctx).wake = () => this.wake();
    runtimeOf(this.ctx).hasWorker = true;
    this.schedule(0);
  }

  wake(): void {
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    this.again = false;
    this.running = drain(this.ctx, { stopped: () => this.stopped }).then(
      () => undefined,
      (err) => console.error('[press-desk] sync worker:', err),
    );
    await this.running;
    this.running = null;
    this.schedule(this.again ? 0 : this.nextDelay());
  }

  private nextDelay(): number {
    const rt = runtimeOf(this.ctx);
    const queued = this.ctx.store.all('syncOutbox').filter((i) => i.state === 'queued');
    if (queued.length === 0) return 60 * 60_000; // woken by the next publish
    if (rt.online === false) return this.probeMs;
    const next = Math.min(...queued.map((i) => (i.nextAttemptAt ? Date.parse(i.nextAttemptAt) : Date.now())));
    return Math.max(0, Math.min(next - Date.now(), 5 * 60_000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    runtimeOf(this.ctx).closing.abort();
    const pull = runtimeOf(this.ctx).pull;
    pull.abort?.abort();
    await Promise.all([this.running, pull.promise?.catch(() => undefined)]);
  }
}
