/**
 * Autosave: every change goes into a pending patch; ~800 ms after the last keystroke it is sent to
 * releases.saveDraft with the revision the editor started from. Only changed fields are sent. A failed
 * save keeps its patch (merged under newer changes) and is retried on the next change or flush.
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

  const send = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inflight.current) await inflight.current;
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

  // Leaving the editor sends whatever is still pending.
  useEffect(() => () => void send(), [send]);

  return { state, change, flush, revision, hasPending: () => Object.keys(pending.current).length > 0 };
}
