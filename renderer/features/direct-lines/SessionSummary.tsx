/** The session at a glance: when, format, who answers, partner, place, announcement; the status switch. */
import { useState } from 'react';
import { formatDateLong, formatDateTime } from '../../../electron/backend/format';
import { api } from '../../api';
import { useToast } from '../../shell/toasts';
import { options, sessionFormats, sessionStatuses, timeOf, type DirectLineCard, type SessionStatus } from './model';

export function SessionSummary({ card, timeZone, onEdit, onChanged }: { card: DirectLineCard; timeZone: string; onEdit(): void; onChanged(): void }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const s = card.session;
  const end = new Date(Date.parse(s.startsAt) + s.durationMinutes * 60_000);

  const setStatus = async (status: SessionStatus) => {
    if (status === s.status || busy) return;
    setBusy(true);
    try {
      await api.directLines.setStatus({ id: s.id, status });
      toast(`Статус: ${sessionStatuses[status]}.`);
      onChanged();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel dl-summary" aria-labelledby="dl-summary-title">
      <div className="dl-panel-head">
        <h2 id="dl-summary-title">Сведения</h2>
        <button type="button" className="button button-small" onClick={onEdit}>
          Изменить
        </button>
      </div>
      <dl className="dl-facts">
        <dt>Когда</dt>
        <dd data-testid="session-when">
          {formatDateLong(s.startsAt, timeZone)}, {timeOf(s.startsAt, timeZone)}–{timeOf(end, timeZone)}
        </dd>
        <dt>Формат</dt>
        <dd>{sessionFormats[s.format]}</dd>
        <dt>Отвечает</dt>
        <dd>
          {s.official.name}
          {s.official.position && <span className="muted">, {s.official.position}</span>}
        </dd>
        <dt>СМИ-партнёр</dt>
        <dd data-testid="session-outlet">{card.outletName ?? <span className="muted">нет</span>}</dd>
        <dt>Место</dt>
        <dd>
          {s.place || (!s.link && <span className="muted">не указано</span>)}
          {s.link && (
            <div>
              <a href={s.link} target="_blank" rel="noreferrer">
                {s.link}
              </a>
            </div>
          )}
        </dd>
        <dt>Анонс</dt>
        <dd>
          {s.announcedAt ? (
            <span className="dl-ok">опубликован {formatDateTime(s.announcedAt, timeZone)}</span>
          ) : (
            <span className="dl-warn">ещё не опубликован</span>
          )}
          {s.announcement && <div className="dl-announcement">{s.announcement}</div>}
        </dd>
      </dl>
      <div className="dl-status-row">
        <span id="dl-status-label" className="muted">
          Статус
        </span>
        <div className="dl-seg" role="group" aria-labelledby="dl-status-label">
          {options(sessionStatuses).map((o) => (
            <button key={o.value} type="button" aria-pressed={s.status === o.value} disabled={busy} onClick={() => void setStatus(o.value)}>
              {o.label}
            </button>
          ))}
        </div>
      </div>
      {s.anonymisedAt && <p className="cell-sub">Персональные данные жителей обезличены {formatDateTime(s.anonymisedAt, timeZone)}.</p>}
    </section>
  );
}
