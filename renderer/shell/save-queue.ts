/**
 * One ordered save queue per record: field changes (autosave, ~800 ms after the last keystroke) and
 * operations on the same record (a photo, a workflow step…) go out one at a time, each with the
 * revision the previous acknowledged answer returned. A 409 is merged when the record changed elsewhere
 * only in other fields (re-read, our changes sent again on top), else shown as a conflict to resolve.
 * Queues outlive their editor while anything is unsaved, so the status bar can keep saying so.
 */
import { ApiError } from '../api';

export type Patch = Record<string, unknown>;
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string; fields: string[] };

export const AUTOSAVE_MS = 800;

export interface QueueDriver<V> {
  /** Sends field changes with the last acknowledged revision (undefined for records without one). */
  save(patch: Patch, revision: number | undefined): Promise<{ revision?: number; at: string }>;
  /** Records with revisions: re-reads after a 409, and reads the fields as `save` sends them. */
  load?: () => Promise<V>;
  revisionOf?: (v: V) => number;
  fieldsOf?: (v: V) => Patch;
  /** «заголовок», «лид»… for the conflict message. */
  labels?: Record<string, string>;
}

/** Equal for our purpose: the backend trims and collapses spaces, so those differences are not changes. */
const norm = (v: unknown): string => JSON.stringify(v ?? null, (_k, x) => (typeof x === 'string' ? x.replace(/\s+/g, ' ').trim() : x));
const same = (a: unknown, b: unknown) => norm(a) === norm(b);

export class SaveQueue<V> {
  state: SaveState = { kind: 'idle' };
  revision: number | undefined;
  private acked: Patch = {};
  private pending: Patch = {};
  private theirs: V | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;
  /** Operations that write, queued or under way (a photo still being read counts). */
  ops = 0;
  private sentNow = '';
  private timer: number | undefined;
  private listeners = new Set<() => void>();
  private remote = new Set<(v: V, keep: string[]) => void>();
  users = 0;

