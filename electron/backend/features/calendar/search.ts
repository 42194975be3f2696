/** Event hits for the global search box (section 'calendar'): one per event or series, nearest to today first. */
import type { AppStore } from '../../collections.js';
import { normalizeForSearch } from '../../format.js';
import { lookupOf, occurrenceAt, searchText, toOccurrence } from './model.js';
import { ruleOf } from './recurrence.js';
import { eventStatuses } from './schema.js';
import { instantToWall, wallToInstant } from './time.js';

export interface CalendarHit {
  section: 'calendar';
  id: string;
  title: string;
  subtitle: string;
}

export function searchEvents(store: AppStore, query: string, now: Date, limit = 20): CalendarHit[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0 || store.count('events') === 0) return [];
  const lk = lookupOf(store, now);
  const found = store.all('events').filter((e) => {
    const hay = searchText(e, lk) + ' ' + normalizeForSearch(e.overrides.map((o) => `${o.title ?? ''} ${o.place ?? ''}`).join(' '));
    return words.every((w) => hay.includes(w));
  });
  const nowMs = now.getTime();
  const nowWall = instantToWall(nowMs, lk.tz);
  const nearest = (e: (typeof found)[number]) => {
    const rule = ruleOf(e, lk.tz);
    const next = rule.after(new Date(nowWall), true) ?? rule.before(new Date(nowWall), true);
    return next ? wallToInstant(next.getTime(), lk.tz) : Date.parse(e.start);
  };
  const distance = (ms: number) => (ms >= nowMs ? ms - nowMs : (nowMs - ms) * 4); // upcoming ones first
  const hits = found
    .map((e) => {
      const o = toOccurrence(occurrenceAt(e, null, lk.tz), lk);
      const when = o.recurring ? o.recurrenceText : o.labels.when;
      const status = e.status === 'planned' ? '' : ` · ${eventStatuses[e.status]}`;
      return { hit: { section: 'calendar' as const, id: e.id, title: e.title, subtitle: `Мероприятие · ${o.labels.kind} · ${when}${status}` }, d: distance(o.recurring ? nearest(e) : Date.parse(e.start)) };
    })
    .sort((a, b) => a.d - b.d);
  return hits.slice(0, limit).map((h) => h.hit);
}
