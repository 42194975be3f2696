/** Assignments to departments (поручения) with deadlines; «просрочено» is computed, never stored. */
import type { AppStore } from '../../collections.js';
import type { HandlerTable } from '../../context.js';
import { AppError, fieldError } from '../../errors.js';
import { localDay, orgTimeZone, ruDay } from './dates.js';
import type { Question } from './schema.js';
import { viewOf } from './questions.js';
import { notMerged, questionOr404, sessionOr404 } from './views.js';

function checkDeadline(store: AppStore, q: Question, deadline: string): void {
  const day = localDay(sessionOr404(store, q.sessionId).startsAt, orgTimeZone(store));
  if (deadline < day) throw fieldError('deadline', 'Срок исполнения', `срок не может быть раньше дня прямой линии (${ruDay(day)})`);
}

export const assignmentHandlers: HandlerTable<'directLines.assign' | 'directLines.updateAssignment' | 'directLines.unassign'> = {
  /** Gives (or changes) the assignment; its progress is kept when only the department or deadline changes. */
  'directLines.assign': async ({ questionId, department, responsible, deadline }, { store, now }) => {
    const q = questionOr404(store, questionId);
    notMerged(q);
    checkDeadline(store, q, deadline);
    const saved = await store.mutate((tx) => {
      const at = now().toISOString();
      const current = tx.get('directLineQuestions', questionId)!;
      const before = current.assignment;
      return tx.put('directLineQuestions', {
        ...current,
        assignment: {
          department,
          responsible,
          deadline,
          status: before?.status ?? 'assigned',
          assignedAt: before?.assignedAt ?? at,
          doneAt: before?.doneAt ?? null,
          finalAnswer: before?.finalAnswer ?? '',
        },
        updatedAt: at,
      });
    });
    return viewOf(store, saved, now());
  },

  'directLines.updateAssignment': async ({ questionId, status, finalAnswer, doneAt }, { store, now }) => {
    const q = questionOr404(store, questionId);
    if (!q.assignment) throw new AppError('conflict', 'По этому вопросу нет поручения: сначала дайте поручение (отдел и срок).');
    const saved = await store.mutate((tx) => {
      const at = now().toISOString();
      const current = tx.get('directLineQuestions', questionId)!;
      const a = current.assignment!;
      return tx.put('directLineQuestions', {
        ...current,
        assignment: {
          ...a,
          status,
          doneAt: status === 'done' ? (doneAt ?? (a.status === 'done' ? a.doneAt : null) ?? at) : null,
          finalAnswer: finalAnswer ?? a.finalAnswer,
        },
        updatedAt: at,
      });
    });
    return viewOf(store, saved, now());
  },

  'directLines.unassign': async ({ id }, { store, now }) => {
    const q = questionOr404(store, id);
    if (!q.assignment) return viewOf(store, q, now());
    const saved = await store.mutate((tx) => tx.put('directLineQuestions', { ...tx.get('directLineQuestions', id)!, assignment: null, updatedAt: now().toISOString() }));
    return viewOf(store, saved, now());
  },
};
