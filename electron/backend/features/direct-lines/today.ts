/** «Сегодня»: overdue and due-soon assignments, and a direct line on the day. */
import type { Ctx } from '../../context.js';
import { countOf } from '../../format.js';
import type { TodayItem } from '../today/schema.js';
import { addDays, daysBetween, effectiveStatus, localDay, orgTimeZone, ruDay, zonedIso } from './dates.js';
import { sessionFormats } from './schema.js';
import { clip, shortName } from './views.js';

/** Assignments due within this many days (the deadline day included) show as «скоро срок». */
export const DUE_SOON_DAYS = 3;

const DAYS = ['день', 'дня', 'дней'] as const;

export function directLinesToday({ store }: Ctx, day: string): TodayItem[] {
  const tz = orgTimeZone(store);
  const items: TodayItem[] = [];
  const sessions = new Map(store.all('directLines').map((s) => [s.id, s]));
  for (const s of sessions.values()) {
    if (localDay(s.startsAt, tz) !== day) continue;
    const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(new Date(s.startsAt));
    items.push({
      section: 'direct-lines',
      id: s.id,
      severity: s.status === 'announced' && !s.announcedAt ? 'warning' : 'info',
      title: `Сегодня в ${time} прямая линия: ${shortName(s.official.name)}`,
      detail: [sessionFormats[s.format], s.place, s.status === 'announced' && !s.announcedAt ? 'анонс ещё не опубликован' : ''].filter(Boolean).join(' · '),
      due: s.startsAt,
    });
  }
  const soon = addDays(day, DUE_SOON_DAYS);
  for (const q of store.all('directLineQuestions')) {
    const a = q.assignment;
    const s = sessions.get(q.sessionId);
    if (!a || !s || q.mergedInto || a.status === 'done' || a.deadline > soon) continue;
    const overdue = effectiveStatus(a, day) === 'overdue';
    const late = daysBetween(a.deadline, day);
    items.push({
      section: 'direct-lines',
      id: s.id,
      severity: overdue ? 'danger' : 'warning',
      title: overdue ? `Просрочено поручение: ${a.department}` : `Срок поручения ${a.deadline === day ? 'сегодня' : ruDay(a.deadline)}: ${a.department}`,
      detail:
        `«${clip(q.text, 90)}» — срок ${ruDay(a.deadline)}` +
        (overdue ? `, просрочено на ${countOf(late, DAYS)}` : '') +
        `; прямая линия ${ruDay(localDay(s.startsAt, tz))}${a.responsible ? `; отв. ${a.responsible}` : ''}`,
      due: zonedIso(a.deadline, '23:59', tz),
    });
  }
  return items;
}
