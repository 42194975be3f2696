import { z } from 'zod';
import { isoDate } from '../../schema-kit.js';

export const TodayInput = z
  .object({
    /** The day to look at (YYYY-MM-DD in the organisation's time zone); today by default. */
    date: isoDate('Дата').optional(),
  })
  .default({});

/** One line of the «Сегодня» panel: something that needs attention, with a link to it. */
export interface TodayItem {
  /** The sidebar section it belongs to (calendar, contracts, direct-lines, releases …). */
  section: string;
  /** The record to open in that section. */
  id: string;
  severity: 'info' | 'warning' | 'danger';
  title: string;
  detail: string;
  /** ISO date-time it is due, when it has one (sorts the panel). */
  due?: string;
}
