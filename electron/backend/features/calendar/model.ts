/**
 * From stored events to occurrences: merging a series' per-occurrence changes, expanding a date
 * range (month / week / agenda), filters, and the labels the screens show.
 */
import type { AppStore } from '../../collections.js';
import { normalizeForSearch } from '../../format.js';
import type { StaffMember } from '../settings/schema.js';
import { shortName, timeText, whenText } from './fmt.js';
import { describeRecurrence, keyOf, occurrencesBetween } from './recurrence.js';
import {
  accreditationStatuses,
  defaultDictionaries,
  eventStatuses,
  type CalEvent,
  type CalendarQuery,
  type CoverageKindEntry,
  type CoverageTask,
  type DictEntry,
  type DictionariesFields,
  type EventFieldsCore,
  type KindEntry,
  type Occurrence,
  type Override,
} from './schema.js';
import { DAY, addDays, daysBetween, instantToWall, isoInZone, localOf, parseWall, wallToInstant } from './time.js';

export const DEFAULT_TZ = 'Europe/Moscow';

/** Everything needed to label occurrences, read once per call. */
export interface Lookup {
  tz: string;
  /** Today in the organisation's zone (YYYY-MM-DD). */
  today: string;
  dict: DictionariesFields;
  kinds: Map<string, KindEntry>;
  projects: Map<string, DictEntry>;
  tags: Map<string, DictEntry>;
  coverageKinds: Map<string, CoverageKindEntry>;
  staff: Map<string, StaffMember>;
  /** «Петров А.С.» by staff id. */
  staffShort: Map<string, string>;
  outletName(id: string): string | undefined;
}

export function dictionariesOf(store: Pick<AppStore, 'get'>): DictionariesFields {
  const saved = store.get('calendarDictionaries', 'calendar');
  if (!saved) return defaultDictionaries;
  const { kinds, projects, tags, coverage } = saved;
  return { kinds, projects, tags, coverage };
}

export const orgTimeZone = (store: Pick<AppStore, 'get'>) => store.get('settings', 'settings')?.organisation.timeZone ?? DEFAULT_TZ;

export function lookupOf(store: Pick<AppStore, 'get'>, now: Date, dict = dictionariesOf(store)): Lookup {
  const tz = orgTimeZone(store);
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
  const staff = store.get('settings', 'settings')?.staff ?? [];
  return {
    tz,
    today: localOf(now.getTime(), tz).slice(0, 10),
    dict,
    kinds: byId(dict.kinds),
    projects: byId(dict.projects),
    tags: byId(dict.tags),
    coverageKinds: byId(dict.coverage),
    staff: byId(staff),
    staffShort: new Map(staff.map((s) => [s.id, shortName(s.name)])),
    outletName: (id) => store.get('outlets', id)?.name,
  };
}

// ---- one occurrence -------------------------------------------------------------------------

/** An occurrence before labels: the merged fields and where it came from. */
export interface RawOccurrence {
  event: CalEvent;
  key: string | null;
  override: Override | undefined;
  fields: EventFieldsCore;
  /** Regular start (ISO or date) of a series occurrence: where it would be without being moved. */
  regularStart: string;
  regularEnd: string;
  startMs: number;
  endMs: number;
}

const overrideIndex = new WeakMap<CalEvent, Map<string, Override>>();
export function overridesOf(e: CalEvent): Map<string, Override> {
  let map = overrideIndex.get(e);
  if (!map) {
    map = new Map(e.overrides.map((o) => [o.key, o]));
    overrideIndex.set(e, map);
  }
  return map;
}

const exdateIndex = new WeakMap<CalEvent, Set<string>>();
export function exdatesOf(e: CalEvent): Set<string> {
  let set = exdateIndex.get(e);
  if (!set) {
    set = new Set(e.recurrence?.exdates ?? []);
    exdateIndex.set(e, set);
  }
  return set;
}

/** Instants (ms) an event or occurrence covers; an all-day one covers its days in the organisation's zone. */
export function spanOf(f: Pick<EventFieldsCore, 'allDay' | 'start' | 'end'>, tz: string): { startMs: number; endMs: number } {
  if (f.allDay) return { startMs: wallToInstant(parseWall(f.start), tz), endMs: wallToInstant(parseWall(f.end) + DAY, tz) };
  return { startMs: Date.parse(f.start), endMs: Date.parse(f.end) };
}

/** The fields an occurrence has, without the record's own (id, rule, overrides …). */
export function coreOf(e: CalEvent): EventFieldsCore {
  return {
    title: e.title,
    kindId: e.kindId,
    allDay: e.allDay,
    start: e.start,
    end: e.end,
    place: e.place,
    responsibleId: e.responsibleId,
    officials: e.officials,
    media: e.media,
    tags: e.tags,
    projectId: e.projectId,
    status: e.status,
    statusReason: e.statusReason,
    coverage: e.coverage,
    notes: e.notes,
    releaseIds: e.releaseIds,
    history: e.history,
  };
}

