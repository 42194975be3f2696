import type { Ctx, HandlerTable } from '../../context.js';
import type { TodayItem } from './schema.js';
import { contractsToday } from '../contracts/today.js';
import { directLinesToday } from '../direct-lines/today.js';
import { calendarToday } from '../calendar/today.js';
import { releasesToday } from '../releases/today.js';

/**
 * Each feature that has something for the «Сегодня» panel adds its provider here
 * (overdue coverage tasks, contract warnings, overdue assignments …).
 */
export type TodayProvider = (ctx: Ctx, day: string) => TodayItem[];
const providers: TodayProvider[] = [contractsToday, directLinesToday, calendarToday, releasesToday];

const severityOrder = { danger: 0, warning: 1, info: 2 } as const;

/** Today's date (YYYY-MM-DD) in the organisation's time zone, not the computer's. */
export function orgToday(ctx: Ctx): string {
  const tz = ctx.store.get('settings', 'settings')?.organisation.timeZone ?? 'Europe/Moscow';
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.now());
}

export const todayHandlers: HandlerTable<'today.get'> = {
  'today.get': ({ date }, ctx) => {
    const day = date ?? orgToday(ctx);
    const items = providers.flatMap((provide) => provide(ctx, day));
    return items.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || (a.due ?? '').localeCompare(b.due ?? ''));
  },
};
