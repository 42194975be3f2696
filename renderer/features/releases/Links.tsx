/**
 * The editor's «Связи» panel: the calendar event and the direct line the release is about. Each is
 * a link that opens it in its own section, can be chosen from a searchable list and unlinked.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DirectLineSummary } from '../../../electron/backend/features/direct-lines/views';
import { sessionFormats, sessionStatuses } from '../../../electron/backend/features/direct-lines/schema';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import { addDays, orgToday } from '../calendar/dates';
import { api } from '../../api';
import { LinkPicker, type LinkOption } from './LinkPicker';

export type LinkPatch = { eventId: string | null } | { directLineId: string | null };

/** «5 июня 2026 г., 10:00» (or the day alone) in the organisation's zone. */
export function whenLong(iso: string, timeZone: string, withTime = true): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone, ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) };
  return new Intl.DateTimeFormat('ru-RU', opts).format(new Date(iso));
}

const directLineTitle = (s: Pick<DirectLineSummary, 'official'>) => `Прямая линия: ${s.official.name}`;

function LinkField(props: {
  kind: 'event' | 'direct-line';
  label: string;
  pickLabel: string;
  linkedId: string | null;
  shown: ReactNode;
  load: () => Promise<LinkOption[]>;
  onLink(id: string | null): Promise<void>;
}) {
  const { kind, label, pickLabel, linkedId, shown, load, onLink } = props;
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (id: string | null) => {
    setPicking(false);
    setBusy(true);
    try {
      await onLink(id);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field rl-link" data-testid={`rl-link-${kind}`}>
      <span className="rl-label">{label}</span>
      {linkedId ? shown : <div className="muted">Не связан{kind === 'direct-line' ? 'а' : 'о'}</div>}
      {picking ? (
        <LinkPicker label={pickLabel} load={load} current={linkedId} onPick={(id) => void run(id)} onClose={() => setPicking(false)} />
      ) : (
        <div className="rl-link-actions">
          <button type="button" className="button button-small" disabled={busy} onClick={() => setPicking(true)}>
            {linkedId ? 'Изменить…' : 'Выбрать…'}
          </button>
          {linkedId && (
            <button type="button" className="button button-small button-quiet" disabled={busy} aria-label={`Отвязать: ${label.toLowerCase()}`} onClick={() => void run(null)}>
              Отвязать
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function Links({ view, timeZone, onLink }: { view: ReleaseView; timeZone: string; onLink(patch: LinkPatch): Promise<void> }) {
  const [sessions, setSessions] = useState<DirectLineSummary[] | null>(null);
  const [sessionsError, setSessionsError] = useState('');
  const loadSessions = useCallback(async () => {
    const list = await api.directLines.list({ query: '' });
    setSessions(list);
    return list;
  }, []);
  useEffect(() => {
    if (view.directLineId) loadSessions().catch((err: Error) => setSessionsError(err.message));
  }, [view.directLineId, loadSessions]);

  const loadEvents = useCallback(async (): Promise<LinkOption[]> => {
    const today = orgToday(timeZone);
    const list = await api.calendar.list({ from: addDays(today, -365), to: addDays(today, 365) });
    return list.map((o) => ({
      id: o.uid,
      when: o.labels.when,
      title: o.title,
      sub: [o.place, o.status !== 'planned' ? o.labels.status : ''].filter(Boolean).join(' · '),
      at: Date.parse(o.start),
    }));
  }, [timeZone]);
  const loadDirectLines = useCallback(
    async (): Promise<LinkOption[]> =>
      (await loadSessions()).map((s) => ({
        id: s.id,
        when: whenLong(s.startsAt, timeZone),
        title: directLineTitle(s),
        sub: [sessionFormats[s.format], sessionStatuses[s.status], s.place].filter(Boolean).join(' · '),
        at: Date.parse(s.startsAt),
      })),
    [loadSessions, timeZone],
  );

  const event = view.event;
  const session = sessions?.find((s) => s.id === view.directLineId);
  return (
    <section className="rl-panel" aria-label="Связи">
      <h2>Связи</h2>
      <LinkField
        kind="event"
        label="Мероприятие"
        pickLabel="Найти мероприятие"
        linkedId={view.eventId}
        load={loadEvents}
        onLink={(id) => onLink({ eventId: id })}
        shown={
          event ? (
            <div className="rl-linked">
              <a href={`#/events/${encodeURIComponent(event.id)}`}>{event.title}</a>
              <div className="cell-sub">
                {whenLong(event.start, timeZone, !event.allDay)}
                {event.place && ` · ${event.place}`}
              </div>
            </div>
          ) : (
            <div className="rl-warning">Мероприятие не найдено в календаре (возможно, оно удалено).</div>
          )
        }
      />
      <LinkField
        kind="direct-line"
        label="Прямая линия"
        pickLabel="Найти прямую линию"
        linkedId={view.directLineId}
        load={loadDirectLines}
        onLink={(id) => onLink({ directLineId: id })}
        shown={
          session ? (
            <div className="rl-linked">
              <a href={`#/direct-lines/${encodeURIComponent(session.id)}`}>{directLineTitle(session)}</a>
              <div className="cell-sub">
                {whenLong(session.startsAt, timeZone)} · {sessionFormats[session.format]}
              </div>
            </div>
          ) : sessions || sessionsError ? (
            <div className="rl-warning">{sessionsError || 'Прямая линия не найдена (возможно, она удалена).'}</div>
          ) : (
            <div className="muted">Загрузка…</div>
          )
        }
      />
      {!event && !view.eventId && <p className="cell-sub">«Подготовить анонс» есть и в карточке мероприятия.</p>}
    </section>
  );
}