/** The regular start and end of the occurrence of a series that starts at floating `wall`. */
export function regularDates(e: CalEvent, wall: number, tz: string): { start: string; end: string } {
  if (e.allDay) {
    const start = keyOf(wall, true);
    return { start, end: addDays(start, daysBetween(e.start, e.end)) };
  }
  const startMs = wallToInstant(wall, tz);
  return { start: isoInZone(startMs, tz), end: isoInZone(startMs + (Date.parse(e.end) - Date.parse(e.start)), tz) };
}

/**
 * A single event; the occurrence of a series at floating `wall` with its own changes merged in;
 * or, with `wall` null, a series as such (its own fields, no occurrence).
 */
export function occurrenceAt(e: CalEvent, wall: number | null, tz: string): RawOccurrence {
  const core = coreOf(e);
  if (!e.recurrence || wall === null) return { event: e, key: null, override: undefined, fields: core, regularStart: e.start, regularEnd: e.end, ...spanOf(core, tz) };
  const key = keyOf(wall, e.allDay);
  const regular = regularDates(e, wall, tz);
  const override = overridesOf(e).get(key);
  const fields: EventFieldsCore = { ...core, ...regular };
  if (override) for (const [k, v] of Object.entries(override)) if (k !== 'key' && v !== undefined) (fields as Record<string, unknown>)[k] = v;
  return { event: e, key, override, fields, regularStart: regular.start, regularEnd: regular.end, ...spanOf(fields, tz) };
}

// ---- ranges ------------------------------------------------------------------------------------

export interface Range {
  from: string;
  to: string;
  fromMs: number;
  toMs: number;
}
export function rangeOf(from: string, to: string, tz: string): Range {
  return { from, to, fromMs: wallToInstant(parseWall(from), tz), toMs: wallToInstant(parseWall(to) + DAY, tz) };
}

const overlaps = (o: { startMs: number; endMs: number }, r: Range) =>
  o.startMs < r.toMs && (o.endMs > r.fromMs || (o.endMs === o.startMs && o.startMs >= r.fromMs));

const spanCache = new WeakMap<CalEvent, { tz: string; startMs: number; endMs: number }>();
function cachedSpan(e: CalEvent, tz: string) {
  let s = spanCache.get(e);
  if (!s || s.tz !== tz) {
    s = { tz, ...spanOf(e, tz) };
    spanCache.set(e, s);
  }
  return s;
}

/** Every occurrence (cancelled ones too) that overlaps the range. */
export function expandRange(events: Iterable<CalEvent>, range: Range, tz: string): RawOccurrence[] {
  const out: RawOccurrence[] = [];
  for (const e of events) {
    if (!e.recurrence) {
      if (overlaps(cachedSpan(e, tz), range)) out.push(occurrenceAt(e, null, tz));
      continue;
    }
    const span = cachedSpan(e, tz);
    const duration = span.endMs - span.startMs;
    const fromWall = instantToWall(range.fromMs, tz) - duration - DAY;
    const toWall = instantToWall(range.toMs, tz) + DAY;
    const exdates = exdatesOf(e);
    const overrides = overridesOf(e);
    const seen = new Set<string>();
    for (const wall of occurrencesBetween(e, tz, fromWall, toWall)) {
      const key = keyOf(wall, e.allDay);
      seen.add(key);
      if (exdates.has(key)) continue;
      const occ = occurrenceAt(e, wall, tz);
      if (overlaps(occ, range)) out.push(occ);
    }
    // Occurrences moved into the range from outside the window looked at above.
    for (const o of overrides.values()) {
      if (o.start === undefined || seen.has(o.key) || exdates.has(o.key)) continue;
      const occ = occurrenceAt(e, parseWall(o.key), tz);
      if (overlaps(occ, range)) out.push(occ);
    }
  }
  return out;
}

// ---- filters and labels --------------------------------------------------------------------------

type Filters = Pick<CalendarQuery, 'kinds' | 'staff' | 'statuses' | 'projects' | 'tags' | 'query'>;

