/**
 * The body of a release: TipTap / ProseMirror JSON, as the editor produces it (StarterKit + Link):
 *
 *   doc → paragraph | heading{level} | bulletList | orderedList{start} | blockquote
 *   bulletList / orderedList → listItem → paragraph (then any blocks)
 *   paragraph / heading → text{marks: bold | italic | link{href}} | hardBreak
 *
 * Anything else (images, tables, code, unknown marks) is refused with a clear message, and so are
 * links that are not http, https or mailto. What passes is cleaned (see cleanBody) so the editor,
 * the site and Word all accept it.
 */
import { z } from 'zod';
import '../../errors.js'; // Russian messages for the nested issues
import { formatInt } from '../../format.js';
import { stripControls } from './text.js';

export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };
export type TextNode = { type: 'text'; text: string; marks?: Mark[] };
export type HardBreak = { type: 'hardBreak' };
export type Inline = TextNode | HardBreak;
export type Paragraph = { type: 'paragraph'; content?: Inline[] };
export type Heading = { type: 'heading'; attrs: { level: number }; content?: Inline[] };
export type ListItem = { type: 'listItem'; content: Block[] };
export type BulletList = { type: 'bulletList'; content: ListItem[] };
export type OrderedList = { type: 'orderedList'; attrs: { start: number }; content: ListItem[] };
export type Blockquote = { type: 'blockquote'; content: Block[] };
export type Block = Paragraph | Heading | BulletList | OrderedList | Blockquote;
export type BodyDoc = { type: 'doc'; content: Block[] };

/** About 550 pages of text: a 200-page paste fits, a whole archive pasted by mistake does not. */
export const BODY_MAX_CHARS = 1_000_000;
const MAX_DEPTH = 24;
const MAX_NODES = 400_000;

export const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href);
    if (!SAFE_PROTOCOLS.includes(url.protocol)) return false;
    return url.protocol === 'mailto:' ? url.pathname.length > 0 : url.hostname.length > 0;
  } catch {
    return false;
  }
}

const blockNames = 'абзац, заголовок, маркированный и нумерованный список, цитата';
const unknownType = (what: string, allowed: string) => (issue: { code: string; input?: unknown }) => {
  if (issue.code !== 'invalid_union') return undefined;
  const type = (issue.input as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `${what} «${type}» не поддерживается (допустимы: ${allowed})` : `у элемента не указан тип (допустимы: ${allowed})`;
};

const MarkSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('bold') }),
    z.object({ type: z.literal('italic') }),
    z.object({
      type: z.literal('link'),
      attrs: z.object({
        href: z
          .string()
          .trim()
          .max(2000, 'слишком длинный адрес ссылки (не более 2000 символов)')
          .refine(isSafeHref, { error: (iss) => `ссылка «${String(iss.input).slice(0, 80)}» не принята: допустимы только адреса http://, https:// и mailto:` }),
      }),
    }),
  ],
  { error: unknownType('оформление', 'полужирный, курсив, ссылка') },
);

const TextSchema = z.object({ type: z.literal('text'), text: z.string(), marks: z.array(MarkSchema).max(20).optional() });
const HardBreakSchema = z.object({ type: z.literal('hardBreak') });
const InlineSchema = z.discriminatedUnion('type', [TextSchema, HardBreakSchema], { error: unknownType('элемент текста', 'текст, перенос строки') });
const inlineContent = z.array(InlineSchema).optional();

const ParagraphSchema = z.object({ type: z.literal('paragraph'), content: inlineContent });
const HeadingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.number().int().min(1, 'уровень заголовка от 1 до 6').max(6, 'уровень заголовка от 1 до 6') }).default({ level: 2 }),
  content: inlineContent,
});
const ListItemSchema = z.object({
  type: z.literal('listItem'),
  get content(): z.ZodArray<z.ZodType<Block, unknown>> {
    return z.array(BlockSchema);
  },
});
const items = z.array(ListItemSchema);
const BulletListSchema = z.object({ type: z.literal('bulletList'), content: items.default([]) });
const OrderedListSchema = z.object({
  type: z.literal('orderedList'),
  attrs: z
    .object({ start: z.number().int().min(0).max(1_000_000).nullish().transform((n) => n ?? 1) })
    .default({ start: 1 }),
  content: items.default([]),
});
const BlockquoteSchema = z.object({
  type: z.literal('blockquote'),
  get content(): z.ZodArray<z.ZodType<Block, unknown>> {
    return z.array(BlockSchema);
  },
});

/** One block of the body; refuses node types the editor does not produce. */
export const BlockSchema: z.ZodType<Block, unknown> = z.discriminatedUnion(
  'type',
  [ParagraphSchema, HeadingSchema, BulletListSchema, OrderedListSchema, BlockquoteSchema],
  { error: unknownType('элемент', blockNames) },
) as unknown as z.ZodType<Block, unknown>;

/** The whole body, as stored and as the editor sends it (before cleaning). */
export const BodyDocSchema = z.object({
  type: z.literal('doc', { error: 'ожидается документ редактора (type: "doc")' }),
  content: z.array(BlockSchema).default([]),
});

export const emptyBody = (): BodyDoc => ({ type: 'doc', content: [{ type: 'paragraph' }] });

// ---- cleaning ---------------------------------------------------------------------------

const MARK_ORDER = { bold: 0, italic: 1, link: 2 } as const;
const sameMarks = (a?: Mark[], b?: Mark[]) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

