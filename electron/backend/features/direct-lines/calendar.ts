/** Sessions as calendar events of their own kind (the calendar feature merges these into its views). */
import type { Ctx } from '../../context.js';
import { sessionFormats } from './schema.js';
import { outletName, shortName } from './views.js';

export interface DirectLineCalendarEntry {
  id: string;
  title: string;
  /** ISO date-times. */
  start: string;
  end: string;
  place: string;
  kind: 'прямая линия';
  section: 'direct-lines';
}

/** Sessions overlapping [fromIso, toIso). */
export function directLineCalendarEntries(ctx: Ctx, fromIso: string, toIso: string): DirectLineCalendarEntry[] {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  return ctx.store
    .all('directLines')
    .map((s) => ({ s, start: Date.parse(s.startsAt), end: Date.parse(s.startsAt) + s.durationMinutes * 60_000 }))
    .filter(({ start, end }) => end > from && start < to)
    .sort((a, b) => a.start - b.start)
    .map(({ s, start, end }) => ({
      id: s.id,
      title: `Прямая линия: ${shortName(s.official.name)} (${sessionFormats[s.format]})`,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      place: [s.place, outletName(ctx.store, s.outletId), s.link].filter(Boolean)[0] ?? '',
      kind: 'прямая линия' as const,
      section: 'direct-lines' as const,
    }));
}
