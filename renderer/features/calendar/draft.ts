/**
 * The event card's editable copy: dates split into date and time inputs, a local key per repeated row,
 * and the recurrence as the editor shows it (none / weekly on weekdays / monthly; until a date or N times).
 * Rules the editor cannot show (daily, yearly, several month days …) are kept as they are.
 */
import type { Input } from '../../../electron/backend/api';
import type {
  Accreditation,
  CalEvent,
  DictionariesFields,
  EventStatus,
  Occurrence,
  Recurrence,
} from '../../../electron/backend/features/calendar/schema';
import { weekdayCodes } from '../../../electron/backend/features/calendar/schema';
import { newId } from '../settings/draft';
import { addDays, addMinutes, isoWeekday, isDate, isTime, minutesBetween } from './dates';

export type WeekdayCode = (typeof weekdayCodes)[number];

export interface OfficialRow {
  key: string;
  name: string;
  position: string;
}
export interface MediaRow {
  key: string;
  outletId: string;
  outletName: string;
  accreditation: Accreditation;
  note: string;
}
export interface CoverageRow {
  key: string;
  /** Saved task's id; none for a row added in this form. */
  id?: string;
  kindId: string;
  assigneeId: string;
  offsetDays: string;
  done: boolean;
  note: string;
}

export type RepeatMode = 'none' | 'weekly' | 'monthly' | 'custom';
export interface RecurrenceDraft {
  mode: RepeatMode;
  interval: string;
  weekdays: WeekdayCode[];
  /** Monthly: on the same day of the month, or on the same weekday of the month («во второй четверг»). */
  monthlyBy: 'monthDay' | 'weekday';
  ends: 'until' | 'count';
  until: string;
  count: string;
  /** The rule as loaded: kept for exceptions and for rules the editor cannot show. */
  original: Recurrence | null;
}

export interface EventDraft {
  title: string;
  kindId: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  responsibleId: string;
  officials: OfficialRow[];
  media: MediaRow[];
  tags: string[];
  projectId: string;
  status: EventStatus;
  statusReason: string;
  coverage: CoverageRow[];
  notes: string;
  releaseIds: string[];
  recurrence: RecurrenceDraft;
}

export type EventFields = Input<'calendar.create'>;

const noRepeat = (): RecurrenceDraft => ({
  mode: 'none',
  interval: '1',
  weekdays: [],
  monthlyBy: 'monthDay',
  ends: 'until',
  until: '',
  count: '',
  original: null,
});

/** Weekday code of a date: "MO" … "SU". */
export const weekdayOf = (date: string): WeekdayCode => weekdayCodes[isoWeekday(date) - 1]!;
/** «2TH»: the same weekday of the month as the date (the fifth one becomes «the last», which every month has). */
export function nthWeekdayOf(date: string): string {
  const n = Math.ceil(Number(date.slice(8, 10)) / 7);
  return `${n >= 5 ? -1 : n}${weekdayOf(date)}`;
}

function recurrenceDraft(rec: Recurrence | null, startDate: string): RecurrenceDraft {
  if (!rec) return noRepeat();
  const base = {
    interval: String(rec.interval),
    ends: rec.count ? ('count' as const) : ('until' as const),
    until: rec.until ?? '',
    count: rec.count ? String(rec.count) : '',
    original: rec,
  };
  const plainDays = rec.byWeekday.every((d) => d.length === 2);
  if (rec.freq === 'weekly' && plainDays && !rec.byMonthDay.length && !rec.byMonth.length)
    return { ...base, mode: 'weekly', weekdays: (rec.byWeekday.length ? rec.byWeekday : [weekdayOf(startDate)]) as WeekdayCode[], monthlyBy: 'monthDay' };
  if (rec.freq === 'monthly' && !rec.byMonth.length) {
    if (rec.byWeekday.length === 0 && (rec.byMonthDay.length === 0 || (rec.byMonthDay.length === 1 && rec.byMonthDay[0] === Number(startDate.slice(8, 10)))))
      return { ...base, mode: 'monthly', weekdays: [], monthlyBy: 'monthDay' };
    if (rec.byMonthDay.length === 0 && rec.byWeekday.length === 1 && rec.byWeekday[0] === nthWeekdayOf(startDate))
      return { ...base, mode: 'monthly', weekdays: [], monthlyBy: 'weekday' };
  }
  return { ...base, mode: 'custom', weekdays: [], monthlyBy: 'monthDay' };
}

/** The draft of an occurrence as calendar.get / calendar.list give it. */
export function toDraft(o: Occurrence, event?: CalEvent): EventDraft {
  const startDate = o.localStart.slice(0, 10);
  return {
    title: o.title,
    kindId: o.kindId,
    allDay: o.allDay,
    startDate,
    startTime: o.allDay ? '10:00' : o.localStart.slice(11, 16),
    endDate: o.localEnd.slice(0, 10),
    endTime: o.allDay ? '11:00' : o.localEnd.slice(11, 16),
    place: o.place,
    responsibleId: o.responsibleId,
    officials: o.officials.map((p) => ({ key: newId(), name: p.name, position: p.position })),
    media: o.media.map((m) => ({ key: newId(), outletId: m.outletId, outletName: m.outletName, accreditation: m.accreditation, note: m.note })),
    tags: [...o.tags],
    projectId: o.projectId,
    status: o.status,
    statusReason: o.statusReason,
    coverage: o.coverage.map((c) => ({ key: newId(), id: c.id, kindId: c.kindId, assigneeId: c.assigneeId, offsetDays: String(c.offsetDays), done: c.done, note: c.note })),
    notes: o.notes,
    releaseIds: [...o.releaseIds],
    recurrence: recurrenceDraft(event?.recurrence ?? o.recurrence, event && event.recurrence ? event.start.slice(0, 10) : startDate),
  };
}

