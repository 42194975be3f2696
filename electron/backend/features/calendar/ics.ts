/**
 * The calendar as an .ics file (ical-generator) that phones import correctly:
 * timed events carry TZID=<organisation's zone> with a VTIMEZONE built from the zone's real offsets,
 * all-day events are dates, series keep their RRULE and EXDATE, cancelled occurrences are left out
 * (as EXDATE), and occurrences changed on their own follow as RECURRENCE-ID events.
 *
 * Dates are handed to ical-generator as Temporal-like objects whose fields already hold the
 * organisation's wall time, so nothing depends on the computer's zone.
 */
import ical, {
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalEventData,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import type { FileResult } from '../../api.js';
import { safeFileName } from '../../docx/gost.js';
import { shortName } from './fmt.js';
import { exdatesOf, expandRange, matchesFilters, occurrenceAt, rangeOf, type Lookup, type RawOccurrence } from './model.js';
import { allOccurrences, keyOf, rruleText } from './recurrence.js';
import { eventStatuses, type CalEvent, type CalendarQuery, type EventFieldsCore, type Override } from './schema.js';
import { DAY, addDays, formatOffset, instantToWall, offsetMinutes, parseWall, wallToInstant } from './time.js';

// ---- Temporal-like date objects ---------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function fieldsOfWall(wallMs: number) {
  const d = new Date(wallMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

function plainDate(date: string): ICalTemporalPlainDateStub & { toPlainDateTime(): ICalTemporalPlainDateTimeStub } {
  const wall = parseWall(date);
  const f = fieldsOfWall(wall);
  return { year: f.year, month: f.month, day: f.day, toJSON: () => date, toString: () => date, toPlainDateTime: () => plainDateTime(wall) };
}

function plainDateTime(wallMs: number): ICalTemporalPlainDateTimeStub {
  const f = fieldsOfWall(wallMs);
  const text = new Date(wallMs).toISOString().slice(0, 19);
  return {
    ...f,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => plainDate(text.slice(0, 10)),
    toZonedDateTime: (tz: string) => zoned(wallToInstant(wallMs, tz), tz),
  };
}

function instant(ms: number): ICalTemporalInstantStub {
  const text = new Date(ms).toISOString();
  return { epochMilliseconds: ms, toJSON: () => text, toString: () => text, toZonedDateTimeISO: (tz: string) => zoned(ms, tz) };
}

function zoned(ms: number, tz: string): ICalTemporalZonedDateTimeStub {
  const wall = instantToWall(ms, tz);
  const text = `${new Date(wall).toISOString().slice(0, 19)}${formatOffset(offsetMinutes(ms, tz))}[${tz}]`;
  return {
    ...fieldsOfWall(wall),
    timeZoneId: tz,
    toInstant: () => instant(ms),
    toPlainDateTime: () => plainDateTime(wall),
    withTimeZone: (other: string) => zoned(ms, other),
    toJSON: () => text,
    toString: () => text,
  };
}

// ---- VTIMEZONE ------------------------------------------------------------------------------------

const compactWall = (wallMs: number) => {
  const f = fieldsOfWall(wallMs);
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;
};
const icsOffset = (min: number) => formatOffset(min).replace(':', '');

/** Instants where the zone's offset changes between two instants (found by daily samples, then bisection). */
function transitions(tz: string, fromMs: number, toMs: number): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  let prev = offsetMinutes(fromMs, tz);
  for (let t = fromMs + DAY; t <= toMs; t += DAY) {
    const cur = offsetMinutes(t, tz);
    if (cur === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, tz) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: cur });
    prev = cur;
  }
  return out;
}

