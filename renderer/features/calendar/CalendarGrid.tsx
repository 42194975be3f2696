/**
 * FullCalendar (v6 core with its MIT plugins) inside React: month grid, week and agenda list, Russian,
 * weeks from Monday, drag and resize, click on an empty day.
 *
 * Time zone: FullCalendar runs with timeZone 'UTC' and gets the backend's wall-time strings
 * (localStart / endExclusive, "2026-06-05T10:00" in the organisation's zone), so a 10:00 event in
 * Барнаул shows 10:00 whatever zone the computer is in; "now" (today's cell, the red line in the week)
 * is the organisation's wall clock too. Dates coming back (drop, resize, click) are read the same way.
 *
 * (@fullcalendar/react in node_modules is v7, which bundles its own core 7 and does not take the installed
 * v6 plugins; the thin wrapper here drives core v6 directly, as the v6 React connector did.)
 *
 * Performance marks for the render benchmark: 'pd-cal-fetch' (range asked), 'pd-cal-data' (list arrived),
 * 'pd-cal-painted' (two frames after FullCalendar took the events: the grid with them is on screen),
 * with a window event 'pd:calendar-painted' carrying the figures.
 */
import { Calendar, type EventDropArg, type EventInput, type EventSourceFuncArg } from '@fullcalendar/core';
import ruLocale from '@fullcalendar/core/locales/ru';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg, type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { shortName } from '../../../electron/backend/features/calendar/fmt';
import type { Occurrence } from '../../../electron/backend/features/calendar/schema';
import { addDays, orgNow, wallOf } from './dates';

export type CalendarView = 'dayGridMonth' | 'timeGridWeek' | 'listMonth';
export const calendarViews: { value: CalendarView; label: string; key: string }[] = [
  { value: 'dayGridMonth', label: 'Месяц', key: 'М' },
  { value: 'timeGridWeek', label: 'Неделя', key: 'Н' },
  { value: 'listMonth', label: 'Список', key: 'С' },
];

export interface VisibleRange {
  view: CalendarView;
  title: string;
  /** First and last day shown (YYYY-MM-DD, inclusive). */
  from: string;
  to: string;
  /** The month or week the view is about (a month grid also shows days of its neighbours). */
  currentFrom: string;
  currentTo: string;
  /** The view's current date: the week and month plans are built around it. */
  date: string;
}

/** A day in the month grid with more events than its cell holds. */
export interface DayOverflow {
  date: string;
  occurrences: Occurrence[];
  /** Where the «+ ещё N» link is on screen (the list opens beside it). */
  anchor: DOMRect;
}

export interface GridHandle {
  prev(): void;
  next(): void;
  today(): void;
  gotoDate(date: string): void;
  changeView(view: CalendarView): void;
  refetch(): void;
}

export interface MoveRequest {
  occurrence: Occurrence;
  start: string;
  /** Exclusive for all-day events (as FullCalendar gives it); missing when FullCalendar has none. */
  end?: string;
  allDay: boolean;
  /** Puts the event back where it was (the move was refused or cancelled). */
  revert(): void;
  kind: 'drop' | 'resize';
}

interface Props {
  ref?: Ref<GridHandle>;
  timeZone: string;
  initialView: CalendarView;
  initialDate: string;
  /** Occurrences for the inclusive range; FullCalendar asks again when the range changes or on refetch(). */
  load(from: string, to: string): Promise<Occurrence[]>;
  selectedUid?: string;
  onRange(range: VisibleRange): void;
  onOpen(o: Occurrence): void;
  /** "2026-06-05" (a day in the month), "2026-06-05T14:30" (a slot in the week), "2026-06-05/allday". */
  onCreateAt(at: string): void;
  onMove(request: MoveRequest): void;
  /** «+ ещё N» of a busy day in the month grid was clicked: every event of that day. */
  onMore(day: DayOverflow): void;
  onLoadError(message: string): void;
  onLoading?(loading: boolean): void;
}

const occurrenceOf = (e: { extendedProps: Record<string, unknown> }) => e.extendedProps.occ as Occurrence;

function toEventInput(o: Occurrence): EventInput {
  return {
    id: o.uid,
    title: o.title,
    start: o.localStart,
    end: o.allDay ? o.endExclusive : o.localEnd,
    allDay: o.allDay,
    backgroundColor: o.labels.color,
    borderColor: o.labels.color,
    classNames: [`ev-${o.status}`, ...(o.recurring ? ['ev-recurring'] : []), ...(o.coverageOverdue ? ['ev-overdue'] : [])],
    extendedProps: { occ: o },
  };
}

function tooltip(o: Occurrence): string {
  const lines = [o.title, `${o.labels.kind} · ${o.labels.when}`];
  if (o.place) lines.push(o.place);
  if (o.labels.responsible) lines.push(`Ответственный: ${o.labels.responsible}`);
  lines.push(`Статус: ${o.labels.status}${o.statusReason ? ` (${o.statusReason})` : ''}`);
  if (o.coverageTotal) lines.push(`Освещение: ${o.coverageDone} из ${o.coverageTotal}${o.coverageOverdue ? `, просрочено ${o.coverageOverdue}` : ''}`);
  if (o.recurring) lines.push(`Повторяется: ${o.recurrenceText}`);
  return lines.join('\n');
}

