/**
 * The site sync's status as every screen sees it: read once, then kept current by the backend's
 * 'sync' event (pushed on every outbox, pull or online change). Lists that show outbox items
 * re-read on the same event through useSyncTick().
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../../electron/backend/features/sync/api-types';
import { api, onEvent } from '../../api';

let current: SyncStatus | null = null;
let tick = 0;
/** Counts 'sync' events: an answer to a call that overlapped an event may be older than it. */
let events = 0;
let started = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** The status without the pull's progress: lists re-read only when this changes. */
let listsKey = '';

function accept(status: SyncStatus): void {
  current = status;
  const { pull: _progress, ...rest } = status;
  const key = JSON.stringify(rest);
  if (key !== listsKey) {
    listsKey = key;
    tick++;
  }
  emit();
}

/**
 * Runs a call that answers with a SyncStatus and shares the answer, unless an event arrived
 * meanwhile: the event stream and the answer travel on different connections, so the answer
 * (computed, say, while a publication was sending) may land after the newer event.
 */
export async function withSyncStatus(job: () => Promise<SyncStatus>): Promise<SyncStatus> {
  const seen = events;
  const status = await job();
  if (events === seen) accept(status);
  return status;
}

/** Re-reads the status (after a call whose answer is not a SyncStatus). */
export function refreshSyncStatus(): Promise<void> {
  return withSyncStatus(() => api.sync.status()).then(
    () => undefined,
    () => undefined,
  );
}

function start(): void {
  if (started) return;
  started = true;
  onEvent('sync', (status) => {
    events++;
    accept(status);
  });
  void refreshSyncStatus();
  // The event is the live path; a slow poll covers a dropped event stream.
  window.setInterval(() => void refreshSyncStatus(), 30_000);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useSyncStatus(): SyncStatus | null {
  useEffect(start, []);
  return useSyncExternalStore(subscribe, () => current);
}

/** Grows on every sync event: a dependency for effects that re-read outbox items. */
export function useSyncTick(): number {
  useEffect(start, []);
  return useSyncExternalStore(subscribe, () => tick);
}

/** A value that re-reads itself whenever the sync changes (and when `deps` change). */
export function useSyncLoaded<T>(load: () => Promise<T>, deps: unknown[]): { value: T | null; error: string; reload: () => void } {
  const syncTick = useSyncTick();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [own, setOwn] = useState(0);
  useEffect(() => {
    let stale = false;
    load()
      .then((v) => !stale && (setValue(v), setError('')))
      .catch((err) => !stale && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      stale = true;
    };
  }, [syncTick, own, ...deps]);
  return { value, error, reload: () => setOwn((n) => n + 1) };
}
