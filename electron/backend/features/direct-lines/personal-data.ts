/**
 * Finds a resident's personal data typed into free text, for «Обезличить»:
 * - the name in its word forms («Сидоровой Анны», «Сидорова А. И.», «А. И. Сидорова», «Анна Сидорова»);
 * - the phone in any common writing, compared by digits (+7 / 8 prefix normalised);
 * - the e-mail, any other contact, and the address (street + house, or the whole value).
 * Case-insensitive, ё = е. Word forms by a nominative-ending strip (the snowball stemmer splits names
 * badly: «Сидоров» → «сидор» but «Сидорова» → «сидоров»).
 */

export const ERASED = '[обезличено]';

export type HitKind = 'name' | 'phone' | 'email' | 'address' | 'contact';
export interface Hit {
  start: number;
  end: number;
  kind: HitKind;
}
export interface PersonalValues {
  name?: string;
  address?: string;
  contact?: string;
}

const yo = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
const lower = (s: string) => yo(s).toLocaleLowerCase('ru');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- names ---------------------------------------------------------------------------------

/** Nominative endings stripped from a name word (each tried: «Василий» → «васили» and «васил»). */
const NOMINATIVE = ['ая', 'яя', 'ий', 'ый', 'ой', 'а', 'я', 'ь', 'й'];
/** Case endings a stem takes in text (nouns and adjectival surnames). */
const ENDINGS = ['', 'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'ь', 'й', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ым', 'им', 'ых', 'их', 'ую', 'юю', 'ая', 'яя', 'ий', 'ый', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ью'];
const PATRONYMIC = /(вич|вна|ична|инична|ич)$/;
const SURNAME = /(ов|ев|ова|ева|ский|ская|цкий|цкая|енко|ук|юк|ых|их)$/;

function wordForms(word: string): Set<string> {
  const stems = new Set([word]);
  for (const e of NOMINATIVE) if (word.endsWith(e) && word.length - e.length >= 3) stems.add(word.slice(0, -e.length));
  const forms = new Set<string>();
  for (const stem of stems) for (const e of ENDINGS) forms.add(stem + e);
  // «Сидорова» is not «Сидоров» (her husband or father, another person).
  if (/(ов|ев|ин|ын)а$/.test(word)) forms.delete(word.slice(0, -1));
  return forms;
}

interface NamePattern {
  forms: Set<string>[];
  surname: number | null;
  initials: Set<string>;
}

function namePattern(name: string): NamePattern | null {
  const parts = lower(name)
    .split(/[\s,.]+/)
    .filter(Boolean);
  const words = parts.filter((p) => p.length >= 2);
  if (words.length === 0) return null;
  const p = words.findIndex((w) => PATRONYMIC.test(w));
  let surname: number | null = null;
  if (words.length === 1 || p === 2) surname = 0;
  else if (p === 1) surname = words.length >= 3 ? 2 : null;
  else {
    const likely = words.map((w, i) => (SURNAME.test(w) ? i : -1)).filter((i) => i >= 0);
    surname = likely.length === 1 ? likely[0]! : null;
  }
  const initials = new Set(parts.filter((x) => x.length === 1));
  words.forEach((w, i) => i !== surname && initials.add(w[0]!));
  return { forms: words.map(wordForms), surname, initials };
}

const TOKEN = /\p{L}+(?:-\p{L}+)*/gu;

/** Runs of adjacent name words and initials that name this person. */
function nameHits(text: string, pat: NamePattern, strict: boolean): Hit[] {
  type Tok = { start: number; end: number; word: number | null };
  const toks: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const w = m[0];
    const initial = w.length === 1 && text[start + 1] === '.' && w === w.toLocaleUpperCase('ru');
    if (initial) {
      if (pat.initials.has(lower(w))) toks.push({ start, end: start + 2, word: null });
      continue;
    }
    const word = pat.forms.findIndex((f) => f.has(lower(w)));
    if (word >= 0) toks.push({ start, end: start + w.length, word });
  }
  const hits: Hit[] = [];
  let run: Tok[] = [];
  const flush = () => {
    const words = new Set(run.filter((t) => t.word !== null).map((t) => t.word));
    const initials = run.length - run.filter((t) => t.word !== null).length;
    // A surname alone only when written as a name («Толстой», not «толстой книгой»).
    const capital = (t: Tok) => /^\p{Lu}/u.test(text[t.start]!);
    const names =
      words.size >= 2 ||
      (words.size >= 1 && initials >= 1) ||
      (!strict && words.size === 1 && pat.surname !== null && words.has(pat.surname) && run.some((t) => t.word === pat.surname && capital(t)));
    if (names) hits.push({ start: run[0]!.start, end: run.at(-1)!.end, kind: 'name' });
    run = [];
  };
  for (const t of toks) {
    const prev = run.at(-1);
    if (prev && !/^\s*$/.test(text.slice(prev.end, t.start))) flush();
    run.push(t);
  }
  if (run.length) flush();
  return hits;
}

