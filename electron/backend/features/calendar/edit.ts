/**
 * Changing events: one occurrence of a series ("this"), the series from an occurrence on ("following",
 * by splitting it in two), or the whole series ("all"). Every function here runs inside Store.mutate and
 * throws before putting anything when a rule fails.
 */
import { randomUUID } from 'node:crypto';
import type { Collections } from '../../collections.js';
import { fieldError, notFound } from '../../errors.js';
import type { Tx } from '../../store/store.js';
import { coreOf, occurrenceAt, overridesOf, exdatesOf, regularDates, type Lookup, type RawOccurrence } from './model.js';
import { allOccurrences, checkSeries, isOccurrence, keyOf, startWallOf } from './recurrence.js';
import {
  occurrenceFieldNames,
  type CalEvent,
  type CoverageItem,
  type EditScope,
  type EventFieldsCore,
  type HistoryEntry,
  type Override,
  type Recurrence,
} from './schema.js';
import { addDays, daysBetween, instantToWall, isoInZone, parseWall, wallToInstant } from './time.js';

export type CalTx = Tx<Collections>;
export type Reader = { get: CalTx['get'] };

export interface Target {
  event: CalEvent;
  /** The occurrence named (series only). */
  key: string | null;
  scope: EditScope;
  /** What the user saw: the occurrence with its own changes merged in. */
  raw: RawOccurrence;
}

/** Accepts an event id or an occurrence uid ("<eventId>/<key>"), and finds what it points at. */
export function resolveTarget(
  db: Reader,
  lk: Lookup,
  input: { id: string; occurrence?: string; scope?: EditScope },
  defaultScope: EditScope = 'this',
): Target {
  const slash = input.id.indexOf('/');
  const id = slash < 0 ? input.id : input.id.slice(0, slash);
  const fromUid = slash < 0 ? undefined : input.id.slice(slash + 1);
  if (fromUid && input.occurrence && fromUid !== input.occurrence)
    throw fieldError('occurrence', 'Повторение', 'не совпадает с повторением, указанным в идентификаторе');
  const key = input.occurrence ?? fromUid;
  const event = db.get('events', id);
  if (!event) throw notFound('Мероприятие не найдено');
  if (!event.recurrence) return { event, key: null, scope: 'all', raw: occurrenceAt(event, null, lk.tz) };
  if (!key) {
    if (input.scope === 'this' || input.scope === 'following')
      throw fieldError('occurrence', 'Повторение', 'укажите, какое повторение мероприятия изменить');
    return { event, key: null, scope: 'all', raw: occurrenceAt(event, null, lk.tz) };
  }
  if (!isOccurrence(event, lk.tz, key) || exdatesOf(event).has(key)) throw notFound('Такого повторения у мероприятия нет');
  return { event, key, scope: input.scope ?? defaultScope, raw: occurrenceAt(event, parseWall(key), lk.tz) };
}

// ---- comparing and diffing -----------------------------------------------------------------------

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => deepEqual(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}


const nonDateFields = occurrenceFieldNames.filter((f) => f !== 'start' && f !== 'end');
/** Fields a series-wide edit takes over from the occurrence edited, for every occurrence. */
const contentFields = nonDateFields.filter((f) => !['status', 'statusReason', 'coverage', 'history'].includes(f));

