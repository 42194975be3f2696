/**
 * What releases read from other features: staff from the settings, and calendar events. The
 * calendar is a separate feature; its `events` collection is read through the store only, when
 * it exists, and defensively (a release never depends on the calendar being there).
 */
import type { AppStore } from '../../collections.js';
import type { Ctx } from '../../context.js';
import { fieldError } from '../../errors.js';
import { defaultDictionaries } from '../calendar/schema.js';
import type { StaffMember } from '../settings/schema.js';
import { toZonedIso } from './time.js';

export const staffOf = (store: AppStore): StaffMember[] => store.get('settings', 'settings')?.staff ?? [];

export function staffName(store: AppStore, id: string | null | undefined): string {
  if (!id) return '';
  return staffOf(store).find((s) => s.id === id)?.name ?? id;
}

/** The «who» of a step must be a staff member from Настройки → Сотрудники. */
export function requireStaff(ctx: Pick<Ctx, 'store'>, id: string | undefined, field = 'by', label = 'Сотрудник'): string | null {
  if (id === undefined) return null;
  const staff = staffOf(ctx.store);
  if (staff.length === 0) throw fieldError(field, label, 'в настройках нет сотрудников: добавьте их в разделе «Настройки → Сотрудники»');
  if (!staff.some((s) => s.id === id)) throw fieldError(field, label, `сотрудник «${id}» не найден в настройках`);
  return id;
}

type Loose = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function collection(store: AppStore, name: string): Loose[] | null {
  if (!Object.prototype.hasOwnProperty.call(store.defs, name)) return null;
  return (store as unknown as { all(c: string): Loose[] }).all(name);
}
function record(store: AppStore, name: string, id: string): Loose | undefined {
  if (!Object.prototype.hasOwnProperty.call(store.defs, name)) return undefined;
  return (store as unknown as { get(c: string, id: string): Loose | undefined }).get(name, id);
}

export const hasEvents = (store: AppStore) => collection(store, 'events') !== null;

export interface EventFacts {
  id: string;
  title: string;
  /** ISO with the organisation's offset, or YYYY-MM-DD for an all-day event. */
  start: string;
  allDay: boolean;
  place: string;
  participants: { name: string; position: string }[];
  nationalProject: string;
  tags: string[];
}

/**
 * A calendar event (or one occurrence: «<eventId>/<2026-06-08T10:00>») in the terms a release
 * needs; null when there is no calendar or no such event.
 */
export function findEvent(store: AppStore, uid: string, tz: string): EventFacts | null {
  const [eventId, occurrence] = uid.split('/') as [string, string | undefined];
  const e = record(store, 'events', eventId);
  if (!e) return null;
  // The calendar's lists as saved, else its defaults (a fresh folder has no saved lists yet).
  const dict = (record(store, 'calendarDictionaries', 'calendar') ?? defaultDictionaries) as { projects?: Loose[]; tags?: Loose[] };
  const nameIn = (list: Loose[] | undefined, id: string) => str(list?.find((x) => x.id === id)?.name) || '';
  const allDay = e.allDay === true;
  let start = str(e.start ?? e.startsAt ?? e.date);
  if (occurrence) start = allDay ? occurrence.slice(0, 10) : toZonedIso(occurrence, tz);
  const people = Array.isArray(e.officials) ? e.officials : Array.isArray(e.participants) ? e.participants : [];
  return {
    id: uid,
    title: str(e.title ?? e.name),
    start,
    allDay,
    place: str(e.place ?? e.location),
    participants: (people as unknown[])
      .map((p) => (typeof p === 'string' ? { name: p, position: '' } : { name: str((p as Loose).name), position: str((p as Loose).position) }))
      .filter((p) => p.name),
    nationalProject: nameIn(dict.projects, str(e.projectId)),
    tags: Array.isArray(e.tags) ? (e.tags as unknown[]).map((t) => nameIn(dict.tags, str(t)) || '').filter(Boolean) : [],
  };
}

/** Single (not recurring) events to tie demo releases to. */
export function allEvents(store: AppStore): { id: string; title: string; start: string; kindId: string; status: string }[] {
  return (collection(store, 'events') ?? [])
    .filter((e) => !e.recurrence)
    .map((e) => ({ id: str(e.id), title: str(e.title), start: str(e.start), kindId: str(e.kindId), status: str(e.status) }));
}

/** An event id on a release must exist when the calendar does (an event deleted later is shown as gone). */
export function checkEventLink(store: AppStore, eventId: string | null | undefined): void {
  if (!eventId || !hasEvents(store)) return;
  if (!record(store, 'events', eventId.split('/')[0]!)) throw fieldError('eventId', 'Мероприятие', 'мероприятие не найдено в календаре (возможно, оно удалено)');
}

/** A direct line id on a release must exist when this folder keeps direct lines (they are deleted only with a confirmation). */
export function checkDirectLineLink(store: AppStore, directLineId: string | null | undefined): void {
  if (!directLineId || !Object.prototype.hasOwnProperty.call(store.defs, 'directLines')) return;
  if (!record(store, 'directLines', directLineId)) throw fieldError('directLineId', 'Прямая линия', 'прямая линия не найдена (возможно, она удалена)');
}
