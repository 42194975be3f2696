/** Every «directLines.*» method; each part lives in its own file. */
import type { HandlerTable } from '../../context.js';
import { fieldError, notFound } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { anonymiseHandlers } from './anonymise.js';
import { assignmentHandlers } from './assignments.js';
import { localDay, orgTimeZone } from './dates.js';
import { buildAssignmentsDocx, buildQaDocx } from './docx.js';
import { liveHandlers } from './live.js';
import { questionHandlers } from './questions.js';
import { sessionHandlers } from './sessions.js';
import { computeStats, sessionsInScope } from './stats.js';
import { dictionary } from './views.js';

const lists = { topics: 'Темы вопросов', districts: 'Районы', departments: 'Отделы-исполнители' } as const;

const otherHandlers: HandlerTable<
  'directLines.stats' | 'directLines.exportQa' | 'directLines.exportAssignments' | 'directLines.dictionaries.get' | 'directLines.dictionaries.save'
> = {
  'directLines.stats': ({ sessionId, from, to, asOf }, { store, now }) => {
    const tz = orgTimeZone(store);
    if (sessionId && !store.get('directLines', sessionId)) throw notFound('Прямая линия не найдена');
    const sessions = sessionsInScope(store, tz, { sessionId, from, to });
    return computeStats(sessions, store.all('directLineQuestions'), tz, asOf ?? localDay(now(), tz));
  },

  'directLines.exportQa': ({ id, publishWithoutUnanswered }, { store, now }) => buildQaDocx(store, id, publishWithoutUnanswered, now()),

  'directLines.exportAssignments': ({ id }, { store, now }) => buildAssignmentsDocx(store, id, now()),

  'directLines.dictionaries.get': (_input, { store }) => dictionary(store),

  'directLines.dictionaries.save': (input, { store, now }) => {
    for (const key of Object.keys(lists) as (keyof typeof lists)[]) {
      const seen = new Set<string>();
      for (const item of input[key]) {
        const k = normalizeForSearch(item);
        if (seen.has(k)) throw fieldError(key, lists[key], `«${item}» повторяется`);
        seen.add(k);
      }
    }
    return store.mutate((tx) => tx.put('directLineDictionaries', { ...input, id: 'direct-lines', updatedAt: now().toISOString() }));
  },
};

export const directLineHandlers = {
  ...sessionHandlers,
  ...questionHandlers,
  ...liveHandlers,
  ...assignmentHandlers,
  ...anonymiseHandlers,
  ...otherHandlers,
};