/**
 * A busy month: only what the cells can show goes to FullCalendar, the rest of each day becomes one
 * «+ ещё N» entry that opens the day's full list. FullCalendar lays out every event it is given (hidden
 * ones too, to measure them), so a month with 1,000 events took ~300 ms to draw; thinned, ~40 ms.
 * Days with few events, multi-day and all-day events are given as they are.
 */
function thinMonth(list: Occurrence[], perDay: number): EventInput[] {
  const byDay = new Map<string, Occurrence[]>();
  const out: EventInput[] = [];
  for (const o of list) {
    const day = o.localStart.slice(0, 10);
    if (o.allDay || o.localEnd.slice(0, 10) !== day) out.push(toEventInput(o));
    else byDay.get(day)?.push(o) ?? byDay.set(day, [o]);
  }
  for (const [day, occ] of byDay) {
    if (occ.length <= perDay) {
      occ.forEach((o) => out.push(toEventInput(o)));
      continue;
    }
    const shown = Math.max(0, perDay - 1);
    occ.slice(0, shown).forEach((o) => out.push(toEventInput(o)));
    out.push({
      id: `more:${day}`,
      title: `+ ещё ${occ.length - shown}`,
      // Last in the day, and within it (an event without an end would last an hour, into the next day).
      start: `${day}T23:58`,
      end: `${day}T23:59`,
      allDay: false,
      editable: false,
      startEditable: false,
      durationEditable: false,
      display: 'block',
      classNames: ['ev-more'],
      backgroundColor: 'transparent',
      borderColor: 'transparent',
      extendedProps: { more: { date: day, occurrences: occ } },
    });
  }
  return out;
}

