/** The sessions: newest first, filtered by year, status and words; each row counts its questions and assignments. */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { countOf } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { dayOf, options, ruDay, sessionFormats, sessionStatuses, shortName, statusTone, timeOf, type DirectLineSummary, type SessionStatus } from './model';

const SESSIONS = ['прямая линия', 'прямые линии', 'прямых линий'] as const;

export function SessionList() {
  const { timeZone, dataVersion } = useAppState();
  const [query, setQuery] = useState('');
  const [year, setYear] = useState<number | ''>('');
  const [status, setStatus] = useState<SessionStatus | ''>('');
  const [all, setAll] = useState<DirectLineSummary[] | null>(null);
  const [error, setError] = useState('');

  // One list (the backend filters by words and status); the year filter needs every year anyway for its options.
  useEffect(() => {
    let stale = false;
    const t = window.setTimeout(() => {
      api.directLines
        .list({ query, status: status || undefined })
        .then((list) => {
          if (stale) return;
          setAll(list);
          setError('');
        })
        .catch((err: Error) => !stale && setError(err.message));
    }, 200);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [query, status, dataVersion]);

  const years = useMemo(() => [...new Set((all ?? []).map((s) => Number(dayOf(s.startsAt, timeZone).slice(0, 4))))].sort((a, b) => b - a), [all, timeZone]);
  const rows = (all ?? []).filter((s) => !year || dayOf(s.startsAt, timeZone).startsWith(`${year}-`));

  useCommand('new', () => void navigate('/direct-lines/new'));

  const open = (id: string) => void navigate(`/direct-lines/${id}`);
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      open(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      ((e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null)?.focus();
    }
  };

  return (
    <div className="page dl-page">
      <header className="page-header">
        <h1>Прямые линии</h1>
        {all && <span className="page-count">{countOf(rows.length, SESSIONS)}</span>}
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => void navigate('/direct-lines/new')} title="Новая прямая линия (Ctrl+N)">
            + Новая прямая линия <kbd>Ctrl+N</kbd>
          </button>
        </div>
      </header>

      <div className="toolbar" role="search">
        <input type="search" className="toolbar-search" aria-label="Поиск прямых линий" placeholder="Кто отвечает, место, СМИ…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Год" value={year} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : '')}>
          <option value="">Все годы</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} год
            </option>
          ))}
        </select>
        <select aria-label="Статус" value={status} onChange={(e) => setStatus(e.target.value as SessionStatus | '')}>
          <option value="">Все статусы</option>
          {options(sessionStatuses).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>

      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {all && rows.length === 0 && (
        <div className="empty">
          {query || status || year ? 'Ничего не найдено. Измените запрос или фильтр.' : 'Прямых линий пока нет. Создайте первую кнопкой «Новая прямая линия» (Ctrl+N).'}
        </div>
      )}
      {rows.length > 0 && (
        <table className="data-table dl-sessions">
          <thead>
            <tr>
              <th scope="col">Дата и время</th>
              <th scope="col">Кто отвечает</th>
              <th scope="col">Формат и СМИ-партнёр</th>
              <th scope="col">Статус</th>
              <th scope="col" className="dl-num">
                Вопросов
              </th>
              <th scope="col" className="dl-num">
                В эфире
              </th>
              <th scope="col" className="dl-num">
                Поручено
              </th>
              <th scope="col" className="dl-num">
                Просрочено
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-id={s.id} tabIndex={0} onClick={() => open(s.id)} onKeyDown={(e) => onKeyDown(e, s.id)}>
                <td className="dl-nowrap">
                  <strong>{ruDay(dayOf(s.startsAt, timeZone))}</strong>
                  <div className="cell-sub">{timeOf(s.startsAt, timeZone)}</div>
                </td>
                <td>
                  {shortName(s.official.name)}
                  {s.official.position && <div className="cell-sub">{s.official.position}</div>}
                </td>
                <td>
                  {sessionFormats[s.format]}
                  <div className="cell-sub">{s.outletName ?? 'без СМИ-партнёра'}</div>
                </td>
                <td>
                  <span className={`dl-pill dl-pill-${statusTone[s.status]}`}>{sessionStatuses[s.status]}</span>
                  {s.status === 'announced' && !s.announcedAt && <div className="cell-sub dl-warn">анонс не опубликован</div>}
                  {s.anonymisedAt && <div className="cell-sub">обезличено</div>}
                </td>
                <td className="dl-num" data-col="questions">
                  {s.counts.questions}
                  {s.counts.received > s.counts.questions && <div className="cell-sub">всего {s.counts.received}</div>}
                </td>
                <td className="dl-num" data-col="answered-live">
                  {s.counts.answeredLive}
                </td>
                <td className="dl-num" data-col="assigned">
                  {s.counts.assigned}
                </td>
                <td className="dl-num" data-col="overdue">
                  {s.counts.overdue > 0 ? <span className="dl-pill dl-pill-danger">{s.counts.overdue}</span> : <span className="muted">0</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
