/** The report for a period: sections with figures and sentences, charts, tasks — built from one snapshot. */
import type { PeriodInfo, PeriodKind, ReportView } from './api-types.js';
import { buildCharts, monthLabel } from './charts.js';
import { toFigure, type Build, type Sec } from './figures.js';
import { orgTimeZone } from '../calendar/model.js';
import { measure, subscribersAt } from './measure.js';
import { periodOf, previousOf, reportId } from './period.js';
import { incidentsSection, siteSection, socialSection, votesSection } from './sections-site.js';
import { directLinesSection, eventsSection, mediaSection, newspaperSection, releasesSection } from './sections-work.js';
import { getReportSettings } from './settings.js';
import type { SavedReport } from './schema.js';
import type { Snap } from './snapshot.js';

export const INTRO = { id: 'intro', title: 'Общие сведения' };

export interface Built {
  p: PeriodInfo;
  q: PeriodInfo;
  sections: Sec[];
  build: Build;
  today: string;
}

export function buildReport(snap: Snap, year: number, period: PeriodKind, today: string): Built {
  const p = periodOf(year, period);
  const q = previousOf(p);
  const build: Build = { snap, tz: orgTimeZone(snap), cur: measure(snap, p, today), prev: measure(snap, q, today), p, q };
  const sections = [siteSection, socialSection, votesSection, incidentsSection, releasesSection, eventsSection, directLinesSection, newspaperSection, mediaSection].map((f) => f(build));
  return { p, q, sections, build, today };
}

function subscriberSeries(b: Build) {
  if (!b.cur.subscribers && !b.prev.subscribers) return null;
  const rows = b.snap.all('subscribers');
  const points: { label: string; day: string }[] = [];
  for (const per of [b.q, b.p]) {
    const first = Number(per.from.slice(5, 7));
    const last = Number(per.to.slice(5, 7));
    for (let m = first; m <= last; m++) {
      // The count «на 1-е число» of the next month, as the seeds give it.
      const nextMonthFirst = m === 12 ? `${per.year + 1}-01-01` : `${per.year}-${String(m + 1).padStart(2, '0')}-01`;
      points.push({ label: monthLabel(per.year, m), day: nextMonthFirst });
    }
  }
  const at = points.map((pt) => subscribersAt(rows, pt.day));
  const used = [...new Set(at.flatMap((a) => (a ? [...a.byPlatform.keys()] : [])))];
  return { labels: points.map((x) => x.label), series: used.map((platform) => ({ platform, values: at.map((a) => (a ? (a.byPlatform.get(platform) ?? null) : null)) })) };
}

export function chartsOf(built: Built) {
  const { build, sections } = built;
  const site = sections.find((s) => s.id === 'site')!;
  const projects = site.figures
    .filter((f) => f.key.startsWith('site.project:'))
    .map((f) => ({ name: f.key.slice('site.project:'.length), value: f.value ?? 0, previous: f.previous ?? 0 }))
    .filter((x) => x.value || x.previous);
  return buildCharts({
    p: built.p,
    q: built.q,
    months: build.cur.months.map((m) => m.month),
    byMonth: build.cur.site?.byMonth ?? null,
    byMonthPrev: build.prev.site?.byMonth ?? null,
    projects,
    subscribers: subscriberSeries(build),
  });
}

export const savedOf = (snap: Snap, year: number, period: PeriodKind): SavedReport | undefined => snap.get('reports', reportId(year, period));

export function toView(snap: Snap, built: Built): ReportView {
  const { p, q, sections } = built;
  const saved = savedOf(snap, p.year, p.period);
  const before = savedOf(snap, q.year, q.period);
  const edits = new Map(saved?.sentences.map((s) => [s.key, s.text]));
  const narratives = new Map(saved?.narratives.map((s) => [s.sectionId, s.text]));
  const marks = new Map(saved?.taskMarks.map((m) => [m.id, m]));
  const viewSections = [{ ...INTRO, figures: [], sentences: [], noData: false }, ...sections].map((s) => ({
    id: s.id,
    title: s.title,
    figures: s.figures.map(toFigure),
    sentences: s.sentences.map((x) => {
      const edited = edits.get(x.key);
      return { key: x.key, generated: x.generated, text: edited ?? x.generated, edited: edited !== undefined };
    }),
    narrative: narratives.get(s.id) ?? '',
    noData: s.noData,
  }));
  return {
    period: p,
    previous: q,
    empty: sections.every((s) => s.noData),
    councilName: getReportSettings(snap).councilName,
    organisation: snap.get('settings', 'settings')?.organisation.name ?? '',
    sections: viewSections,
    charts: chartsOf(built),
    tasksDone: (before?.tasksNext ?? []).map((t) => ({ id: t.id, text: t.text, done: marks.get(t.id)?.done ?? null, comment: marks.get(t.id)?.comment ?? '' })),
    tasksNext: saved?.tasksNext ?? [],
    taskNarratives: { done: narratives.get('tasksDone') ?? '', next: narratives.get('tasksNext') ?? '' },
    savedAt: saved?.updatedAt ?? null,
    asOf: built.today < p.to ? built.today : null,
  };
}