export function matchesFilters(o: RawOccurrence, f: Filters, lk: Lookup): boolean {
  const x = o.fields;
  if (f.kinds.length && !f.kinds.includes(x.kindId)) return false;
  if (f.statuses.length && !f.statuses.includes(x.status)) return false;
  if (f.projects.length && !f.projects.includes(x.projectId)) return false;
  if (f.tags.length && !x.tags.some((t) => f.tags.includes(t))) return false;
  if (f.staff.length && !f.staff.includes(x.responsibleId) && !x.coverage.some((c) => f.staff.includes(c.assigneeId))) return false;
  if (f.query.trim()) {
    const words = normalizeForSearch(f.query).split(' ');
    const hay = searchText(x, lk);
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

export function searchText(x: Pick<EventFieldsCore, 'title' | 'place' | 'notes' | 'officials' | 'tags' | 'kindId' | 'projectId'>, lk: Lookup): string {
  return normalizeForSearch(
    [
      x.title,
      x.place,
      x.notes,
      ...x.officials.map((p) => `${p.name} ${p.position}`),
      ...x.tags.map((t) => lk.tags.get(t)?.name ?? ''),
      lk.kinds.get(x.kindId)?.name ?? '',
      lk.projects.get(x.projectId)?.name ?? '',
    ].join(' '),
  );
}

export function coverageTasks(x: EventFieldsCore, startDate: string, lk: Lookup): CoverageTask[] {
  return x.coverage.map((c) => {
    const due = addDays(startDate, c.offsetDays);
    return {
      id: c.id,
      kindId: c.kindId,
      assigneeId: c.assigneeId,
      offsetDays: c.offsetDays,
      done: c.done,
      doneAt: c.doneAt,
      note: c.note,
      name: lk.coverageKinds.get(c.kindId)?.name ?? c.kindId,
      due,
      overdue: !c.done && due < lk.today,
      assigneeName: c.assigneeId ? (lk.staffShort.get(c.assigneeId) ?? c.assigneeId) : '',
    };
  });
}

export function toOccurrence(o: RawOccurrence, lk: Lookup): Occurrence {
  const x = o.fields;
  const e = o.event;
  const localStart = x.allDay ? x.start : localOf(o.startMs, lk.tz);
  const localEnd = x.allDay ? x.end : localOf(o.endMs, lk.tz);
  const coverage = coverageTasks(x, localStart.slice(0, 10), lk);
  const kind = lk.kinds.get(x.kindId);
  const moved = !!o.override && o.override.start !== undefined && (o.override.start !== o.regularStart || o.override.end !== o.regularEnd);
  return {
    uid: o.key ? `${e.id}/${o.key}` : e.id,
    eventId: e.id,
    occurrenceKey: o.key,
    recurring: !!e.recurrence,
    overridden: !!o.override,
    moved,
    title: x.title,
    kindId: x.kindId,
    allDay: x.allDay,
    start: x.start,
    end: x.end,
    localStart,
    localEnd,
    endExclusive: x.allDay ? addDays(x.end, 1) : localEnd,
    place: x.place,
    responsibleId: x.responsibleId,
    officials: x.officials,
    media: x.media.map((m) => ({
      outletId: m.outletId,
      accreditation: m.accreditation,
      note: m.note,
      outletName: lk.outletName(m.outletId) ?? '(удалённое СМИ)',
      accreditationLabel: accreditationStatuses[m.accreditation],
    })),
    tags: x.tags,
    projectId: x.projectId,
    status: x.status,
    statusReason: x.statusReason,
    coverage,
    coverageDone: coverage.filter((c) => c.done).length,
    coverageTotal: coverage.length,
    coverageOverdue: x.status === 'cancelled' ? 0 : coverage.filter((c) => c.overdue).length,
    notes: x.notes,
    releaseIds: x.releaseIds,
    history: x.history,
    recurrence: e.recurrence,
    recurrenceText: recurrenceTextOf(e),
    labels: {
      kind: kind?.name ?? x.kindId,
      color: kind?.color ?? '#7f8c8d',
      status: eventStatuses[x.status],
      responsible: x.responsibleId ? (lk.staff.get(x.responsibleId)?.name ?? x.responsibleId) : '',
      project: x.projectId ? (lk.projects.get(x.projectId)?.name ?? x.projectId) : '',
      tags: x.tags.map((t) => lk.tags.get(t)?.name ?? t),
      when: whenText(x.allDay, localStart, localEnd),
      time: timeText(x.allDay, localStart, localEnd),
    },
  };
}

const collator = new Intl.Collator('ru');
const recurrenceTexts = new WeakMap<CalEvent, string>();
function recurrenceTextOf(e: CalEvent): string {
  let text = recurrenceTexts.get(e);
  if (text === undefined) {
    text = e.recurrence ? describeRecurrence(e.recurrence) : '';
    recurrenceTexts.set(e, text);
  }
  return text;
}

/** Sorted occurrences for a range with filters: what calendar.list returns. */
export function listOccurrences(events: Iterable<CalEvent>, q: Filters & { from: string; to: string }, lk: Lookup): Occurrence[] {
  const raw = expandRange(events, rangeOf(q.from, q.to, lk.tz), lk.tz).filter((o) => matchesFilters(o, q, lk));
  const list = raw.map((o) => toOccurrence(o, lk));
  return list.sort((a, b) => (a.localStart < b.localStart ? -1 : a.localStart > b.localStart ? 1 : collator.compare(a.title, b.title)));
}
