/** Residents' questions: add (before or during the hour), edit, remove, merge duplicates. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppStore } from '../../collections.js';
import type { HandlerTable } from '../../context.js';
import { AppError, fieldError } from '../../errors.js';
import { localDay, orgTimeZone } from './dates.js';
import type { Question, QuestionFields, Resident } from './schema.js';
import { dictionary, notMerged, questionOr404, sessionOr404, sessionQuestions, toView } from './views.js';

type Fields = z.output<typeof QuestionFields>;

/** Topic (and district, when the dictionary lists districts) must come from the dictionary; a value kept from before may stay. */
function checkClassifiers(store: AppStore, f: Pick<Fields, 'topic' | 'district'>, previous?: Question): void {
  const dict = dictionary(store);
  if (!dict.topics.includes(f.topic) && f.topic !== previous?.topic)
    throw fieldError('topic', 'Тема', `«${f.topic}» нет в списке тем прямых линий; выберите из списка или добавьте тему в справочник`);
  if (f.district && dict.districts.length > 0 && !dict.districts.includes(f.district) && f.district !== previous?.district)
    throw fieldError('district', 'Район', `«${f.district}» нет в списке районов; выберите из списка или добавьте район в справочник`);
}

/** Only what is needed: an all-empty resident is no resident at all. */
export function cleanResident(r: Resident | null): Resident | null {
  if (!r || (!r.name && !r.address && !r.contact)) return null;
  return { ...r, publishName: r.publishName && !!r.name };
}

export function viewOf(store: AppStore, q: Question, now: Date) {
  const today = localDay(now, orgTimeZone(store));
  return toView(q, sessionQuestions(store, q.sessionId), today);
}

export const questionHandlers: HandlerTable<
  'directLines.addQuestion' | 'directLines.updateQuestion' | 'directLines.removeQuestion' | 'directLines.mergeQuestions' | 'directLines.unmergeQuestion'
> = {
  'directLines.addQuestion': async ({ sessionId, receivedAt, ...fields }, { store, now }) => {
    sessionOr404(store, sessionId);
    checkClassifiers(store, fields);
    const q = await store.mutate((tx) => {
      const at = now().toISOString();
      const order = Math.max(-1, ...tx.all('directLineQuestions').filter((o) => o.sessionId === sessionId).map((o) => o.order)) + 1;
      return tx.put('directLineQuestions', {
        ...fields,
        resident: cleanResident(fields.resident),
        receivedAt: receivedAt ?? at,
        id: randomUUID(),
        sessionId,
        order,
        answeredLive: false,
        answeredLiveAt: null,
        liveNote: '',
        assignment: null,
        mergedInto: null,
        anonymisedAt: null,
        createdAt: at,
        updatedAt: at,
      });
    });
    return viewOf(store, q, now());
  },

  'directLines.updateQuestion': async ({ id, ...fields }, { store, now }) => {
    const current = questionOr404(store, id);
    checkClassifiers(store, fields, current);
    const resident = cleanResident(fields.resident);
    if (current.anonymisedAt && resident) throw fieldError('resident', 'Житель', 'данные жителя обезличены по этому вопросу; вносить их заново нельзя');
    const q = await store.mutate((tx) => tx.put('directLineQuestions', { ...tx.get('directLineQuestions', id)!, ...fields, resident, updatedAt: now().toISOString() }));
    return viewOf(store, q, now());
  },

  'directLines.removeQuestion': async ({ id }, { store, now }) => {
    const q = questionOr404(store, id);
    await store.mutate((tx) => {
      const at = now().toISOString();
      for (const d of tx.all('directLineQuestions').filter((o) => o.mergedInto === id)) tx.put('directLineQuestions', { ...d, mergedInto: null, updatedAt: at });
      const s = tx.get('directLines', q.sessionId);
      if (s?.currentQuestionId === id) tx.put('directLines', { ...s, currentQuestionId: null, updatedAt: at });
      tx.del('directLineQuestions', id);
    });
    // The question may hold a resident's personal data: do not leave it in the journal.
    await store.compact();
    return { id };
  },

  'directLines.mergeQuestions': async ({ targetId, sourceIds }, { store, now }) => {
    const target = questionOr404(store, targetId);
    notMerged(target);
    const sources = [...new Set(sourceIds)].map((id) => questionOr404(store, id));
    for (const s of sources) {
      if (s.id === targetId) throw fieldError('sourceIds', 'Дубликаты', 'вопрос нельзя объединить с самим собой');
      if (s.sessionId !== target.sessionId) throw fieldError('sourceIds', 'Дубликаты', 'объединять можно только вопросы одной прямой линии');
      if (s.assignment) throw new AppError('conflict', `По вопросу «${s.text.slice(0, 60)}…» есть поручение: снимите его или сделайте этот вопрос основным.`);
    }
    await store.mutate((tx) => {
      const at = now().toISOString();
      const ids = new Set(sources.map((s) => s.id));
      for (const q of tx.all('directLineQuestions')) {
        // The sources, and the duplicates they had absorbed themselves, now point at the target.
        if (ids.has(q.id) || (q.mergedInto && ids.has(q.mergedInto))) tx.put('directLineQuestions', { ...q, mergedInto: targetId, updatedAt: at });
      }
      const s = tx.get('directLines', target.sessionId);
      if (s?.currentQuestionId && ids.has(s.currentQuestionId)) tx.put('directLines', { ...s, currentQuestionId: targetId, updatedAt: at });
    });
    return viewOf(store, store.get('directLineQuestions', targetId)!, now());
  },

  'directLines.unmergeQuestion': async ({ id }, { store, now }) => {
    const q = questionOr404(store, id);
    if (!q.mergedInto) throw new AppError('conflict', 'Этот вопрос не объединён с другим.');
    const saved = await store.mutate((tx) => tx.put('directLineQuestions', { ...q, mergedInto: null, updatedAt: now().toISOString() }));
    return viewOf(store, saved, now());
  },
};
