/** The body as plain text (counts, search, diff) and as clean HTML (the site, previews). */
import type { Block, BodyDoc, Inline, Mark } from './body.js';

const inlineText = (nodes: Inline[] | undefined) => (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');

function blockLines(block: Block, markers: boolean, indent: string, out: string[]): void {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      out.push(indent + inlineText(block.content));
      break;
    case 'bulletList':
    case 'orderedList':
      block.content.forEach((item, i) => {
        const marker = !markers ? '' : block.type === 'bulletList' ? '• ' : `${block.attrs.start + i}. `;
        const inner: string[] = [];
        item.content.forEach((b) => blockLines(b, markers, '', inner));
        inner.forEach((l, j) => out.push(indent + (j === 0 ? marker : markers ? '  ' : '') + l));
      });
      break;
    case 'blockquote': {
      const inner: string[] = [];
      block.content.forEach((b) => blockLines(b, markers, '', inner));
      inner.forEach((l) => out.push(indent + (markers ? '> ' : '') + l));
      break;
    }
  }
}

/**
 * Plain text, one block a line. With `markers`, lists keep «• » / «1. » and quotes «> »
 * (what a readable diff shows); without, only the words (what counts and search use).
 */
export function plainText(doc: BodyDoc, opts: { markers?: boolean } = {}): string {
  const out: string[] = [];
  for (const b of doc.content) blockLines(b, !!opts.markers, '', out);
  while (out.length && !out[out.length - 1]!.trim()) out.pop();
  return out.join('\n');
}

/** Paragraph texts without markup (for building documents from templates and demo text). */
export function docFromParagraphs(paragraphs: string[]): BodyDoc {
  return {
    type: 'doc',
    content: paragraphs.length ? paragraphs.map((p) => (p ? { type: 'paragraph', content: [{ type: 'text', text: p }] } : { type: 'paragraph' })) : [{ type: 'paragraph' }],
  };
}

// ---- HTML ---------------------------------------------------------------------------------

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function markHtml(text: string, marks: Mark[] | undefined): string {
  let html = escapeHtml(text);
  for (const m of [...(marks ?? [])].reverse()) {
    if (m.type === 'bold') html = `<strong>${html}</strong>`;
    else if (m.type === 'italic') html = `<em>${html}</em>`;
    else html = `<a href="${escapeHtml(m.attrs.href)}" rel="noopener noreferrer">${html}</a>`;
  }
  return html;
}

const inlineHtml = (nodes: Inline[] | undefined) => (nodes ?? []).map((n) => (n.type === 'text' ? markHtml(n.text, n.marks) : '<br>')).join('');

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${inlineHtml(b.content)}</p>`;
    case 'heading': {
      const level = Math.min(Math.max(b.attrs.level, 2), 4); // <h1> is the post's title on a site
      return `<h${level}>${inlineHtml(b.content)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${b.content.map((i) => `<li>${i.content.map(blockHtml).join('')}</li>`).join('')}</ul>`;
    case 'orderedList':
      return `<ol${b.attrs.start !== 1 ? ` start="${b.attrs.start}"` : ''}>${b.content.map((i) => `<li>${i.content.map(blockHtml).join('')}</li>`).join('')}</ol>`;
    case 'blockquote':
      return `<blockquote>${b.content.map(blockHtml).join('')}</blockquote>`;
  }
}

/** Clean HTML: only p, h2–h4, ul/ol/li, blockquote, strong, em, a[href], br; every text escaped. */
export function toHtml(doc: BodyDoc): string {
  return doc.content
    .filter((b, i, all) => !(b.type === 'paragraph' && !b.content?.length && (i === 0 || i === all.length - 1)))
    .map(blockHtml)
    .join('\n');
}
