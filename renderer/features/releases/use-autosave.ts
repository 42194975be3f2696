/**
 * The release's save queue: text autosave (releases.saveDraft, only the changed fields, with the
 * revision the last acknowledged answer returned), photos, workflow steps, links and comments all go
 * through it in order. Fields are compared in the editor's own form (date-times as typed, '' as null).
 */
import { useRef } from 'react';
import type { DraftSaved } from '../../../electron/backend/features/releases/types';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import { api } from '../../api';
import type { Patch } from '../../shell/save-queue';
import { useSaveQueue } from '../../shell/use-save-queue';
import { toLocalInput } from './util';

export type { SaveState } from '../../shell/save-queue';

const labels: Record<string, string> = {
  type: 'вид',
  headline: 'заголовок',
  lead: 'лид',
  body: 'текст',
  quotes: 'цитаты',
  contacts: 'контакты',
  tags: 'теги',
  nationalProject: 'нацпроект',
  eventAt: 'дата события',
  place: 'место',
  plannedAt: 'планируемая публикация',
  channels: 'каналы',
};

/** A stored release's editable fields, as the editor sends them. */
export function fieldsOf(v: ReleaseView, tz: string): Patch {
  const local = (iso: string | null) => toLocalInput(iso, tz) || null;
  const { type, headline, lead, body, quotes, contacts, tags, nationalProject, place, channels } = v;
  return { type, headline, lead, body, quotes, contacts, tags, nationalProject, place, channels, eventAt: local(v.eventAt), plannedAt: local(v.plannedAt) };
}

export function useReleaseQueue(id: string, by: string | undefined, tz: string, onSaved?: (s: DraftSaved) => void) {
  const byRef = useRef(by);
  byRef.current = by;
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  return useSaveQueue<ReleaseView>(`release:${id}`, {
    save: async (patch, revision) => {
      const saved = await api.releases.saveDraft({ id, by: byRef.current, expectedRevision: revision, ...patch } as Parameters<typeof api.releases.saveDraft>[0]);
      savedRef.current?.(saved);
      return { revision: saved.revision, at: saved.savedAt };
    },
    load: () => api.releases.get({ id }),
    revisionOf: (v) => v.revision,
    fieldsOf: (v) => fieldsOf(v, tz),
    labels,
  });
}

/** An operation on the release, through its queue (after the text typed before it). */
export type Run = (op: (revision: number | undefined) => Promise<ReleaseView>, opts?: { independent?: boolean }) => Promise<ReleaseView>;
