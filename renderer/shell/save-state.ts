/**
 * What the status bar says about saving: a write in flight, an editor's change not yet acknowledged or
 * refused (its save queue says so), or when the last write reached the disk.
 */
import { useEffect, useState } from 'react';
import type { Method } from '../../electron/backend/api';
import { api, onCall, onEvent } from '../api';
import { onQueuesChanged, queuesSummary } from './save-queue';

/** Methods that change data, as the backend's contract marks them (`writes: true`), asked once. */
const writeMethods = new Set<Method>();
void api.system
  .methods()
  .then((methods) => Object.entries(methods).forEach(([name, m]) => m.writes && writeMethods.add(name as Method)))
  .catch(() => undefined);

let pending = 0;
let lastSavedAt: string | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
onQueuesChanged(emit);

const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

// A write that returned without error is on disk: the backend answers only after the journal is synced.
onCall((method, phase, ok) => {
  if (!writeMethods.has(method)) return;
  pending += phase === 'start' ? 1 : -1;
  if (phase === 'end' && ok) lastSavedAt = later(lastSavedAt, new Date().toISOString());
  emit();
});

// The backend's own word, also for saves made elsewhere (another tab on the same browser-mode server).
onEvent('saved', ({ at }) => {
  lastSavedAt = later(lastSavedAt, at);
  emit();
});

export function useSaveState(initialSavedAt: string | null): { saving: boolean; savedAt: string | null; problem: string | null } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  const savedAt = later(lastSavedAt, initialSavedAt);
  const queues = queuesSummary();
  return { saving: pending > 0 || queues.busy, savedAt, problem: queues.problem };
}