  constructor(
    readonly key: string,
    public driver: QueueDriver<V>,
  ) {}

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };

  /** Told when a re-read brought the stored record (a merge, or «взять сохранённый»); `keep`: fields still ours. */
  onRemote(l: (v: V, keep: string[]) => void) {
    this.remote.add(l);
    return () => void this.remote.delete(l);
  }

  /** The record as the backend last acknowledged it (a load, an operation's answer). */
  adopt(v: V) {
    if (this.driver.revisionOf) this.revision = this.driver.revisionOf(v);
    if (this.driver.fieldsOf) this.acked = this.driver.fieldsOf(v);
    // In a conflict «взять сохранённый» must bring the record as it is now, with photos added meanwhile.
    if (this.theirs) this.theirs = v;
  }

  hasPending = () => Object.keys(this.pending).length > 0;
  pendingPatch = (): Patch => ({ ...this.pending });
  /** Nothing queued, nothing unsaved: the queue can be forgotten. */
  clean = () => !this.hasPending() && this.running === 0 && this.state.kind !== 'error' && this.state.kind !== 'conflict';

  change(patch: Patch) {
    Object.assign(this.pending, patch);
    // In a conflict nothing goes out until the user chose: the edits wait with the rest.
    if (this.state.kind === 'conflict') return;
    this.set({ kind: 'pending' });
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush().catch(() => undefined), AUTOSAVE_MS);
  }

  /** Sends what is pending, after whatever is already queued; rejects if it could not be saved. */
  flush(): Promise<void> {
    window.clearTimeout(this.timer);
    return this.enqueue(() => this.sendText());
  }

  /**
   * An operation on the record, after the pending text. `independent`: it runs even if the text could
   * not be saved (a photo does not depend on the headline); otherwise the text's error stops it.
   * `read`: it only reads (the editor's first load), so it is neither busy nor «saved».
   */
  run(op: (revision: number | undefined) => Promise<V>, { independent = false, read = false } = {}): Promise<V> {
    const text = this.flush();
    text.catch(() => undefined);
    if (!read) this.ops++;
    const p = this.enqueue(async () => {
      if (independent) await text.catch(() => undefined);
      else await text;
      const v = await this.opWithCatchUp(op);
      this.adopt(v);
      if (!read && (this.state.kind === 'saving' || this.state.kind === 'idle')) this.set({ kind: 'saved', at: new Date().toISOString() });
      return v;
    });
    if (!read)
      p.finally(() => {
        this.ops--;
        this.emit();
      }).catch(() => undefined);
    return p;
  }

  /** A 409 on an operation: the record changed elsewhere; show it, catch the revision up and try once more. */
  private async opWithCatchUp(op: (revision: number | undefined) => Promise<V>): Promise<V> {
    try {
      return await op(this.revision);
    } catch (err) {
      const { load } = this.driver;
      if (!(err instanceof ApiError && err.code === 'conflict') || !load) throw err;
      const fresh = await load();
      this.adopt(fresh);
      this.emitRemote(fresh);
      return op(this.revision);
    }
  }

  /** The page is going away: send now, even past a save in flight (a stale revision is then kept by the backend as a version). */
  sendNow() {
    window.clearTimeout(this.timer);
    if (this.running === 0 || !this.hasPending()) return void this.flush().catch(() => undefined);
    // beforeunload and pagehide both come: the same patch goes out once.
    const sent = `${this.revision}:${norm(this.pending)}`;
    if (sent === this.sentNow) return;
    this.sentNow = sent;
    void this.driver.save({ ...this.pending }, this.revision).catch(() => undefined);
  }

  /** The user's choice in a conflict: keep what they typed, or take the stored fields that clash. */
  resolve(choice: 'mine' | 'theirs'): Promise<void> {
    if (this.state.kind !== 'conflict') return Promise.resolve();
    const { fields } = this.state;
    if (choice === 'theirs') {
      for (const f of fields) delete this.pending[f];
      if (this.theirs) this.emitRemote(this.theirs);
    }
    this.theirs = null;
    this.set(this.hasPending() ? { kind: 'pending' } : { kind: 'saved', at: new Date().toISOString() });
    return this.flush();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.running++;
    this.emit();
    const p = this.tail.then(job);
    this.tail = p.then(
      () => this.done(),
      () => this.done(),
    );
    return p;
  }

  private done() {
    this.running--;
    this.emit();
  }

  private async sendText(): Promise<void> {
    if (this.state.kind === 'conflict') throw new Error(`Не сохранено: ${this.state.message}`);
    if (!this.hasPending()) return;
    let patch = this.pending;
    this.pending = {};
    this.set({ kind: 'saving' });
    for (let attempt = 0; ; attempt++) {
      try {
        const saved = await this.driver.save(patch, this.revision);
        if (saved.revision !== undefined) this.revision = saved.revision;
        Object.assign(this.acked, patch);
        this.set(this.hasPending() ? { kind: 'pending' } : { kind: 'saved', at: saved.at });
        return;
      } catch (err) {
        const { load, fieldsOf } = this.driver;
        if (!(err instanceof ApiError && err.code === 'conflict') || !load || !fieldsOf || attempt >= 2) {
          this.pending = { ...patch, ...this.pending };
          this.set({ kind: 'error', message: (err as Error).message });
          throw err;
        }
        const fresh = await load().catch((e: unknown) => {
          this.pending = { ...patch, ...this.pending };
          this.set({ kind: 'error', message: (e as Error).message });
          throw e;
        });
        const stored = fieldsOf(fresh);
        // Changed elsewhere and not to what we typed (sent or still waiting): only the user can say which wins.
        const mine = { ...patch, ...this.pending };
        const clash = Object.keys(mine).filter((k) => !same(stored[k], this.acked[k]) && !same(stored[k], mine[k]));
        this.adopt(fresh);
        this.emitRemote(fresh, [...Object.keys(patch), ...Object.keys(this.pending)]);
        if (clash.length) {
          this.pending = { ...patch, ...this.pending };
          this.theirs = fresh;
          const message = `пока вы писали, в другом окне изменили: ${clash.map((k) => this.driver.labels?.[k] ?? k).join(', ')}`;
          this.set({ kind: 'conflict', fields: clash, message });
          throw new Error(`Не сохранено: ${message}`);
        }
        patch = Object.fromEntries(Object.entries(patch).filter(([k, v]) => !same(stored[k], v)));
        if (Object.keys(patch).length === 0) return void this.set({ kind: 'saved', at: new Date().toISOString() });
      }
    }
  }

  private emitRemote(v: V, keep: string[] = Object.keys(this.pending)) {
    this.remote.forEach((l) => l(v, keep));
  }

  private set(s: SaveState) {
    this.state = s;
    this.emit();
  }

  private emit() {
    this.listeners.forEach((l) => l());
    changed();
  }
}

// ---- the registry: one queue per record, seen by the status bar ----------------------------

const queues = new Map<string, SaveQueue<unknown>>();
const watchers = new Set<() => void>();
const changed = () => watchers.forEach((w) => w());

export function queueFor<V>(key: string, driver: QueueDriver<V>): SaveQueue<V> {
  let q = queues.get(key) as SaveQueue<V> | undefined;
  if (!q) queues.set(key, (q = new SaveQueue<V>(key, driver)) as SaveQueue<unknown>);
  return q;
}

/** The editor closed: forget the queue once everything in it is saved; keep it (and its error) otherwise. */
export function releaseQueue(q: SaveQueue<unknown>) {
  const forget = () => {
    if (q.users === 0 && q.clean() && queues.get(q.key) === q) {
      queues.delete(q.key);
      changed();
    }
  };
  q.flush().then(forget, forget);
}

/** A remounted editor's queue, forgotten between its render and its effect: back in the registry. */
export function retain(q: SaveQueue<unknown>) {
  if (queues.has(q.key)) return;
  queues.set(q.key, q);
  changed();
}

// The window is closing: every queue sends what it holds, also those whose editor is gone (an error, a save in flight).
const leaving = () => queues.forEach((q) => q.sendNow());
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', leaving);
  window.addEventListener('beforeunload', leaving);
}

export function onQueuesChanged(w: () => void): () => void {
  watchers.add(w);
  return () => void watchers.delete(w);
}

/** For the status bar: anything not yet acknowledged, and the first refusal, if any. */
export function queuesSummary(): { busy: boolean; problem: string | null } {
  let busy = false;
  let problem: string | null = null;
  for (const q of queues.values()) {
    const k = q.state.kind;
    if (k === 'pending' || k === 'saving' || q.hasPending() || q.ops > 0) busy = true;
    if ((k === 'error' || k === 'conflict') && !problem) problem = q.state.message;
  }
  return { busy, problem };
}