/** A VTIMEZONE with every offset change of the zone in the years the file covers. */
export function vtimezone(tz: string, fromYear: number, toYear: number): string {
  const fromMs = Date.UTC(fromYear - 1, 0, 1);
  const toMs = Date.UTC(toYear + 1, 11, 31);
  const changes = transitions(tz, fromMs, toMs);
  const first = changes[0]?.before ?? offsetMinutes(fromMs, tz);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`, `X-LIC-LOCATION:${tz}`];
  const component = (type: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number) =>
    lines.push(`BEGIN:${type}`, `TZOFFSETFROM:${icsOffset(from)}`, `TZOFFSETTO:${icsOffset(to)}`, `TZNAME:${icsOffset(to)}`, `DTSTART:${start}`, `END:${type}`);
  component('STANDARD', '19700101T000000', first, first);
  changes.forEach((c, i) => {
    const back = changes.slice(i + 1).find((n) => n.after === c.before && n.at - c.at < 300 * DAY);
    component(c.after > c.before && back ? 'DAYLIGHT' : 'STANDARD', compactWall(c.at + c.before * 60_000), c.before, c.after);
  });
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

// ---- events ----------------------------------------------------------------------------------

function description(x: EventFieldsCore, lk: Lookup): string {
  const lines = [`Вид: ${lk.kinds.get(x.kindId)?.name ?? x.kindId}`, `Статус: ${eventStatuses[x.status]}${x.statusReason ? ` (${x.statusReason})` : ''}`];
  if (x.officials.length) lines.push(`Участники: ${x.officials.map((p) => (p.position ? `${p.name}, ${p.position}` : p.name)).join('; ')}`);
  if (x.media.length) lines.push(`СМИ: ${x.media.map((m) => lk.outletName(m.outletId) ?? m.outletId).join('; ')}`);
  const responsible = lk.staff.get(x.responsibleId)?.name;
  if (responsible) lines.push(`Ответственный: ${shortName(responsible)}`);
  const project = lk.projects.get(x.projectId)?.name;
  if (project) lines.push(`Нацпроект / программа: ${project}`);
  if (x.notes.trim()) lines.push('', x.notes.trim());
  return lines.join('\n');
}

function eventData(uid: string, x: EventFieldsCore, e: CalEvent, lk: Lookup): ICalEventData {
  const data: ICalEventData = {
    id: uid,
    summary: x.title,
    description: description(x, lk),
    location: x.place || null,
    categories: [{ name: lk.kinds.get(x.kindId)?.name ?? x.kindId }],
    status: icsStatus(x.status) === 'TENTATIVE' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    stamp: new Date(e.updatedAt),
    created: new Date(e.createdAt),
    lastModified: new Date(e.updatedAt),
    sequence: x.history.length,
    start: '',
  };
  if (x.allDay) {
    data.allDay = true;
    data.start = plainDate(x.start);
    data.end = plainDate(addDays(x.end, 1)); // DTEND of an all-day event is exclusive
  } else {
    data.timezone = lk.tz;
    data.start = zoned(Date.parse(x.start), lk.tz);
    data.end = zoned(Date.parse(x.end), lk.tz);
  }
  return data;
}

/** Fields whose own value on an occurrence shows in a phone's calendar (done marks and statuses like «проведено» do not). */
const visibleFields = ['title', 'kindId', 'allDay', 'start', 'end', 'place', 'officials', 'media', 'responsibleId', 'projectId', 'notes'] as const;
const icsStatus = (s: EventFieldsCore['status']) => (s === 'planned' || s === 'postponed' ? 'TENTATIVE' : 'CONFIRMED');
function visibleInIcs(o: Override, e: CalEvent): boolean {
  return visibleFields.some((f) => o[f] !== undefined) || (o.status !== undefined && icsStatus(o.status) !== icsStatus(e.status));
}

const compactKey = (key: string) => key.replace(/[-:]/g, '') + (key.length > 10 ? '00' : '');

type Filters = Pick<CalendarQuery, 'kinds' | 'staff' | 'statuses' | 'projects' | 'tags' | 'query'>;

/** The .ics text for the events (all of them, or those touching from..to), filtered like the calendar. */
export function buildIcsText(events: CalEvent[], lk: Lookup, opts: Filters & { from?: string; to?: string; name: string }): string {
  const cal = ical({ name: opts.name, method: ICalCalendarMethod.PUBLISH, prodId: { company: 'Press Desk', product: 'Пресс-деск', language: 'RU' } });
  cal.timezone({ name: null, generator: () => null });
  cal.x('X-WR-TIMEZONE', lk.tz);
  const range = opts.from || opts.to ? rangeOf(opts.from ?? '1900-01-01', opts.to ?? '2999-12-31', lk.tz) : null;
  const wanted = (r: RawOccurrence) => r.fields.status !== 'cancelled' && matchesFilters(r, opts, lk);
  let minYear = Infinity;
  let maxYear = -Infinity;
  const seeYear = (s: string) => {
    minYear = Math.min(minYear, Number(s.slice(0, 4)));
    maxYear = Math.max(maxYear, Number(s.slice(0, 4)));
  };

  for (const e of events) {
    const uid = `${e.id}@press-desk`;
    if (!e.recurrence) {
      const r = occurrenceAt(e, null, lk.tz);
      if (!wanted(r) || (range && expandRange([e], range, lk.tz).length === 0)) continue;
      cal.createEvent(eventData(uid, r.fields, e, lk));
      seeYear(e.start);
      continue;
    }
    // A series: its base must pass the filters, and (with a range) one of its occurrences must fall in it.
    if (!wanted(occurrenceAt(e, null, lk.tz))) continue;
    if (range && !expandRange([e], range, lk.tz).some(wanted)) continue;
    const excluded = new Set(exdatesOf(e));
    const standalone: { uid: string; fields: EventFieldsCore }[] = [];
    const changed: { key: string; fields: EventFieldsCore }[] = [];
    for (const o of e.overrides) {
      if (excluded.has(o.key)) continue;
      const r = occurrenceAt(e, parseWall(o.key), lk.tz);
      if (!wanted(r)) excluded.add(o.key);
      else if (!visibleInIcs(o, e)) continue;
      else if (e.allDay) {
        // ical-generator writes RECURRENCE-ID only as date-time: an all-day occurrence with its own changes is excluded and written on its own.
        excluded.add(o.key);
        standalone.push({ uid: `${e.id}-${o.key}@press-desk`, fields: r.fields });
      } else changed.push({ key: o.key, fields: r.fields });
    }
    const rule = rruleText(e.recurrence, e.allDay, (wall) => wallToInstant(wall, lk.tz));
    const keys = [...excluded].sort();
    const exdate = keys.length === 0 ? '' : e.allDay ? `\nEXDATE;VALUE=DATE:${keys.map(compactKey).join(',')}` : `\nEXDATE;TZID=${lk.tz}:${keys.map(compactKey).join(',')}`;
    cal.createEvent({ ...eventData(uid, e, e, lk), repeating: `RRULE:${rule}${exdate}` });
    seeYear(e.start);
    const walls = allOccurrences(e, lk.tz);
    seeYear(keyOf(walls[walls.length - 1] ?? parseWall(e.start.slice(0, 10)), true));
    for (const c of changed) {
      cal.createEvent({ ...eventData(uid, c.fields, e, lk), recurrenceId: zoned(wallToInstant(parseWall(c.key), lk.tz), lk.tz) });
      seeYear(c.fields.start);
    }
    for (const s of standalone) cal.createEvent(eventData(s.uid, s.fields, e, lk));
  }
  if (Number.isFinite(minYear)) {
    const block = vtimezone(lk.tz, minYear, maxYear);
    cal.timezone({ name: null, generator: (tz) => (tz === lk.tz ? block : null) });
  }
  return cal.toString();
}

export function buildIcs(events: CalEvent[], lk: Lookup, opts: Filters & { from?: string; to?: string; name: string; now: Date }): FileResult {
  const text = buildIcsText(events, lk, opts);
  return {
    kind: 'file',
    name: safeFileName(`Календарь мероприятий ${keyOf(instantToWall(opts.now.getTime(), lk.tz), true)}`, 'ics'),
    mime: 'text/calendar; charset=utf-8',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
