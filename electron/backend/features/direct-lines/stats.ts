/**
 * Statistics per session and for a period.
 * Counting rules (so every number can be checked by hand):
 * - `received` counts every question that came in, duplicates included; `byTopic`, `byDistrict`
 *   and `byChannel` count those too (each resident who asked is one).
 * - everything else counts distinct questions (a merged duplicate is not answered or assigned twice).
 * - overdue: not done and the deadline day is before `asOf` (today in the org's time zone);
 *   done on time: done by the end of the deadline day in the org's time zone.
 */
import type { AppStore } from '../../collections.js';
import { fieldError } from '../../errors.js';
import { doneOnTime, effectiveStatus, localDay } from './dates.js';
import { channels, type DirectLine, type Question } from './schema.js';
import { publishedAnswer, unanswered } from './views.js';

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface DepartmentCount {
  department: string;
  assigned: number;
  done: number;
  doneOnTime: number;
  overdue: number;
}

export interface DirectLineStats {
  sessions: number;
  received: number;
  questions: number;
  duplicates: number;
  answeredLive: number;
  /** Not answered on air, but with a written or final answer. */
  answeredInWriting: number;
  /** Answered neither on air nor in writing. */
  unanswered: number;
  /** No text for print yet (what blocks the Q&A), answered-on-air ones not written up included. */
  notWrittenUp: number;
  assigned: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  /** Assigned, not done, deadline not passed. */
  inWork: number;
  overdue: number;
  byTopic: Count[];
  byDistrict: Count[];
  byChannel: Count[];
  byDepartment: DepartmentCount[];
  /** The day overdue was judged on (YYYY-MM-DD). */
  asOf: string;
}

const NO_DISTRICT = 'не указан';

function tally(items: string[], label: (k: string) => string = (k) => k): Count[] {
  const map = new Map<string, number>();
  for (const k of items) map.set(k, (map.get(k) ?? 0) + 1);
  return [...map].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'));
}

export function computeStats(sessions: DirectLine[], questions: Question[], tz: string, asOf: string): DirectLineStats {
  const ids = new Set(sessions.map((s) => s.id));
  const received = questions.filter((q) => ids.has(q.sessionId));
  const distinct = received.filter((q) => !q.mergedInto);
  const assigned = distinct.filter((q) => q.assignment);
  const states = assigned.map((q) => ({ q, a: q.assignment!, state: effectiveStatus(q.assignment!, asOf), onTime: doneOnTime(q.assignment!, tz) }));
  const departments = new Map<string, DepartmentCount>();
  for (const { a, state, onTime } of states) {
    const d = departments.get(a.department) ?? { department: a.department, assigned: 0, done: 0, doneOnTime: 0, overdue: 0 };
    d.assigned++;
    if (state === 'done') d.done++;
    if (onTime) d.doneOnTime++;
    if (state === 'overdue') d.overdue++;
    departments.set(a.department, d);
  }
  return {
    sessions: sessions.length,
    received: received.length,
    questions: distinct.length,
    duplicates: received.length - distinct.length,
    answeredLive: distinct.filter((q) => q.answeredLive).length,
    answeredInWriting: distinct.filter((q) => !q.answeredLive && publishedAnswer(q)).length,
    unanswered: distinct.filter(unanswered).length,
    notWrittenUp: distinct.filter((q) => !publishedAnswer(q)).length,
    assigned: assigned.length,
    done: states.filter((s) => s.state === 'done').length,
    doneOnTime: states.filter((s) => s.onTime === true).length,
    doneLate: states.filter((s) => s.onTime === false).length,
    inWork: states.filter((s) => s.state === 'assigned' || s.state === 'in_progress').length,
    overdue: states.filter((s) => s.state === 'overdue').length,
    byTopic: tally(received.map((q) => q.topic)),
    byDistrict: tally(received.map((q) => q.district || NO_DISTRICT)),
    byChannel: tally(received.map((q) => q.channel), (k) => channels[k as keyof typeof channels] ?? k),
    byDepartment: [...departments.values()].sort((a, b) => b.assigned - a.assigned || a.department.localeCompare(b.department, 'ru')),
    asOf,
  };
}

/** Sessions in scope: one session, or those whose day (in the org's zone) falls in [from, to]. */
export function sessionsInScope(store: AppStore, tz: string, scope: { sessionId?: string; from?: string; to?: string }): DirectLine[] {
  if (scope.from && scope.to && scope.from > scope.to) throw fieldError('to', 'Конец периода', 'раньше начала периода');
  return store.all('directLines').filter((s) => {
    if (scope.sessionId && s.id !== scope.sessionId) return false;
    const day = localDay(s.startsAt, tz);
    return (!scope.from || day >= scope.from) && (!scope.to || day <= scope.to);
  });
}
