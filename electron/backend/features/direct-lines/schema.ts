/**
 * Прямые линии (часы прямого провода): sessions, residents' questions, assignments to departments.
 * The resident (name, address, contact) is personal data under 152-ФЗ: it lives only in
 * `Question.resident`, which «Обезличить» sets to null; the district is kept for statistics.
 */
import { z } from 'zod';
import { choice, id, isoDate, isoDateTime, longText, optionalText, recordMeta, text, webAddress } from '../../schema-kit.js';

export const sessionFormats = {
  phone: 'телефон в редакции',
  radio: 'радио',
  video: 'видеотрансляция',
  visit: 'выездной приём',
} as const;
export type SessionFormat = keyof typeof sessionFormats;

export const sessionStatuses = {
  announced: 'анонсирована',
  live: 'идёт',
  held: 'проведена',
  published: 'итоги опубликованы',
} as const;
export type SessionStatus = keyof typeof sessionStatuses;

export const channels = {
  phone: 'телефон',
  site: 'сайт',
  pos: 'ПОС «Решаем вместе»',
  social: 'соцсети',
  letter: 'письмо',
  live: 'в эфире',
} as const;
export type Channel = keyof typeof channels;

/** What is stored; «просрочено» is never stored, it is computed from the deadline (see dates.ts). */
export const assignmentStatuses = { assigned: 'поручено', in_progress: 'в работе', done: 'исполнено' } as const;
export type AssignmentStatus = keyof typeof assignmentStatuses;
export const effectiveStatuses = { ...assignmentStatuses, overdue: 'просрочено' } as const;
export type EffectiveStatus = keyof typeof effectiveStatuses;

// ---- session ---------------------------------------------------------------------------

export const DirectLineFields = z.object({
  startsAt: isoDateTime('Дата и время'),
  durationMinutes: z.number().int().min(10).max(600).default(60).describe('Продолжительность, мин'),
  format: choice(sessionFormats, 'Формат'),
  official: z
    .object({
      name: text('Кто отвечает', 200),
      position: optionalText('Должность отвечающего', 300),
    })
    .describe('Отвечающий на вопросы'),
  /** An outlet from the СМИ directory; null when there is no partner. */
  outletId: z.string().trim().max(64).nullable().default(null).describe('СМИ-партнёр'),
  place: optionalText('Место', 500),
  link: webAddress('Ссылка на трансляцию'),
  announcement: longText('Текст анонса', 10_000),
  announcedAt: isoDateTime('Анонс опубликован').nullable().default(null),
  notes: longText('Заметки', 10_000),
});
export type DirectLineFields = z.input<typeof DirectLineFields>;

export const DirectLine = DirectLineFields.extend({
  ...recordMeta,
  status: choice(sessionStatuses, 'Статус'),
  /** The question on air now (the live screen). */
  currentQuestionId: z.string().nullable(),
  liveStartedAt: isoDateTime('Начало эфира').nullable(),
  liveEndedAt: isoDateTime('Конец эфира').nullable(),
  publishedAt: isoDateTime('Итоги опубликованы').nullable(),
  /** Set when every question of the session has been anonymised. */
  anonymisedAt: isoDateTime('Обезличено').nullable(),
});
export type DirectLine = z.infer<typeof DirectLine>;

// ---- question --------------------------------------------------------------------------

/** Personal data (152-ФЗ): only what is needed to answer; every field may stay empty. */
export const Resident = z.object({
  name: optionalText('Имя жителя', 200),
  address: optionalText('Адрес жителя', 300),
  contact: optionalText('Контакт жителя', 200),
  publishName: z.boolean().default(false).describe('Согласие на публикацию имени'),
});
export type Resident = z.infer<typeof Resident>;

export const QuestionFields = z.object({
  receivedAt: isoDateTime('Когда поступил'),
  channel: choice(channels, 'Канал'),
  topic: text('Тема', 150),
  text: text('Текст вопроса', 5000),
  /** Kept after anonymisation: statistics by district. */
  district: optionalText('Район', 150),
  resident: Resident.nullable().default(null).describe('Житель'),
  /** The written answer (what the newspaper publishes). */
  answer: longText('Письменный ответ', 20_000),
});

export const Assignment = z.object({
  department: text('Исполнитель (отдел)', 300),
  responsible: optionalText('Ответственный', 200),
  deadline: isoDate('Срок исполнения'),
  status: choice(assignmentStatuses, 'Состояние поручения'),
  assignedAt: isoDateTime('Дата поручения'),
  doneAt: isoDateTime('Дата исполнения').nullable(),
  /** The department's answer once done; published instead of the written answer. */
  finalAnswer: longText('Итоговый ответ', 20_000),
});
export type Assignment = z.infer<typeof Assignment>;

export const Question = QuestionFields.extend({
  ...recordMeta,
  sessionId: id(),
  /** Position in the session's queue (the live screen goes through it in this order). */
  order: z.number().int().min(0),
  answeredLive: z.boolean(),
  answeredLiveAt: isoDateTime('Ответ в эфире').nullable(),
  liveNote: longText('Ответ в эфире (кратко)', 5000),
  assignment: Assignment.nullable(),
  /** A duplicate absorbed by another question of the same session keeps a reference to it. */
  mergedInto: z.string().nullable(),
  anonymisedAt: isoDateTime('Обезличено').nullable(),
});
export type Question = z.infer<typeof Question>;

