/**
 * Everything the report counts for one period, from the real collections. A source with no records at
 * all in the period is `null` (the report says «нет данных»), never a row of zeros.
 * Counting rules, so every figure can be checked by hand:
 * - site: posts whose date (UTC instant) falls in the period in the organisation's time zone;
 * - releases: by the day of their first publication (withdrawn later still count);
 * - events: occurrences overlapping the period, by their status; выездные дни and meetings with
 *   residents are held events of those kinds; direct lines: see direct-lines/stats.ts;
 * - newspaper: publications under the contracts dated in the period; acts by the day they were first
 *   published (contracts/acts-register.ts); collections of acts by the day they came out;
 * - subscribers: per page, the latest count on or before the day after the period (as the seeds: «на
 *   01.01.2024» for 2023), summed; growth against the same at the period's first day;
 * - incidents: rows whose whole span lies inside the period.
 */
import { actsRegister, type PublishedActRow } from '../contracts/acts-register.js';
import { publicationCost } from '../contracts/tariff.js';
import { unitOf } from '../contracts/views.js';
import type { ActCollection, Publication } from '../contracts/schema.js';
import { dictionariesOf, expandRange, orgTimeZone, rangeOf, type Range } from '../calendar/model.js';
import { addDays, parseWall, wallToInstant } from '../calendar/time.js';
import { localDay } from '../direct-lines/dates.js';
import { computeStats, type DirectLineStats } from '../direct-lines/stats.js';
import type { DirectLine } from '../direct-lines/schema.js';
import type { Release } from '../releases/schema.js';
import type { SitePublication } from '../sync/site-publications.js';
import type { EventFieldsCore } from '../calendar/schema.js';
import type { PeriodInfo } from './api-types.js';
import type { Incident, Subscriber, Vote } from './schema.js';
import type { Snap } from './snapshot.js';

export interface HeldEvent {
  id: string;
  date: string;
  fields: EventFieldsCore;
}

export interface SubscribersAt {
  total: number;
  /** The newest count summed (its day). */
  asOf: string;
  byPlatform: Map<string, number>;
  rows: Subscriber[];
}

export interface Measures {
  range: Range;
  months: { month: number; fromMs: number; toMs: number }[];
  site: { pubs: SitePublication[]; byMonth: number[]; byProject: Map<string, SitePublication[]> } | null;
  releases: { list: { r: Release; at: string }[] } | null;
  events: { all: HeldEvent[]; kindName: (id: string) => string; isFieldDay: (e: HeldEvent) => boolean; isResidents: (e: HeldEvent) => boolean } | null;
  directLines: { sessions: DirectLine[]; stats: DirectLineStats } | null;
  newspaper: {
    pubs: Publication[];
    issues: Map<string, Publication[]>;
    money: number;
    volumes: Map<string, { short: string; name: string; volume: number; pubs: Publication[] }>;
    acts: PublishedActRow[];
    collections: ActCollection[];
  } | null;
  media: { outlets: Map<string, string[]> } | null;
  subscribers: { end: SubscribersAt | null; start: SubscribersAt | null } | null;
  votes: Vote[] | null;
  incidents: Incident[] | null;
}


export function subscribersAt(rows: Subscriber[], day: string): SubscribersAt | null {
  const latest = new Map<string, Subscriber>();
  for (const r of rows) {
    if (r.date > day) continue;
    const key = `${r.platform}|${r.page.toLocaleLowerCase('ru-RU')}`;
    const had = latest.get(key);
    if (!had || had.date < r.date) latest.set(key, r);
  }
  if (latest.size === 0) return null;
  const used = [...latest.values()];
  const byPlatform = new Map<string, number>();
  for (const r of used) byPlatform.set(r.platform, (byPlatform.get(r.platform) ?? 0) + r.count);
  return { total: used.reduce((s, r) => s + r.count, 0), asOf: used.reduce((m, r) => (r.date > m ? r.date : m), ''), byPlatform, rows: used };
}


export function firstPublished(r: Release): string | null {
  return (r.publications.find((p) => !p.republish) ?? r.publications[0])?.at ?? null;
}

