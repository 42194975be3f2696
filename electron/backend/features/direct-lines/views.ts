/** What the methods return: stored records plus what is computed from them (overdue, answers, counts). */
import type { AppStore } from '../../collections.js';
import { AppError, notFound } from '../../errors.js';
import { effectiveStatus } from './dates.js';
import { defaultDictionary, type Dictionary, type DirectLine, type EffectiveStatus, type Question } from './schema.js';

export interface QuestionView extends Question {
  /** поручено / в работе / исполнено / просрочено (computed from the deadline); null without an assignment. */
  assignmentStatus: EffectiveStatus | null;
  /** Ids of the duplicates this question absorbed. */
  duplicateIds: string[];
  /** The text the Q&A publishes (final answer when done, else the written answer); '' when none yet. */
  publishedAnswer: string;
}

export interface SessionCounts {
  /** Every question received, duplicates included. */
  received: number;
  /** Distinct questions (duplicates merged). */
  questions: number;
  answeredLive: number;
  assigned: number;
  overdue: number;
  /** Distinct questions answered neither on air nor in writing. */
  unanswered: number;
  /** Distinct questions with no text for print yet (answered on air but not written up included). */
  notWrittenUp: number;
}

export interface DirectLineSummary extends DirectLine {
  outletName: string | null;
  counts: SessionCounts;
}

export function sessionOr404(store: AppStore, id: string): DirectLine {
  const s = store.get('directLines', id);
  if (!s) throw notFound('Прямая линия не найдена');
  return s;
}

export function questionOr404(store: AppStore, id: string): Question {
  const q = store.get('directLineQuestions', id);
  if (!q) throw notFound('Вопрос не найден');
  return q;
}

export function notMerged(q: Question): void {
  if (q.mergedInto) throw new AppError('conflict', 'Этот вопрос объединён с другим как дубликат: работайте с основным вопросом или сначала разъедините их.');
}

export function dictionary(store: AppStore): Dictionary {
  return store.get('directLineDictionaries', 'direct-lines') ?? { ...defaultDictionary, updatedAt: new Date(0).toISOString() };
}

export function sessionQuestions(store: AppStore, sessionId: string): Question[] {
  return store
    .all('directLineQuestions')
    .filter((q) => q.sessionId === sessionId)
    .sort((a, b) => a.order - b.order || a.receivedAt.localeCompare(b.receivedAt));
}

/**
 * What the newspaper prints: the department's final answer once done, else the written answer.
 * The short note typed on air is a memo, not a text for print: a question answered on air still
 * needs its answer written up before the Q&A goes out.
 */
export function publishedAnswer(q: Question): string {
  const a = q.assignment;
  if (a?.status === 'done' && a.finalAnswer.trim()) return a.finalAnswer.trim();
  return q.answer.trim();
}

/** The resident got no answer at all: not on air, not in writing. */
export const unanswered = (q: Question) => !q.answeredLive && !publishedAnswer(q);

export function toView(q: Question, all: Question[], today: string): QuestionView {
  return {
    ...q,
    assignmentStatus: q.assignment ? effectiveStatus(q.assignment, today) : null,
    duplicateIds: all.filter((d) => d.mergedInto === q.id).map((d) => d.id),
    publishedAnswer: publishedAnswer(q),
  };
}

export function countsOf(questions: Question[], today: string): SessionCounts {
  const distinct = questions.filter((q) => !q.mergedInto);
  return {
    received: questions.length,
    questions: distinct.length,
    answeredLive: distinct.filter((q) => q.answeredLive).length,
    assigned: distinct.filter((q) => q.assignment).length,
    overdue: distinct.filter((q) => q.assignment && effectiveStatus(q.assignment, today) === 'overdue').length,
    unanswered: distinct.filter(unanswered).length,
    notWrittenUp: distinct.filter((q) => !publishedAnswer(q)).length,
  };
}

export function outletName(store: AppStore, outletId: string | null): string | null {
  return outletId ? (store.get('outlets', outletId)?.name ?? null) : null;
}

/** «Сидоренко А. Н.» */
export function shortName(full: string): string {
  const [last, ...rest] = full.trim().split(/\s+/);
  if (!last || rest.length === 0) return full.trim();
  return `${last} ${rest.map((p) => `${p[0]}.`).join(' ')}`;
}

export function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}