// ---- contacts ------------------------------------------------------------------------------

const SEP = '[\\s\\-\u2010-\u2015.()]{0,3}';
/** One number at a time (a contact may hold two): +7 / 8 and 10 digits, or a local number of 5–10 digits. */
const PHONE_IN_VALUE = new RegExp(`(?<!\\d)(?:(?:\\+\\s*7|7|8)${SEP})?\\d(?:${SEP}\\d){9}(?!\\d)|(?<![\\d+])\\d(?:${SEP}\\d){4,9}(?!\\d)`, 'g');
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Words labelling a contact («тел.», «e-mail», «WhatsApp»): not the person's data, so not erased from every text. */
const LABEL =
  /(?<![\p{L}\d])(?:тел|телефон[аы]?|моб|мобильный|сот|сотовый|раб|рабочий|домашний|номер|контакт[ыа]?|e-?mail|email|имейл|эл\.?\s*почта|электронная\s+почта|почта|whatsapp|ватсап|вотсап|telegram|телеграм|tg|тг|вк|vk|вконтакте|viber|вайбер|факс)(?![\p{L}\d]|\.\p{L})/giu;

function phonePatterns(value: string): RegExp[] {
  const out: RegExp[] = [];
  for (const m of value.matchAll(PHONE_IN_VALUE)) {
    let digits = m[0].replace(/\D/g, '');
    if (digits.length === 11 && /^[78]/.test(digits)) digits = digits.slice(1);
    if (digits.length < 5 || digits.length > 11) continue;
    const run = (d: string) => [...d].join(SEP);
    const prefix = digits.length === 10 ? `(?:(?:\\+\\s*7|8)${SEP})?` : '';
    out.push(new RegExp(`(?<![\\d+])${prefix}${run(digits)}(?!\\d)`, 'g'));
    // A mobile number written without its code («555-66-77») — unless another code stands before it.
    if (digits.length === 10 && digits[0] === '9') out.push(new RegExp(`(?<!\\d${SEP})${run(digits.slice(3))}(?!\\d)`, 'g'));
  }
  return out;
}

function literal(value: string): RegExp {
  const words = yo(value).trim().split(/\s+/).map(escape);
  return new RegExp(`(?<![\\p{L}\\d])${words.join('\\s+')}(?![\\p{L}\\d])`, 'giu');
}

function contactPatterns(contact: string): { kind: HitKind; re: RegExp }[] {
  const out: { kind: HitKind; re: RegExp }[] = phonePatterns(contact).map((re) => ({ kind: 'phone', re }));
  for (const m of contact.matchAll(EMAIL)) out.push({ kind: 'email', re: new RegExp(`(?<![\\w.+-])${escape(m[0])}(?![\\w-])`, 'gi') });
  const rest = contact.replace(EMAIL, ' ').replace(PHONE_IN_VALUE, ' ').replace(LABEL, ' ');
  for (const raw of rest.split(/[,;]/)) {
    const piece = raw.replace(/^[^\p{L}\d@]+|[^\p{L}\d@]+$/gu, '');
    // Only what still looks like a person's data («vk.com/anna», «@anna», «дочь Ольга Сидорова»), not a stray word.
    const looksPersonal = /[\d@/]|\p{L}[._]\p{L}/u.test(piece) || piece.split(/\s+/).length >= 2;
    if (looksPersonal && piece.replace(/[^\p{L}\d]/gu, '').length >= 5) out.push({ kind: 'contact', re: literal(piece) });
  }
  return out;
}

// ---- address -------------------------------------------------------------------------------

