/**
 * Сводка, the home screen: the year to date against the same dates of last year, what needs
 * attention today (every feature's «Сегодня» providers), and a link to each section.
 */
import type { Ctx } from '../../context.js';
import { dayLong } from '../contracts/days.js';
import { orgToday, todayHandlers } from '../today/handlers.js';
import type { PeriodInfo, Summary, SummaryFigure } from './api-types.js';
import { display, toFigure, type Build, type Fig } from './figures.js';
import { orgTimeZone } from '../calendar/model.js';
import { measure } from './measure.js';
import { siteSection, incidentsSection, socialSection } from './sections-site.js';
import { directLinesSection, eventsSection, newspaperSection, releasesSection } from './sections-work.js';
import { snapshotOf } from './snapshot.js';

const WANTED: { key: string; label: string; section: string }[] = [
  { key: 'site.total', label: 'Публикаций на официальном сайте', section: 'reports' },
  { key: 'releases.total', label: 'Пресс-релизов опубликовано', section: 'releases' },
  { key: 'events.held', label: 'Мероприятий с участием СМИ проведено', section: 'calendar' },
  { key: 'directLines.sessions', label: '«Прямых линий» проведено', section: 'direct-lines' },
  { key: 'directLines.received', label: 'Вопросов жителей на «прямых линиях»', section: 'direct-lines' },
  { key: 'newspaper.money', label: 'Стоимость публикаций по контрактам', section: 'contracts' },
  { key: 'newspaper.acts', label: 'Муниципальных правовых актов опубликовано', section: 'contracts' },
  { key: 'incidents.received', label: 'Инцидентов поступило', section: 'reports' },
  { key: 'social.total', label: 'Подписчиков официальных страниц', section: 'reports' },
];

/** The same day a year earlier (29 February → 28 February). */
function yearBefore(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

const range = (from: string, to: string): PeriodInfo => ({ year: Number(from.slice(0, 4)), period: 'year', label: '', from, to });
const rangeLabel = (from: string, to: string) => `${dayLong(from).replace(/ \d{4} г\.$/, '')} — ${dayLong(to)}`;

export function getSummary(ctx: Ctx): Summary {
  const snap = snapshotOf(ctx.store);
  const asOf = orgToday(ctx);
  const year = Number(asOf.slice(0, 4));
  const p = range(`${year}-01-01`, asOf);
  const q = range(`${year - 1}-01-01`, yearBefore(asOf));
  const build: Build = { snap, tz: orgTimeZone(snap), cur: measure(snap, p, asOf), prev: measure(snap, q, asOf), p, q };
  const figs = new Map<string, Fig>();
  for (const make of [siteSection, socialSection, incidentsSection, releasesSection, eventsSection, directLinesSection, newspaperSection])
    for (const f of make(build).figures) figs.set(f.key, f);
  const figures: SummaryFigure[] = WANTED.flatMap((w) => {
    const f = figs.get(w.key);
    if (!f) return [];
    const v = toFigure(f);
    return [{ key: w.key, label: w.label, value: v.value, previous: v.previous, change: v.change, display: display(f, f.value), previousDisplay: display(f, f.previous), section: w.section }];
  });
  const attention = todayHandlers['today.get']({}, ctx) as Summary['attention'];
  const count = (section: string) => attention.filter((a) => a.section === section).length;
  const links = [
    { section: 'calendar', label: 'Календарь мероприятий' },
    { section: 'releases', label: 'Пресс-релизы' },
    { section: 'direct-lines', label: 'Прямые линии' },
    { section: 'contracts', label: 'Контракты со СМИ' },
    { section: 'outlets', label: 'Справочник СМИ' },
    { section: 'reports', label: `Отчёт за ${year} год` },
  ].map((l) => ({ ...l, ...(count(l.section) ? { count: count(l.section) } : {}) }));
  return { asOf, year, rangeLabel: rangeLabel(p.from, p.to), previousRangeLabel: rangeLabel(q.from, q.to), figures, attention, links };
}
