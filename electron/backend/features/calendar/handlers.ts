import { randomUUID } from 'node:crypto';
import type { Ctx, HandlerTable } from '../../context.js';
import { fieldError } from '../../errors.js';
import { buildPlanDocx } from './docx.js';
import { applyEdit, checkExdates, deleteTarget, resolveTarget, withHistory, type CalTx, type Target } from './edit.js';
import { buildIcs } from './ics.js';
import { dictionariesOf, listOccurrences, lookupOf, occurrenceAt, toOccurrence, type Lookup } from './model.js';
import { checkSeries, normalizeRecurrence } from './recurrence.js';
import {
  type CalEvent,
  type DictionariesFields,
  type EventDetails,
  type EventFieldsCore,
  type EventInput,
  type Recurrence,
} from './schema.js';
import { addDays, parseWall, DAY } from './time.js';
import { checkFields, checkReason, coverageFromInput, normalizeDates } from './validate.js';
import { saveDictionaries, withUsage } from './dictionaries.js';

/** The longest range one list or export may cover. */
const MAX_RANGE_DAYS = 800;

function checkRange(from: string, to: string): void {
  if (to < from) throw fieldError('to', 'По дату', 'дата окончания периода раньше его начала');
  if ((parseWall(to) - parseWall(from)) / DAY > MAX_RANGE_DAYS) throw fieldError('to', 'По дату', 'слишком длинный период: не больше двух лет');
}

function details(e: CalEvent, wall: number | null, lk: Lookup): EventDetails {
  return { event: e, occurrence: toOccurrence(occurrenceAt(e, wall, lk.tz), lk) };
}

/** The occurrence's complete new fields from the form (dates normalised, checklist merged). */
function fieldsFromForm(input: Omit<EventInput, 'recurrence'>, prev: EventFieldsCore | undefined, lk: Lookup, now: Date): EventFieldsCore {
  const dates = normalizeDates(input.allDay, input.start, input.end, lk.tz);
  return {
    title: input.title,
    kindId: input.kindId,
    allDay: input.allDay,
    ...dates,
    place: input.place,
    responsibleId: input.responsibleId,
    officials: input.officials,
    media: input.media,
    tags: input.tags,
    projectId: input.projectId,
    status: input.status,
    statusReason: input.statusReason,
    coverage: coverageFromInput(input.coverage, prev?.coverage, input.responsibleId, lk, now),
    notes: input.notes,
    releaseIds: input.releaseIds,
    history: prev?.history ?? [],
  };
}

function writeEdit(ctx: Ctx, target: (tx: CalTx, lk: Lookup) => Target, build: (t: Target, lk: Lookup, now: Date) => { next: EventFieldsCore; recurrence?: Recurrence | null }) {
  return ctx.store.mutate((tx) => {
    const now = ctx.now();
    const lk = lookupOf(tx, now);
    const t = target(tx, lk);
    const built = build(t, lk, now);
    let next = built.next;
    if (t.event.recurrence && t.scope !== 'this') {
      // A change to the series goes to the series' own history, not to the history of the occurrence opened.
      next = { ...next, history: [...t.event.history, ...next.history.slice(t.raw.fields.history.length)] };
    }
    const recurrence = built.recurrence;
    checkFields(next, t.raw.fields, lk, tx);
    if (!t.event.recurrence || t.scope === 'this') checkHeld(next, t.raw.fields, lk, now);
    const result = applyEdit(tx, lk, now, t, next, recurrence);
    return details(result.event, result.wall, lk);
  });
}

/** «Проведено» only once it has started (checked when the status is set or the dates change). */
function checkHeld(next: EventFieldsCore, prev: EventFieldsCore | undefined, lk: Lookup, now: Date): void {
  if (next.status !== 'held' || (prev?.status === 'held' && prev.start === next.start)) return;
  if (next.allDay ? next.start > lk.today : Date.parse(next.start) > now.getTime())
    throw fieldError('status', 'Статус', 'мероприятие ещё не началось: отметить его проведённым можно после начала');
}

