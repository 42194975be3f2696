/**
 * Shared by api.test.ts, web.test.ts and cli.test.ts: the bad input for every method of the contract,
 * a wrong-type generator for every field, and "was anything written?" snapshots of a data folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { Method } from '../../electron/backend/api.js';

export interface BadCase {
  input: unknown;
  /** Dotted path of the field at fault ('' for the request as a whole). */
  field: string;
  /** The exact Russian label, where this team owns the schema; otherwise any Russian label is required. */
  label?: string;
  /** Part of the Russian message expected for that field. */
  message?: string | RegExp;
}

const TEN_MB = 'я'.repeat(10 * 1024 * 1024);
export const tenMegabytes = () => TEN_MB;

const outlet = { name: 'Газета «Маяк труда»', kind: 'newspaper' };
const organisation = { name: 'Администрация города', city: 'Алейск', timeZone: 'Asia/Barnaul' };

/**
 * Every method of the api table must have at least one case here: a method added without one fails
 * the "every method has a bad-input case" test. Cases for settings / outlets / search / system name the
 * exact label; for the other features the field and a Russian label are required.
 */
export const badInputs: Record<Method, BadCase[]> = {
  'settings.get': [
    { input: 5, field: '', label: 'Параметры запроса', message: 'ожидается объект' },
    { input: [1, 2], field: '', label: 'Параметры запроса', message: 'ожидается объект' },
  ],
  'settings.save': [
    { input: {}, field: 'organisation', label: 'Сведения об организации', message: 'обязательное поле' },
    { input: { organisation: { ...organisation, timeZone: 'Mars/Olympus' } }, field: 'organisation.timeZone', label: 'Часовой пояс', message: 'неизвестный часовой пояс' },
    { input: { organisation: { ...organisation, name: '   ' } }, field: 'organisation.name', label: 'Организация', message: 'обязательное поле' },
    { input: { organisation: { ...organisation, name: '\u200b\u200c' } }, field: 'organisation.name', label: 'Организация', message: 'обязательное поле' },
    { input: { organisation: { ...organisation, name: TEN_MB } }, field: 'organisation.name', label: 'Организация', message: 'не более 300 символов' },
    { input: { organisation: { ...organisation, site: 'javascript:alert(1)' } }, field: 'organisation.site', label: 'Официальный сайт', message: 'это не адрес сайта' },
    {
      input: { organisation, staff: [{ id: 's1', name: 'Иванова И. И.', role: 'boss' }] },
      field: 'staff.0.role',
      label: 'Роль сотрудника № 1',
      message: 'выберите одно из значений: «руководитель» (head), «специалист» (specialist)',
    },
  ],
  'settings.dataFolder.get': [{ input: 5, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'settings.dataFolder.choose': [{ input: 'папка', field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'settings.dataFolder.reset': [{ input: [1], field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'settings.dataFolder.relaunch': [{ input: 7, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'outlets.list': [
    { input: { query: 5 }, field: 'query', label: 'Поиск', message: 'ожидается текст' },
    { input: { kind: 'magazine' }, field: 'kind', label: 'Вид СМИ', message: 'выберите одно из значений: «газета» (newspaper), «ТВ» (tv)' },
    { input: { archived: 'deleted' }, field: 'archived', label: 'Архив', message: '«действующие» (active), «в архиве» (archived), «все» (all)' },
    { input: { query: TEN_MB }, field: 'query', label: 'Поиск', message: 'не более 200 символов' },
  ],
  'outlets.get': [
    { input: {}, field: 'id', label: 'Идентификатор', message: 'обязательное поле' },
    { input: { id: 42 }, field: 'id', label: 'Идентификатор', message: 'ожидается текст' },
  ],
  'outlets.create': [
    { input: {}, field: 'name', label: 'Название СМИ', message: 'обязательное поле' },
    { input: { kind: 'tv' }, field: 'name', label: 'Название СМИ', message: 'обязательное поле' },
    { input: { ...outlet, name: 12 }, field: 'name', label: 'Название СМИ', message: 'ожидается текст' },
    { input: { ...outlet, name: TEN_MB }, field: 'name', label: 'Название СМИ', message: 'не более 300 символов' },
    { input: { ...outlet, notes: TEN_MB }, field: 'notes', label: 'Заметки', message: 'не более 10\u00a0000 символов' },
    { input: { ...outlet, kind: 'magazine' }, field: 'kind', label: 'Вид СМИ', message: 'выберите одно из значений' },
    { input: { ...outlet, officialPublisher: 'да' }, field: 'officialPublisher', label: 'Официальный публикатор МПА', message: 'ожидается да или нет' },
    { input: { ...outlet, website: 'ftp://x' }, field: 'website', label: 'Сайт СМИ', message: 'это не адрес сайта' },
    { input: { ...outlet, website: 42 }, field: 'website', label: 'Сайт СМИ', message: 'ожидается текст' },
    { input: { ...outlet, contacts: 'Иванов' }, field: 'contacts', label: 'Контакты', message: 'ожидается список' },
    { input: { ...outlet, contacts: [5] }, field: 'contacts.0', label: 'Контакт № 1', message: 'ожидается объект' },
    { input: { ...outlet, contacts: [{ name: 'Иванов', email: 'не-почта' }] }, field: 'contacts.0.email', label: 'E-mail контакта № 1', message: 'это не адрес электронной почты' },
    { input: { ...outlet, contacts: [{ name: 'Иванов' }, { name: '' }] }, field: 'contacts.1.name', label: 'Контактное лицо № 2', message: 'обязательное поле' },
    { input: { ...outlet, contacts: [{ name: 'Иванов', phone: 'звонить вечером' }] }, field: 'contacts.0.phone', label: 'Телефон контакта № 1', message: 'допустимы цифры' },
    // Zero-width space, word joiner, BOM, narrow no-break space: nothing to read, so nothing typed.
    { input: { ...outlet, name: '\u200b\u2060\ufeff\u202f' }, field: 'name', label: 'Название СМИ', message: 'обязательное поле' },
    { input: { ...outlet, contacts: [{ name: '\u200d\u00a0' }] }, field: 'contacts.0.name', label: 'Контактное лицо № 1', message: 'обязательное поле' },
  ],
  'outlets.update': [
    { input: { ...outlet }, field: 'id', label: 'Идентификатор', message: 'обязательное поле' },
    { input: { ...outlet, id: 'x', contacts: [{ name: 'Иванов', email: 'a@b' }] }, field: 'contacts.0.email', label: 'E-mail контакта № 1', message: 'это не адрес электронной почты' },
  ],
  'outlets.archive': [
    { input: { id: 'x' }, field: 'archived', label: 'В архиве', message: 'обязательное поле' },
    { input: { id: 'x', archived: 'yes' }, field: 'archived', label: 'В архиве', message: 'ожидается да или нет' },
  ],
  'outlets.exportDocx': [{ input: { includeArchived: 'yes' }, field: 'includeArchived', label: 'Включая архивные СМИ', message: 'ожидается да или нет' }],
  'search.global': [
    { input: {}, field: 'query', label: 'Поиск', message: 'обязательное поле' },
    { input: { query: 'газета', limit: 0 }, field: 'limit', label: 'Количество результатов', message: 'не меньше 1' },
    { input: { query: 'газета', limit: 2.5 }, field: 'limit', label: 'Количество результатов', message: 'ожидается целое число' },
    { input: { query: TEN_MB }, field: 'query', label: 'Поиск', message: 'не более 200 символов' },
  ],
  'system.status': [{ input: 'статус', field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'system.methods': [{ input: 7, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'system.check': [{ input: 5, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'system.backupNow': [{ input: 5, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'system.exportArchive': [{ input: true, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'system.importArchive': [
    { input: {}, field: 'base64', label: 'Файл архива', message: 'обязательное поле' },
    { input: { base64: '%%% не base64 %%%' }, field: 'base64', label: 'Файл архива', message: 'неверной кодировке' },
    { input: { fileName: TEN_MB, base64: 'AAAA' }, field: 'fileName', label: 'Имя файла', message: 'не более 500 символов' },
  ],
  'system.fillDemo': [
    { input: { years: 'три' }, field: 'years', label: 'Количество лет данных', message: 'ожидается число' },
    { input: { years: 1.5 }, field: 'years', label: 'Количество лет данных', message: 'ожидается целое число' },
    { input: { years: 0 }, field: 'years', label: 'Количество лет данных', message: 'не меньше 1' },
    { input: { scale: -1 }, field: 'scale', label: 'Количество дополнительных записей', message: 'не меньше 0' },
  ],
  'system.quarantine.list': [{ input: 3, field: '', label: 'Параметры запроса', message: 'ожидается объект' }],
  'system.quarantine.restore': [
    { input: {}, field: 'key', label: 'Отложенная запись', message: 'обязательное поле' },
    { input: { key: '../data/outlets.json' }, field: 'key', label: 'Отложенная запись', message: 'ожидается имя файла из списка отложенных записей' },
  ],
  'system.quarantine.discard': [{ input: { key: 'a/b.json' }, field: 'key', label: 'Отложенная запись', message: 'ожидается имя файла' }],

  // Other features: a missing required field (or a wrong type where nothing is required).
  'today.get': [
    { input: { date: 12345 }, field: 'date' },
    { input: { date: '0099-12-31' }, field: 'date', label: 'Дата', message: 'год должен быть от 1990 до 2100' },
    { input: { date: '2101-01-01' }, field: 'date', label: 'Дата', message: 'год должен быть от 1990 до 2100' },
  ],
  'contracts.list': [{ input: { year: 'сто' }, field: 'year' }],
  'contracts.get': [{ input: {}, field: 'id' }],
  'contracts.create': [{ input: {}, field: 'number' }],
  'contracts.update': [{ input: {}, field: 'number' }],
  'contracts.setStatus': [{ input: {}, field: 'id' }],
  'contracts.remove': [{ input: {}, field: 'id' }],
  'contracts.quote': [{ input: {}, field: 'contractId' }],
  'contracts.addPublication': [{ input: {}, field: 'date' }],
  'contracts.importPublications': [{ input: {}, field: 'contractId' }],
  'contracts.updatePublication': [{ input: {}, field: 'date' }],
  'contracts.removePublication': [{ input: {}, field: 'id' }],
  'contracts.addAct': [{ input: {}, field: 'contractId' }],
  'contracts.removeAct': [{ input: {}, field: 'id' }],
  'contracts.addPayment': [{ input: {}, field: 'contractId' }],
  'contracts.removePayment': [{ input: {}, field: 'id' }],
  'contracts.attach': [{ input: {}, field: 'contractId' }],
  'contracts.attachment': [{ input: {}, field: 'contractId' }],
  'contracts.detach': [{ input: {}, field: 'contractId' }],
  'contracts.actsRegister': [{ input: {}, field: 'year' }],
  'contracts.collections.list': [{ input: { year: 'сто' }, field: 'year' }],
  'contracts.collections.save': [
    { input: {}, field: 'number' },
    { input: { number: '1', date: '2101-01-01' }, field: 'date', message: 'год должен быть от 1990 до 2100' },
  ],
  'contracts.collections.remove': [{ input: {}, field: 'id' }],
  'contracts.units.list': [{ input: 5, field: '' }],
  'contracts.units.save': [{ input: {}, field: 'name' }],
  'contracts.units.remove': [{ input: {}, field: 'id' }],
  'contracts.settings.get': [{ input: 5, field: '' }],
  'contracts.settings.save': [{ input: { actDeadlineDays: 'сто' }, field: 'actDeadlineDays' }],
  'contracts.exportRegister': [{ input: {}, field: 'year' }],
  'contracts.exportStatement': [{ input: {}, field: 'id' }],
  'contracts.exportActsRegister': [{ input: {}, field: 'year' }],
  'directLines.list': [{ input: { query: 12345 }, field: 'query' }],
  'directLines.get': [{ input: {}, field: 'id' }],
  'directLines.create': [
    { input: {}, field: 'startsAt' },
    { input: { startsAt: '1989-12-31T10:00:00+07:00', format: 'phone', official: { name: 'Глава' } }, field: 'startsAt', message: 'год должен быть от 1990 до 2100' },
  ],
  'directLines.update': [{ input: {}, field: 'startsAt' }],
  'directLines.setStatus': [{ input: {}, field: 'id' }],
  'directLines.remove': [{ input: {}, field: 'id' }],
  'directLines.addQuestion': [{ input: {}, field: 'channel' }],
  'directLines.updateQuestion': [{ input: {}, field: 'receivedAt' }],
  'directLines.removeQuestion': [{ input: {}, field: 'id' }],
  'directLines.mergeQuestions': [{ input: {}, field: 'targetId' }],
  'directLines.unmergeQuestion': [{ input: {}, field: 'id' }],
  'directLines.live': [{ input: {}, field: 'id' }],
  'directLines.markAnsweredLive': [{ input: {}, field: 'id' }],
  'directLines.nextQuestion': [{ input: {}, field: 'id' }],
  'directLines.assign': [{ input: {}, field: 'questionId' }],
  'directLines.updateAssignment': [{ input: {}, field: 'questionId' }],
  'directLines.unassign': [{ input: {}, field: 'id' }],
  'directLines.stats': [{ input: { sessionId: 12345 }, field: 'sessionId' }],
  'directLines.anonymise': [{ input: {}, field: 'sessionId' }],
  'directLines.previewAnonymise': [{ input: {}, field: 'sessionId' }],
  'directLines.exportQa': [{ input: {}, field: 'id' }],
  'directLines.exportAssignments': [{ input: {}, field: 'id' }],
  'directLines.dictionaries.get': [{ input: 5, field: '' }],
  'directLines.dictionaries.save': [{ input: {}, field: 'topics' }],
  'calendar.list': [{ input: {}, field: 'from' }],
  'calendar.get': [{ input: {}, field: 'id' }],
  'calendar.create': [
    { input: {}, field: 'title' },
    { input: { title: '\u200b', kindId: 'briefing', start: '2026-06-05' }, field: 'title', message: 'обязательное поле' },
    { input: { title: 'Брифинг', kindId: 'briefing', start: '1989-12-31' }, field: 'start', message: 'год должен быть от 1990 до 2100' },
  ],
  'calendar.update': [{ input: {}, field: 'title' }],
  'calendar.move': [{ input: {}, field: 'id' }],
  'calendar.setStatus': [{ input: {}, field: 'id' }],
  'calendar.toggleCoverage': [{ input: {}, field: 'id' }],
  'calendar.delete': [{ input: {}, field: 'id' }],
  'calendar.dictionaries.get': [{ input: 5, field: '' }],
  'calendar.dictionaries.save': [{ input: {}, field: 'kinds' }],
  'calendar.exportPlan': [{ input: {}, field: 'from' }],
  'calendar.exportIcs': [{ input: { from: 12345 }, field: 'from' }],
  'releases.options': [{ input: 5, field: '' }],
  'releases.list': [{ input: { query: 12345 }, field: 'query' }],
  'releases.board': [{ input: { query: 12345 }, field: 'query' }],
  'releases.get': [{ input: {}, field: 'id' }],
  'releases.templates': [{ input: 5, field: '' }],
  'releases.create': [{ input: {}, field: 'type' }],
  'releases.fromEvent': [{ input: {}, field: 'eventId' }],
  'releases.saveDraft': [{ input: {}, field: 'id' }],
  'releases.save': [{ input: {}, field: 'id' }],
  'releases.submit': [{ input: {}, field: 'id' }],
  'releases.approve': [{ input: {}, field: 'id' }],
  'releases.returnForRework': [{ input: {}, field: 'id' }],
  'releases.publish': [{ input: {}, field: 'id' }],
  'releases.unpublish': [{ input: {}, field: 'id' }],
  'releases.comment': [
    { input: {}, field: 'id' },
    { input: { id: 'r1', by: 's1', text: '\u2060\u200b' }, field: 'text', message: 'обязательное поле' },
  ],
  'releases.versions': [{ input: {}, field: 'id' }],
  'releases.version': [{ input: {}, field: 'id' }],
  'releases.diff': [{ input: {}, field: 'id' }],
  'releases.restoreVersion': [{ input: {}, field: 'id' }],
  'releases.addPhoto': [{ input: {}, field: 'id' }],
  'releases.updatePhoto': [{ input: {}, field: 'id' }],
  'releases.removePhoto': [{ input: {}, field: 'id' }],
  'releases.photo': [{ input: {}, field: 'id' }],
  'releases.exportDocx': [{ input: {}, field: 'id' }],
  'releases.exportBatch': [{ input: {}, field: 'from' }],
  'sync.site.get': [{ input: 5, field: '' }],
  'sync.site.save': [
    { input: { url: 'ftp://site.ru', user: 'editor', password: 'x' }, field: 'url', label: 'Адрес сайта', message: 'это не адрес сайта' },
    { input: { url: 'https://site.ru', user: '  ' }, field: 'user', label: 'Пользователь WordPress', message: 'обязательное поле' },
  ],
  'sync.site.forget': [{ input: 5, field: '' }],
  'sync.site.check': [{ input: 5, field: '' }],
  'sync.mapping.get': [{ input: 5, field: '' }],
  'sync.mapping.save': [{ input: { tags: [{ tag: '', categoryIds: [1] }] }, field: 'tags.0.tag', label: 'Тег № 1', message: 'обязательное поле' }],
  'sync.mapping.refresh': [{ input: 5, field: '' }],
  'sync.publish': [
    { input: {}, field: 'releaseId', label: 'Релиз', message: 'обязательное поле' },
    { input: { releaseId: 'r1', when: 'tomorrow' }, field: 'when', label: 'Когда публиковать' },
  ],
  'sync.unpublish': [{ input: {}, field: 'releaseId', label: 'Релиз', message: 'обязательное поле' }],
  'sync.outbox.list': [{ input: { state: 'lost' }, field: 'state', label: 'Состояние' }],
  'sync.outbox.retry': [{ input: {}, field: 'id', label: 'Идентификатор', message: 'обязательное поле' }],
  'sync.outbox.cancel': [{ input: {}, field: 'id', label: 'Идентификатор', message: 'обязательное поле' }],
  'sync.status': [{ input: 5, field: '' }],
  'sync.releaseSite': [{ input: {}, field: 'releaseId', label: 'Релиз' }],
  'sync.conflict.get': [{ input: {}, field: 'releaseId', label: 'Релиз' }],
  'sync.conflict.resolve': [{ input: { releaseId: 'r1', choice: 'both' }, field: 'choice', label: 'Решение' }],
  'sync.runNow': [{ input: 5, field: '' }],
  'sync.pull.start': [{ input: { full: 'yes' }, field: 'full', label: 'Полностью', message: 'ожидается да или нет' }],
  'sync.pull.cancel': [{ input: 5, field: '' }],
  'sync.publications.list': [{ input: { from: '2026-13-01' }, field: 'from', label: 'С даты', message: 'неверная дата' }],
  'reports.indicators.list': [{ input: { kind: 'likes' }, field: 'kind', label: 'Вид показателя' }],
  'reports.indicators.save': [{ input: { kind: 'votes' }, field: 'row', label: 'Строка', message: 'обязательное поле' }],
  'reports.indicators.remove': [{ input: { kind: 'votes' }, field: 'id', label: 'Идентификатор' }],
  'reports.indicators.importCsv': [{ input: { kind: 'votes', csv: '' }, field: 'csv', label: 'CSV-файл', message: 'файл пуст' }],
  'reports.get': [{ input: { year: 1812 }, field: 'year', label: 'Год' }],
  'reports.drill': [{ input: { year: 2026 }, field: 'key', label: 'Показатель' }],
  'reports.save': [{ input: { year: 2026, tasksNext: [{ text: ' ' }] }, field: 'tasksNext.0.text', label: 'Задача № 1' }],
  'reports.exportDocx': [{ input: { year: 2026, period: 'q5' }, field: 'period', label: 'Период' }],
  'reports.settings.get': [{ input: 5, field: '' }],
  'reports.settings.save': [{ input: { councilName: '' }, field: 'councilName', label: 'Кому адресован отчёт' }],
  'summary.get': [{ input: 5, field: '' }],
};

/** Cases that do not need a 10 MB body (the CLI passes input on its command line, which has a size limit). */
export const isSmall = (c: BadCase) => JSON.stringify(c.input ?? null).length < 100_000;

export interface ErrorLike {
  code: string;
  message: string;
  issues?: { field: string; label: string; message: string }[];
}

const cyrillic = /[А-Яа-яЁё]/;

/** Checks one error body against a bad case; returns a list of complaints (empty when all is well). */
export function complaints(c: BadCase, error: ErrorLike): string[] {
  const out: string[] = [];
  if (error.code !== 'validation') out.push(`code ${error.code}, expected validation`);
  const issue = error.issues?.find((i) => i.field === c.field);
  if (!issue) {
    out.push(`no issue for field «${c.field}» (issues: ${JSON.stringify(error.issues?.map((i) => i.field))})`);
    return out;
  }
  if (c.label !== undefined && issue.label !== c.label) out.push(`label «${issue.label}», expected «${c.label}»`);
  if (!cyrillic.test(issue.label)) out.push(`label «${issue.label}» is not Russian`);
  if (c.field && issue.label === c.field.split('.').pop()) out.push(`label is the raw key «${issue.label}»`);
  if (!cyrillic.test(issue.message)) out.push(`message «${issue.message}» is not Russian`);
  if (c.message !== undefined) {
    const ok = typeof c.message === 'string' ? issue.message.includes(c.message) : c.message.test(issue.message);
    if (!ok) out.push(`message «${issue.message}» does not match ${String(c.message)}`);
  }
  // The headline names the field at fault the way the form shows it.
  const first = error.issues![0]!;
  const headline = first.field === '' ? first.label : `Поле «${first.label}»: ${first.message}`;
  if (!error.message.startsWith(headline)) out.push(`headline «${error.message.slice(0, 120)}» does not start with «${headline}»`);
  return out;
}

// ---- a wrong value for every field of every method ---------------------------------------------

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let node = schema;
  for (;;) {
    const def = node._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    const next = def.innerType ?? def.in;
    if (!next) return node;
    node = next;
  }
}

const wrongValue: Record<string, unknown> = {
  string: 12345,
  number: 'сто',
  int: 'сто',
  boolean: 'да',
  array: 'список',
  object: 'объект',
  enum: 'нет-такого-значения',
  literal: 'нет-такого-значения',
  union: { неизвестно: true },
  date: 'не дата',
};

/** For each top-level field of a method's input: a value of the wrong type, and the field it should be reported for. */
export function wrongTypeCases(schema: z.core.$ZodType): BadCase[] {
  const root = unwrap(schema);
  const shape = (root._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
  if (!shape) return [];
  const cases: BadCase[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const type = (unwrap(field)._zod.def as { type: string }).type;
    if (!(type in wrongValue)) continue; // unknown, any, custom: nothing is wrong for them
    cases.push({ input: { [key]: wrongValue[type] }, field: key });
  }
  return cases;
}

/** For each top-level text field of a method's input: `value` in it (e.g. 10 MB), to be refused for that field. */
export function textFieldCases(schema: z.core.$ZodType, value: string): BadCase[] {
  const shape = (unwrap(schema)._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape ?? {};
  return Object.entries(shape)
    .filter(([, field]) => (unwrap(field)._zod.def as { type: string }).type === 'string')
    .map(([key]) => ({ input: { [key]: value }, field: key }));
}

// ---- was anything written? ---------------------------------------------------------------------

const made: string[] = [];

/** A fresh temporary folder, removed by removeTmpDirs() (each test file calls it in afterAll). */
export function tmpDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `press-desk-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file of a data folder with its size and content hash; the lock file is left out (its heartbeat ticks). */
export function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(full);
      } else if (entry.name !== 'press-desk.lock') {
        const bytes = fs.readFileSync(full);
        out[rel] = `${bytes.length}:${createHash('sha1').update(bytes).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return out;
}

export function journalSize(dir: string): number {
  const file = path.join(dir, 'journal.ndjson');
  return fs.existsSync(file) ? fs.statSync(file).size : -1;
}
