/** Writing help: counts against targets, and the checklist a release must pass before approval. */
import { plainText } from './render.js';
import type { ReleaseContent, ReleaseType } from './schema.js';
import { charCount, wordCount } from './text.js';

export const TARGETS = {
  /** A site post's headline. */
  headlineChars: 100,
  leadChars: 300,
} as const;

export interface FieldCount {
  chars: number;
  words: number;
  /** The recommended maximum, when there is one. */
  target: number | null;
  over: boolean;
}

export interface ReleaseCounts {
  headline: FieldCount;
  lead: FieldCount;
  body: FieldCount;
  quotes: FieldCount;
  /** Headline, lead, body and quotes together: what a newspaper counts. */
  total: FieldCount;
}

const count = (s: string, target: number | null = null): FieldCount => {
  const chars = charCount(s);
  return { chars, words: wordCount(s), target, over: target !== null && chars > target };
};

export function countsOf(c: Pick<ReleaseContent, 'headline' | 'lead' | 'body' | 'quotes'>, bodyText = plainText(c.body)): ReleaseCounts {
  const quotes = c.quotes.map((q) => q.text).join('\n');
  return {
    headline: count(c.headline, TARGETS.headlineChars),
    lead: count(c.lead, TARGETS.leadChars),
    body: count(bodyText),
    quotes: count(quotes),
    total: count([c.headline, c.lead, bodyText, quotes].join('\n')),
  };
}

export type ChecklistKey = 'headline' | 'lead' | 'date' | 'place' | 'quote' | 'photo' | 'contacts';

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  ok: boolean;
  /** Not needed for this type of release (a greeting needs no place): shown greyed, never fails. */
  applies: boolean;
  /** What to do when not ok. */
  hint: string;
}

export interface Checklist {
  items: ChecklistItem[];
  passed: boolean;
  /** Labels of the items that fail. */
  failing: string[];
  /** Photos that lack a caption or an author: approval is refused until they have both. */
  photoProblems: string[];
  /** Advice that never blocks: template placeholders left, targets exceeded. */
  warnings: string[];
}

/** Which items a type of release does not need. */
const notNeeded: Record<ReleaseType, ChecklistKey[]> = {
  announcement: [],
  postRelease: [],
  news: [],
  statement: ['quote', 'photo', 'place'],
  greeting: ['place', 'photo', 'quote'],
  warning: ['quote', 'photo'],
};

const phoneOk = (p: string) => (p.match(/\d/g)?.length ?? 0) >= 5;
const emailOk = (e: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e);

export function photoProblems(c: Pick<ReleaseContent, 'photos'>): string[] {
  return c.photos.flatMap((p, i) => {
    const missing = [!p.caption && 'подписи', !p.author && 'автора'].filter(Boolean);
    return missing.length ? [`у фото № ${i + 1} нет ${missing.join(' и ')}`] : [];
  });
}

/** «[время]», «[кто]»: template placeholders still in the text. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(/\[[^\[\]\n]{2,80}\]/g) ?? [])];
}

export function checklistOf(c: ReleaseContent, bodyText = plainText(c.body)): Checklist {
  const skip = new Set(notNeeded[c.type]);
  const item = (key: ChecklistKey, label: string, ok: boolean, hint: string): ChecklistItem => ({ key, label, ok, applies: !skip.has(key), hint });
  const items = [
    item('headline', 'Заголовок', c.headline.length > 0, 'Напишите заголовок (для сайта — до 100 знаков).'),
    item('lead', 'Лид', c.lead.length > 0, 'Напишите лид: что, где, когда — до 300 знаков.'),
    item('date', 'Дата', !!(c.eventAt ?? c.plannedAt), 'Укажите дату события или планируемой публикации.'),
    item('place', 'Место', c.place.length > 0, 'Укажите место проведения.'),
    item('quote', 'Цитата', c.quotes.some((q) => q.text && q.speaker), 'Добавьте цитату с указанием, кто её автор.'),
    item('photo', 'Фото с автором', c.photos.some((p) => p.author), 'Добавьте фотографию и укажите автора снимка.'),
    item(
      'contacts',
      'Контакты для СМИ',
      c.contacts.some((k) => k.name && (phoneOk(k.phone) || emailOk(k.email))),
      'Укажите контактное лицо с телефоном или e-mail.',
    ),
  ];
  const failing = items.filter((i) => i.applies && !i.ok).map((i) => i.label);
  const warnings: string[] = [];
  const left = placeholdersIn([c.headline, c.lead, bodyText].join('\n'));
  if (left.length) warnings.push(`В тексте остались заготовки шаблона: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ' …' : ''}`);
  if (c.headline.length > TARGETS.headlineChars) warnings.push(`Заголовок длиннее ${TARGETS.headlineChars} знаков: на сайте он будет обрезан.`);
  if (c.lead.length > TARGETS.leadChars) warnings.push(`Лид длиннее ${TARGETS.leadChars} знаков.`);
  return { items, passed: failing.length === 0, failing, photoProblems: photoProblems(c), warnings };
}
