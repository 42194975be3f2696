/**
 * The body: TipTap with exactly what the backend stores (body.ts) — paragraphs, headings, lists,
 * quotes, hard breaks; bold, italic, http/https/mailto links. Everything else StarterKit brings is
 * switched off, so pasted Word/HTML keeps paragraphs, bold/italic and lists and loses the rest
 * (the schema has nowhere to put underline, colours, tables, images, <o:p>…).
 */
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState } from 'react';
import type { BodyDoc } from '../../../electron/backend/features/releases/body';

const SAFE = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

export const bodyExtensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    heading: { levels: [2, 3] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [],
      defaultProtocol: 'https',
      isAllowedUri: (url) => SAFE.test(url),
      HTMLAttributes: { rel: 'noopener noreferrer', target: null },
    },
  }),
];

/** Only what the backend accepts: marks bold/italic/link (safe href only), link attrs reduced to href. */
export function toBody(json: JSONContent): BodyDoc {
  const walk = (n: JSONContent): JSONContent => {
    const out: JSONContent = { type: n.type };
    if (n.type === 'heading') out.attrs = { level: n.attrs?.level ?? 2 };
    if (n.type === 'orderedList') out.attrs = { start: n.attrs?.start ?? 1 };
    if (n.text !== undefined) out.text = n.text;
    if (n.marks?.length) {
      const marks = n.marks.flatMap((m) =>
        m.type === 'bold' || m.type === 'italic' ? [{ type: m.type }] : m.type === 'link' && SAFE.test(String(m.attrs?.href ?? '')) ? [{ type: 'link', attrs: { href: String(m.attrs!.href) } }] : [],
      );
      if (marks.length) out.marks = marks;
    }
    if (n.content) out.content = n.content.map(walk);
    return out;
  };
  return walk(json) as BodyDoc;
}

export function BodyEditor({ initial, onChange, readOnly }: { initial: BodyDoc; onChange: (body: BodyDoc) => void; readOnly?: boolean }) {
  const editor = useEditor({
    extensions: bodyExtensions,
    content: initial as JSONContent,
    editable: !readOnly,
    editorProps: { attributes: { class: 'rl-prose', 'aria-label': 'Текст релиза', 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'rl-body' } },
    onUpdate: ({ editor }) => onChange(toBody(editor.getJSON())),
  });
  return (
    <div className="rl-body-editor">
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: String(e.getAttributes('link').href ?? ''),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState('');
  const chain = () => editor.chain().focus();
  const button = (label: string, title: string, active: boolean, run: () => void, className = '') => (
    <button type="button" className={`rl-tool ${active ? 'active' : ''} ${className}`} aria-pressed={active} title={title} aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      {label}
    </button>
  );
  const applyLink = () => {
    const url = href.trim();
    if (!url) {
      chain().extendMarkRange('link').unsetLink().run();
      setLinkOpen(false);
      return;
    }
    const full = /^[a-z]+:/i.test(url) ? url : url.includes('@') ? `mailto:${url}` : `https://${url}`;
    if (!SAFE.test(full)) {
      setLinkError('Допустимы адреса http://, https:// и mailto:');
      return;
    }
    chain().extendMarkRange('link').setLink({ href: full }).run();
    setLinkOpen(false);
  };
  return (
    <div className="rl-toolbar" role="toolbar" aria-label="Оформление текста">
      {button('Ж', 'Полужирный (Ctrl+B)', state.bold, () => chain().toggleBold().run(), 'rl-tool-b')}
      {button('К', 'Курсив (Ctrl+I)', state.italic, () => chain().toggleItalic().run(), 'rl-tool-i')}
      <span className="rl-tool-sep" />
      {button('• Список', 'Маркированный список', state.bullet, () => chain().toggleBulletList().run())}
      {button('1. Список', 'Нумерованный список', state.ordered, () => chain().toggleOrderedList().run())}
      {button('« Цитата', 'Цитата (врезка)', state.quote, () => chain().toggleBlockquote().run())}
      <span className="rl-tool-sep" />
      {button('Ссылка', 'Ссылка', state.link, () => {
        setHref(state.href);
        setLinkError('');
        setLinkOpen(!linkOpen);
      })}
      {linkOpen && (
        <span className="rl-link-box">
          <input
            type="url"
            aria-label="Адрес ссылки"
            placeholder="https://…"
            value={href}
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.preventDefault(), applyLink());
              if (e.key === 'Escape') (e.preventDefault(), e.stopPropagation(), setLinkOpen(false));
            }}
          />
          <button type="button" className="button button-small" onClick={applyLink}>
            {href.trim() ? 'Применить' : 'Убрать ссылку'}
          </button>
          {linkError && <span className="field-error">{linkError}</span>}
        </span>
      )}
    </div>
  );
}
