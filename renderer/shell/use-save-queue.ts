/** An editor's handle on its record's save queue: the state to show, and sending on leave and hide. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { queueFor, releaseQueue, retain, type QueueDriver, type SaveQueue, type SaveState } from './save-queue';

export function useSaveQueue<V>(key: string, driver: QueueDriver<V>): { queue: SaveQueue<V>; state: SaveState } {
  const queue = useMemo(() => queueFor<V>(key, driver), [key]);
  queue.driver = driver; // the newest closures (who is editing) for whatever the queue sends next
  const state = useSyncExternalStore(queue.subscribe, () => queue.state);

  useEffect(() => {
    queue.users++;
    retain(queue as SaveQueue<unknown>);
    // Closing the window is handled for every queue in save-queue.ts; hiding it flushes this one.
    const hidden = () => document.visibilityState === 'hidden' && void queue.flush().catch(() => undefined);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      queue.users--;
      releaseQueue(queue as SaveQueue<unknown>);
    };
  }, [queue]);

  return { queue, state };
}
