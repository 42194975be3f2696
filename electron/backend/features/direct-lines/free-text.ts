/**
 * The free-text fields of a direct line where a resident's data may have been typed in, and the
 * erasure applied to a record — the same for the live store and for the records of a backup.
 */
import { ERASED, type HitKind, type Matcher, type PersonalValues } from './personal-data.js';
import { Assignment, DirectLine, Question } from './schema.js';

// The district is not here: it is kept for statistics by district.
const QUESTION_TEXT = { topic: 'Тема', text: 'Текст вопроса', answer: 'Письменный ответ', liveNote: 'Ответ в эфире (кратко)' } as const;
const ASSIGNMENT_TEXT = { department: 'Исполнитель (отдел)', responsible: 'Ответственный', finalAnswer: 'Итоговый ответ' } as const;
const SESSION_TEXT = { announcement: 'Текст анонса', notes: 'Заметки' } as const;

export interface AnonymiseHit {
  /** null: a field of the session itself. */
  questionId: string | null;
  /** «text», «assignment.finalAnswer», «notes»… */
  field: string;
  label: string;
  kind: HitKind;
  /** The text found, as written. */
  match: string;
  /** Up to 40 characters either side, for the preview. */
  before: string;
  after: string;
}

type Loose = Record<string, unknown>;

/** A field's max length from its schema (unwrapping defaults and nullables). */
function maxLength(schema: unknown): number {
  let s = schema as { maxLength?: unknown; unwrap?: () => unknown } | undefined;
  while (s && typeof s.maxLength !== 'number' && s.unwrap) s = s.unwrap() as typeof s;
  return typeof s?.maxLength === 'number' ? s.maxLength : Infinity;
}
const shapeMax = (shape: Record<string, unknown>, table: Record<string, string>) => Object.fromEntries(Object.keys(table).map((k) => [k, maxLength(shape[k])]));
const MAX = {
  question: shapeMax(Question.shape, QUESTION_TEXT),
  assignment: shapeMax(Assignment.shape, ASSIGNMENT_TEXT),
  session: shapeMax(DirectLine.shape, SESSION_TEXT),
};

function fieldsOf(record: Loose, table: Record<string, string>, max: Record<string, number>, prefix = '') {
  return Object.entries(table)
    .filter(([key]) => typeof record[key] === 'string' && record[key] !== '')
    .map(([key, label]) => ({ field: prefix + key, label, value: record[key] as string, holder: record, key, max: max[key] ?? Infinity }));
}

function textFields(record: Loose, kind: 'question' | 'session') {
  if (kind === 'session') return fieldsOf(record, SESSION_TEXT, MAX.session);
  const a = record.assignment;
  return [...fieldsOf(record, QUESTION_TEXT, MAX.question), ...(a && typeof a === 'object' ? fieldsOf(a as Loose, ASSIGNMENT_TEXT, MAX.assignment, 'assignment.') : [])];
}

/**
 * «[обезличено]» may be longer than what it replaced: past the field's max the schema would refuse
 * the record and the erasure could not be saved, so the text's end gives way (a marker stays whole).
 */
function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = (s: string, n: number) => s.slice(0, n).replace(/[\uD800-\uDBFF]$/, '');
  const marker = text.lastIndexOf(ERASED, max - 1);
  return marker >= 0 && marker + ERASED.length > max ? cut(text, max - ERASED.length) + ERASED : cut(text, max);
}

export function residentsOf(questions: Pick<Question, 'resident'>[]): PersonalValues[] {
  return questions.flatMap((q) => (q.resident ? [q.resident] : []));
}

export function findHits(record: Question | DirectLine, kind: 'question' | 'session', matcher: Matcher): AnonymiseHit[] {
  const out: AnonymiseHit[] = [];
  for (const f of textFields(record as unknown as Loose, kind))
    for (const h of matcher.find(f.value))
      out.push({
        questionId: kind === 'question' ? record.id : null,
        field: f.field,
        label: f.label,
        kind: h.kind,
        match: f.value.slice(h.start, h.end),
        before: f.value.slice(Math.max(0, h.start - 40), h.start),
        after: f.value.slice(h.end, h.end + 40),
      });
  return out;
}

/**
 * Erases in place: the resident (questions) and every hit in the free text. Returns the texts
 * found (so the data folder can be checked for them afterwards) and whether anything changed.
 */
export function eraseInRecord(record: Loose, kind: 'question' | 'session', matcher: Matcher, at: string): { changed: boolean; found: string[] } {
  const found: string[] = [];
  let changed = false;
  if (kind === 'question') {
    if (record.resident) {
      record.resident = null;
      changed = true;
    }
  }
  for (const f of textFields(record, kind)) {
    const hits = matcher.find(f.value);
    if (hits.length === 0) continue;
    found.push(...hits.map((h) => f.value.slice(h.start, h.end)));
    f.holder[f.key] = clamp(matcher.erase(f.value), f.max);
    changed = true;
  }
  if (changed && kind === 'question') record.anonymisedAt ??= at;
  return { changed, found };
}

export { ERASED };
