/**
 * Media events (мероприятия) and the calendar's own dictionaries.
 *
 * Times: a timed event stores instants as ISO 8601 with the organisation's offset
 * ("2026-06-05T10:00:00+07:00"); an all-day event stores dates ("2026-06-05", end inclusive).
 * Everything is shown in the organisation's time zone (settings.organisation.timeZone), never the computer's.
 */
import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, optionalText, recordMeta, text, withYearRange } from '../../schema-kit.js';
import { CalendarDictionaries } from './dictionary-lists.js';

// ---- fixed lists ------------------------------------------------------------------------

export const eventStatuses = {
  planned: 'запланировано',
  confirmed: 'подтверждено',
  held: 'проведено',
  postponed: 'перенесено',
  cancelled: 'отменено',
} as const;
export type EventStatus = keyof typeof eventStatuses;
const statusKeys = Object.keys(eventStatuses) as [EventStatus, ...EventStatus[]];
/** Statuses that need a reason. */
export const statusesWithReason: readonly EventStatus[] = ['postponed', 'cancelled'];

export const accreditationStatuses = {
  invited: 'приглашено',
  applied: 'подана заявка',
  accredited: 'аккредитовано',
  declined: 'отказались',
} as const;
export type Accreditation = keyof typeof accreditationStatuses;
const accreditationKeys = Object.keys(accreditationStatuses) as [Accreditation, ...Accreditation[]];

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const recurrenceFreqs = { daily: 'ежедневно', weekly: 'еженедельно', monthly: 'ежемесячно', yearly: 'ежегодно' } as const;
export type RecurrenceFreq = keyof typeof recurrenceFreqs;

/** How far an edit of a recurring event reaches: this occurrence, this and the following ones, or the whole series. */
export const editScopes = { this: 'только это', following: 'это и следующие', all: 'все повторения' } as const;
export type EditScope = keyof typeof editScopes;
export const EditScope = z.enum(['this', 'following', 'all']).describe('Изменить');

// ---- small pieces -----------------------------------------------------------------------

/** "2026-06-05" or "2026-06-05T10:00" (wall time) or "2026-06-05T10:00:00+07:00" (instant). */
export const dateOrTime = (label: string) =>
  withYearRange(
    z
      .string()
      .trim()
      .regex(
        /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
        'неверная дата или время (пример: 2026-06-05T10:00 или 2026-06-05 для мероприятия на весь день)',
      ),
  ).describe(label);

/** Identifies one occurrence of a recurring event: its regular start as wall time ("2026-06-08T10:00"), or date when all-day. */
export const occurrenceKey = (label = 'Повторение') =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'неверный ключ повторения (пример: 2026-06-08T10:00)')
    .describe(label);

const refId = (label: string) => z.string().trim().max(64).describe(label);
const dateOnly = isoDate;

export const Official = z.object({
  name: text('ФИО участника', 200),
  position: optionalText('Должность участника', 300),
});
export type Official = z.infer<typeof Official>;

export const MediaInvite = z.object({
  outletId: id().describe('Приглашённое СМИ'),
  accreditation: z.enum(accreditationKeys).default('invited').describe('Аккредитация'),
  note: optionalText('Примечание об аккредитации', 300),
});
export type MediaInvite = z.infer<typeof MediaInvite>;

export const CoverageItem = z.object({
  id: z.string().min(1).max(64).describe('Задача освещения'),
  kindId: refId('Вид материала').min(1),
  assigneeId: refId('Исполнитель').default(''),
  /** Due this many days after (negative: before) the event's start date. */
  offsetDays: z.number().int().min(-60).max(60).describe('Срок, дней от даты мероприятия'),
  done: z.boolean().default(false).describe('Выполнено'),
  doneAt: isoDateTime('Когда выполнено').nullable().default(null),
  note: optionalText('Примечание к задаче', 300),
});
export type CoverageItem = z.infer<typeof CoverageItem>;

