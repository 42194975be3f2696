/**
 * Календарь: the month grid, the week and the agenda list of media events, filters and a legend of kinds,
 * the week's and month's plan in Word and the .ics, and beside the grid the «Сегодня» panel — or, when an
 * event is open (#/calendar/<uid>, #/calendar/new/<date>), its card.
 *
 * Keys: ←/→ or PageUp/PageDown — previous/next month (week); T — today; М/Н/С (M/W/L) — month, week, list;
 * Ctrl+N — new event; Esc — close the card.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditScope, Occurrence } from '../../../electron/backend/features/calendar/schema';
import { rangeText } from '../../../electron/backend/features/calendar/fmt';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { TodayPanel } from '../today/TodayPanel';
import { CalendarGrid, calendarViews, type CalendarView, type DayOverflow, type GridHandle, type MoveRequest, type VisibleRange } from './CalendarGrid';
import { DayPopover } from './DayPopover';
import { eventPath, monthOf, orgToday, weekOf } from './dates';
import { EventCard } from './EventCard';
import { Filters } from './Filters';
import { useScopeDialog } from './ScopeDialog';
import { filterInput, noFilters, useDebounced, useDictionaries, type CalendarFilterState } from './use-calendar-data';
import './calendar.css';

const VIEW_KEY = 'press-desk:calendar-view';
const DATE_KEY = 'press-desk:calendar-date';

function storedView(): CalendarView {
  const v = localStorage.getItem(VIEW_KEY);
  return calendarViews.some((x) => x.value === v) ? (v as CalendarView) : 'dayGridMonth';
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function CalendarPage({ id, sub }: { id?: string; sub?: string }) {
  const { timeZone, dataVersion } = useAppState();
  const toast = useToast();
  const { dict, error: dictError } = useDictionaries();
  const [scopeDialog, askScope] = useScopeDialog();
  const grid = useRef<GridHandle>(null);
  const [filters, setFilters] = useState<CalendarFilterState>(noFilters);
  const query = useDebounced(filters.query, 250);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [todayKey, setTodayKey] = useState(0);
  const [cardKey, setCardKey] = useState(0);
  const [exporting, setExporting] = useState('');
  const [busyDay, setBusyDay] = useState<DayOverflow | null>(null);
  const closeDay = useCallback(() => setBusyDay(null), []);
  const [initial] = useState(() => ({ view: storedView(), date: sessionStorage.getItem(DATE_KEY) || orgToday(timeZone) }));

  // The search applies once typing pauses; the other filters at once.
  const { kind, staff, status, project } = filters;
  const active = useMemo(() => filterInput({ kind, staff, status, project, query }), [kind, staff, status, project, query]);
  const load = useCallback(
    async (from: string, to: string) => {
      const list = await api.calendar.list({ from, to, ...active });
      setLoadError('');
      return list;
    },
    // dataVersion: an import or the demo replaced the data.
    [active, dataVersion],
  );

  const refresh = useCallback(() => {
    grid.current?.refetch();
    setTodayKey((k) => k + 1);
  }, []);

  const onRange = useCallback((r: VisibleRange) => {
    setRange(r);
    setBusyDay(null);
    localStorage.setItem(VIEW_KEY, r.view);
    sessionStorage.setItem(DATE_KEY, r.date);
  }, []);

  const openEvent = (o: Occurrence) => void navigate(eventPath('calendar', o.uid));
  const createAt = (at: string) => void navigate(eventPath('calendar', 'new', at));
  const newEvent = () => createAt(range && orgToday(timeZone) >= range.currentFrom && orgToday(timeZone) <= range.currentTo ? orgToday(timeZone) : (range?.currentFrom ?? orgToday(timeZone)));
  useCommand('new', newEvent);

  const move = async ({ occurrence: o, start, end, allDay, revert, kind }: MoveRequest) => {
    let scope: EditScope | undefined;
    if (o.recurring && o.occurrenceKey) {
      const answer = await askScope({
        title: kind === 'drop' ? 'Перенести мероприятие' : 'Изменить длительность',
        message: <p>«{o.title}» повторяется. Перенести только это повторение, это и следующие или всю серию?</p>,
      });
      if (!answer) return revert();
      scope = answer;
    }
    try {
      const result = await api.calendar.move({ id: o.uid, scope, start, end, allDay, exclusiveEnd: allDay && end !== undefined });
      toast(`«${o.title}»: ${result.occurrence.labels.when}.`);
      refresh();
      if (id === o.uid) {
        if (result.occurrence.uid !== o.uid) void navigate(eventPath('calendar', result.occurrence.uid), { replace: true, force: true });
        else setCardKey((k) => k + 1);
      }
    } catch (err) {
      revert();
      toast(`Не перенесено. ${(err as Error).message}`, { tone: 'error', ms: 10_000 });
    }
  };

  const exportPlan = async (what: 'week' | 'month') => {
    const anchor = range?.date ?? orgToday(timeZone);
    const { from, to } = what === 'week' ? weekOf(anchor) : monthOf(anchor);
    setExporting(what);
    try {
      toast(saveExport(await api.calendar.exportPlan({ from, to, ...active })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setExporting('');
    }
  };
  const exportIcs = async () => {
    setExporting('ics');
    try {
      toast(saveExport(await api.calendar.exportIcs({ ...active })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setExporting('');
    }
  };

  // ←/→, PageUp/PageDown, T, М/Н/С: only when no field, card or dialog has the keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isEditable(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.target instanceof Element && e.target.closest('.cal-side, .cal-day-popover')) return;
      const g = grid.current;
      if (!g) return;
      const act: Record<string, () => void> = {
        ArrowLeft: g.prev,
        PageUp: g.prev,
        ArrowRight: g.next,
        PageDown: g.next,
        KeyT: g.today,
        KeyM: () => g.changeView('dayGridMonth'),
        KeyW: () => g.changeView('timeGridWeek'),
        KeyL: () => g.changeView('listMonth'),
      };
      const run = act[e.code] ?? act[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const week = weekOf(range?.date ?? orgToday(timeZone));
  const month = monthOf(range?.date ?? orgToday(timeZone));
  const kinds = dict?.kinds.filter((k) => !k.archived) ?? [];
  const cardOpen = !!id && !!dict;

  return (
    <div className="page calendar-page">
      <header className="page-header">
        <h1>Календарь</h1>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void exportPlan('week')} disabled={!!exporting} title={`План мероприятий на неделю ${rangeText(week.from, week.to)}`}>
            {exporting === 'week' ? 'Экспорт…' : 'План на неделю (Word)'}
          </button>
          <button type="button" className="button" onClick={() => void exportPlan('month')} disabled={!!exporting} title={`План мероприятий ${rangeText(month.from, month.to)}`}>
            {exporting === 'month' ? 'Экспорт…' : 'План на месяц (Word)'}
          </button>
          <button type="button" className="button" onClick={() => void exportIcs()} disabled={!!exporting} title="Все мероприятия (с учётом фильтров) для календаря телефона">
            {exporting === 'ics' ? 'Экспорт…' : 'Календарь (.ics)'}
          </button>
          <button type="button" className="button button-primary" onClick={newEvent} title="Новое мероприятие (Ctrl+N)">
            + Новое мероприятие
          </button>
        </div>
      </header>

      <div className="cal-toolbar">
        <div className="cal-nav" role="group" aria-label="Переход по календарю">
          <button type="button" className="button button-small" onClick={() => grid.current?.prev()} aria-label={range?.view === 'timeGridWeek' ? 'Предыдущая неделя' : 'Предыдущий месяц'} title="Назад (← или PageUp)">
            ‹
          </button>
          <button type="button" className="button button-small" onClick={() => grid.current?.today()} title="Сегодня (T)">
            Сегодня
          </button>
          <button type="button" className="button button-small" onClick={() => grid.current?.next()} aria-label={range?.view === 'timeGridWeek' ? 'Следующая неделя' : 'Следующий месяц'} title="Вперёд (→ или PageDown)">
            ›
          </button>
        </div>
        <h2 className="cal-title" aria-live="polite" data-testid="calendar-title">
          {range?.title ?? ''}
        </h2>
        <input
          type="date"
          className="cal-goto"
          aria-label="Перейти к дате"
          title="Перейти к дате"
          value={range?.date ?? ''}
          onChange={(e) => e.target.value && grid.current?.gotoDate(e.target.value)}
        />
        {loading && <span className="cal-loading">Загрузка…</span>}
        <div className="segmented cal-views" role="group" aria-label="Вид календаря">
          {calendarViews.map((v) => (
            <button key={v.value} type="button" aria-pressed={range?.view === v.value} onClick={() => grid.current?.changeView(v.value)} title={`${v.label} (${v.key})`}>
              {v.label}
            </button>
          ))}
        </div>
      </div>
      <Filters value={filters} onChange={setFilters} dict={dict} />

      {(loadError || dictError) && (
        <p className="error-summary" role="alert">
          {loadError || dictError}
        </p>
      )}

      <div className="cal-layout">
        <div className="cal-main">
          <CalendarGrid
            ref={grid}
            timeZone={timeZone}
            initialView={initial.view}
            initialDate={initial.date}
            load={load}
            selectedUid={id}
            onRange={onRange}
            onOpen={openEvent}
            onCreateAt={createAt}
            onMove={(r) => void move(r)}
            onMore={setBusyDay}
            onLoadError={setLoadError}
            onLoading={setLoading}
          />
          <ul className="cal-legend" aria-label="Виды мероприятий: цвета">
            {kinds.map((k) => (
              <li key={k.id}>
                <button
                  type="button"
                  className="cal-legend-item"
                  aria-pressed={filters.kind === k.id}
                  title={filters.kind === k.id ? 'Показать все виды' : `Показать только: ${k.name}`}
                  onClick={() => setFilters({ ...filters, kind: filters.kind === k.id ? '' : k.id })}
                >
                  <span className="cal-kind-dot" style={{ background: k.color }} aria-hidden="true" />
                  {k.name}
                </button>
              </li>
            ))}
            <li className="cal-legend-marks" aria-hidden="true">
              <span className="ev-sample ev-sample-cancelled">отменено</span>
              <span className="ev-sample ev-sample-postponed">перенесено</span>
              <span>↻ повторяется</span>
            </li>
          </ul>
        </div>
        <div className={`cal-side${cardOpen ? ' with-card' : ''}`}>
          {cardOpen ? (
            <EventCard
              key={cardKey}
              id={id}
              init={id === 'new' ? sub : undefined}
              dict={dict}
              onClose={() => void navigate('/calendar')}
              onLoaded={(o) => {
                const day = o.localStart.slice(0, 10);
                if (range && (day < range.from || day > range.to)) grid.current?.gotoDate(day);
              }}
              onSaved={(o) => {
                refresh();
                const day = o.localStart.slice(0, 10);
                if (range && (day < range.from || day > range.to)) grid.current?.gotoDate(day);
                if (o.uid !== id) void navigate(eventPath('calendar', o.uid), { replace: true, force: true });
              }}
              onChanged={refresh}
              onDeleted={() => {
                refresh();
                void navigate('/calendar', { force: true });
              }}
            />
          ) : (
            <TodayPanel key={todayKey} />
          )}
        </div>
      </div>
      {busyDay && (
        <DayPopover
          day={busyDay}
          onClose={closeDay}
          onOpen={(o) => {
            setBusyDay(null);
            openEvent(o);
          }}
        />
      )}
      {scopeDialog}
    </div>
  );
}
