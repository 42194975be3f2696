/**
 * Rules the schema alone cannot check: dates in the organisation's zone, end after start, a reason to
 * cancel or postpone, and references (staff, outlets, dictionaries). Each failure names its field;
 * everything here runs inside the write before anything is put, so a failure writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import { fieldError } from '../../errors.js';
import type { Lookup } from './model.js';
import { statusesWithReason, type CoverageItem, type EventFieldsCore, type EventInput } from './schema.js';
import { DATE_RE, DAY, LOCAL_RE, OFFSET_RE, dateOf, isoInZone, parseInstant, parseWall } from './time.js';

export interface DateLabels {
  start: [field: string, label: string];
  end: [field: string, label: string];
}
const defaultLabels: DateLabels = { start: ['start', 'Начало'], end: ['end', 'Окончание'] };

const HOUR = 3_600_000;
/** The longest single event (longer ones are not media events but periods). */
const MAX_DAYS = 366;

function toDate(s: string, tz: string, [field, label]: [string, string]): string {
  if (DATE_RE.test(s)) {
    if (!Number.isFinite(parseWall(s))) throw fieldError(field, label, 'такой даты нет в календаре');
    return s;
  }
  const ms = parseInstant(s, tz);
  if (!Number.isFinite(ms)) throw fieldError(field, label, 'такой даты или времени нет в календаре');
  return dateOf(ms, tz);
}

function toInstant(s: string, tz: string, [field, label]: [string, string]): number {
  if (DATE_RE.test(s)) throw fieldError(field, label, 'укажите время (пример: 2026-06-05T10:00) или отметьте «Весь день»');
  if (!LOCAL_RE.test(s) && !OFFSET_RE.test(s)) throw fieldError(field, label, 'неверная дата или время (пример: 2026-06-05T10:00)');
  const ms = parseInstant(s, tz);
  if (!Number.isFinite(ms)) throw fieldError(field, label, 'такой даты или времени нет в календаре');
  return ms;
}

/**
 * Normalises start and end: timed → ISO with the organisation's offset (a wall time without offset is read
 * in the organisation's zone); all-day → dates, end inclusive. A missing end: one hour later, or the same day.
 */
export function normalizeDates(
  allDay: boolean,
  start: string,
  end: string | undefined,
  tz: string,
  labels: DateLabels = defaultLabels,
): { start: string; end: string } {
  if (allDay) {
    const s = toDate(start, tz, labels.start);
    const e = end === undefined ? s : toDate(end, tz, labels.end);
    if (e < s) throw fieldError(labels.end[0], labels.end[1], 'дата окончания раньше даты начала');
    if ((parseWall(e) - parseWall(s)) / DAY > MAX_DAYS) throw fieldError(labels.end[0], labels.end[1], 'мероприятие не может длиться больше года');
    return { start: s, end: e };
  }
  const s = toInstant(start, tz, labels.start);
  const e = end === undefined ? s + HOUR : toInstant(end, tz, labels.end);
  if (e < s) throw fieldError(labels.end[0], labels.end[1], 'окончание раньше начала');
  if ((e - s) / DAY > MAX_DAYS) throw fieldError(labels.end[0], labels.end[1], 'мероприятие не может длиться больше года');
  return { start: isoInZone(s, tz), end: isoInZone(e, tz) };
}

