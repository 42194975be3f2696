/**
 * Cleaning of text typed or pasted into a release (Word, browsers, messengers leave garbage):
 * control characters go (they would also make the DOCX unreadable: XML forbids them),
 * newlines are kept where they mean something, emoji and very long words are kept as they are.
 */

/** C0/C1 controls (but tab, LF, CR), BOM, object-replacement and XML-forbidden non-characters. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFF9-\uFFFC\uFFFE\uFFFF]/g;
/** Half of a surrogate pair without the other half: not a character, breaks UTF-8 and XML. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strips controls; normalises every kind of line break to \n (U+2029, a paragraph separator, to a blank line). */
export function stripControls(s: string): string {
  return s
    .replace(LONE_SURROGATES, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2028/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '');
}

/** One line (headline, name, caption author): line breaks become spaces, spaces collapse, ends trimmed. */
export function cleanLine(s: string): string {
  return stripControls(s).replace(/\n+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Several lines (lead, quote, comment): line ends trimmed, at most one blank line in a row. */
export function cleanMultiline(s: string): string {
  return stripControls(s)
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const segmenter = new Intl.Segmenter('ru', { granularity: 'grapheme' });
/** Combining marks, zero-width joiner, variation selectors, astral characters: where graphemes ≠ UTF-16 units. */
const COMPLEX = /[\u0300-\u036F\u200D\uFE00-\uFE0F\uD800-\uDFFF]/;

/**
 * Characters as a reader counts them («знаков с пробелами»): an emoji is one, line breaks are none.
 * Only the words that need it go through Intl.Segmenter, one short word at a time: V8 copies the
 * whole input into every segment it yields, so segmenting a 200-page text at once runs out of memory.
 */
export function charCount(s: string): number {
  const flat = s.replace(/\n/g, '');
  if (!COMPLEX.test(flat)) return flat.length;
  let n = 0;
  for (const piece of flat.split(/(\s+)/)) {
    if (!COMPLEX.test(piece)) n += piece.length;
    else for (const _ of segmenter.segment(piece)) n++;
  }
  return n;
}

export function wordCount(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}