/**
 * A new event. `at`: "2026-06-05" (a day clicked in the month: 10:00–11:00 that day), "2026-06-05T14:30"
 * (a slot clicked in the week) or "2026-06-05/allday" (the all-day row).
 */
export function newDraft(at: string, today: string, dict: DictionariesFields | null, responsibleId: string): EventDraft {
  const allDay = at.endsWith('/allday');
  const date = isDate(at.slice(0, 10)) ? at.slice(0, 10) : today;
  const time = isTime(at.slice(11, 16)) ? at.slice(11, 16) : '10:00';
  const end = addMinutes(`${date}T${time}`, 60);
  const kinds = dict?.kinds.filter((k) => !k.archived) ?? [];
  return {
    title: '',
    kindId: kinds.find((k) => k.id === 'press-conference')?.id ?? kinds[0]?.id ?? '',
    allDay,
    startDate: date,
    startTime: time,
    endDate: allDay ? date : end.slice(0, 10),
    endTime: end.slice(11, 16),
    place: '',
    responsibleId,
    officials: [],
    media: [],
    tags: [],
    projectId: '',
    status: 'planned',
    statusReason: '',
    coverage: (dict?.coverage ?? [])
      .filter((c) => c.byDefault && !c.archived)
      .map((c) => ({ key: newId(), kindId: c.id, assigneeId: responsibleId, offsetDays: String(c.offsetDays), done: false, note: '' })),
    notes: '',
    releaseIds: [],
    recurrence: noRepeat(),
  };
}

/** The start changed: the end moves along, so the event keeps its length. */
export function withStart(d: EventDraft, startDate: string, startTime: string): EventDraft {
  if (d.allDay) {
    if (!isDate(d.startDate) || !isDate(d.endDate) || !isDate(startDate)) return { ...d, startDate, startTime };
    const days = Math.round(minutesBetween(d.startDate, d.endDate) / 1440);
    return { ...d, startDate, startTime, endDate: addDays(startDate, Math.max(0, days)) };
  }
  const before = `${d.startDate}T${d.startTime}`;
  const after = `${startDate}T${startTime}`;
  const end = `${d.endDate}T${d.endTime}`;
  if (!isDate(d.startDate) || !isTime(d.startTime) || !isDate(startDate) || !isTime(startTime) || !isDate(d.endDate) || !isTime(d.endTime))
    return { ...d, startDate, startTime };
  const length = Math.max(0, minutesBetween(before, end));
  const next = addMinutes(after, length);
  return { ...d, startDate, startTime, endDate: next.slice(0, 10), endTime: next.slice(11, 16) };
}

export function toRecurrence(r: RecurrenceDraft, startDate: string): Input<'calendar.create'>['recurrence'] {
  if (r.mode === 'none') return null;
  if (r.mode === 'custom') return r.original;
  const ends = r.ends === 'count' ? { until: null, count: r.count.trim() === '' ? null : Number(r.count) } : { until: r.until || null, count: null };
  const common = { interval: Math.max(1, Number(r.interval) || 1), byMonth: [], exdates: r.original?.exdates ?? [], ...ends };
  if (r.mode === 'weekly') {
    const order = weekdayCodes as readonly string[];
    const days = [...r.weekdays].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return { ...common, freq: 'weekly', byWeekday: days, byMonthDay: [] };
  }
  return r.monthlyBy === 'weekday'
    ? { ...common, freq: 'monthly', byWeekday: [nthWeekdayOf(startDate)], byMonthDay: [] }
    : { ...common, freq: 'monthly', byWeekday: [], byMonthDay: [Number(startDate.slice(8, 10))] };
}

/** What the backend gets: calendar.create's input (and calendar.update's, with id and scope). */
export function toFields(d: EventDraft): EventFields {
  return {
    title: d.title,
    kindId: d.kindId,
    allDay: d.allDay,
    start: d.allDay ? d.startDate : `${d.startDate}T${d.startTime}`,
    end: d.allDay ? d.endDate : `${d.endDate}T${d.endTime}`,
    place: d.place,
    responsibleId: d.responsibleId,
    officials: d.officials.map(({ name, position }) => ({ name, position })),
    media: d.media.map(({ outletId, accreditation, note }) => ({ outletId, accreditation, note })),
    tags: d.tags,
    projectId: d.projectId,
    status: d.status,
    statusReason: d.statusReason,
    coverage: d.coverage.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      kindId: c.kindId,
      assigneeId: c.assigneeId,
      offsetDays: c.offsetDays.trim() === '' || !Number.isFinite(Number(c.offsetDays)) ? undefined : Math.trunc(Number(c.offsetDays)),
      done: c.done,
      note: c.note,
    })),
    notes: d.notes,
    releaseIds: d.releaseIds,
    recurrence: toRecurrence(d.recurrence, d.startDate),
  };
}

/** What counts for "unsaved changes": the fields, not the row keys. */
export const fingerprint = (d: EventDraft) => JSON.stringify(toFields(d));
export const recurrencePrint = (d: EventDraft) => JSON.stringify(toRecurrence(d.recurrence, d.startDate));