export function measure(snap: Snap, p: PeriodInfo, today: string): Measures {
  const tz = orgTimeZone(snap);
  const range = rangeOf(p.from, p.to, tz);
  const inRange = (iso: string) => {
    const ms = Date.parse(iso);
    return ms >= range.fromMs && ms < range.toMs;
  };
  const firstMonth = Number(p.from.slice(5, 7));
  const lastMonth = Number(p.to.slice(5, 7));
  const months = [];
  for (let m = firstMonth; m <= lastMonth; m++) {
    const start = (y: number, mm: number) => wallToInstant(parseWall(`${y}-${String(mm).padStart(2, '0')}-01`), tz);
    months.push({ month: m, fromMs: start(p.year, m), toMs: m === 12 ? start(p.year + 1, 1) : start(p.year, m + 1) });
  }

  // ---- site
  const pubs = snap.all('sitePublications').filter((x) => inRange(x.date));
  let site: Measures['site'] = null;
  if (pubs.length) {
    const byMonth = months.map(() => 0);
    const byProject = new Map<string, SitePublication[]>();
    for (const x of pubs) {
      const ms = Date.parse(x.date);
      const i = months.findIndex((m) => ms >= m.fromMs && ms < m.toMs);
      if (i >= 0) byMonth[i]!++;
      if (x.nationalProject) (byProject.get(x.nationalProject) ?? byProject.set(x.nationalProject, []).get(x.nationalProject)!).push(x);
    }
    site = { pubs, byMonth, byProject };
  }

  // ---- releases
  const published = snap
    .all('releases')
    .map((r) => ({ r, at: firstPublished(r) }))
    .filter((x): x is { r: Release; at: string } => x.at !== null && inRange(x.at));
  const releases = published.length ? { list: published } : null;

  // ---- events
  const dict = dictionariesOf(snap);
  const kinds = new Map(dict.kinds.map((k) => [k.id, k.name]));
  const occurrences = expandRange(snap.all('events'), range, tz).map((o) => ({
    id: o.key ? `${o.event.id}/${o.key}` : o.event.id,
    date: localDay(new Date(o.startMs), tz),
    fields: o.fields,
  }));
  const kindName = (id: string) => kinds.get(id) ?? id;
  const events: Measures['events'] = occurrences.length
    ? {
        all: occurrences,
        kindName,
        isFieldDay: (e) => e.fields.kindId === 'field-day' || /выездн/i.test(kindName(e.fields.kindId)),
        isResidents: (e) => e.fields.kindId === 'residents' || /жител/i.test(kindName(e.fields.kindId)),
      }
    : null;

  // ---- direct lines
  const sessions = snap.all('directLines').filter((s) => {
    const day = localDay(s.startsAt, tz);
    return day >= p.from && day <= p.to;
  });
  const directLines = sessions.length ? { sessions, stats: computeStats(sessions, snap.all('directLineQuestions'), tz, today) } : null;

  // ---- newspaper
  const contracts = new Map(snap.all('contracts').map((c) => [c.id, c]));
  const cpubs = snap.all('contractPublications').filter((x) => x.date >= p.from && x.date <= p.to);
  const collections = snap.all('actCollections').filter((c) => c.date >= p.from && c.date <= p.to);
  let newspaper: Measures['newspaper'] = null;
  if (cpubs.length || collections.length) {
    const issues = new Map<string, Publication[]>();
    const volumes = new Map<string, { short: string; name: string; volume: number; pubs: Publication[] }>();
    let money = 0;
    // Issues are the newspapers' (a TV contract's «issue» is an air date, not a number of the paper).
    const isPaper = (outletId: string | undefined) => {
      const kind = outletId ? snap.get('outlets', outletId)?.kind : undefined;
      return kind === undefined || kind === 'newspaper';
    };
    for (const x of cpubs) {
      const c = contracts.get(x.contractId);
      const key = `${c?.outletId ?? x.contractId}|${x.issue.trim() || x.date}`;
      if (isPaper(c?.outletId)) (issues.get(key) ?? issues.set(key, []).get(key)!).push(x);
      if (!c) continue;
      money += publicationCost(c.tariff, x);
      const unit = unitOf(snap, c.unitId);
      const v = volumes.get(unit.id) ?? volumes.set(unit.id, { short: unit.short, name: unit.name, volume: 0, pubs: [] }).get(unit.id)!;
      v.volume += x.volume;
      v.pubs.push(x);
    }
    const acts = actsRegister(snap, p.year).rows.filter((r) => r.publishedOn >= p.from && r.publishedOn <= p.to);
    newspaper = { pubs: cpubs, issues, money, volumes, acts, collections };
  }

  // ---- media worked with: outlets that published under a contract, came to a held event, or partnered a direct line
  const outlets = new Map<string, string[]>();
  const worked = (id: string | null | undefined, why: string) => {
    if (!id) return;
    const list = outlets.get(id) ?? outlets.set(id, []).get(id)!;
    if (!list.includes(why)) list.push(why);
  };
  for (const x of cpubs) worked(contracts.get(x.contractId)?.outletId, 'публикации по контракту');
  for (const e of occurrences) if (e.fields.status === 'held') for (const m of e.fields.media) if (m.accreditation !== 'declined') worked(m.outletId, 'мероприятия');
  for (const s of sessions) worked(s.outletId, 'прямые линии');
  const media = outlets.size || cpubs.length || occurrences.length || sessions.length ? { outlets } : null;

  // ---- indicators
  const subs = snap.all('subscribers');
  // As the seeds count them: «на 01.01.2024 … по сравнению с данными на 01.01.2023» for 2023.
  const endAt = subscribersAt(subs, addDays(p.to, 1));
  const end = endAt && endAt.asOf >= p.from ? endAt : null;
  const start = subscribersAt(subs, p.from);
  const votes = snap.all('votes').filter((v) => v.date >= p.from && v.date <= p.to);
  const incidents = snap.all('incidents').filter((r) => r.from >= p.from && r.to <= p.to);

  return {
    range,
    months,
    site,
    releases,
    events,
    directLines,
    newspaper,
    media,
    subscribers: end ? { end, start } : null,
    votes: votes.length ? votes.sort((a, b) => a.date.localeCompare(b.date)) : null,
    incidents: incidents.length ? incidents.sort((a, b) => a.from.localeCompare(b.from)) : null,
  };
}