/** What the form sends: id and offset may be left out (new task; offset from the dictionary). */
export const CoverageItemInput = CoverageItem.extend({
  id: z.string().min(1).max(64).optional().describe('Задача освещения'),
  offsetDays: z.number().int().min(-60).max(60).optional().describe('Срок, дней от даты мероприятия'),
});

/** One line of an event's history: a status change or a change of dates (a postponed event keeps where it was). */
export const HistoryEntry = z.object({
  at: isoDateTime('Когда'),
  status: z.enum(statusKeys),
  reason: z.string().max(1000),
  fromStart: z.string().max(40),
  fromEnd: z.string().max(40),
  toStart: z.string().max(40),
  toEnd: z.string().max(40),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

const weekdayRe = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

export const Recurrence = z.object({
  freq: z.enum(['daily', 'weekly', 'monthly', 'yearly']).describe('Повторять'),
  interval: z.number().int().min(1).max(99).default(1).describe('Интервал повторения'),
  /** "MO" … "SU"; with an ordinal for monthly/yearly rules: "2TH" (второй четверг), "-1FR" (последняя пятница). */
  byWeekday: z
    .array(z.string().regex(weekdayRe, 'день недели: MO, TU, WE, TH, FR, SA, SU (с номером: 2TH, -1FR)'))
    .max(7)
    .default([])
    .describe('Дни недели'),
  byMonthDay: z.array(z.number().int().min(-31).max(31)).max(31).default([]).describe('Числа месяца'),
  byMonth: z.array(z.number().int().min(1).max(12)).max(12).default([]).describe('Месяцы'),
  /** Last day (inclusive, organisation's time zone). */
  until: dateOnly('Повторять до').nullable().default(null),
  count: z.number().int().min(1).max(1000).nullable().default(null).describe('Число повторений'),
  /** Occurrence keys removed from the series (EXDATE). */
  exdates: z.array(occurrenceKey('Исключённая дата')).max(1000).default([]).describe('Исключённые даты'),
});
export type Recurrence = z.infer<typeof Recurrence>;

/** The form may send the structured rule, or an RRULE text ("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231"). */
export const RecurrenceInput = Recurrence.extend({
  freq: z.enum(['daily', 'weekly', 'monthly', 'yearly']).optional().describe('Повторять'),
  rule: z.string().trim().max(500).optional().describe('Правило повторения'),
});
export type RecurrenceInput = z.infer<typeof RecurrenceInput>;

// ---- the event ---------------------------------------------------------------------------

/** Fields an occurrence of a series may change on its own (no defaults: an override holds only what differs). */
const occurrenceFields = {
  title: text('Название', 300),
  kindId: refId('Вид мероприятия').min(1),
  allDay: z.boolean().describe('Весь день'),
  start: z.string().max(40).describe('Начало'),
  end: z.string().max(40).describe('Окончание'),
  place: z.string().trim().max(500).describe('Место проведения'),
  responsibleId: refId('Ответственный'),
  officials: z.array(Official).max(50).describe('Участники'),
  media: z.array(MediaInvite).max(100).describe('Приглашённые СМИ'),
  tags: z.array(refId('Тема')).max(30).describe('Темы'),
  projectId: refId('Нацпроект / программа'),
  status: z.enum(statusKeys).describe('Статус'),
  statusReason: z.string().trim().max(1000).describe('Причина'),
  coverage: z.array(CoverageItem).max(30).describe('Освещение'),
  notes: z.string().max(20_000).describe('Заметки'),
  releaseIds: z.array(id()).max(50).describe('Пресс-релизы'),
  history: z.array(HistoryEntry).max(500).describe('История'),
};
export const EventFieldsCore = z.object(occurrenceFields);
export type EventFieldsCore = z.infer<typeof EventFieldsCore>;
export type OccurrenceField = keyof EventFieldsCore;
export const occurrenceFieldNames = Object.keys(occurrenceFields) as OccurrenceField[];

export const Override = EventFieldsCore.partial().extend({ key: occurrenceKey() });
export type Override = z.infer<typeof Override>;

export const CalEvent = EventFieldsCore.extend({
  ...recordMeta,
  recurrence: Recurrence.nullable(),
  overrides: z.array(Override).max(1000),
  /** The series this one was split from ("this and following"). */
  splitFrom: z.string().max(64).nullable(),
});
export type CalEvent = z.infer<typeof CalEvent>;

/** What the form sends to create an event. `end` may be left out (1 hour; the same day when all-day). */
export const EventInput = z.object({
  title: text('Название', 300),
  kindId: refId('Вид мероприятия').min(1),
  allDay: z.boolean().default(false).describe('Весь день'),
  start: dateOrTime('Начало'),
  end: dateOrTime('Окончание').optional(),
  place: optionalText('Место проведения', 500),
  responsibleId: refId('Ответственный').default(''),
  officials: z.array(Official).max(50).default([]).describe('Участники'),
  media: z.array(MediaInvite).max(100).default([]).describe('Приглашённые СМИ'),
  tags: z.array(refId('Тема')).max(30).default([]).describe('Темы'),
  projectId: refId('Нацпроект / программа').default(''),
  status: z.enum(statusKeys).default('planned').describe('Статус'),
  statusReason: optionalText('Причина', 1000),
  /** Left out: the default checklist from the dictionary (on create) or the current one (on update). */
  coverage: z.array(CoverageItemInput).max(30).optional().describe('Освещение'),
  notes: longText('Заметки', 20_000),
  releaseIds: z.array(id()).max(50).default([]).describe('Пресс-релизы'),
  recurrence: RecurrenceInput.nullable().default(null).describe('Повторение'),
});
export type EventInput = z.infer<typeof EventInput>;

/**
 * `id` is the event's id, or an occurrence uid from calendar.list ("<eventId>/<occurrenceKey>").
 * For a recurring event, `occurrence` (or the uid) says which occurrence the user opened, and `scope`
 * how far the change reaches (default: only this occurrence when one is named, else the whole series).
 */
const target = {
  id: z.string().min(1).max(120).describe('Мероприятие'),
  occurrence: occurrenceKey().optional(),
  scope: EditScope.optional(),
};

/** The form's fields again; `recurrence` left out keeps the rule, null stops repeating. */
export const EventUpdate = EventInput.extend({
  ...target,
  recurrence: RecurrenceInput.nullable().optional().describe('Повторение'),
});
export const EventRef = z.object({ id: target.id, occurrence: target.occurrence });
export const EventDelete = z.object(target);

export const EventMove = z.object({
  ...target,
  start: dateOrTime('Начало'),
  /** Left out: the duration is kept. */
  end: dateOrTime('Окончание').optional(),
  /** Left out: stays as it is. */
  allDay: z.boolean().optional().describe('Весь день'),
  /** True when `end` of an all-day event is exclusive (the day after, as FullCalendar gives it). */
  exclusiveEnd: z.boolean().default(false).describe('Окончание — следующий день'),
});

export const EventSetStatus = z.object({
  ...target,
  status: z.enum(statusKeys).describe('Статус'),
  reason: optionalText('Причина', 1000),
  /** New dates (postponing to a known date). */
  start: dateOrTime('Новое начало').optional(),
  end: dateOrTime('Новое окончание').optional(),
});

export const CoverageToggle = z.object({
  id: target.id,
  occurrence: target.occurrence,
  itemId: z.string().min(1).max(64).describe('Задача освещения'),
  done: z.boolean().describe('Выполнено'),
});

export const CalendarFilters = {
  kinds: z.array(z.string().max(64)).max(100).default([]).describe('Виды'),
  /** Responsible person or an assignee of a coverage task. */
  staff: z.array(z.string().max(64)).max(100).default([]).describe('Сотрудники'),
  statuses: z.array(z.enum(statusKeys)).max(5).default([]).describe('Статусы'),
  projects: z.array(z.string().max(64)).max(100).default([]).describe('Нацпроекты и программы'),
  tags: z.array(z.string().max(64)).max(100).default([]).describe('Темы'),
  query: z.string().max(200).default('').describe('Поиск'),
};

export const CalendarQuery = z.object({
  from: dateOnly('С даты'),
  to: dateOnly('По дату'),
  ...CalendarFilters,
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const PlanExport = CalendarQuery.extend({
  includeCancelled: z.boolean().default(false).describe('Включить отменённые'),
});

export const IcsExport = z
  .object({
    from: dateOnly('С даты').optional(),
    to: dateOnly('По дату').optional(),
    ...CalendarFilters,
  })
  .default({ kinds: [], staff: [], statuses: [], projects: [], tags: [], query: '' });

// ---- dictionaries: in dictionary-lists.ts, re-exported so callers keep importing from here ----

export * from './dictionary-lists.js';

export const calendarCollections = {
  events: { schema: CalEvent, shardOf: (e: CalEvent) => e.start.slice(0, 4) },
  calendarDictionaries: { schema: CalendarDictionaries },
};

// ---- what the UI gets ---------------------------------------------------------------------

export interface CoverageTask extends CoverageItem {
  /** «анонс» */
  name: string;
  /** Due date, YYYY-MM-DD in the organisation's time zone. */
  due: string;
  /** Not done and the due date has passed. */
  overdue: boolean;
  assigneeName: string;
}

/**
 * One occurrence on the calendar: a single event, or one occurrence of a series with its own
 * changes merged in. Everything the month / week / agenda views, the event card and the form need.
 */
export interface Occurrence {
  /** Unique in a list; pass it as `id` to any calendar method ("<eventId>" or "<eventId>/<occurrenceKey>"). */
  uid: string;
  eventId: string;
  /** null for a single event. */
  occurrenceKey: string | null;
  recurring: boolean;
  /** This occurrence was changed on its own (moved, cancelled, edited). */
  overridden: boolean;
  /** This occurrence was moved away from its regular time. */
  moved: boolean;
  title: string;
  kindId: string;
  allDay: boolean;
  /** ISO with the organisation's offset (timed) or YYYY-MM-DD (all-day). */
  start: string;
  end: string;
  /** Wall time in the organisation's zone, no offset ("2026-06-05T10:00"), or the date when all-day. Feed these to the calendar widget. */
  localStart: string;
  localEnd: string;
  /** Exclusive end as calendar widgets want it: the day after `end` for all-day events, else `localEnd`. */
  endExclusive: string;
  place: string;
  responsibleId: string;
  officials: Official[];
  media: (MediaInvite & { outletName: string; accreditationLabel: string })[];
  tags: string[];
  projectId: string;
  status: EventStatus;
  statusReason: string;
  coverage: CoverageTask[];
  coverageDone: number;
  coverageTotal: number;
  coverageOverdue: number;
  notes: string;
  releaseIds: string[];
  history: HistoryEntry[];
  /** The series' rule (for the form), null for a single event. */
  recurrence: Recurrence | null;
  /** «еженедельно по понедельникам, до 31 декабря 2026 г.»; '' for a single event. */
  recurrenceText: string;
  labels: {
    kind: string;
    /** The kind's colour (legend: calendar.dictionaries.get → kinds). */
    color: string;
    status: string;
    responsible: string;
    project: string;
    tags: string[];
    /** «пт, 5 июня 2026 г., 10:00–12:00» */
    when: string;
    /** «10:00–12:00», «весь день» */
    time: string;
  };
}

export interface EventDetails {
  /** The stored record (for a series: the series with its rule and per-occurrence changes). */
  event: CalEvent;
  /** The occurrence asked for (for a series without `occurrence`: its first one). */
  occurrence: Occurrence;
}
