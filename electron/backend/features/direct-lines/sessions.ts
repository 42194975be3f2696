/** Sessions: list, card, create, edit, status (анонсирована → идёт → проведена → итоги опубликованы), removal. */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import type { HandlerTable } from '../../context.js';
import { AppError, fieldError } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { localDay, orgTimeZone, ruDay } from './dates.js';
import type { DirectLine } from './schema.js';
import { computeStats, type DirectLineStats } from './stats.js';
import { countsOf, outletName, sessionOr404, sessionQuestions, toView, type DirectLineSummary, type QuestionView } from './views.js';

export interface DirectLineCard {
  session: DirectLine;
  outletName: string | null;
  /** In queue order; merged duplicates included (their `mergedInto` names the main question). */
  questions: QuestionView[];
  stats: DirectLineStats;
}

function checkOutlet(store: AppStore, outletId: string | null): string | null {
  const id = outletId || null;
  if (id && !store.get('outlets', id)) throw fieldError('outletId', 'СМИ-партнёр', 'такого СМИ нет в справочнике СМИ (возможно, оно удалено); выберите СМИ из списка');
  return id;
}

/** Moving a session after the deadlines already given on it would make them «before the session». */
function checkDeadlinesAfter(store: AppStore, sessionId: string, startsAt: string, tz: string): void {
  const day = localDay(startsAt, tz);
  const early = sessionQuestions(store, sessionId).filter((q) => q.assignment && q.assignment.deadline < day);
  if (early.length > 0)
    throw fieldError('startsAt', 'Дата и время', `у ${early.length} поручений срок исполнения раньше этой даты (например, ${ruDay(early[0]!.assignment!.deadline)}); сначала измените сроки`);
}

export function sessionText(store: AppStore, s: DirectLine): string {
  return normalizeForSearch(`${s.official.name} ${s.official.position} ${s.place} ${s.announcement} ${s.notes} ${outletName(store, s.outletId) ?? ''}`);
}

export const sessionHandlers: HandlerTable<
  'directLines.list' | 'directLines.get' | 'directLines.create' | 'directLines.update' | 'directLines.setStatus' | 'directLines.remove'
> = {
  'directLines.list': ({ query, year, status }, { store, now }) => {
    const tz = orgTimeZone(store);
    const today = localDay(now(), tz);
    const words = normalizeForSearch(query).split(' ').filter(Boolean);
    const questions = store.all('directLineQuestions');
    return store
      .all('directLines')
      .filter((s) => (!year || localDay(s.startsAt, tz).startsWith(`${year}-`)) && (!status || s.status === status))
      .filter((s) => words.length === 0 || words.every((w) => sessionText(store, s).includes(w)))
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .map((s): DirectLineSummary => ({ ...s, outletName: outletName(store, s.outletId), counts: countsOf(questions.filter((q) => q.sessionId === s.id), today) }));
  },

  'directLines.get': ({ id }, { store, now }) => {
    const session = sessionOr404(store, id);
    const tz = orgTimeZone(store);
    const today = localDay(now(), tz);
    const questions = sessionQuestions(store, id);
    return {
      session,
      outletName: outletName(store, session.outletId),
      questions: questions.map((q) => toView(q, questions, today)),
      stats: computeStats([session], questions, tz, today),
    };
  },

  'directLines.create': (fields, { store, now }) => {
    const outletId = checkOutlet(store, fields.outletId);
    return store.mutate((tx) => {
      const at = now().toISOString();
      return tx.put('directLines', {
        ...fields,
        outletId,
        id: randomUUID(),
        status: 'announced',
        currentQuestionId: null,
        liveStartedAt: null,
        liveEndedAt: null,
        publishedAt: null,
        anonymisedAt: null,
        createdAt: at,
        updatedAt: at,
      });
    });
  },

  'directLines.update': ({ id, ...fields }, { store, now }) => {
    const current = sessionOr404(store, id);
    const outletId = checkOutlet(store, fields.outletId);
    if (fields.startsAt !== current.startsAt) checkDeadlinesAfter(store, id, fields.startsAt, orgTimeZone(store));
    return store.mutate((tx) => tx.put('directLines', { ...(tx.get('directLines', id) ?? current), ...fields, outletId, updatedAt: now().toISOString() }));
  },

  'directLines.setStatus': ({ id, status }, { store, now }) => {
    sessionOr404(store, id);
    return store.mutate((tx) => {
      const s = tx.get('directLines', id)!;
      const at = now().toISOString();
      const next: DirectLine = { ...s, status, updatedAt: at };
      if (status === 'live') {
        next.liveStartedAt ??= at;
        next.liveEndedAt = null;
        if (!next.currentQuestionId) {
          const first = sessionQuestions(store, id).find((q) => !q.mergedInto && !q.answeredLive);
          next.currentQuestionId = first?.id ?? null;
        }
      }
      if ((status === 'held' || status === 'published') && next.liveStartedAt && !next.liveEndedAt) next.liveEndedAt = at;
      if (status === 'held' || status === 'published') next.currentQuestionId = null;
      if (status === 'published') next.publishedAt ??= at;
      return tx.put('directLines', next);
    });
  },

  'directLines.remove': async ({ id }, { store }) => {
    sessionOr404(store, id);
    const removed = await store.mutate((tx) => {
      const questions = tx.all('directLineQuestions').filter((q) => q.sessionId === id);
      questions.forEach((q) => tx.del('directLineQuestions', q.id));
      tx.del('directLines', id);
      return questions.length;
    });
    // The removed questions held residents' personal data: do not leave it in the journal.
    await store.compact();
    return { removedQuestions: removed };
  },
};

/** For the CLI: a session by its id, or by its day (YYYY-MM-DD in the org's time zone) when that day has exactly one. */
export function resolveSessionRef(store: AppStore, ref: string): DirectLine {
  const byId = store.get('directLines', ref);
  if (byId) return byId;
  if (/^\d{4}-\d{2}-\d{2}$/.test(ref)) {
    const tz = orgTimeZone(store);
    const found = store.all('directLines').filter((s) => localDay(s.startsAt, tz) === ref);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new AppError('validation', `В этот день несколько прямых линий: ${found.map((s) => s.id).join(', ')}. Укажите идентификатор.`);
  }
  throw new AppError('not_found', `Прямая линия «${ref}» не найдена: укажите идентификатор или дату (ГГГГ-ММ-ДД). Список: press-desk call directLines.list`);
}