/** What an occurrence holds beyond its series: the fields that differ, and its dates when moved. */
function diffOverride(key: string, x: EventFieldsCore, base: EventFieldsCore, regular: { start: string; end: string }): Override | null {
  const o: Record<string, unknown> = { key };
  for (const f of nonDateFields) if (!deepEqual(x[f], base[f])) o[f] = x[f];
  if (x.start !== regular.start || x.end !== regular.end || o.allDay !== undefined) {
    o.start = x.start;
    o.end = x.end;
  }
  return Object.keys(o).length > 1 ? (o as Override) : null;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Wall-clock start (floating ms) of an occurrence's fields. */
const wallOf = (x: Pick<EventFieldsCore, 'start' | 'allDay'>, tz: string) => startWallOf(x, tz);

const sameRule = (a: Recurrence, b: Recurrence) => deepEqual({ ...a, exdates: [] }, { ...b, exdates: [] });

/** Adds a line to the history when the status or the start changes (or always, for an explicit status change). */
export function withHistory(prev: EventFieldsCore, next: EventFieldsCore, now: Date, force = false): EventFieldsCore {
  if (!force && prev.status === next.status && prev.start === next.start) return next;
  const entry: HistoryEntry = {
    at: now.toISOString(),
    status: next.status,
    reason: prev.status !== next.status || force || next.status === 'postponed' ? next.statusReason : '',
    fromStart: prev.start,
    fromEnd: prev.end,
    toStart: next.start,
    toEnd: next.end,
  };
  return { ...next, history: [...next.history, entry] };
}

// ---- applying an edit --------------------------------------------------------------------------

export interface EditResult {
  /** The record that now holds the edited occurrence. */
  event: CalEvent;
  /** Its regular floating start when it is a series occurrence, else null. */
  wall: number | null;
}

/**
 * Applies `next` (the occurrence's complete new fields, already validated) to the target with its scope.
 * `recurrence`: undefined keeps the rule, null stops repeating, a rule replaces it (ignored for "this").
 */
export function applyEdit(tx: CalTx, lk: Lookup, now: Date, t: Target, next: EventFieldsCore, recurrence?: Recurrence | null): EditResult {
  const at = now.toISOString();
  const e = t.event;
  if (!e.recurrence) {
    const record: CalEvent = { ...e, ...next, recurrence: recurrence ?? null, overrides: [], updatedAt: at };
    if (record.recurrence) checkExdates(record, checkSeries(record, lk.tz));
    tx.put('events', record);
    return { event: record, wall: record.recurrence ? startWallOf(record, lk.tz) : null };
  }
  const key = t.key ?? '';
  if (t.scope === 'this' && t.key) {
    const regular = regularDates(e, parseWall(key), lk.tz);
    const o = diffOverride(key, next, coreOf(e), regular);
    const overrides = e.overrides.filter((x) => x.key !== key);
    if (o) overrides.push(o);
    const record: CalEvent = { ...e, overrides: overrides.sort(byKey), updatedAt: at };
    tx.put('events', record);
    return { event: record, wall: parseWall(key) };
  }
  if (t.scope === 'following' && t.key) {
    const kWall = parseWall(key);
    const before = allOccurrences(e, lk.tz).filter((w) => w < kWall);
    if (before.length > 0) {
      const rec = e.recurrence;
      const head: CalEvent = {
        ...e,
        recurrence: { ...rec, until: keyOf(before[before.length - 1]!, true), count: null, exdates: rec.exdates.filter((k) => k < key) },
        overrides: e.overrides.filter((o) => o.key < key),
        updatedAt: at,
      };
      const regularK = regularDates(e, kWall, lk.tz);
      const tailRule: Recurrence = { ...rec, count: rec.count ? rec.count - before.length : null, exdates: rec.exdates.filter((k) => k >= key) };
      const tail: CalEvent = {
        ...e,
        id: randomUUID(),
        createdAt: at,
        start: regularK.start,
        end: regularK.end,
        recurrence: tailRule,
        overrides: e.overrides.filter((o) => o.key >= key),
        splitFrom: e.id,
      };
      const rule = recurrence === undefined ? undefined : recurrence && sameRule(recurrence, rec) ? tailRule : recurrence;
      const result = rebase(tail, occurrenceAt(tail, kWall, lk.tz), key, next, rule, lk, at);
      tx.put('events', head);
      tx.put('events', result.event);
      return result;
    }
  }
  const result = rebase(e, t.raw, t.key, next, recurrence, lk, at);
  tx.put('events', result.event);
  return result;
}

/**
 * "All occurrences": the fields the user changed in the form go to the series (and are dropped from
 * every occurrence's own changes); a change of the start shifts the whole series, its exceptions and
 * moved occurrences by the same amount. `key`: the occurrence the form showed, or null when the form
 * showed the series itself.
 */
function rebase(
  e: CalEvent,
  shown: RawOccurrence,
  key: string | null,
  next: EventFieldsCore,
  recurrence: Recurrence | null | undefined,
  lk: Lookup,
  at: string,
): EditResult {
  const tz = lk.tz;
  const rule = recurrence === undefined ? e.recurrence : recurrence;
  if (!rule) {
    const record: CalEvent = { ...e, ...next, recurrence: null, overrides: [], updatedAt: at };
    return { event: record, wall: null };
  }
  const delta = wallOf(next, tz) - wallOf(shown.fields, tz);
  // What the user changed in the form goes to the series. Content fields changed for the whole series also
  // replace the occurrences' own values; their own status, history and done marks are theirs and stay.
  const changed = contentFields.filter((f) => !deepEqual(next[f], shown.fields[f]));
  const base: EventFieldsCore = { ...coreOf(e), history: next.history };
  for (const f of changed) (base as Record<string, unknown>)[f] = next[f];
  if (next.status !== shown.fields.status || next.statusReason !== shown.fields.statusReason) {
    base.status = next.status;
    base.statusReason = next.statusReason;
  }
  const coverageChanged = !deepEqual(next.coverage, shown.fields.coverage);
  if (coverageChanged) {
    // The series' checklist is a template: the done marks stay with each occurrence.
    const template = new Map(e.coverage.map((c) => [c.id, c]));
    base.coverage = next.coverage.map((c) => ({ ...c, done: template.get(c.id)?.done ?? false, doneAt: template.get(c.id)?.doneAt ?? null }));
  }
  const mergeCoverage = (own: CoverageItem[]) => {
    const marks = new Map(own.map((c) => [c.id, c]));
    return base.coverage.map((c) => (marks.has(c.id) ? { ...c, done: marks.get(c.id)!.done, doneAt: marks.get(c.id)!.doneAt } : c));
  };
  const flipped = base.allDay !== e.allDay;

  // The series' own dates: shifted by delta; its duration changes only if the user changed the occurrence's.
  const baseWall = startWallOf(e, tz) + delta;
  if (base.allDay) {
    const days = daysBetween(next.start, next.end) !== daysBetween(shown.fields.start, shown.fields.end) || flipped ? daysBetween(next.start, next.end) : daysBetween(e.start, e.end);
    base.start = keyOf(baseWall, true);
    base.end = addDays(base.start, days);
  } else {
    const shownDur = Date.parse(shown.fields.end) - Date.parse(shown.fields.start);
    const nextDur = Date.parse(next.end) - Date.parse(next.start);
    const dur = nextDur !== shownDur || flipped ? nextDur : Date.parse(e.end) - Date.parse(e.start);
    const startMs = wallToInstant(baseWall, tz);
    base.start = isoInZone(startMs, tz);
    base.end = isoInZone(startMs + dur, tz);
  }

  const remap = (k: string) => keyOf(parseWall(k) + delta, base.allDay);
  const shiftIso = (s: string, allDay: boolean) =>
    allDay ? keyOf(parseWall(s) + delta, true) : isoInZone(wallToInstant(instantToWall(Date.parse(s), tz) + delta, tz), tz);
  const overrides: Override[] = [];
  for (const o of e.overrides) {
    if (o.key === key) continue;
    const copy: Record<string, unknown> = { ...o, key: remap(o.key) };
    for (const f of changed) delete copy[f];
    if (coverageChanged && o.coverage) {
      const merged = mergeCoverage(o.coverage);
      if (deepEqual(merged, base.coverage)) delete copy.coverage;
      else copy.coverage = merged;
    }
    if (flipped) {
      delete copy.start;
      delete copy.end;
      delete copy.allDay;
    } else if (o.start !== undefined && o.end !== undefined) {
      const allDay = o.allDay ?? e.allDay;
      copy.start = shiftIso(o.start, allDay);
      copy.end = shiftIso(o.end, allDay);
    }
    if (Object.keys(copy).length > 1) overrides.push(copy as Override);
  }
  const record: CalEvent = {
    ...e,
    ...base,
    recurrence: { ...rule, exdates: rule.exdates.map(remap) },
    overrides,
    updatedAt: at,
  };
  const occurrences = new Set(checkSeries(record, tz).map((w) => keyOf(w, record.allDay)));
  const newKey = key === null ? null : remap(key);
  if (key !== null && newKey !== null && occurrences.has(newKey)) {
    const previous = overridesOf(e).get(key);
    const shownOwn = { ...next, history: previous?.history ?? base.history };
    const own = diffOverride(newKey, shownOwn, coreOf(record), regularDates(record, parseWall(newKey), tz));
    if (own) overrides.push(own);
  }
  // Exceptions and own changes of occurrences the new rule no longer has are dropped.
  record.overrides = overrides.filter((o) => occurrences.has(o.key)).sort(byKey);
  record.recurrence = { ...record.recurrence!, exdates: [...new Set(record.recurrence!.exdates.filter((k) => occurrences.has(k)))].sort() };
  return { event: record, wall: newKey !== null && occurrences.has(newKey) ? parseWall(newKey) : null };
}

/** Every exception must be an occurrence of the series. */
export function checkExdates(e: CalEvent, walls: number[]): void {
  const keys = new Set(walls.map((w) => keyOf(w, e.allDay)));
  e.recurrence!.exdates.forEach((k, i) => {
    if (!keys.has(k)) throw fieldError(`recurrence.exdates.${i}`, `Исключённая дата № ${i + 1}`, `в серии нет повторения ${k}`);
  });
}

/** Removes one occurrence (an exception), the following ones (the series ends before), or the whole event. */
export function deleteTarget(tx: CalTx, lk: Lookup, now: Date, t: Target): void {
  const e = t.event;
  if (!e.recurrence || t.scope === 'all' || !t.key) {
    tx.del('events', e.id);
    return;
  }
  const key = t.key;
  const walls = allOccurrences(e, lk.tz);
  if (t.scope === 'following') {
    const before = walls.filter((w) => w < parseWall(key));
    if (before.length === 0) return tx.del('events', e.id);
    tx.put('events', {
      ...e,
      recurrence: { ...e.recurrence, until: keyOf(before[before.length - 1]!, true), count: null, exdates: e.recurrence.exdates.filter((k) => k < key) },
      overrides: e.overrides.filter((o) => o.key < key),
      updatedAt: now.toISOString(),
    });
    return;
  }
  const exdates = [...new Set([...e.recurrence.exdates, key])].sort();
  const left = walls.filter((w) => !exdates.includes(keyOf(w, e.allDay)));
  if (left.length === 0) return tx.del('events', e.id);
  tx.put('events', { ...e, recurrence: { ...e.recurrence, exdates }, overrides: e.overrides.filter((o) => o.key !== key), updatedAt: now.toISOString() });
}

export { overridesOf };
