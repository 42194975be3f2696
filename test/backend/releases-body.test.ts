/** The release body (TipTap JSON): what is refused, what is cleaned, and what survives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_MAX_CHARS, bodyField, cleanBody, type BodyDoc } from '../../electron/backend/features/releases/body.js';
import { plainText, toHtml } from '../../electron/backend/features/releases/render.js';
import { charCount, cleanLine, cleanMultiline, wordCount } from '../../electron/backend/features/releases/text.js';
import { doc, openKit, p, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

const parse = (raw: unknown) => bodyField().safeParse(raw);
const ok = (raw: unknown) => {
  const r = parse(raw);
  if (!r.success) throw new Error(r.error.issues[0]!.message);
  return r.data;
};
const refused = (raw: unknown) => {
  const r = parse(raw);
  expect(r.success).toBe(false);
  return r.success ? '' : r.error.issues[0]!.message;
};
const t = (text: string, ...marks: unknown[]) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) });

describe('body validation', () => {
  it('accepts everything the editor produces: headings, lists, quotes, bold, italic, links, hard breaks', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t('Итоги')] },
      { type: 'paragraph', content: [t('жирный', { type: 'bold' }), t(' и '), t('курсив', { type: 'italic' }), { type: 'hardBreak' }, t('сайт', { type: 'link', attrs: { href: 'https://aleysk.example.ru', target: '_blank', rel: 'noopener' } })] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('один'), { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [p('вложенный')] }] }] }] },
      { type: 'blockquote', content: [p('цитата')] },
      { type: 'paragraph', content: [t('почта', { type: 'link', attrs: { href: 'mailto:press@aleysk.example.ru' } })] },
    );
    const clean = ok(body);
    expect(clean.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'blockquote', 'paragraph']);
    // Link attrs are reduced to href: target/rel are the editor's business.
    expect(JSON.stringify(clean)).not.toContain('noopener');
    expect(plainText(clean, { markers: true })).toBe('Итоги\nжирный и курсив\nсайт\n• один\n  3. вложенный\n> цитата\nпочта');
  });

  it.each([
    [{ type: 'doc', content: [{ type: 'image', attrs: { src: 'x.png' } }] }, 'элемент «image» не поддерживается'],
    [{ type: 'doc', content: [{ type: 'table', content: [] }] }, 'элемент «table» не поддерживается'],
    [{ type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'codeBlock' }] }] }, 'элемент «codeBlock» не поддерживается'],
    [doc({ type: 'paragraph', content: [t('x', { type: 'underline' })] }), 'оформление «underline» не поддерживается'],
    [doc({ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 1 } }] }), 'элемент текста «mention» не поддерживается'],
    [doc({ type: 'paragraph', content: [t('x', { type: 'link', attrs: { href: 'javascript:alert(1)' } })] }), 'ссылка «javascript:alert(1)» не принята'],
    [doc({ type: 'paragraph', content: [t('x', { type: 'link', attrs: { href: 'data:text/html,<script>' } })] }), 'не принята'],
    [doc({ type: 'paragraph', content: [t('x', { type: 'link', attrs: { href: 'file:///etc/passwd' } })] }), 'не принята'],
    [doc({ type: 'paragraph', content: [t('x', { type: 'link', attrs: { href: 'aleysk.ru' } })] }), 'не принята'],
    [{ type: 'paragraph' }, 'ожидается документ редактора'],
    ['просто текст', 'ожидается документ редактора'],
    [[p('массив')], 'ожидается документ редактора'],
  ])('refuses %j', (raw, message) => {
    expect(refused(raw)).toContain(message);
  });

  it('names the block at fault', () => {
    expect(refused(doc(p('a'), p('b'), { type: 'horizontalRule' }))).toMatch(/^блок № 3: элемент «horizontalRule»/);
    expect(refused(doc(p('a'), { type: 'paragraph', content: [t('x', { type: 'strike' })] }))).toMatch(/^блок № 2 \(абзац\): /);
  });

  it('refuses pathological nesting without blowing the stack', () => {
    let deep: unknown = p('дно');
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', content: [deep] };
    expect(refused(doc(deep))).toContain('слишком глубокая вложенность');
  });
});

describe('body cleanup', () => {
  it('strips pasted control characters, keeps newlines as hard breaks and paragraphs', () => {
    const clean = ok(doc({ type: 'paragraph', content: [t('Первая\u0000 строка\u0007\r\nвторая\u000b строка\n\nНовый\u001f абзац\u2029Ещё\u200b один\u0085')] }));
    expect(clean.content).toEqual([
      { type: 'paragraph', content: [t('Первая строка'), { type: 'hardBreak' }, t('вторая строка')] },
      { type: 'paragraph', content: [t('Новый абзац')] },
      { type: 'paragraph', content: [t('Ещё\u200b один')] },
    ]);
  });

  it('keeps emoji (including joined sequences) and very long words intact', () => {
    const family = '👨‍👩‍👧';
    const long = 'Ж'.repeat(5000);
    const clean = ok(doc(p(`Ура 🎉 ${family} флаг 🇷🇺`), p(long)));
    expect(plainText(clean)).toBe(`Ура 🎉 ${family} флаг 🇷🇺\n${long}`);
    expect(charCount(`🎉${family}🇷🇺`)).toBe(3);
  });

  it('drops lone surrogates (broken emoji from a bad paste): they are not characters', () => {
    const clean = ok(doc(p('до\ud83dпосле')));
    expect(plainText(clean)).toBe('допосле');
  });

  it('drops empty text nodes and empty lists, merges same-formatting runs, collapses runs of empty paragraphs', () => {
    const clean = ok(
      doc(
        { type: 'paragraph', content: [t(''), t('a', { type: 'bold' }), t('b', { type: 'bold' }, { type: 'bold' }), t('\u0001')] },
        { type: 'paragraph' },
        { type: 'paragraph' },
        { type: 'paragraph', content: [t('\u0002')] },
        { type: 'bulletList', content: [] },
        p('конец'),
      ),
    );
    expect(clean.content).toEqual([{ type: 'paragraph', content: [t('ab', { type: 'bold' })] }, { type: 'paragraph' }, p('конец')]);
  });

  it('makes list items and quotes valid for ProseMirror (a list item starts with a paragraph, a quote is never empty)', () => {
    const clean = ok(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [p('x')] }] }] }] }, { type: 'blockquote', content: [] }));
    const list = clean.content[0] as Extract<BodyDoc['content'][number], { type: 'bulletList' }>;
    expect(list.content[0]!.content[0]).toEqual({ type: 'paragraph' });
    expect(clean.content[1]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph' }] });
  });

  it('is idempotent: cleaning a clean body changes nothing', () => {
    const once = ok(doc({ type: 'paragraph', content: [t('a\nb\n\nc', { type: 'italic' })] }, { type: 'orderedList', content: [{ type: 'listItem', content: [p('x')] }] }));
    expect(cleanBody(once)).toEqual(once);
  });

  it('single-line and multi-line fields are cleaned too', () => {
    expect(cleanLine('  Заголовок\u0000 с\tтабом\nи переносом  ')).toBe('Заголовок с табом и переносом');
    expect(cleanMultiline('Лид\u0007\r\n\r\n\r\n\r\nвторой абзац  ')).toBe('Лид\n\nвторой абзац');
  });

  it('HTML for the site escapes text and keeps only the allowed tags', () => {
    const html = toHtml(
      ok(doc({ type: 'paragraph', content: [t('<script>alert(1)</script> & ', { type: 'bold' }), t('сайт', { type: 'link', attrs: { href: 'https://a.example/?a=1&b="2"' } })] }, { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [p('x')] }] })),
    );
    expect(html).toBe('<p><strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; </strong><a href="https://a.example/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">сайт</a></p>\n<ol start="2"><li><p>x</p></li></ol>');
  });

  it('counts words and characters like a press officer: emoji is one character, line breaks none', () => {
    expect(wordCount('Глава города — на объекте, 12 мая.')).toBe(6);
    expect(charCount('а\nб 🚧')).toBe(4);
    // A long text with emoji is counted without Intl.Segmenter running out of memory.
    expect(charCount('Дороги 🚧 и дворы. '.repeat(30_000))).toBe(18 * 30_000);
  });
});

describe('body through the API', () => {
  let kit: ReleasesKit;
  beforeAll(async () => (kit = await openKit()));
  afterAll(() => kit.close());

  it('a 200-page paste is accepted, counted and saved; a paste over the limit is refused with the field named and nothing written', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC, template: false });
    const page = 'Администрация города сообщает о ходе работ по благоустройству дворовых территорий и ремонту дорог. '.repeat(7);
    const paragraphs = Array.from({ length: 200 * 3 }, (_, i) => p(`${i + 1}. ${page}`));
    const saved = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, body: doc(...paragraphs) });
    expect(saved.counts.body.chars).toBeGreaterThan(200 * 1800);
    expect(saved.counts.body.chars).toBeLessThan(BODY_MAX_CHARS);
    const seq = kit.seq();
    const huge = doc(...Array.from({ length: 120 }, () => p('ж'.repeat(10_000))));
    const err = await kit.fail('releases.saveDraft', { id: r.id, by: SPEC, body: huge });
    expect(err.code).toBe('validation');
    expect(err.message).toMatch(/^Поле «Текст релиза»: слишком длинный текст: 1\s200\s000 знаков при допустимых 1\s000\s000/);
    expect(err.issues?.[0]?.field).toBe('body');
    expect(kit.seq()).toBe(seq);
    const stored = await kit.call('releases.get', { id: r.id });
    expect(stored.counts.body.chars).toBe(saved.counts.body.chars);
  });
});
