/**
 * The live screen during the hour: the question on air, the queue, the timer, and the fast
 * actions (answered on air with a short note → next question). Each action returns the whole
 * LiveState, so the screen needs one round trip per key press.
 */
import type { AppStore } from '../../collections.js';
import type { HandlerTable } from '../../context.js';
import { fieldError } from '../../errors.js';
import { localDay, orgTimeZone } from './dates.js';
import type { DirectLine, Question } from './schema.js';
import { notMerged, questionOr404, sessionOr404, sessionQuestions, toView, type QuestionView } from './views.js';

export interface LiveState {
  session: DirectLine;
  /** Seconds since the session went on air (to its end, once ended); 0 before. */
  elapsedSeconds: number;
  /** Seconds left of the planned duration; negative when running over. */
  remainingSeconds: number;
  current: QuestionView | null;
  /** Not yet answered on air, in queue order, without the current one and without merged duplicates. */
  queue: QuestionView[];
  answeredLive: number;
  /** Distinct questions (duplicates merged). */
  total: number;
}

export function liveState(store: AppStore, sessionId: string, now: Date): LiveState {
  const session = sessionOr404(store, sessionId);
  const today = localDay(now, orgTimeZone(store));
  const all = sessionQuestions(store, sessionId);
  const distinct = all.filter((q) => !q.mergedInto);
  const view = (q: Question) => toView(q, all, today);
  const current = distinct.find((q) => q.id === session.currentQuestionId) ?? null;
  const started = session.liveStartedAt ? Date.parse(session.liveStartedAt) : null;
  const until = session.liveEndedAt ? Date.parse(session.liveEndedAt) : now.getTime();
  const elapsedSeconds = started === null ? 0 : Math.max(0, Math.floor((until - started) / 1000));
  return {
    session,
    elapsedSeconds,
    remainingSeconds: session.durationMinutes * 60 - elapsedSeconds,
    current: current ? view(current) : null,
    queue: distinct.filter((q) => !q.answeredLive && q.id !== current?.id).map(view),
    answeredLive: distinct.filter((q) => q.answeredLive).length,
    total: distinct.length,
  };
}

/** The next question not yet answered on air after `afterId` in queue order (wrapping round), or null. */
function nextAfter(questions: Question[], afterId: string | null): string | null {
  const open = questions.filter((q) => !q.mergedInto && !q.answeredLive && q.id !== afterId);
  if (open.length === 0) return null;
  const after = questions.find((q) => q.id === afterId);
  return (after ? open.find((q) => q.order > after.order) : undefined)?.id ?? open[0]!.id;
}

export const liveHandlers: HandlerTable<'directLines.live' | 'directLines.markAnsweredLive' | 'directLines.nextQuestion'> = {
  'directLines.live': ({ id }, { store, now }) => liveState(store, id, now()),

  'directLines.markAnsweredLive': async ({ id, note, answered, next }, { store, now }) => {
    const q = questionOr404(store, id);
    notMerged(q);
    await store.mutate((tx) => {
      const at = now().toISOString();
      const saved = tx.put('directLineQuestions', {
        ...tx.get('directLineQuestions', id)!,
        answeredLive: answered,
        answeredLiveAt: answered ? (q.answeredLiveAt ?? at) : null,
        liveNote: note || (answered ? q.liveNote : ''),
        updatedAt: at,
      });
      const s = tx.get('directLines', q.sessionId)!;
      const session: DirectLine = { ...s, updatedAt: at };
      // Marking on air while the session is still «анонсирована» means the hour has begun.
      if (answered && s.status === 'announced') {
        session.status = 'live';
        session.liveStartedAt ??= at;
      }
      if (next && (s.currentQuestionId === id || !s.currentQuestionId)) {
        const questions = tx.all('directLineQuestions').filter((o) => o.sessionId === q.sessionId).sort((a, b) => a.order - b.order);
        session.currentQuestionId = nextAfter(questions.map((o) => (o.id === id ? saved : o)), id);
      }
      tx.put('directLines', session);
    });
    return liveState(store, q.sessionId, now());
  },

  'directLines.nextQuestion': async ({ id, questionId }, { store, now }) => {
    sessionOr404(store, id);
    if (questionId) {
      const q = questionOr404(store, questionId);
      if (q.sessionId !== id) throw fieldError('questionId', 'Вопрос', 'этот вопрос из другой прямой линии');
      notMerged(q);
    }
    await store.mutate((tx) => {
      const s = tx.get('directLines', id)!;
      const questions = tx.all('directLineQuestions').filter((o) => o.sessionId === id).sort((a, b) => a.order - b.order);
      tx.put('directLines', { ...s, currentQuestionId: questionId ?? nextAfter(questions, s.currentQuestionId), updatedAt: now().toISOString() });
    });
    return liveState(store, id, now());
  },
};