// ---- dictionaries ----------------------------------------------------------------------

const names = (label: string, item: string, min = 0) => z.array(text(item, 150)).min(min).max(300).describe(label);
export const DictionaryInput = z.object({
  topics: names('Темы вопросов', 'Тема', 1),
  districts: names('Районы', 'Район').default([]),
  departments: names('Отделы-исполнители', 'Отдел').default([]),
});
export const Dictionary = DictionaryInput.extend({
  id: z.literal('direct-lines'),
  updatedAt: isoDateTime('Изменено'),
});
export type Dictionary = z.infer<typeof Dictionary>;

export const defaultDictionary: Omit<Dictionary, 'updatedAt'> = {
  id: 'direct-lines',
  topics: ['ЖКХ', 'Дороги', 'Благоустройство', 'Уличное освещение', 'Транспорт', 'Детские площадки', 'Вывоз мусора', 'Тарифы', 'Социальная сфера', 'Образование', 'Здравоохранение', 'Другое'],
  districts: [],
  departments: ['отдел ЖКХ', 'управление по строительству и архитектуре', 'комитет по образованию', 'комитет по социальной политике', 'отдел по благоустройству'],
};

// ---- method inputs ---------------------------------------------------------------------

export const DirectLineRef = z.object({ id: id() });
export const DirectLineQuery = z
  .object({
    query: z.string().max(200).default('').describe('Поиск'),
    year: z.number().int().min(2000).max(2100).optional().describe('Год'),
    status: choice(sessionStatuses, 'Статус').optional(),
  })
  .default({ query: '' });
export const DirectLineUpdate = DirectLineFields.extend({ id: id() });
export const DirectLineSetStatus = z.object({ id: id(), status: choice(sessionStatuses, 'Статус') });
export const DirectLineRemove = z.object({
  id: id(),
  confirm: z.literal(true, { error: 'удаление прямой линии со всеми вопросами необратимо — подтвердите его' }).describe('Подтверждение'),
});

export const QuestionAdd = QuestionFields.extend({
  sessionId: id(),
  /** Now, when left out (a question typed in during the hour). */
  receivedAt: isoDateTime('Когда поступил').optional(),
});
export const QuestionUpdate = QuestionFields.extend({ id: id() });
export const QuestionRef = z.object({ id: id() });
export const QuestionMerge = z.object({
  targetId: id().describe('Основной вопрос'),
  sourceIds: z.array(id()).min(1).max(100).describe('Дубликаты'),
});
export const MarkAnsweredLive = z.object({
  id: id(),
  note: longText('Ответ в эфире (кратко)', 5000),
  answered: z.boolean().default(true).describe('Отвечен в эфире'),
  /** Move the live screen on to the next question. */
  next: z.boolean().default(true).describe('Перейти к следующему вопросу'),
});
export const NextQuestion = z.object({ id: id(), questionId: id().optional().describe('Вопрос') });

export const AssignInput = z.object({
  questionId: id(),
  department: text('Исполнитель (отдел)', 300),
  responsible: optionalText('Ответственный', 200),
  deadline: isoDate('Срок исполнения'),
});
export const AssignmentUpdate = z.object({
  questionId: id(),
  status: choice(assignmentStatuses, 'Состояние поручения'),
  finalAnswer: z.string().max(20_000).optional().describe('Итоговый ответ'),
  /** When it was done; now, when left out. */
  doneAt: isoDateTime('Дата исполнения').optional(),
});

export const StatsInput = z
  .object({
    sessionId: id().optional(),
    /** Period by the sessions' dates in the organisation's time zone (inclusive). */
    from: isoDate('Начало периода').optional(),
    to: isoDate('Конец периода').optional(),
    /** The day overdue is judged on; today by default. */
    asOf: isoDate('На дату').optional(),
  })
  .default({});

export const AnonymiseInput = z.object({
  sessionId: id(),
  /** Only these questions (a resident withdrew consent); the whole session when left out. */
  questionIds: z.array(id()).min(1).max(1000).optional().describe('Вопросы'),
  confirm: z.literal(true, { error: 'обезличивание необратимо: имя, адрес и контакт жителя будут удалены навсегда — подтвердите его' }).describe('Подтверждение'),
  /** Also erase the residents from the backups made before (the backups folder). */
  purgeOlderBackups: z.boolean().default(true).describe('Удалить и из прежних резервных копий'),
});

/** What «Обезличить» would erase, shown before the user confirms. */
export const AnonymisePreviewInput = AnonymiseInput.pick({ sessionId: true, questionIds: true });

export const ExportQaInput = z.object({
  id: id(),
  publishWithoutUnanswered: z.boolean().default(false).describe('Опубликовать без вопросов, на которые ещё нет ответа'),
});
export const ExportAssignmentsInput = z.object({ id: id() });

export const directLineCollections = {
  directLines: { schema: DirectLine },
  directLineQuestions: { schema: Question },
  directLineDictionaries: { schema: Dictionary },
};
