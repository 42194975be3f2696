/**
 * Two documents of a session:
 * - «Вопросы и ответы прямой линии главы города … г.» for the newspaper: questions as the residents
 *   asked them, the answers; a resident's name only when he agreed to its publication, never the
 *   address or contact; the district (not personal data on its own) as the newspaper usually prints it.
 * - «Перечень поручений» for the head: a ГОСТ table with departments, deadlines and state.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { FileResult } from '../../api.js';
import type { AppStore } from '../../collections.js';
import { letterhead, note, para, subtitle, table, title } from '../../docx/blocks.js';
import { GOST, gostDocument, safeFileName, toFileResult } from '../../docx/gost.js';
import { AppError, fieldError } from '../../errors.js';
import { countOf, formatDateLong, plural } from '../../format.js';
import { daysBetween, doneOnTime, effectiveStatus, localDay, orgTimeZone, ruDay } from './dates.js';
import { effectiveStatuses, sessionFormats, type DirectLine, type Question } from './schema.js';
import { clip, dictionary, outletName, publishedAnswer, sessionOr404, sessionQuestions } from './views.js';

const QUESTIONS = ['вопрос', 'вопроса', 'вопросов'] as const;

const r = (text: string, o: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, font: GOST.font, size: GOST.textSize, ...o });
const body = (runs: TextRun[], after = 0, keepNext = false) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, keepNext, keepLines: true, indent: { firstLine: GOST.firstLineIndent }, spacing: { line: 360, after }, children: runs });
const topicHeading = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240, after: 120 }, children: [r(text, { bold: true })] });

/** «главы города» when the one answering is the head; otherwise the title names no one (the subtitle does). */
function whose(s: DirectLine): string {
  return /^глава\s+(города|администрации|муниципального)/i.test(s.official.position) ? ' главы города' : '';
}

/** «Газета «Маяк труда»» → «газета «Маяк труда»» mid-sentence; an abbreviation («ГТРК») stays as it is. */
const lowerFirst = (s: string) => (s && !/^\p{Lu}{2}/u.test(s) ? s[0]!.toLocaleLowerCase('ru-RU') + s.slice(1) : s);

/** Who asked, as printed: the name only with consent, plus the district. */
function attribution(q: Question): string {
  const name = q.resident?.publishName && q.resident.name && !q.anonymisedAt ? q.resident.name : '';
  return [name, q.district].filter(Boolean).join(', ');
}

function orderedTopics(store: AppStore, questions: Question[]): string[] {
  const known = dictionary(store).topics;
  const used = [...new Set(questions.map((q) => q.topic))];
  return [...known.filter((t) => used.includes(t)), ...used.filter((t) => !known.includes(t)).sort((a, b) => a.localeCompare(b, 'ru'))];
}

export async function buildQaDocx(store: AppStore, id: string, withoutUnanswered: boolean, now: Date): Promise<FileResult> {
  const s = sessionOr404(store, id);
  const tz = orgTimeZone(store);
  const all = sessionQuestions(store, id);
  const distinct = all.filter((q) => !q.mergedInto);
  const unanswered = distinct.filter((q) => !publishedAnswer(q));
  if (unanswered.length > 0 && !withoutUnanswered) {
    const numbers = unanswered.map((q) => `№ ${distinct.indexOf(q) + 1}`).slice(0, 10).join(', ');
    const onAir = unanswered.filter((q) => q.answeredLive).length;
    throw fieldError(
      'publishWithoutUnanswered',
      'Опубликовать без вопросов, на которые ещё нет ответа',
      `ещё нет письменного ответа на ${countOf(unanswered.length, QUESTIONS)} (${numbers}${unanswered.length > 10 ? ' …' : ''})` +
        (onAir ? `, из них на ${onAir} ответили в эфире — запишите ответ для газеты` : '') +
        '. Дайте ответы или явно выберите «опубликовать без них».',
    );
  }
  const published = distinct.filter((q) => publishedAnswer(q));
  if (published.length === 0) throw new AppError('validation', 'Публиковать нечего: ни на один вопрос этой прямой линии ещё нет ответа.');

  const day = formatDateLong(s.startsAt, tz);
  const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(new Date(s.startsAt));
  const outlet = outletName(store, s.outletId);
  const where = [sessionFormats[s.format], outlet && lowerFirst(outlet)].filter(Boolean).join(', ');
  const answeredLive = distinct.filter((q) => q.answeredLive).length;
  const children = [
    title(`Вопросы и ответы прямой линии${whose(s)} ${day}`),
    subtitle(`На вопросы жителей отвечает ${[lowerFirst(s.official.position), s.official.name].filter(Boolean).join(' ')}`),
    para(
      `Прямая линия прошла ${day} в ${time} (${where}). Поступило ${countOf(all.length, QUESTIONS)}` +
        (answeredLive ? `, на ${countOf(answeredLive, QUESTIONS)} ответы даны во время прямой линии` : '') +
        '. Публикуем вопросы жителей и ответы на них.',
    ),
  ];
  for (const topic of orderedTopics(store, published)) {
    children.push(topicHeading(topic));
    for (const q of published.filter((p) => p.topic === topic)) {
      const who = attribution(q);
      const dupes = all.filter((d) => d.mergedInto === q.id).length;
      children.push(
        body([
          r('Вопрос: ', { bold: true }),
          r(q.text.trim()),
          ...(who ? [r(` (${who})`, { italics: true })] : []),
          ...(dupes ? [r(dupes === 1 ? ' Похожий вопрос задал ещё один житель.' : ` Похожий вопрос задали ещё ${countOf(dupes, ['житель', 'жителя', 'жителей'])}.`, { italics: true })] : []),
        ], 0, true),
      );
      const [first, ...more] = publishedAnswer(q).split(/\n+/).map((p) => p.trim()).filter(Boolean);
      children.push(body([r('Ответ: ', { bold: true }), r(first ?? '')], more.length ? 0 : 200, more.length > 0));
      more.forEach((p, i) => children.push(body([r(p)], i === more.length - 1 ? 200 : 0, i < more.length - 1)));
    }
  }
  if (unanswered.length > 0) {
    const one = plural(unanswered.length, ['1', '2', '5']) === '1';
    children.push(note(`${one ? 'Ответ' : 'Ответы'} ещё на ${countOf(unanswered.length, QUESTIONS)} ${one ? 'будет опубликован' : 'будут опубликованы'} позже.`));
  }
  const doc = gostDocument({ title: `Вопросы и ответы прямой линии ${day}`, sections: [{ children }] });
  return toFileResult(doc, safeFileName(`Прямая линия ${localDay(s.startsAt, tz)} вопросы и ответы`, 'docx'));
}

