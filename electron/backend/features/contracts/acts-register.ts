/**
 * Register of municipal legal acts published: every act that appeared in the official newspaper
 * (a publication of kind 'act' under a contract) or in a «Сборник нормативно-правовых актов».
 * One row per act (kind + number + date of signing); the act is on time when its FIRST publication
 * is no later than signedOn + actDeadlineDays calendar days (a contracts setting, 10 by default).
 */
import { normalizeForSearch } from '../../format.js';
import { addDays, cmp, daysBetween } from './days.js';
import { actKinds, type ActCollection, type ActKind, type MunicipalAct } from './schema.js';
import { settingsOf, type Reader } from './views.js';

export interface PublishedActPlace {
  source: 'newspaper' | 'collection';
  date: string;
  /** «Газета «Маяк труда», № 12 (10 345)» or «Сборник НПА № 3». */
  where: string;
  issue: string;
  contractId: string | null;
  publicationId: string | null;
  collectionId: string | null;
}

export interface PublishedActRow {
  key: string;
  kind: ActKind;
  kindLabel: string;
  number: string;
  signedOn: string;
  title: string;
  /** The last day it may be published on. */
  deadline: string;
  publishedOn: string;
  daysAfterSigning: number;
  onTime: boolean;
  /** Days past the deadline (0 when on time). */
  daysLate: number;
  places: PublishedActPlace[];
}

export interface CollectionSummary {
  id: string;
  number: string;
  date: string;
  title: string;
  acts: number;
}

export interface ActsRegister {
  year: number;
  deadlineDays: number;
  rows: PublishedActRow[];
  totals: { acts: number; onTime: number; late: number; inNewspaper: number; inCollections: number };
  /** «Сборники НПА» that came out in the year. */
  collections: { count: number; acts: number; items: CollectionSummary[] };
}

const keyOf = (a: MunicipalAct) => `${a.kind}|${normalizeForSearch(a.number).replace(/\s/g, '')}|${a.signedOn}`;
const byNumber = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true });

export const collectionsOfYear = (r: Reader, year?: number): ActCollection[] =>
  r
    .all('actCollections')
    .filter((c) => year === undefined || c.date.startsWith(String(year)))
    .sort((a, b) => cmp(a.date, b.date) || byNumber(a.number, b.number));

export function actsRegister(r: Reader, year: number, onlyLate = false): ActsRegister {
  const { actDeadlineDays } = settingsOf(r);
  const groups = new Map<string, { act: MunicipalAct; places: PublishedActPlace[] }>();
  const add = (act: MunicipalAct, place: PublishedActPlace) => {
    const g = groups.get(keyOf(act)) ?? groups.set(keyOf(act), { act, places: [] }).get(keyOf(act))!;
    if (!g.act.title && act.title) g.act = act;
    g.places.push(place);
  };
  const contracts = new Map(r.all('contracts').map((c) => [c.id, c]));
  for (const p of r.all('contractPublications')) {
    if (!p.act) continue;
    const c = contracts.get(p.contractId);
    const outlet = c ? r.get('outlets', c.outletId)?.name : undefined;
    const where = `${outlet ?? 'СМИ'}${p.issue ? `, ${p.issue}` : ''}`;
    add(p.act, { source: 'newspaper', date: p.date, where, issue: p.issue, contractId: p.contractId, publicationId: p.id, collectionId: null });
  }
  for (const col of r.all('actCollections'))
    for (const act of col.acts)
      add(act, { source: 'collection', date: col.date, where: `Сборник НПА № ${col.number}`, issue: col.number, contractId: null, publicationId: null, collectionId: col.id });

  const rows: PublishedActRow[] = [];
  for (const [key, { act, places }] of groups) {
    places.sort((a, b) => cmp(a.date, b.date));
    const publishedOn = places[0]!.date;
    if (!publishedOn.startsWith(String(year))) continue;
    const deadline = addDays(act.signedOn, actDeadlineDays);
    const daysLate = Math.max(0, daysBetween(deadline, publishedOn));
    rows.push({
      key,
      kind: act.kind,
      kindLabel: actKinds[act.kind],
      number: act.number,
      signedOn: act.signedOn,
      title: act.title,
      deadline,
      publishedOn,
      daysAfterSigning: daysBetween(act.signedOn, publishedOn),
      onTime: daysLate === 0,
      daysLate,
      places,
    });
  }
  rows.sort((a, b) => cmp(a.signedOn, b.signedOn) || byNumber(a.number, b.number));
  const cols = collectionsOfYear(r, year);
  return {
    year,
    deadlineDays: actDeadlineDays,
    rows: onlyLate ? rows.filter((x) => !x.onTime) : rows,
    totals: {
      acts: rows.length,
      onTime: rows.filter((x) => x.onTime).length,
      late: rows.filter((x) => !x.onTime).length,
      inNewspaper: rows.filter((x) => x.places.some((p) => p.source === 'newspaper')).length,
      inCollections: rows.filter((x) => x.places.some((p) => p.source === 'collection')).length,
    },
    collections: {
      count: cols.length,
      acts: cols.reduce((s, c) => s + c.acts.length, 0),
      items: cols.map((c) => ({ id: c.id, number: c.number, date: c.date, title: c.title, acts: c.acts.length })),
    },
  };
}
