/**
 * Autosave: every change goes into a pending patch; ~800 ms after the last keystroke it is sent to
 * releases.saveDraft with the revision the editor started from. Only changed fields are sent. A failed
 * save keeps its patch (merged under newer changes) and is retried on the next change or flush.
 * What is pending is also sent at once when the window is hidden or closed and when the editor is left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSaved } from '../../../electron/backend/features/releases/types';
import { api } from '../../api';
import { errorText } from './util';

export type Patch = Record<string, unknown>;
export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

export const AUTOSAVE_MS = 800;

export function useAutosave(id: string, by: string | undefined, initialRevision: number, onSaved: (s: DraftSaved) => void) {
  const pending = useRef<Patch>({});
  const revision = useRef(initialRevision);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  const byRef = useRef(by);
  byRef.current = by;
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  /** `urgent`: the page is going away — send now, without waiting for a save in flight (its revision may then
   * be stale: the backend keeps that text as a version of its own rather than lose it). */
  const send = useCallback(async (urgent = false): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inflight.current && !urgent) await inflight.current;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    setState({ kind: 'saving' });
    const job = (async () => {
      try {
        const saved = await api.releases.saveDraft({ id, by: byRef.current, expectedRevision: revision.current, ...patch } as Parameters<typeof api.releases.saveDraft>[0]);
        revision.current = saved.revision;
        savedRef.current(saved);
        setState(Object.keys(pending.current).length ? { kind: 'pending' } : { kind: 'saved', at: saved.savedAt });
      } catch (err) {
        pending.current = { ...patch, ...pending.current };
        setState({ kind: 'error', message: errorText(err) });
      }
    })();
    inflight.current = job;
    await job;
    inflight.current = null;
  }, [id]);

  const change = useCallback(
    (patch: Patch) => {
      Object.assign(pending.current, patch);
      setState({ kind: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void send(), AUTOSAVE_MS);
    },
    [send],
  );

  /** Sends what is pending now (before a workflow step, Ctrl+S, leaving the screen). */
  const flush = useCallback(async () => {
    await send();
    if (inflight.current) await inflight.current;
  }, [send]);

  // Leaving the editor sends whatever is still pending; so does hiding or closing the window.
  useEffect(() => () => void send(), [send]);
  useEffect(() => {
    const hidden = () => document.visibilityState === 'hidden' && void send();
    const leaving = () => void send(true);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    window.addEventListener('beforeunload', leaving);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('beforeunload', leaving);
    };
  }, [send]);

  return { state, change, flush, revision, hasPending: () => Object.keys(pending.current).length > 0 };
}
