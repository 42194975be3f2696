/** Version history: snapshots of the content, a readable word-level diff between two of them. */
import { createHash, randomUUID } from 'node:crypto';
import { diffArrays, diffLines } from 'diff';
import { formatDateTime } from '../../format.js';
import { plainText } from './render.js';
import {
  CONTENT_KEYS,
  releaseChannels,
  releaseStatuses,
  releaseTypes,
  versionReasons,
  type Release,
  type ReleaseContent,
  type ReleaseStatus,
  type ReleaseVersion,
  type VersionReason,
} from './schema.js';
import { wordCount } from './text.js';

/** At most one autosave version per this many minutes (explicit saves and workflow steps always make one). */
export const AUTOSAVE_VERSION_MINUTES = 10;

export function contentOf(r: ReleaseContent): ReleaseContent {
  return Object.fromEntries(CONTENT_KEYS.map((k) => [k, r[k]])) as ReleaseContent;
}

export const hashContent = (c: ReleaseContent) => createHash('sha1').update(JSON.stringify(contentOf(c))).digest('hex');

/** A new version of `release`'s content, and the release pointing at it. */
export function makeVersion<R extends Release>(
  release: R,
  reason: VersionReason,
  opts: { by: string | null; at: string; note?: string; content?: ReleaseContent; status?: ReleaseStatus },
): { release: R; version: ReleaseVersion } {
  const content = contentOf(opts.content ?? release);
  const hash = hashContent(content);
  const number = release.version.number + 1;
  const version: ReleaseVersion = {
    id: randomUUID(),
    releaseId: release.id,
    number,
    at: opts.at,
    by: opts.by,
    reason,
    note: opts.note ?? '',
    status: opts.status ?? release.status,
    hash,
    content,
  };
  // A version that is not the release's own content (kept from a conflicting window) does not move its pointer's hash.
  const pointer = opts.content ? { number, at: opts.at, hash: release.version.hash } : { number, at: opts.at, hash };
  return { release: { ...release, version: pointer }, version };
}

export interface VersionSummary {
  number: number;
  at: string;
  by: string | null;
  byName: string;
  reason: VersionReason;
  reasonLabel: string;
  note: string;
  status: ReleaseStatus;
  statusLabel: string;
  headline: string;
  words: number;
  /** The version the release was approved / published with. */
  approved: boolean;
  published: boolean;
}

export function versionSummary(v: ReleaseVersion, release: Release, name: (id: string | null) => string): VersionSummary {
  return {
    number: v.number,
    at: v.at,
    by: v.by,
    byName: name(v.by),
    reason: v.reason,
    reasonLabel: versionReasons[v.reason],
    note: v.note,
    status: v.status,
    statusLabel: releaseStatuses[v.status],
    headline: v.content.headline,
    words: wordCount([v.content.headline, v.content.lead, plainText(v.content.body)].join(' ')),
    approved: release.approvedVersion === v.number,
    published: release.publishedVersion === v.number,
  };
}

// ---- diff ------------------------------------------------------------------------------------

export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}
export interface TextDiff {
  field: 'headline' | 'lead' | 'body' | 'quotes';
  label: string;
  changed: boolean;
  parts: DiffPart[];
  /** Words added and removed. */
  added: number;
  removed: number;
}
export interface MetaChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Words, runs of spaces and single punctuation marks: what a reader sees change. */
const tokens = (s: string) => s.match(/[\p{L}\p{N}\p{M}_\u200D]+|\s+|[^\p{L}\p{N}\p{M}_\u200D\s]/gu) ?? [];

type Change = { value: string; added?: boolean; removed?: boolean };

/** Word by word, or undefined when the texts are too big or too different to do it quickly. */
function wordDiff(before: string, after: string): Change[] | undefined {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length + b.length > 40_000) return undefined;
  return diffArrays(a, b, { maxEditLength: 4_000, timeout: 1_000 })?.map((c) => ({ value: c.value.join(''), added: c.added, removed: c.removed }));
}

/**
 * Word-level for Russian (jsdiff's own word split treats Cyrillic as punctuation, and its Intl.Segmenter
 * option copies the whole text per word — out of memory on a long text). A long text is compared line
 * by line first, then word by word inside each changed line.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ value: before }] : [];
  let changes = wordDiff(before, after);
  if (!changes) {
    const lines: Change[] = diffLines(before, after);
    changes = [];
    for (let i = 0; i < lines.length; i++) {
      const c = lines[i]!;
      const next = lines[i + 1];
      const inner = c.removed && next?.added ? wordDiff(c.value, next.value) : undefined;
      if (inner) {
        changes.push(...inner);
        i++;
      } else changes.push(c);
    }
  }
  return changes.map((c) => (c.added ? { value: c.value, added: true } : c.removed ? { value: c.value, removed: true } : { value: c.value }));
}

const quotesText = (c: ReleaseContent) =>
  c.quotes.map((q) => `«${q.text}» — ${[q.speaker, q.position].filter(Boolean).join(', ')}`).join('\n');

export function diffContent(a: ReleaseContent, b: ReleaseContent, tz: string): { texts: TextDiff[]; meta: MetaChange[] } {
  const fields: [TextDiff['field'], string, (c: ReleaseContent) => string][] = [
    ['headline', 'Заголовок', (c) => c.headline],
    ['lead', 'Лид', (c) => c.lead],
    ['body', 'Текст', (c) => plainText(c.body, { markers: true })],
    ['quotes', 'Цитаты', quotesText],
  ];
  const texts = fields.map(([field, label, get]) => {
    const parts = diffText(get(a), get(b));
    const words = (pred: (p: DiffPart) => boolean | undefined) => wordCount(parts.filter(pred).map((p) => p.value).join(' '));
    const added = words((p) => p.added);
    const removed = words((p) => p.removed);
    return { field, label, changed: parts.some((p) => p.added || p.removed), parts, added, removed };
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, tz) : '—');
  const list = (xs: string[]) => xs.join(', ') || '—';
  const metas: [string, string, (c: ReleaseContent) => string][] = [
    ['type', 'Вид', (c) => releaseTypes[c.type]],
    ['eventAt', 'Дата события', (c) => when(c.eventAt)],
    ['place', 'Место', (c) => c.place || '—'],
    ['plannedAt', 'Планируемая публикация', (c) => when(c.plannedAt)],
    ['channels', 'Каналы', (c) => list(c.channels.map((ch) => releaseChannels[ch]))],
    ['tags', 'Теги', (c) => list(c.tags)],
    ['nationalProject', 'Национальный проект', (c) => c.nationalProject || '—'],
    ['photos', 'Фотографии', (c) => list(c.photos.map((p, i) => `№ ${i + 1}: ${p.caption || 'без подписи'}${p.author ? ` (${p.author})` : ''}`))],
    ['contacts', 'Контакты для СМИ', (c) => list(c.contacts.map((k) => [k.name, k.phone, k.email].filter(Boolean).join(' ')))],
    ['eventId', 'Мероприятие', (c) => c.eventId ?? '—'],
    ['directLineId', 'Прямая линия', (c) => c.directLineId ?? '—'],
  ];
  const meta = metas.flatMap(([field, label, get]) => {
    const before = get(a);
    const after = get(b);
    return before === after ? [] : [{ field, label, before, after }];
  });
  return { texts, meta };
}