const STREET_TYPE =
  '(?:ул|улиц[аеуы]|пр|пр-т|просп|проспект[аеу]?|пер|переул(?:ок|ке|ка)|пл|площад[ьи]|б-р|бульвар[аеу]?|ш|шоссе|наб|набережн(?:ая|ой|ую)|мкр|микрорайон[аеу]?|тракт[аеу]?|проезд[аеу]?|кв-л|квартал[аеу]?)';
const TYPE_WORD = new RegExp(`^${STREET_TYPE}\\.?$`, 'iu');
const HOUSE = /^(?:д\.?|дом)?\s*(\d+[\p{L}]?(?:\/\d+)?)(?:[-–]\d+)?$/iu;
const STREET_AND_HOUSE = /^(.*\p{L}.*?)[\s,]+(?:д\.?|дом)?\s*(\d+[\p{L}]?(?:\/\d+)?)(?:[-–]\d+)?$/iu;

/** «г. Алейск, ул. Ленина, д. 5, кв. 12» → the street words and the house. */
export function streetAndHouse(address: string): { street: string[]; house: string } | null {
  const segments = yo(address)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    let street: string | undefined;
    let house: string | undefined;
    const alone = HOUSE.exec(segments[i]!);
    if (alone && i > 0) [street, house] = [segments[i - 1], alone[1]];
    else {
      const both = STREET_AND_HOUSE.exec(segments[i]!);
      if (both) [street, house] = [both[1], both[2]];
    }
    if (!street || !house) continue;
    const all = street.split(/\s+/);
    // «ул. Набережная»: the street's own name may look like a street type.
    const named = all.filter((w) => !TYPE_WORD.test(w));
    const words = (named.length ? named : all.slice(1)).map((w) => lower(w).replace(/\.$/, ''));
    if (words.length) return { street: words, house: lower(house) };
  }
  return null;
}

function addressPatterns(address: string): RegExp[] {
  const out = [literal(address)];
  const sh = streetAndHouse(address);
  if (sh) {
    const street = sh.street.map((w) => (/^\d+$/.test(w) ? w : `(?:${[...wordForms(w)].filter(Boolean).map(escape).join('|')})`)).join('[\\s.-]+');
    out.push(
      new RegExp(
        `(?<!\\p{L})(?:${STREET_TYPE}\\.?\\s*)?${street}[\\s,]*(?:(?:д|дом)\\.?\\s*)?${escape(sh.house)}(?![\\d/\\p{L}])(?:[\\s,]*(?:кв|квартир[аеыу])\\.?\\s*\\d+|[-–/]\\d+)?(?!\\d)`,
        'giu',
      ),
    );
  }
  return out;
}

// ---- the matcher ---------------------------------------------------------------------------

export interface Matcher {
  /** Hits in `text`, in order, overlaps merged. */
  find(text: string): Hit[];
  /** `text` with every hit replaced by «[обезличено]». */
  erase(text: string): string;
  readonly empty: boolean;
}

/** strict: a surname alone is not taken for the person (for files holding records of many people). */
export function personalDataMatcher(residents: PersonalValues[], opts: { strict?: boolean } = {}): Matcher {
  const names = residents.map((r) => (r.name?.trim() ? namePattern(r.name) : null)).filter((p): p is NamePattern => p !== null);
  const others = residents.flatMap((r) => [
    ...(r.name?.trim() && r.name.trim().length >= 3 ? [{ kind: 'name' as const, re: literal(r.name) }] : []),
    ...(r.contact?.trim() ? contactPatterns(r.contact) : []),
    ...(r.address?.trim() && r.address.trim().length >= 5 ? addressPatterns(r.address).map((re) => ({ kind: 'address' as const, re })) : []),
  ]);
  const find = (raw: string): Hit[] => {
    const text = yo(raw);
    const hits = names.flatMap((p) => nameHits(text, p, opts.strict ?? false));
    for (const { kind, re } of others) for (const m of text.matchAll(re)) if (m[0].length) hits.push({ start: m.index, end: m.index + m[0].length, kind });
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Hit[] = [];
    for (const h of hits) {
      const last = merged.at(-1);
      if (last && h.start < last.end) last.end = Math.max(last.end, h.end);
      else merged.push({ ...h });
    }
    return merged;
  };
  return {
    find,
    erase: (text) => {
      let out = text;
      for (const h of find(text).reverse()) out = out.slice(0, h.start) + ERASED + out.slice(h.end);
      return out;
    },
    empty: names.length === 0 && others.length === 0,
  };
}