export async function buildAssignmentsDocx(store: AppStore, id: string, now: Date): Promise<FileResult> {
  const s = sessionOr404(store, id);
  const tz = orgTimeZone(store);
  const today = localDay(now, tz);
  const org = store.get('settings', 'settings')?.organisation;
  const assigned = sessionQuestions(store, id)
    .filter((q) => q.assignment && !q.mergedInto)
    .sort((a, b) => a.assignment!.deadline.localeCompare(b.assignment!.deadline) || a.assignment!.department.localeCompare(b.assignment!.department, 'ru'));
  const count = { done: 0, onTime: 0, inWork: 0, overdue: 0 };
  const rows = assigned.map((q, i) => {
    const a = q.assignment!;
    const state = effectiveStatus(a, today);
    const onTime = doneOnTime(a, tz);
    let stateText: string = effectiveStatuses[state];
    if (state === 'done') {
      count.done++;
      if (onTime) count.onTime++;
      stateText += a.doneAt ? ` ${ruDay(localDay(a.doneAt, tz))}` : '';
      if (onTime === false) stateText += '\n(с нарушением срока)';
    } else if (state === 'overdue') {
      count.overdue++;
      stateText += `\nна ${countOf(daysBetween(a.deadline, today), ['день', 'дня', 'дней'])}`;
    } else count.inWork++;
    return [
      String(i + 1),
      `${clip(q.text, 350)}\n(${[q.topic, q.district].filter(Boolean).join(', ')})`,
      [a.department, a.responsible].filter(Boolean).join('\n'),
      ruDay(a.deadline),
      stateText,
      state === 'done' ? clip(a.finalAnswer, 350) : '',
    ];
  });
  const day = formatDateLong(s.startsAt, tz);
  const doc = gostDocument({
    title: `Поручения по итогам прямой линии ${day}`,
    sections: [
      {
        landscape: true,
        children: [
          ...(org ? [letterhead(org.name)] : []),
          title(`Перечень поручений по итогам прямой линии${whose(s)} ${day}`),
          subtitle(`по состоянию на ${formatDateLong(now, tz)}`),
          para(
            `Всего поручений: ${assigned.length}; исполнено — ${count.done} (в срок — ${count.onTime}), в работе — ${count.inWork}, просрочено — ${count.overdue}.`,
          ),
          table(
            [
              { title: '№ п/п', width: 5, align: 'center' },
              { title: 'Вопрос жителя', width: 33 },
              { title: 'Исполнитель, ответственный', width: 17 },
              { title: 'Срок', width: 9, align: 'center' },
              { title: 'Состояние', width: 12, align: 'center' },
              { title: 'Отметка об исполнении', width: 24 },
            ],
            rows,
            { landscape: true, emptyText: 'Поручений по итогам этой прямой линии нет' },
          ),
          note('Просроченным считается поручение, не исполненное до конца дня, указанного в сроке (по местному времени).'),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`Прямая линия ${localDay(s.startsAt, tz)} поручения`, 'docx'));
}
