/**
 * Мероприятия: the events as a list — upcoming, past, this month or the whole year — with the same
 * filters as the calendar, and the event card beside it (#/events/<uid>, #/events/new). The calendar
 * is for seeing the week; this list is for going through events and their coverage one by one.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Occurrence } from '../../../electron/backend/features/calendar/schema';
import { dateShort, weekdayShort } from '../../../electron/backend/features/calendar/fmt';
import { countOf } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { addDays, eventPath, monthOf, orgToday } from './dates';
import { EventCard } from './EventCard';
import { Filters } from './Filters';
import { anyFilter, filterInput, noFilters, useDebounced, useDictionaries, type CalendarFilterState } from './use-calendar-data';
import './calendar.css';

type Period = 'upcoming' | 'past' | 'month' | 'year';
const periods: { value: Period; label: string }[] = [
  { value: 'upcoming', label: 'Предстоящие' },
  { value: 'month', label: 'Этот месяц' },
  { value: 'past', label: 'Прошедшие' },
  { value: 'year', label: 'Весь год' },
];

function periodRange(p: Period, today: string): { from: string; to: string } {
  if (p === 'upcoming') return { from: today, to: addDays(today, 365) };
  if (p === 'past') return { from: addDays(today, -365), to: addDays(today, -1) };
  if (p === 'month') return monthOf(today);
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

export function EventsPage({ id }: { id?: string }) {
  const { timeZone, dataVersion } = useAppState();
  const { dict, error: dictError } = useDictionaries();
  const [filters, setFilters] = useState<CalendarFilterState>(noFilters);
  const query = useDebounced(filters.query, 250);
  const [period, setPeriod] = useState<Period>('upcoming');
  const [list, setList] = useState<Occurrence[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const today = orgToday(timeZone);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // The search applies once typing pauses; the other filters at once.
  const { kind, staff, status, project } = filters;
  const active = useMemo(() => filterInput({ kind, staff, status, project, query }), [kind, staff, status, project, query]);

  useEffect(() => {
    let stale = false;
    api.calendar
      .list({ ...periodRange(period, today), ...active })
      .then((occ) => {
        if (stale) return;
        setList(period === 'past' ? [...occ].reverse() : occ);
        setError('');
      })
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [period, today, active, version, dataVersion]);

  useCommand('new', () => void navigate('/events/new'));

  const open = (uid: string) => void navigate(eventPath('events', uid));
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, uid: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(uid);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (row as HTMLElement | null)?.focus();
    }
  };

  return (
    <div className="page events-page">
      <header className="page-header">
        <h1>Мероприятия</h1>
        {list && <span className="page-count">{countOf(list.length, ['мероприятие', 'мероприятия', 'мероприятий'])}</span>}
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void navigate('/calendar')}>
            Открыть календарь
          </button>
          <button type="button" className="button button-primary" onClick={() => void navigate('/events/new')} title="Новое мероприятие (Ctrl+N)">
            + Новое мероприятие
          </button>
        </div>
      </header>
      <div className="cal-toolbar">
        <div className="segmented" role="group" aria-label="Период">
          {periods.map((p) => (
            <button key={p.value} type="button" aria-pressed={period === p.value} onClick={() => setPeriod(p.value)}>
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <Filters value={filters} onChange={setFilters} dict={dict} />
      {(error || dictError) && (
        <p className="error-summary" role="alert">
          {error || dictError}
        </p>
      )}
      <div className={`master-detail${id ? ' with-card' : ''}`}>
        <div className="list-pane">
          {list && list.length > 0 && (
            <table className={`data-table events-table${id ? ' compact' : ''}`}>
              <thead>
                <tr>
                  <th scope="col">Дата</th>
                  <th scope="col">Мероприятие</th>
                  <th scope="col" className="col-extra">
                    Ответственный
                  </th>
                  <th scope="col">Статус</th>
                  <th scope="col" className="col-extra">
                    Освещение
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((o) => {
                  const day = o.localStart.slice(0, 10);
                  return (
                    <tr
                      key={o.uid}
                      data-id={o.uid}
                      tabIndex={0}
                      aria-selected={o.uid === id}
                      className={`${o.uid === id ? 'selected' : ''} row-${o.status}`}
                      onClick={() => open(o.uid)}
                      onKeyDown={(e) => onKeyDown(e, o.uid)}
                    >
                      <td className="col-date">
                        <span className={day === today ? 'is-today' : undefined}>
                          {weekdayShort(day)}, {dateShort(day)}
                        </span>
                        <div className="cell-sub">{o.labels.time}</div>
                      </td>
                      <td className="col-title">
                        <span className="cal-kind-dot" style={{ background: o.labels.color }} aria-hidden="true" />
                        <span className="ev-title">{o.title}</span>
                        {o.recurring && (
                          <span className="cal-recurring" title={`Повторяется: ${o.recurrenceText}`} aria-label="повторяется">
                            {' '}
                            ↻
                          </span>
                        )}
                        <div className="cell-sub">
                          {o.labels.kind}
                          {o.place && ` · ${o.place}`}
                        </div>
                      </td>
                      <td className="col-extra">{o.labels.responsible || <span className="muted">—</span>}</td>
                      <td>
                        <span className={`cal-status cal-status-${o.status}`}>{o.labels.status}</span>
                        {o.statusReason && <div className="cell-sub">{o.statusReason}</div>}
                      </td>
                      <td className="col-extra col-coverage">
                        {o.coverageTotal > 0 ? (
                          <>
                            {o.coverageDone} из {o.coverageTotal}
                            {o.coverageOverdue > 0 && <div className="cal-overdue">просрочено: {o.coverageOverdue}</div>}
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {list && list.length === 0 && (
            <div className="empty">{anyFilter(filters) ? 'Ничего не найдено. Измените запрос или фильтры.' : 'За этот период мероприятий нет. Добавьте мероприятие кнопкой «Новое мероприятие» (Ctrl+N).'}</div>
          )}
          {!list && !error && <p className="muted">Загрузка…</p>}
        </div>
        {id && dict && (
          <EventCard
            id={id}
            dict={dict}
            onClose={() => void navigate('/events')}
            onSaved={(o) => {
              refresh();
              if (o.uid !== id) void navigate(eventPath('events', o.uid), { replace: true, force: true });
            }}
            onChanged={refresh}
            onDeleted={() => {
              refresh();
              void navigate('/events', { force: true });
            }}
          />
        )}
      </div>
    </div>
  );
}
