/**
 * Autosave for the report's text, as the release editor does it: every edit goes into a pending patch
 * (sentences and narratives by key, task marks by id, the next tasks as a whole list); ~800 ms after
 * the last keystroke it goes to reports.save. A failed save keeps its patch (newer edits win) and is
 * retried on the next edit or on Ctrl+S; leaving the screen sends what is pending.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { ReportPeriod, ReportView, TaskNext } from './types';

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; message: string };

interface Pending {
  sentences: Map<string, string>;
  narratives: Map<string, string>;
  tasksDone: Map<string, { done: boolean | null; comment: string }>;
  tasksNext: TaskNext[] | null;
}

const emptyPending = (): Pending => ({ sentences: new Map(), narratives: new Map(), tasksDone: new Map(), tasksNext: null });
const isEmpty = (p: Pending) => !p.sentences.size && !p.narratives.size && !p.tasksDone.size && !p.tasksNext;

/** Older patch under newer: what was typed since the failed save wins. */
function merge(older: Pending, newer: Pending): Pending {
  return {
    sentences: new Map([...older.sentences, ...newer.sentences]),
    narratives: new Map([...older.narratives, ...newer.narratives]),
    tasksDone: new Map([...older.tasksDone, ...newer.tasksDone]),
    tasksNext: newer.tasksNext ?? older.tasksNext,
  };
}

export const AUTOSAVE_MS = 800;

export function useReportSave(year: number, period: ReportPeriod, onSaved: (view: ReportView) => void) {
  const pending = useRef<Pending>(emptyPending());
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const send = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inflight.current) await inflight.current;
    const patch = pending.current;
    if (isEmpty(patch)) return;
    pending.current = emptyPending();
    setState({ kind: 'saving' });
    const job = (async () => {
      try {
        const view = await api.reports.save({
          year,
          period,
          ...(patch.sentences.size ? { sentences: [...patch.sentences].map(([key, text]) => ({ key, text })) } : {}),
          ...(patch.narratives.size ? { narratives: [...patch.narratives].map(([sectionId, text]) => ({ sectionId, text })) } : {}),
          ...(patch.tasksDone.size ? { tasksDone: [...patch.tasksDone].map(([id, t]) => ({ id, ...t })) } : {}),
          // A task just added and still empty is not a task yet: it is kept on screen, not sent.
          ...(patch.tasksNext ? { tasksNext: patch.tasksNext.filter((t) => t.text.trim()).map((t) => ({ id: t.id, text: t.text })) } : {}),
        });
        savedRef.current(view);
        setState(isEmpty(pending.current) ? { kind: 'saved', at: new Date() } : { kind: 'pending' });
      } catch (err) {
        pending.current = merge(patch, pending.current);
        setState({ kind: 'error', message: (err as Error).message });
      }
    })();
    inflight.current = job;
    await job;
    inflight.current = null;
  }, [year, period]);

  const schedule = useCallback(() => {
    setState({ kind: 'pending' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void send(), AUTOSAVE_MS);
  }, [send]);

  const edit = {
    sentence: (key: string, text: string) => (pending.current.sentences.set(key, text), schedule()),
    narrative: (sectionId: string, text: string) => (pending.current.narratives.set(sectionId, text), schedule()),
    taskDone: (id: string, done: boolean | null, comment: string) => (pending.current.tasksDone.set(id, { done, comment }), schedule()),
    tasksNext: (list: TaskNext[]) => ((pending.current.tasksNext = list), schedule()),
  };

  const flush = useCallback(async () => {
    await send();
    if (inflight.current) await inflight.current;
  }, [send]);

  // Leaving the report (or switching its period) sends whatever is still pending; so does hiding
  // or closing the window (unmounting does not happen when the window closes).
  useEffect(() => () => void send(), [send]);
  useEffect(() => {
    const hidden = () => document.visibilityState === 'hidden' && void send();
    const leaving = () => void send();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
    };
  }, [send]);

  return { state, edit, flush, hasPending: () => !isEmpty(pending.current) };
}