/** How many one-line events a month cell of the grid holds now (the day number and a «more» line aside). */
function monthCellCapacity(gridEl: HTMLElement | null, weeks: number): number {
  if (!gridEl || weeks <= 0) return 3;
  const body = gridEl.clientHeight - 16 - 28; // padding, weekday header
  const cell = body / weeks;
  return Math.max(1, Math.floor((cell - 26) / 21));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function CalendarGrid(props: Props) {
  const el = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const paint = useRef<{ fetchedAt: number; dataAt: number; count: number } | null>(null);
  const firstLoad = useRef(true);

  useImperativeHandle(
    props.ref,
    () => ({
      prev: () => calendar.current?.prev(),
      next: () => calendar.current?.next(),
      today: () => calendar.current?.today(),
      gotoDate: (date) => calendar.current?.gotoDate(date),
      changeView: (view) => calendar.current?.changeView(view),
      refetch: () => calendar.current?.refetchEvents(),
    }),
    [],
  );

  useEffect(() => {
    const cal = new Calendar(el.current!, {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      locale: ruLocale,
      firstDay: 1,
      timeZone: 'UTC',
      now: () => orgNow(latest.current.timeZone),
      initialView: props.initialView,
      initialDate: props.initialDate,
      headerToolbar: false,
      height: '100%',
      fixedWeekCount: false,
      dayMaxEvents: true,
      editable: true,
      nowIndicator: true,
      scrollTime: '08:00:00',
      slotDuration: '00:30:00',
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      defaultRangeSeparator: '–',
      displayEventEnd: false,
      noEventsText: 'В этом месяце мероприятий нет',
      views: {
        timeGridWeek: { dayHeaderFormat: { weekday: 'short', day: 'numeric', month: 'numeric' }, displayEventEnd: true },
        listMonth: { listDayFormat: { weekday: 'long', day: 'numeric', month: 'long' }, listDaySideFormat: false, displayEventEnd: true },
      },
      events: (info: EventSourceFuncArg, success, failure) => {
        const from = wallOf(info.start, true);
        const to = addDays(wallOf(info.end, true), -1);
        performance.mark('pd-cal-fetch');
        const fetchedAt = performance.now();
        latest.current
          .load(from, to)
          .then((list) => {
            performance.mark('pd-cal-data');
            paint.current = { fetchedAt, dataAt: performance.now(), count: list.length };
            const days = Math.round((info.end.getTime() - info.start.getTime()) / 86_400_000);
            const month = calendar.current?.view.type === 'dayGridMonth';
            success(month ? thinMonth(list, monthCellCapacity(el.current, days / 7)) : list.map(toEventInput));
          })
          .catch((err: Error) => {
            latest.current.onLoadError(err.message);
            failure(err);
          });
      },
      eventsSet: () => {
        const p = paint.current;
        if (!p) return;
        paint.current = null;
        void nextFrame()
          .then(nextFrame)
          .then(() => {
            const mark = performance.mark('pd-cal-painted', { detail: { events: p.count } });
            const detail = {
              view: cal.view.type,
              events: p.count,
              rendered: el.current?.querySelectorAll('.fc-event:not(.ev-more)').length ?? 0,
              fetchMs: p.dataAt - p.fetchedAt,
              renderMs: mark.startTime - p.dataAt,
              totalMs: mark.startTime - p.fetchedAt,
              at: mark.startTime,
            };
            el.current?.setAttribute('data-painted', String(p.count));
            window.dispatchEvent(new CustomEvent('pd:calendar-painted', { detail }));
          });
      },
      loading: (isLoading) => latest.current.onLoading?.(isLoading),
      datesSet: (info) => {
        const view = info.view;
        latest.current.onRange({
          view: view.type as CalendarView,
          title: view.title,
          from: wallOf(info.start, true),
          to: addDays(wallOf(info.end, true), -1),
          currentFrom: wallOf(view.currentStart, true),
          currentTo: addDays(wallOf(view.currentEnd, true), -1),
          date: wallOf(cal.getDate(), true),
        });
      },
      eventClick: (info) => {
        info.jsEvent.preventDefault();
        const more = info.event.extendedProps.more as { date: string; occurrences: Occurrence[] } | undefined;
        if (more) latest.current.onMore({ ...more, anchor: info.el.getBoundingClientRect() });
        else latest.current.onOpen(occurrenceOf(info.event));
      },
      dateClick: (info: DateClickArg) => {
        const view = info.view.type;
        if (view === 'dayGridMonth') latest.current.onCreateAt(wallOf(info.date, true));
        else if (info.allDay) latest.current.onCreateAt(`${wallOf(info.date, true)}/allday`);
        else latest.current.onCreateAt(wallOf(info.date));
      },
      eventDrop: (info: EventDropArg) => {
        const e = info.event;
        latest.current.onMove({
          occurrence: occurrenceOf(e),
          start: wallOf(e.start!, e.allDay),
          end: e.end ? wallOf(e.end, e.allDay) : undefined,
          allDay: e.allDay,
          revert: info.revert,
          kind: 'drop',
        });
      },
      eventResize: (info: EventResizeDoneArg) => {
        const e = info.event;
        latest.current.onMove({
          occurrence: occurrenceOf(e),
          start: wallOf(e.start!, e.allDay),
          end: e.end ? wallOf(e.end, e.allDay) : undefined,
          allDay: e.allDay,
          revert: info.revert,
          kind: 'resize',
        });
      },
      // The agenda list also shows the place and, when it is not the usual, the status.
      eventContent: (arg) => {
        if (arg.event.extendedProps.more) return { domNodes: [document.createTextNode(arg.event.title)] };
        if (!arg.view.type.startsWith('list')) return true;
        const o = occurrenceOf(arg.event);
        const title = document.createElement('a');
        title.textContent = o.title;
        const nodes: Node[] = [title];
        if (o.status === 'postponed' || o.status === 'cancelled') {
          const badge = document.createElement('span');
          badge.className = `cal-status cal-status-${o.status}`;
          badge.textContent = o.statusReason ? `${o.labels.status}: ${o.statusReason}` : o.labels.status;
          nodes.push(badge);
        }
        const sub = [o.labels.kind, o.place, o.labels.responsible && shortName(o.labels.responsible)].filter(Boolean).join(' · ');
        if (sub) {
          const place = document.createElement('span');
          place.className = 'cal-list-place';
          place.textContent = sub;
          nodes.push(place);
        }
        return { domNodes: nodes };
      },
      eventDidMount: (info) => {
        const more = info.event.extendedProps.more as { occurrences: Occurrence[] } | undefined;
        if (more) {
          info.el.title = `Все мероприятия дня: ${more.occurrences.length}`;
          return;
        }
        const o = occurrenceOf(info.event);
        info.el.title = tooltip(o);
        info.el.dataset.uid = o.uid;
        if (o.uid === latest.current.selectedUid) info.el.classList.add('ev-selected');
      },
    });
    calendar.current = cal;
    cal.render();
    // The grid changes width when the card opens or the window resizes: FullCalendar only watches the window.
    const observer = new ResizeObserver(() => cal.updateSize());
    observer.observe(el.current!);
    return () => {
      observer.disconnect();
      cal.destroy();
      calendar.current = null;
    };
    // Created once; later props are read through `latest`.
  }, []);

  // New filters: ask again (not on the first render: FullCalendar has just asked).
  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    calendar.current?.refetchEvents();
  }, [props.load]);

  useEffect(() => {
    const root = el.current;
    if (!root) return;
    root.querySelectorAll('.ev-selected').forEach((n) => n.classList.remove('ev-selected'));
    if (props.selectedUid) root.querySelectorAll(`[data-uid="${CSS.escape(props.selectedUid)}"]`).forEach((n) => n.classList.add('ev-selected'));
  }, [props.selectedUid]);

  return <div ref={el} className="cal-grid" data-testid="calendar-grid" />;
}
