/**
 * Autosave for the report's text through the shared save queue (renderer/shell/save-queue.ts), as the
 * release editor does it: sentences and narratives by key, task marks by id, the next tasks as a whole
 * list, ~800 ms after the last keystroke to reports.save. A refused save keeps its changes (newer edits
 * win), is retried on the next edit or Ctrl+S, and the status bar says «Не сохранено» meanwhile.
 */
import { useRef } from 'react';
import { api } from '../../api';
import type { Patch } from '../../shell/save-queue';
import { useSaveQueue } from '../../shell/use-save-queue';
import type { ReportPeriod, ReportView, TaskNext } from './types';

export type { SaveState } from '../../shell/save-queue';

/** The queue's flat patch (`s:key`, `n:section`, `t:task`, `next`) as reports.save takes it. */
function inputOf(patch: Patch) {
  const part = <T,>(prefix: string, make: (id: string, v: unknown) => T) =>
    Object.entries(patch)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => make(k.slice(prefix.length), v));
  const sentences = part('s:', (key, text) => ({ key, text: text as string }));
  const narratives = part('n:', (sectionId, text) => ({ sectionId, text: text as string }));
  const tasksDone = part('t:', (id, t) => ({ id, ...(t as { done: boolean | null; comment: string }) }));
  const next = patch.next as TaskNext[] | undefined;
  return {
    ...(sentences.length ? { sentences } : {}),
    ...(narratives.length ? { narratives } : {}),
    ...(tasksDone.length ? { tasksDone } : {}),
    // A task just added and still empty is not a task yet: it is kept on screen, not sent.
    ...(next ? { tasksNext: next.filter((t) => t.text.trim()).map((t) => ({ id: t.id, text: t.text })) } : {}),
  };
}

export function useReportSave(year: number, period: ReportPeriod, onSaved: (view: ReportView) => void) {
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  const { queue, state } = useSaveQueue<ReportView>(`report:${year}:${period}`, {
    save: async (patch) => {
      savedRef.current(await api.reports.save({ year, period, ...inputOf(patch) }));
      return { at: new Date().toISOString() };
    },
  });
  const edit = {
    sentence: (key: string, text: string) => queue.change({ [`s:${key}`]: text }),
    narrative: (sectionId: string, text: string) => queue.change({ [`n:${sectionId}`]: text }),
    taskDone: (id: string, done: boolean | null, comment: string) => queue.change({ [`t:${id}`]: { done, comment } }),
    tasksNext: (list: TaskNext[]) => queue.change({ next: list }),
  };
  return { state, edit, flush: () => queue.flush(), hasPending: queue.hasPending };
}
