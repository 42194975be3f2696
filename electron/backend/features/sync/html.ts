/**
 * HTML both ways: the release as clean HTML for the site (body via releases/render.ts, quotes as
 * blockquotes), what a pulled post contains (photo, video), and the site's HTML back into the
 * editor's TipTap JSON for «оставить версию сайта» (best effort: structure and basic marks survive,
 * anything else becomes plain paragraphs).
 */
import type { Block, BodyDoc, Inline, Mark } from '../releases/body.js';
import { cleanBody, isSafeHref } from '../releases/body.js';
import { escapeHtml, toHtml } from '../releases/render.js';
import type { Release } from '../releases/schema.js';

export function releaseHtml(r: Pick<Release, 'body' | 'quotes'>): string {
  const quotes = r.quotes
    .filter((q) => q.text.trim())
    .map((q) => {
      const who = [q.speaker, q.position].filter(Boolean).join(', ');
      return `<blockquote><p>${escapeHtml(q.text).replace(/\n/g, '<br>')}</p>${who ? `<p><em>${escapeHtml(who)}</em></p>` : ''}</blockquote>`;
    });
  return [toHtml(r.body), ...quotes].filter(Boolean).join('\n');
}

export const hasPhotoIn = (html: string) => /<img\b/i.test(html) || /wp-block-(image|gallery)/i.test(html);

export const hasVideoIn = (html: string) =>
  /<video\b|<iframe\b|\[embed\b|\[video\b|wp-block-embed|wp-block-video/i.test(html) ||
  /(youtube\.com\/(watch|embed|shorts)|youtu\.be\/|rutube\.ru\/(video|play)|vk\.com\/video|vkvideo\.ru|dzen\.ru\/video)/i.test(html);

export function decodeHtml(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', ndash: '–', mdash: '—', hellip: '…' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m; // a broken entity in a site's title must not stop the pull
    }
    return named[e.toLowerCase()] ?? m;
  });
}

/** Text without tags, entities decoded, spaces collapsed (titles, excerpts). */
export function htmlToText(html: string): string {
  return decodeHtml(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

type Frame = { kind: 'doc' | 'list' | 'item' | 'quote'; tag?: string; blocks: Block[]; items?: { type: 'listItem'; content: Block[] }[] };

/** Site HTML → the editor's document. Unknown tags are dropped, their text kept. */
export function htmlToDoc(html: string): BodyDoc {
  const root: Frame = { kind: 'doc', blocks: [] };
  const stack: Frame[] = [root];
  let inline: Inline[] = [];
  let heading: number | null = null;
  const marks: Mark[] = [];
  const top = () => stack[stack.length - 1]!;
  const flush = () => {
    const content = inline.filter((n) => n.type === 'hardBreak' || n.text.trim() !== '');
    if (content.length) {
      const first = content[0]!;
      if (first.type === 'text') first.text = first.text.replace(/^\s+/, '');
      top().blocks.push(heading ? { type: 'heading', attrs: { level: heading }, content } : { type: 'paragraph', content });
    }
    inline = [];
  };
  const text = (t: string) => {
    const s = decodeHtml(t).replace(/[ \t\r\n\f]+/g, ' '); // no-break spaces stay (Russian typography)
    if (!s || (s === ' ' && !inline.length)) return;
    inline.push(marks.length ? { type: 'text', text: s, marks: [...marks] } : { type: 'text', text: s });
  };
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  const re = /<\/?([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)/gi;
  for (let m; (m = re.exec(withoutComments)); ) {
    if (m[3] !== undefined) {
      text(m[3]);
      continue;
    }
    const closing = m[0][1] === '/';
    const tag = m[1]!.toLowerCase();
    if (tag === 'br') inline.push({ type: 'hardBreak' });
    else if (['p', 'div', 'figure', 'figcaption', 'section'].includes(tag)) flush();
    else if (/^h[1-6]$/.test(tag)) {
      flush();
      heading = closing ? null : Math.max(2, Math.min(4, Number(tag[1])));
    } else if (tag === 'strong' || tag === 'b' || tag === 'em' || tag === 'i' || tag === 'a') {
      const type = tag === 'strong' || tag === 'b' ? 'bold' : tag === 'a' ? 'link' : 'italic';
      if (closing) {
        const at = marks.map((x) => x.type).lastIndexOf(type);
        if (at >= 0) marks.splice(at, 1);
      } else if (type === 'link') {
        const href = decodeHtml(/href\s*=\s*"([^"]*)"|href\s*=\s*'([^']*)'/i.exec(m[2] ?? '')?.slice(1).find(Boolean) ?? '');
        if (isSafeHref(href)) marks.push({ type: 'link', attrs: { href } });
      } else marks.push({ type } as Mark);
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (!closing) stack.push({ kind: 'list', tag, blocks: [], items: [] });
      else if (top().kind === 'list') {
        const list = stack.pop()!;
        if (list.items!.length) top().blocks.push(list.tag === 'ol' ? { type: 'orderedList', attrs: { start: 1 }, content: list.items! } : { type: 'bulletList', content: list.items! });
      }
    } else if (tag === 'li') {
      flush();
      if (!closing && top().kind === 'list') stack.push({ kind: 'item', blocks: [] });
      else if (closing && top().kind === 'item') {
        const item = stack.pop()!;
        top().items!.push({ type: 'listItem', content: item.blocks.length ? item.blocks : [{ type: 'paragraph' }] });
      }
    } else if (tag === 'blockquote') {
      flush();
      if (!closing) stack.push({ kind: 'quote', blocks: [] });
      else if (top().kind === 'quote') {
        const q = stack.pop()!;
        top().blocks.push({ type: 'blockquote', content: q.blocks.length ? q.blocks : [{ type: 'paragraph' }] });
      }
    }
  }
  flush();
  while (stack.length > 1) {
    const f = stack.pop()!;
    if (f.kind === 'item') top().items?.push({ type: 'listItem', content: f.blocks.length ? f.blocks : [{ type: 'paragraph' }] });
    else if (f.kind === 'list' && f.items!.length) top().blocks.push({ type: 'bulletList', content: f.items! });
    else if (f.kind === 'quote') top().blocks.push({ type: 'blockquote', content: f.blocks.length ? f.blocks : [{ type: 'paragraph' }] });
    else top().blocks.push(...f.blocks);
  }
  return cleanBody({ type: 'doc', content: root.blocks });
}
