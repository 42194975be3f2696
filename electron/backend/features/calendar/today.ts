/** The calendar's lines on the «Сегодня» panel: today's events, and coverage tasks overdue or due this week. */
import type { Ctx } from '../../context.js';
import type { TodayItem } from '../today/schema.js';
import { dateDayMonth, weekdayShort } from './fmt.js';
import { expandRange, lookupOf, rangeOf, toOccurrence } from './model.js';
import { addDays, weekStart } from './time.js';

/** How far back an unfinished coverage task still shows as overdue. */
export const OVERDUE_LOOKBACK_DAYS = 14;

export function calendarToday(ctx: Ctx, day: string): TodayItem[] {
  const { store } = ctx;
  if (store.count('events') === 0) return [];
  const lk = { ...lookupOf(store, ctx.now()), today: day };
  const monday = weekStart(day);
  const sunday = addDays(monday, 6);
  const lookFrom = addDays(day < monday ? day : monday, -OVERDUE_LOOKBACK_DAYS);
  // Tasks are due up to 60 days before or after their event: look at events around the window.
  const raw = expandRange(store.all('events'), rangeOf(addDays(lookFrom, -60), addDays(sunday, 60), lk.tz), lk.tz);
  const items: TodayItem[] = [];
  for (const r of raw) {
    if (r.fields.status === 'cancelled') continue;
    const o = toOccurrence(r, lk);
    const startDay = o.localStart.slice(0, 10);
    const endDay = o.localEnd.slice(0, 10);
    if (startDay <= day && endDay >= day) {
      items.push({
        section: 'calendar',
        id: o.uid,
        severity: 'info',
        title: `${o.allDay ? 'Весь день' : o.labels.time}: ${o.title}`,
        detail: [o.labels.kind, o.place, o.labels.responsible, o.status === 'postponed' ? `перенесено: ${o.statusReason}` : ''].filter(Boolean).join(' · '),
        due: o.allDay ? `${startDay}T00:00:00` : o.start,
      });
    }
    for (const c of o.coverage) {
      if (c.done || c.due > sunday || c.due < lookFrom) continue;
      const overdue = c.due < day;
      items.push({
        section: 'calendar',
        id: o.uid,
        severity: overdue ? 'danger' : c.due === day ? 'warning' : 'info',
        title: `${c.name[0]!.toUpperCase()}${c.name.slice(1)}: ${o.title}`,
        detail: [
          overdue ? `просрочено, срок был ${weekdayShort(c.due)} ${dateDayMonth(c.due)}` : c.due === day ? 'срок сегодня' : `срок ${weekdayShort(c.due)} ${dateDayMonth(c.due)}`,
          c.assigneeName,
          `мероприятие ${dateDayMonth(startDay)}`,
        ]
          .filter(Boolean)
          .join(' · '),
        due: `${c.due}T23:59:59`,
      });
    }
  }
  return items;
}