function cleanMarks(marks: Mark[] | undefined): Mark[] | undefined {
  if (!marks?.length) return undefined;
  const byType = new Map<Mark['type'], Mark>();
  for (const m of marks) byType.set(m.type, m.type === 'link' ? { type: 'link', attrs: { href: m.attrs.href } } : { type: m.type });
  return [...byType.values()].sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
}

/**
 * Inline content → one or more paragraphs' worth: pasted «\n» becomes a hard break, a blank
 * line (\n\n) starts a new paragraph (when `split`), empty text nodes go (ProseMirror refuses them),
 * neighbours with the same marks merge.
 */
function cleanInline(nodes: Inline[] | undefined, split: boolean): Inline[][] {
  const out: Inline[][] = [[]];
  const push = (node: Inline) => {
    const line = out[out.length - 1]!;
    const last = line[line.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last.marks, node.marks)) last.text += node.text;
    else line.push(node);
  };
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      push({ type: 'hardBreak' });
      continue;
    }
    const marks = cleanMarks(node.marks);
    let text = stripControls(node.text);
    if (!split) text = text.replace(/\n+/g, ' ');
    text.split(/\n{2,}/).forEach((part, i) => {
      if (i > 0) out.push([]);
      part.split('\n').forEach((piece, j) => {
        if (j > 0) push({ type: 'hardBreak' });
        if (piece) push(marks ? { type: 'text', text: piece, marks } : { type: 'text', text: piece });
      });
    });
  }
  return out;
}

const paragraph = (content: Inline[]): Paragraph => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const isEmptyParagraph = (b: Block) => b.type === 'paragraph' && !b.content?.length;

function cleanBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        out.push(...cleanInline(b.content, true).map(paragraph));
        break;
      case 'heading': {
        const content = cleanInline(b.content, false)[0]!;
        out.push(content.length ? { type: 'heading', attrs: { level: b.attrs.level }, content } : { type: 'heading', attrs: { level: b.attrs.level } });
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const listItems: ListItem[] = b.content.map((item) => {
          const content = cleanBlocks(item.content);
          // ProseMirror's listItem must start with a paragraph.
          if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
          return { type: 'listItem', content };
        });
        if (listItems.length === 0) break;
        out.push(b.type === 'bulletList' ? { type: 'bulletList', content: listItems } : { type: 'orderedList', attrs: { start: b.attrs.start }, content: listItems });
        break;
      }
      case 'blockquote': {
        const content = cleanBlocks(b.content);
        out.push({ type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] });
        break;
      }
    }
  }
  // Pasted Word text comes with runs of empty paragraphs: keep at most one in a row.
  return out.filter((b, i) => !(isEmptyParagraph(b) && i > 0 && isEmptyParagraph(out[i - 1]!)));
}

/** Returns a clean copy: safe for ProseMirror, the site's HTML and Word's XML. */
export function cleanBody(doc: BodyDoc): BodyDoc {
  const content = cleanBlocks(doc.content);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

// ---- validation at the door -------------------------------------------------------------

/** Depth and size first (cheap and iterative), so a pathological paste cannot blow the stack. */
function measure(raw: unknown): string | null {
  const stack: [unknown, number][] = [[raw, 0]];
  let nodes = 0;
  let chars = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return `слишком глубокая вложенность (списки и цитаты — не более ${MAX_DEPTH / 2} уровней)`;
    if (++nodes > MAX_NODES) return `слишком много элементов (более ${formatInt(MAX_NODES)}): разделите материал на несколько релизов`;
    if (!node || typeof node !== 'object') continue;
    const { text, content } = node as { text?: unknown; content?: unknown };
    if (typeof text === 'string') chars += text.length;
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  if (chars > BODY_MAX_CHARS)
    return `слишком длинный текст: ${formatInt(chars)} знаков при допустимых ${formatInt(BODY_MAX_CHARS)} (около 550 страниц). Разделите материал на несколько релизов или приложите его отдельным документом`;
  return null;
}

const blockLabels: Record<string, string> = {
  paragraph: 'абзац',
  heading: 'заголовок',
  bulletList: 'список',
  orderedList: 'нумерованный список',
  blockquote: 'цитата',
};

/** «блок № 3 (список)» for the path of a zod issue inside the body. */
function where(raw: unknown, path: PropertyKey[]): string {
  if (path[0] !== 'content' || typeof path[1] !== 'number') return '';
  const block = (raw as { content: { type?: string }[] }).content[path[1]];
  const kind = block && typeof block.type === 'string' ? blockLabels[block.type] : undefined;
  return `блок № ${path[1] + 1}${kind ? ` (${kind})` : ''}: `;
}

/**
 * The body field of every input: checks size and structure, refuses what the editor cannot
 * have produced, and returns the cleaned document. Errors name the field and the block.
 */
export const bodyField = (label = 'Текст релиза') =>
  z
    .unknown()
    .transform((raw, ctx): BodyDoc => {
      if (raw === undefined || raw === null) return emptyBody();
      if (typeof raw !== 'object' || Array.isArray(raw)) {
        ctx.addIssue({ code: 'custom', message: 'ожидается документ редактора (type: "doc"), а не простой текст', input: raw });
        return z.NEVER;
      }
      const problem = measure(raw);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem, input: raw });
        return z.NEVER;
      }
      const parsed = BodyDocSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.addIssue({ code: 'custom', message: where(raw, issue.path) + issue.message, input: raw });
        return z.NEVER;
      }
      return cleanBody(parsed.data as BodyDoc);
    })
    .describe(label);