/** A weekly series dragged to another weekday with "all"/"following" moves its weekdays along. */
function shiftWeekdays(rec: Recurrence, days: number): Recurrence {
  const shift = ((days % 7) + 7) % 7;
  if (rec.freq !== 'weekly' || shift === 0 || rec.byWeekday.some((d) => d.length !== 2)) return rec;
  const codes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  return { ...rec, byWeekday: rec.byWeekday.map((d) => codes[(codes.indexOf(d) + shift) % 7]!) };
}

export const calendarHandlers: HandlerTable<
  | 'calendar.list'
  | 'calendar.get'
  | 'calendar.create'
  | 'calendar.update'
  | 'calendar.move'
  | 'calendar.setStatus'
  | 'calendar.toggleCoverage'
  | 'calendar.delete'
  | 'calendar.dictionaries.get'
  | 'calendar.dictionaries.save'
  | 'calendar.exportPlan'
  | 'calendar.exportIcs'
> = {
  'calendar.list': (q, { store, now }) => {
    checkRange(q.from, q.to);
    return listOccurrences(store.all('events'), q, lookupOf(store, now()));
  },

  'calendar.get': (input, { store, now }) => {
    const lk = lookupOf(store, now());
    const t = resolveTarget(store, lk, input);
    return { event: t.event, occurrence: toOccurrence(t.raw, lk) };
  },

  'calendar.create': (input, ctx) =>
    ctx.store.mutate((tx) => {
      const now = ctx.now();
      const lk = lookupOf(tx, now);
      const fields = fieldsFromForm(input, undefined, lk, now);
      checkFields(fields, undefined, lk, tx);
      if (!input.recurrence) checkHeld(fields, undefined, lk, now);
      const at = now.toISOString();
      const record: CalEvent = { ...fields, id: randomUUID(), createdAt: at, updatedAt: at, recurrence: null, overrides: [], splitFrom: null };
      if (input.recurrence) {
        record.recurrence = normalizeRecurrence(input.recurrence);
        checkExdates(record, checkSeries(record, lk.tz));
      }
      tx.put('events', record);
      return details(record, null, lk);
    }),

  'calendar.update': (input, ctx) =>
    writeEdit(
      ctx,
      (tx, lk) => resolveTarget(tx, lk, input),
      (t, lk, now) => {
        const next = withHistory(t.raw.fields, fieldsFromForm(input, t.raw.fields, lk, now), now);
        const recurrence = input.recurrence === undefined ? undefined : input.recurrence === null ? null : normalizeRecurrence(input.recurrence);
        return { next, recurrence: t.scope === 'this' && t.event.recurrence ? undefined : recurrence };
      },
    ),

  'calendar.move': (input, ctx) =>
    writeEdit(
      ctx,
      (tx, lk) => resolveTarget(tx, lk, input),
      (t, lk, now) => {
        const prev = t.raw.fields;
        const allDay = input.allDay ?? prev.allDay;
        // Calendar widgets give all-day ends as the day after (exclusive): make it the last day.
        let end = input.end !== undefined && allDay && input.exclusiveEnd ? addDays(input.end.slice(0, 10), -1) : input.end;
        if (end === undefined && allDay === prev.allDay) {
          // Keep the duration.
          const start = normalizeDates(allDay, input.start, undefined, lk.tz).start;
          end = allDay
            ? new Date(parseWall(start) + (parseWall(prev.end) - parseWall(prev.start))).toISOString().slice(0, 10)
            : new Date(Date.parse(start) + (Date.parse(prev.end) - Date.parse(prev.start))).toISOString();
        }
        const dates = normalizeDates(allDay, input.start, end, lk.tz);
        const next = withHistory(prev, { ...prev, allDay, ...dates }, now);
        const rec = t.event.recurrence;
        const days = Math.round((parseWall(dates.start.slice(0, 10)) - parseWall(prev.start.slice(0, 10))) / DAY);
        return { next, recurrence: rec && t.scope !== 'this' ? shiftWeekdays(rec, days) : undefined };
      },
    ),

  'calendar.setStatus': (input, ctx) =>
    writeEdit(
      ctx,
      (tx, lk) => {
        checkReason(input.status, input.reason, ['reason', 'Причина']);
        return resolveTarget(tx, lk, input);
      },
      (t, lk, now) => {
        const prev = t.raw.fields;
        let dates = { start: prev.start, end: prev.end };
        if (input.start !== undefined) {
          const labels = { start: ['start', 'Новое начало'], end: ['end', 'Новое окончание'] } as { start: [string, string]; end: [string, string] };
          let end = input.end;
          if (end === undefined) {
            const start = normalizeDates(prev.allDay, input.start, undefined, lk.tz, labels).start;
            end = prev.allDay
              ? new Date(parseWall(start) + (parseWall(prev.end) - parseWall(prev.start))).toISOString().slice(0, 10)
              : new Date(Date.parse(start) + (Date.parse(prev.end) - Date.parse(prev.start))).toISOString();
          }
          dates = normalizeDates(prev.allDay, input.start, end, lk.tz, labels);
        }
        const next = withHistory(prev, { ...prev, ...dates, status: input.status, statusReason: input.reason }, now, true);
        return { next };
      },
    ),

  'calendar.toggleCoverage': (input, ctx) =>
    writeEdit(
      ctx,
      (tx, lk) => {
        const t = resolveTarget(tx, lk, { ...input, scope: 'this' });
        if (t.event.recurrence && !t.key) throw fieldError('occurrence', 'Повторение', 'укажите, в каком повторении мероприятия отметить задачу');
        return t;
      },
      (t, _lk, now) => {
        const prev = t.raw.fields;
        if (!prev.coverage.some((c) => c.id === input.itemId)) throw fieldError('itemId', 'Задача освещения', 'такой задачи нет в чек-листе мероприятия');
        const coverage = prev.coverage.map((c) =>
          c.id !== input.itemId ? c : { ...c, done: input.done, doneAt: input.done ? (c.done ? c.doneAt : now.toISOString()) : null },
        );
        return { next: { ...prev, coverage } };
      },
    ),

  'calendar.delete': (input, ctx) =>
    ctx.store.mutate((tx) => {
      const now = ctx.now();
      const lk = lookupOf(tx, now);
      deleteTarget(tx, lk, now, resolveTarget(tx, lk, input));
      return { ok: true as const };
    }),

  'calendar.dictionaries.get': (_input, { store }) => withUsage(dictionariesOf(store), store.all('events')),

  'calendar.dictionaries.save': (input, ctx) =>
    ctx.store.mutate((tx) => {
      const saved: DictionariesFields = saveDictionaries(input, dictionariesOf(tx), tx.all('events'));
      tx.put('calendarDictionaries', { ...saved, id: 'calendar', updatedAt: ctx.now().toISOString() });
      return withUsage(saved, tx.all('events'));
    }),

  'calendar.exportPlan': async (q, { store, now }) => {
    checkRange(q.from, q.to);
    const lk = lookupOf(store, now());
    const list = listOccurrences(store.all('events'), q, lk).filter((o) => q.includeCancelled || o.status !== 'cancelled');
    return buildPlanDocx(list, q.from, q.to, store.get('settings', 'settings') ?? null);
  },

  'calendar.exportIcs': (q, { store, now }) => {
    if (q.from && q.to) checkRange(q.from, q.to);
    const lk = lookupOf(store, now());
    const org = store.get('settings', 'settings')?.organisation;
    return buildIcs(store.all('events'), lk, { ...q, name: org ? `Мероприятия: ${org.name}` : 'Мероприятия', now: now() });
  },
};
