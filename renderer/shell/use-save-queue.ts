/** An editor's handle on its record's save queue: the state to show, and sending on leave, hide and close. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { queueFor, releaseQueue, type QueueDriver, type SaveQueue, type SaveState } from './save-queue';

export function useSaveQueue<V>(key: string, driver: QueueDriver<V>): { queue: SaveQueue<V>; state: SaveState } {
  const queue = useMemo(() => queueFor<V>(key, driver), [key]);
  queue.driver = driver; // the newest closures (who is editing) for whatever the queue sends next
  const state = useSyncExternalStore(queue.subscribe, () => queue.state);

  useEffect(() => {
    queue.users++;
    const hidden = () => document.visibilityState === 'hidden' && void queue.flush().catch(() => undefined);
    const leaving = () => queue.sendNow();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    window.addEventListener('beforeunload', leaving);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('beforeunload', leaving);
      queue.users--;
      releaseQueue(queue as SaveQueue<unknown>);
    };
  }, [queue]);

  return { queue, state };
}
