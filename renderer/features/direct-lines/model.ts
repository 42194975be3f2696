/**
 * What every screen of «Прямые линии» shares: the backend's types and Russian names, dates in the
 * organisation's zone (form fields hold the day and the time as the organisation sees them), numbering.
 */
import type { DirectLineCard, DirectLineSummary, LiveState, QuestionView } from '../../../electron/backend/features/direct-lines/api-types';
import { localDay, zonedIso } from '../../../electron/backend/features/direct-lines/dates';
import { channels, effectiveStatuses, sessionFormats, sessionStatuses, type EffectiveStatus, type SessionStatus } from '../../../electron/backend/features/direct-lines/schema';
import { formatTime } from '../../shell/time';

export type { DirectLineCard, DirectLineSummary, LiveState, QuestionView };
export { channels, effectiveStatuses, sessionFormats, sessionStatuses };
export type { Channel, SessionFormat, SessionStatus } from '../../../electron/backend/features/direct-lines/schema';

export const options = <K extends string>(names: Readonly<Record<K, string>>) =>
  (Object.entries(names) as [K, string][]).map(([value, label]) => ({ value, label }));

/** The day (YYYY-MM-DD) and the time (HH:MM) of an instant, as the organisation sees them. */
export const dayOf = (iso: string | Date, tz: string) => localDay(iso, tz);
export const timeOf = (iso: string | Date, tz: string) => formatTime(iso, tz);
export const todayIn = (tz: string) => localDay(new Date(), tz);

/** Day and time typed in the organisation's zone → an ISO instant with its offset; '' when either is missing. */
export function instantOf(day: string, time: string, tz: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}/.test(time)) return '';
  return zonedIso(day, time.slice(0, 5), tz);
}

/** «2026-03-07» → «07.03.2026» */
export const ruDay = (day: string) => day.split('-').reverse().join('.');

export const statusTone: Record<SessionStatus, string> = { announced: 'info', live: 'live', held: 'muted', published: 'ok' };
export const assignmentTone: Record<EffectiveStatus, string> = { assigned: 'info', in_progress: 'warn', done: 'ok', overdue: 'danger' };

/**
 * Numbers as the Q&A export names them («№ 3»): distinct questions in queue order; a merged duplicate
 * has no number of its own.
 */
export function numbering(questions: QuestionView[]): Map<string, number> {
  const map = new Map<string, number>();
  let n = 0;
  for (const q of questions) if (!q.mergedInto) map.set(q.id, ++n);
  return map;
}

/** The table's order: each main question followed by the duplicates merged into it. */
export function withDuplicates(questions: QuestionView[]): QuestionView[] {
  const out: QuestionView[] = [];
  for (const q of questions) {
    if (q.mergedInto && questions.some((m) => m.id === q.mergedInto)) continue;
    out.push(q, ...questions.filter((d) => d.mergedInto === q.id));
  }
  return out;
}

/** «Сидоренко Алексей Николаевич» → «Сидоренко А. Н.» */
export function shortName(full: string): string {
  const [last, ...rest] = full.trim().split(/\s+/);
  if (!last || rest.length === 0) return full.trim();
  return `${last} ${rest.map((p) => `${p[0]}.`).join(' ')}`;
}

/** «00:07:05»; negative values as «+00:03:10» is the caller's business. */
export function clock(totalSeconds: number): string {
  const s = Math.abs(Math.trunc(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

export const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase('ru-RU') + s.slice(1) : s);