/** Makes the stored checklist from what the form sent (or the dictionary's default list when it sent none). */
export function coverageFromInput(
  input: EventInput['coverage'],
  previous: CoverageItem[] | undefined,
  responsibleId: string,
  lk: Lookup,
  now: Date,
): CoverageItem[] {
  if (input === undefined) {
    if (previous) return previous;
    return lk.dict.coverage
      .filter((c) => c.byDefault && !c.archived)
      .map((c) => ({ id: newItemId(), kindId: c.id, assigneeId: responsibleId, offsetDays: c.offsetDays, done: false, doneAt: null, note: '' }));
  }
  const before = new Map((previous ?? []).map((c) => [c.id, c]));
  return input.map((c, i) => {
    const kind = lk.coverageKinds.get(c.kindId);
    if (!kind) throw fieldError(`coverage.${i}.kindId`, `Вид материала № ${i + 1}`, `нет в списке видов материалов: «${c.kindId}»`);
    const old = c.id ? before.get(c.id) : undefined;
    const doneAt = c.done ? (old?.done ? old.doneAt : (c.doneAt ?? now.toISOString())) : null;
    return { id: c.id ?? newItemId(), kindId: c.kindId, assigneeId: c.assigneeId, offsetDays: c.offsetDays ?? kind.offsetDays, done: c.done, doneAt, note: c.note };
  });
}

export const newItemId = () => randomUUID().slice(0, 8);

/**
 * Checks an event's (or occurrence's) final fields against staff, outlets and dictionaries.
 * An archived dictionary entry is accepted only where it was already in use.
 */
export function checkFields(x: EventFieldsCore, previous: EventFieldsCore | undefined, lk: Lookup, store: Pick<AppStore, 'get'>): void {
  const kind = lk.kinds.get(x.kindId);
  if (!kind || (kind.archived && previous?.kindId !== x.kindId))
    throw fieldError('kindId', 'Вид мероприятия', `нет в списке видов мероприятий: «${x.kindId}» (список — в настройках календаря)`);
  if (x.responsibleId && !lk.staff.has(x.responsibleId))
    throw fieldError('responsibleId', 'Ответственный', `нет среди сотрудников в настройках: «${x.responsibleId}»`);
  const project = x.projectId ? lk.projects.get(x.projectId) : undefined;
  if (x.projectId && (!project || (project.archived && previous?.projectId !== x.projectId)))
    throw fieldError('projectId', 'Нацпроект / программа', `нет в списке нацпроектов и программ: «${x.projectId}»`);
  x.tags.forEach((t, i) => {
    const tag = lk.tags.get(t);
    if (!tag || (tag.archived && !previous?.tags.includes(t))) throw fieldError(`tags.${i}`, `Тема № ${i + 1}`, `нет в списке тем: «${t}»`);
  });
  if (new Set(x.tags).size !== x.tags.length) throw fieldError('tags', 'Темы', 'тема указана дважды');
  const outlets = new Set<string>();
  x.media.forEach((m, i) => {
    if (!store.get('outlets', m.outletId)) throw fieldError(`media.${i}.outletId`, `Приглашённое СМИ № ${i + 1}`, `нет в справочнике СМИ: «${m.outletId}»`);
    if (outlets.has(m.outletId)) throw fieldError(`media.${i}.outletId`, `Приглашённое СМИ № ${i + 1}`, 'это СМИ уже приглашено');
    outlets.add(m.outletId);
  });
  const items = new Set<string>();
  x.coverage.forEach((c, i) => {
    if (!lk.coverageKinds.has(c.kindId)) throw fieldError(`coverage.${i}.kindId`, `Вид материала № ${i + 1}`, `нет в списке видов материалов: «${c.kindId}»`);
    if (c.assigneeId && !lk.staff.has(c.assigneeId))
      throw fieldError(`coverage.${i}.assigneeId`, `Исполнитель № ${i + 1}`, `нет среди сотрудников в настройках: «${c.assigneeId}»`);
    if (items.has(c.id)) throw fieldError(`coverage.${i}.id`, `Задача освещения № ${i + 1}`, 'повторяющийся идентификатор задачи');
    items.add(c.id);
  });
  checkReason(x.status, x.statusReason, ['statusReason', 'Причина']);
}

export function checkReason(status: EventFieldsCore['status'], reason: string, [field, label]: [string, string]): void {
  if (statusesWithReason.includes(status) && !reason.trim())
    throw fieldError(field, label, status === 'cancelled' ? 'укажите причину отмены' : 'укажите причину переноса');
}
