/**
 * Global search hits. A question may be found by its resident's name (the operator looking up a caller),
 * but titles and subtitles never show personal data: only the question's text, topic and district.
 */
import type { AppStore } from '../../collections.js';
import { normalizeForSearch } from '../../format.js';
import { localDay, orgTimeZone, ruDay } from './dates.js';
import { sessionFormats, sessionStatuses } from './schema.js';
import { sessionText } from './sessions.js';
import { clip, shortName } from './views.js';

export interface DirectLineHit {
  section: 'direct-lines';
  /** Always the session to open (a question's hit opens its session). */
  id: string;
  title: string;
  subtitle: string;
  /** For a question: the question to show in the opened session. */
  questionId?: string;
}

export function searchDirectLines(store: AppStore, query: string): DirectLineHit[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const tz = orgTimeZone(store);
  const matches = (haystack: string) => words.every((w) => haystack.includes(w));
  const sessions = new Map(store.all('directLines').map((s) => [s.id, s]));
  const hits: DirectLineHit[] = [];
  for (const s of [...sessions.values()].sort((a, b) => b.startsAt.localeCompare(a.startsAt))) {
    if (!matches(sessionText(store, s))) continue;
    hits.push({
      section: 'direct-lines',
      id: s.id,
      title: `Прямая линия ${ruDay(localDay(s.startsAt, tz))}`,
      subtitle: `${shortName(s.official.name)} · ${sessionFormats[s.format]} · ${sessionStatuses[s.status]}`,
    });
  }
  const questions = store.all('directLineQuestions').sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  for (const q of questions) {
    const r = q.resident;
    const haystack = normalizeForSearch(`${q.text} ${q.topic} ${q.district} ${q.answer} ${q.liveNote} ${q.assignment?.department ?? ''} ${q.assignment?.finalAnswer ?? ''} ${r ? `${r.name} ${r.contact}` : ''}`);
    const s = sessions.get(q.sessionId);
    if (!s || !matches(haystack)) continue;
    hits.push({
      section: 'direct-lines',
      id: s.id,
      questionId: q.id,
      title: clip(q.text, 120),
      subtitle: ['Вопрос прямой линии ' + ruDay(localDay(s.startsAt, tz)), q.topic, q.district].filter(Boolean).join(' · '),
    });
  }
  return hits;
}
