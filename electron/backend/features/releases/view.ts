/** What the screens get: the full release for the editor, summaries for the list and the board. */
import type { AppStore } from '../../collections.js';
import { checklistOf, countsOf, type Checklist, type ReleaseCounts } from './checklist.js';
import type { BoardQuery, ReleaseQuery, ReleaseSort } from './inputs.js';
import { findEvent, staffName, type EventFacts } from './refs.js';
import { plainText } from './render.js';
import { matchRelease, parseQuery, type Query } from './search.js';
import {
  historyActions,
  releaseStatuses,
  releaseTypes,
  type HistoryAction,
  type Release,
  type ReleaseStatus,
  type ReleaseType,
} from './schema.js';
import { dayInZone } from './time.js';
import type { z } from 'zod';

export interface StepInfo {
  at: string;
  by: string | null;
  byName: string;
  comment: string;
}

export interface ReleaseView extends Release {
  typeLabel: string;
  statusLabel: string;
  counts: ReleaseCounts;
  checklist: Checklist;
  /** The last time each step happened: who and when. */
  steps: Partial<Record<HistoryAction, StepInfo>>;
  /** Names of everyone in history, comments and versions (staff id → ФИО). */
  names: Record<string, string>;
  /** The linked calendar event, when the calendar has it. */
  event: EventFacts | null;
  historyLabels: typeof historyActions;
}

function namesOf(store: AppStore, r: Release): Record<string, string> {
  const ids = new Set<string>();
  for (const x of [...r.history, ...r.comments, ...r.publications]) if (x.by) ids.add(x.by);
  for (const id of [r.createdBy, r.editedBy]) if (id) ids.add(id);
  for (const p of r.photos) if (p.addedBy) ids.add(p.addedBy);
  return Object.fromEntries([...ids].map((id) => [id, staffName(store, id)]));
}

const texts = new WeakMap<Release, string>();
/** The body's plain text, once per stored record. */
export function bodyTextOf(r: Release): string {
  let t = texts.get(r);
  if (t === undefined) texts.set(r, (t = plainText(r.body)));
  return t;
}

export function toView(store: AppStore, r: Release, tz: string): ReleaseView {
  const text = bodyTextOf(r);
  const names = namesOf(store, r);
  const steps: ReleaseView['steps'] = {};
  for (const h of r.history) steps[h.action] = { at: h.at, by: h.by, byName: h.by ? (names[h.by] ?? h.by) : '', comment: h.comment };
  return {
    ...r,
    typeLabel: releaseTypes[r.type],
    statusLabel: releaseStatuses[r.status],
    counts: countsOf(r, text),
    checklist: checklistOf(r, text),
    steps,
    names,
    event: r.eventId ? findEvent(store, r.eventId, tz) : null,
    historyLabels: historyActions,
  };
}

// ---- summaries ------------------------------------------------------------------------------

export interface ReleaseSummary {
  id: string;
  type: ReleaseType;
  typeLabel: string;
  status: ReleaseStatus;
  statusLabel: string;
  headline: string;
  lead: string;
  tags: string[];
  nationalProject: string;
  eventId: string | null;
  eventAt: string | null;
  plannedAt: string | null;
  publishedAt: string | null;
  /** The date the list sorts and filters by: published, else planned, else created. */
  date: string;
  createdAt: string;
  updatedAt: string;
  editedByName: string;
  needsRepublish: boolean;
  /** On approval since (the last submission). */
  waitingSince: string | null;
  checklist: { done: number; total: number; passed: boolean };
  photoCount: number;
  commentCount: number;
  lastComment: { text: string; byName: string; at: string; kind: string } | null;
  revision: number;
  /** With a search: a piece of text around the first match, and the relevance. */
  snippet?: string;
  score?: number;
}

export const publishedAtOf = (r: Release) => r.publications[r.publications.length - 1]?.at ?? null;
export const dateOf = (r: Release) => publishedAtOf(r) ?? r.plannedAt ?? r.eventAt ?? r.createdAt;
/** That date as a day (YYYY-MM-DD) in the organisation's zone; an all-day event's date is already one. */
export const dayOf = (r: Release, tz: string) => {
  const d = dateOf(r);
  return d.length === 10 ? d : dayInZone(d, tz);
};
const lastStep = (r: Release, action: HistoryAction) => [...r.history].reverse().find((h) => h.action === action);

