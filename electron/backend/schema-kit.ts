import { z } from 'zod';
import './errors.js'; // installs the Russian messages before any schema is used

/** Building blocks for every feature's schemas: each field carries its Russian label for error messages. */
export const id = () => z.string().min(1).max(64).describe('Идентификатор');

// ---- what comes in ---------------------------------------------------------------------------

/**
 * True while the door parses a request (parseInput). Rules added for new input (forInput) hold only then:
 * a record stored before a rule existed must still pass its schema when read back or re-saved, or its whole
 * file would be taken for damaged at start-up. zod parses synchronously, so the flag reaches no other parse.
 */
let parsingInput = false;
const forInput =
  <T>(ok: (value: T) => boolean) =>
  (value: T) =>
    !parsingInput || ok(value);

/** What XML 1.0 forbids (it would break every DOCX): NUL and the other C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const hasUnsafe = (s: string) => s.search(UNSAFE) !== -1;

/**
 * Every string of a request, at any depth (keys too), without the characters above. Dropped rather than refused:
 * nobody can see them in a form to take them out, and they carry nothing. Returns `value` itself when clean.
 */
export function dropUnsafeCharacters(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'string') return hasUnsafe(value) ? value.replace(UNSAFE, '') : value;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    seen.set(value, value);
    const out = value.map((v) => dropUnsafeCharacters(v, seen));
    const changed = out.some((v, i) => v !== value[i]);
    seen.set(value, changed ? out : value);
    return changed ? out : value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // typed arrays and the like: no text inside
  seen.set(value, value);
  const entries = Object.entries(value);
  const out = entries.map(([k, v]) => [dropUnsafeCharacters(k, seen) as string, dropUnsafeCharacters(v, seen)] as const);
  const changed = out.some(([k, v], i) => k !== entries[i]![0] || v !== entries[i]![1]);
  // fromEntries defines «__proto__» as an own key, as JSON.parse does, instead of setting the prototype.
  const result = changed ? Object.fromEntries(out) : value;
  seen.set(value, result);
  return result;
}

/** How a request is read at the door: unsafe characters dropped, then the schema with the rules for new input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const clean = dropUnsafeCharacters(input);
  const outer = parsingInput;
  parsingInput = true;
  try {
    return schema.safeParse(clean);
  } finally {
    parsingInput = outer;
  }
}

// ---- text ------------------------------------------------------------------------------------

/** Something a reader sees: not white space of any kind, not zero-width or another default-ignorable character, not a control. */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}]/u;
export const isBlank = (s: string) => !VISIBLE.test(s);

/** White space and zero-width characters, trimmed at the ends (not variation selectors: «❤️» ends in one). */
const EDGE = /[\s\u200B-\u200D\u2060\u180E]/;
/** Trims the ends, in linear time (a regex anchored at the end backtracks on long runs of spaces). */
function trimEdges(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && EDGE.test(s[start]!)) start++;
  while (end > start && EDGE.test(s[end - 1]!)) end--;
  // Left empty, a value only loses what String.trim() takes, as before: a stored name must still pass (see forInput).
  return start === end ? s.trim() : s.slice(start, end);
}

/** For a text that must be filled in: one made only of invisible characters is empty (an empty one has min(1)'s issue). */
export const notBlank = <S extends z.ZodType<string>>(schema: S) => schema.refine(forInput((s: string) => s === '' || !isBlank(s)), 'обязательное поле');

export const text = (label: string, max = 500) => notBlank(z.string().overwrite(trimEdges).min(1)).max(max).describe(label);
export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .overwrite((s) => (isBlank(s) ? '' : trimEdges(s)))
    .max(max)
    .default('')
    .describe(label);
export const longText = (label: string, max = 20_000) => z.string().max(max).default('').describe(label);

export const email = (label = 'E-mail') =>
  z.union([z.literal(''), z.email()]).default('').describe(label);

/**
 * A public host name: labels of letters, digits and hyphens, and a top-level domain of letters or an
 * internationalised one. zod's own `z.regexes.domain` allows letters only in the TLD, so it refused every
 * site in .рф (the URL parser hands the host over as punycode: «xn--p1ai»).
 */
export const hostName = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

export const webAddress = (label = 'Сайт') =>
  z
    .union([z.literal(''), z.url({ protocol: /^https?$/, hostname: hostName })])
    .default('')
    .describe(label);

export const phone = (label = 'Телефон') =>
  z
    .string()
    .trim()
    .max(40)
    .regex(/^[\d\s()+\-–,доб.]*$/i, 'допустимы цифры, пробелы, скобки, «+» и «-»')
    .default('')
    .describe(label);

/**
 * One of a fixed set of values, each with its Russian name: the error lists the names the user
 * sees in the form («газета, ТВ, радио»), not the codes stored in the data.
 */
export const choice = <K extends string>(names: Readonly<Record<K, string>>, label: string) => {
  const keys = Object.keys(names) as [K, ...K[]];
  // The code in brackets is for the command line and scripts, which send codes, not names.
  const list = keys.map((k) => `«${names[k]}» (${k})`).join(', ');
  return z
    .enum(keys, { error: (issue) => (issue.input === undefined ? 'обязательное поле' : `выберите одно из значений: ${list}`) })
    .describe(label);
};

// ---- dates -----------------------------------------------------------------------------------

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
/** Years before 100 are read as 19xx by Date, and no press office plans beyond 2100: such a year is a typo. */
const yearInRange = forInput((s: string) => {
  const year = /^\d{4}/.exec(s);
  return !year || (Number(year[0]) >= FIRST_YEAR && Number(year[0]) <= LAST_YEAR); // no year: the format check complains
});
const yearMessage = `год должен быть от ${FIRST_YEAR} до ${LAST_YEAR}`;
/** Any schema of a date or date-time text, with the year range for new input. */
export const withYearRange = <S extends z.ZodType<string>>(schema: S) => schema.refine(yearInRange, yearMessage);

/** A day, YYYY-MM-DD. */
export const isoDate = (label: string) => withYearRange(z.iso.date()).describe(label);
/** An instant with its offset, «2026-06-05T10:00:00+07:00». */
export const isoDateTime = (label: string) => withYearRange(z.iso.datetime({ offset: true })).describe(label);

export const timeZone = (label = 'Часовой пояс') =>
  z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'неизвестный часовой пояс (пример: Asia/Barnaul)')
    .describe(label);

export const empty = z.object({}).default({});

/** Every stored record has these. */
export const recordMeta = {
  id: id(),
  createdAt: isoDateTime('Создано'),
  updatedAt: isoDateTime('Изменено'),
};
