/**
 * Reads what is still readable in a damaged snapshot file. A snapshot is written as one line of JSON,
 * `{"format":1,…,"seq":N,…,"records":[{…},{…},…]}`, so a file cut short or overwritten in the middle
 * still holds whole records before (and after) the damage: each is parsed on its own.
 */

import type { RecordRef } from './types.js';

export type { RecordRef };

export interface SalvagedSnapshot {
  /** The header as far as it could be read. */
  format: number | null;
  seq: number | null;
  /** Whole JSON objects read in order from the start of the records list (not yet checked against the schema). */
  records: unknown[];
  /**
   * Objects found past a damaged stretch. The scan picked up again at what looks like a record's start,
   * which may as well be an object nested in one: only those that pass the schema are records.
   */
  resynced: unknown[];
  /** Records seen in damaged stretches of the file that could not be read whole. */
  damaged: RecordRef[];
  /** The file was valid JSON of the expected shape. */
  whole: boolean;
  /** The records list never closes: the file was cut short, and records after the cut are unknown. */
  cutShort: boolean;
}

const TITLE_KEYS = ['title', 'name', 'headline', 'shortName', 'number', 'question', 'text'];

/** A short human name for a record in a message: its title, name or first words of its text. */
export function titleOf(record: unknown): string {
  const r = record as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return '';
  for (const key of TITLE_KEYS) {
    const v = r[key];
    if (typeof v === 'string' && v.trim()) return v.trim().length > 80 ? `${v.trim().slice(0, 79)}…` : v.trim();
  }
  return '';
}

/** Index just past the object or array that starts at `start`, or -1 if the text ends first. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) depth++;
    else if (ch === 125 || ch === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The record's own string fields in a damaged stretch (depth 1 only: a nested object's id is not the record's). */
function topLevelStrings(fragment: string): Map<string, string> {
  const found = new Map<string, string>();
  const str = /"((?:[^"\\]|\\.)*)"?/y;
  let depth = 0;
  let lastKey: string | null = null;
  for (let i = 0; i < fragment.length; i++) {
    const ch = fragment[i];
    if (ch === '"') {
      str.lastIndex = i;
      const m = str.exec(fragment)!;
      if (!m[0].endsWith('"') || m[0].length < 2) break; // a string the damage cut off is no value
      const value = m[1]!;
      i = str.lastIndex - 1;
      if (depth !== 1) continue;
      if (/^\s*:/.test(fragment.slice(i + 1, i + 9))) lastKey = value;
      else if (lastKey !== null) {
        if (!found.has(lastKey)) found.set(lastKey, unescapeJsonString(value));
        lastKey = null;
      }
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',') lastKey = null;
  }
  return found;
}

function unescapeJsonString(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The record a damaged stretch began with: its id and title, read from the raw text. */
function refInFragment(fragment: string): RecordRef | null {
  const fields = topLevelStrings(fragment);
  const id = fields.get('id');
  if (!id || id.length > 64) return null;
  const titleKey = TITLE_KEYS.find((k) => fields.get(k)?.trim());
  return { id, title: titleKey ? fields.get(titleKey)!.trim().slice(0, 80) : '' };
}

/** A key as it appears in JSON text, escaped for a RegExp. */
const keyPattern = (key: string) => JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function headerNumber(head: string, key: string): number | null {
  const m = new RegExp(`"${key}"\\s*:\\s*(\\d+)`).exec(head);
  return m ? Number(m[1]) : null;
}

export function salvageSnapshot(text: string): SalvagedSnapshot {
  try {
    const whole = JSON.parse(text) as { format?: unknown; seq?: unknown; records?: unknown };
    if (whole && typeof whole === 'object' && Array.isArray(whole.records)) {
      return {
        format: typeof whole.format === 'number' ? whole.format : null,
        seq: typeof whole.seq === 'number' ? whole.seq : null,
        records: whole.records,
        resynced: [],
        damaged: [],
        whole: true,
        cutShort: false,
      };
    }
  } catch {
    // read it piece by piece below
  }
  // Written compact, but a file someone reformatted by hand may have spaces anywhere between tokens.
  const list = /"records"\s*:\s*\[/.exec(text);
  const listAt = list ? list.index : -1;
  const head = listAt === -1 ? text.slice(0, 400) : text.slice(0, listAt);
  const result: SalvagedSnapshot = { format: headerNumber(head, 'format'), seq: headerNumber(head, 'seq'), records: [], resynced: [], damaged: [], whole: false, cutShort: true };
  if (listAt === -1) {
    const ref = refInFragment(text);
    if (ref) result.damaged.push(ref);
    return result;
  }
  let firstKey: string | null = null;
  let inOrder = true;
  let at = listAt + list![0].length;
  while (at < text.length) {
    while (at < text.length && (text[at] === ',' || /\s/.test(text[at]!))) at++;
    if (at >= text.length) break;
    if (text[at] === ']') {
      result.cutShort = false;
      break;
    }
    const end = text[at] === '{' ? valueEnd(text, at) : -1;
    let parsed: unknown;
    if (end !== -1) {
      try {
        parsed = JSON.parse(text.slice(at, end));
      } catch {
        parsed = undefined;
      }
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      (inOrder ? result.records : result.resynced).push(parsed);
      firstKey ??= Object.keys(parsed)[0] ?? null;
      at = end;
      continue;
    }
    // A damaged stretch: note the record it began with, then pick up at the next record's start, known
    // by the first key every record starts with (a bare «},{» may well be inside a nested list).
    firstKey ??= /^\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(text.slice(at, at + 200))?.[1] ?? null;
    const boundary = firstKey ? new RegExp(String.raw`\}\s*,\s*(?=\{\s*${keyPattern(firstKey)}\s*:)`, 'g') : null;
    let next = -1;
    if (boundary) {
      boundary.lastIndex = at + 1;
      const m = boundary.exec(text);
      if (m) next = m.index + m[0].length;
    }
    const ref = refInFragment(text.slice(at, next === -1 ? text.length : next));
    if (ref) result.damaged.push(ref);
    if (next === -1) break;
    inOrder = false;
    at = next;
  }
  return result;
}