export function summaryOf(store: AppStore, r: Release): ReleaseSummary {
  const check = checklistOf(r, bodyTextOf(r));
  const applicable = check.items.filter((i) => i.applies);
  const last = r.comments[r.comments.length - 1];
  return {
    id: r.id,
    type: r.type,
    typeLabel: releaseTypes[r.type],
    status: r.status,
    statusLabel: releaseStatuses[r.status],
    headline: r.headline,
    lead: r.lead.length > 240 ? r.lead.slice(0, 240).trimEnd() + '…' : r.lead,
    tags: r.tags,
    nationalProject: r.nationalProject,
    eventId: r.eventId,
    eventAt: r.eventAt,
    plannedAt: r.plannedAt,
    publishedAt: publishedAtOf(r),
    date: dateOf(r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    editedByName: staffName(store, r.editedBy ?? r.createdBy),
    needsRepublish: r.needsRepublish,
    waitingSince: r.status === 'review' ? (lastStep(r, 'submit') ?? lastStep(r, 'reopen'))?.at ?? r.updatedAt : null,
    checklist: { done: applicable.filter((i) => i.ok).length, total: applicable.length, passed: check.passed },
    photoCount: r.photos.length,
    commentCount: r.comments.length,
    lastComment: last ? { text: last.text, byName: staffName(store, last.by), at: last.at, kind: last.kind } : null,
    revision: r.revision,
  };
}

// ---- filters and sort ----------------------------------------------------------------------

type Filters = Pick<ReleaseQuery, 'types' | 'tag' | 'nationalProject'> & Partial<Pick<ReleaseQuery, 'statuses' | 'eventId' | 'needsRepublish' | 'from' | 'to'>>;

const lower = (s: string) => s.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');

function filterOf(f: Filters, tz: string): (r: Release) => boolean {
  const tag = lower(f.tag);
  const project = lower(f.nationalProject);
  return (r) => {
    if (f.statuses?.length && !f.statuses.includes(r.status)) return false;
    if (f.types.length && !f.types.includes(r.type)) return false;
    if (tag && !r.tags.some((t) => lower(t) === tag)) return false;
    if (project && lower(r.nationalProject) !== project) return false;
    if (f.eventId && r.eventId?.split('/')[0] !== f.eventId.split('/')[0]) return false;
    if (f.needsRepublish !== undefined && r.needsRepublish !== f.needsRepublish) return false;
    if (f.from || f.to) {
      const day = dayOf(r, tz);
      if (f.from && day < f.from) return false;
      if (f.to && day > f.to) return false;
    }
    return true;
  };
}

const statusOrder: Record<ReleaseStatus, number> = { draft: 0, review: 1, approved: 2, published: 3, withdrawn: 4 };
type Scored = { r: Release; score: number; snippet?: string };

const sorters: Record<ReleaseSort, (a: Scored, b: Scored) => number> = {
  relevance: (a, b) => a.score - b.score || dateOf(a.r).localeCompare(dateOf(b.r)),
  date: (a, b) => Date.parse(dateOf(a.r)) - Date.parse(dateOf(b.r)),
  planned: (a, b) => (a.r.plannedAt ? Date.parse(a.r.plannedAt) : Infinity) - (b.r.plannedAt ? Date.parse(b.r.plannedAt) : Infinity),
  updated: (a, b) => a.r.updatedAt.localeCompare(b.r.updatedAt),
  created: (a, b) => a.r.createdAt.localeCompare(b.r.createdAt),
  headline: (a, b) => a.r.headline.localeCompare(b.r.headline, 'ru'),
  status: (a, b) => statusOrder[a.r.status] - statusOrder[b.r.status] || dateOf(a.r).localeCompare(dateOf(b.r)),
};

function search(all: Release[], q: Query | null, keep: (r: Release) => boolean): Scored[] {
  const out: Scored[] = [];
  for (const r of all) {
    if (!keep(r)) continue;
    if (!q) out.push({ r, score: 0 });
    else {
      const m = matchRelease(r, q);
      if (m) out.push({ r, score: m.score, snippet: m.snippet });
    }
  }
  return out;
}

export interface ReleaseList {
  items: ReleaseSummary[];
  total: number;
  offset: number;
}

export function listReleases(store: AppStore, q: ReleaseQuery, tz: string): ReleaseList {
  const parsed = parseQuery(q.query);
  const found = search(store.all('releases'), parsed, filterOf(q, tz));
  const sort = q.sort === 'relevance' && !parsed ? 'date' : q.sort;
  const dir = q.direction === 'asc' ? 1 : -1;
  // Undated «planned» go last whichever the direction.
  found.sort((a, b) => (sort === 'planned' && !a.r.plannedAt !== !b.r.plannedAt ? (a.r.plannedAt ? -1 : 1) : dir * sorters[sort](a, b)));
  return {
    total: found.length,
    offset: q.offset,
    items: found.slice(q.offset, q.offset + q.limit).map((s) => ({ ...summaryOf(store, s.r), ...(parsed ? { snippet: s.snippet, score: s.score } : {}) })),
  };
}

// ---- the board -----------------------------------------------------------------------------

export interface BoardColumn {
  status: ReleaseStatus;
  label: string;
  /** All the cards of this column (only the first `limitPerColumn` are in `items`). */
  total: number;
  items: ReleaseSummary[];
}

/** How each column is ordered: what waits longest first where something waits. */
const columnOrder: Record<ReleaseStatus, (a: ReleaseSummary, b: ReleaseSummary) => number> = {
  draft: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  review: (a, b) => (a.waitingSince ?? '').localeCompare(b.waitingSince ?? ''),
  approved: (a, b) => (a.plannedAt ? Date.parse(a.plannedAt) : Infinity) - (b.plannedAt ? Date.parse(b.plannedAt) : Infinity),
  published: (a, b) => Number(b.needsRepublish) - Number(a.needsRepublish) || Date.parse(b.date) - Date.parse(a.date),
  withdrawn: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

export function board(store: AppStore, q: z.output<typeof BoardQuery>, tz: string): { columns: BoardColumn[] } {
  const found = search(store.all('releases'), parseQuery(q.query), filterOf(q, tz));
  const columns = (Object.keys(releaseStatuses) as ReleaseStatus[]).map((status) => {
    const cards = found.filter((s) => s.r.status === status).map((s) => summaryOf(store, s.r));
    cards.sort(columnOrder[status]);
    return { status, label: releaseStatuses[status], total: cards.length, items: cards.slice(0, q.limitPerColumn) };
  });
  return { columns };
}
