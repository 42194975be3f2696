/**
 * A post changed on the site since the last sync: the site's version beside the app's (title, lead,
 * text), and the three ways out — keep the site's, overwrite the site, or edit a merge and publish it.
 * The site's HTML is shown through TipTap with the release body's schema: only paragraphs, headings,
 * lists, quotes, bold/italic and safe links survive; nothing from the site runs in the window.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState, type ReactNode } from 'react';
import type { ConflictView, ReleaseSiteView } from '../../../electron/backend/features/sync/api-types';
import { formatDateTime } from '../../../electron/backend/format';
import { call } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { bodyExtensions } from '../releases/BodyEditor';
import { errorText } from './labels';

/** WordPress's *_gmt fields carry no zone: they are UTC. */
const utc = (s: string) => (/(Z|[+-]\d\d:?\d\d)$/.test(s) ? s : `${s}Z`);

function textOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const BLOCKS = 'p, li, h1, h2, h3, h4, blockquote';
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The texts of the paragraphs (and list items, headings) of a piece of HTML. */
function blocksOf(html: string): Set<string> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return new Set([...doc.querySelectorAll(BLOCKS)].map((el) => norm(el.textContent)).filter(Boolean));
}

function Prose({ html, label, editable, onChange, other }: { html: string; label: string; editable?: boolean; onChange?: (html: string) => void; other?: string }) {
  const editor = useEditor({
    extensions: bodyExtensions,
    content: html,
    editable: !!editable,
    editorProps: { attributes: { class: 'rl-prose sync-prose', 'aria-label': label, ...(editable ? { role: 'textbox', 'aria-multiline': 'true' } : {}) } },
    onUpdate: ({ editor: e }) => onChange?.(e.getHTML()),
  });
  useEffect(() => {
    if (!editor || editable) return;
    if (editor.getHTML() !== html) editor.commands.setContent(html);
    // Paragraphs the other version does not have are marked, so the eye finds the change.
    if (other === undefined) return;
    const theirs = blocksOf(other);
    editor.view.dom.querySelectorAll(BLOCKS).forEach((el) => {
      const text = norm(el.textContent);
      el.classList.toggle('sync-diff', !!text && !theirs.has(text) && !el.querySelector(BLOCKS));
    });
  }, [html, other, editor, editable]);
  return <EditorContent editor={editor} className={editable ? 'sync-prose-edit' : 'sync-prose-view'} />;
}

type Version = ConflictView['local'];

function Side({ title, note, version, other, testId }: { title: string; note: ReactNode; version: Version; other: Version; testId: string }) {
  return (
    <section className="sync-side" data-testid={testId} aria-label={title}>
      <h3>{title}</h3>
      <div className="muted sync-side-note">{note}</div>
      <div className={`sync-side-title${norm(version.title) !== norm(other.title) ? ' sync-diff' : ''}`} data-testid={`${testId}-title`}>
        {version.title || <span className="muted">без заголовка</span>}
      </div>
      {version.excerpt && <p className="sync-side-excerpt">{textOf(version.excerpt)}</p>}
      <div data-testid={`${testId}-text`}>
        <Prose html={version.html} other={other.html} label={`Текст: ${title}`} />
      </div>
    </section>
  );
}

export function ConflictDialog({ releaseId, timeZone, onClose, onResolved }: { releaseId: string; timeZone: string; onClose: () => void; onResolved: (v: ReleaseSiteView, message: string, textReplaced: boolean) => void }) {
  const confirm = useConfirm();
  const [conflict, setConflict] = useState<ConflictView | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [merge, setMerge] = useState<Version | null>(null);
  const [mergeKey, setMergeKey] = useState(0);

  useEffect(() => {
    call('sync.conflict.get', { releaseId })
      .then(setConflict)
      .catch((err) => setError(errorText(err)));
  }, [releaseId]);

  const open = (el: HTMLDialogElement | null) => {
    if (el && !el.open) el.showModal();
  };

  const resolve = async (choice: 'keep-site' | 'overwrite' | 'merge', message: string) => {
    if (choice === 'overwrite') {
      const ok = await confirm({
        title: 'Перезаписать сайт?',
        message: <p>Изменения, сделанные на сайте, пропадут: запись получит текст из Пресс-деска.</p>,
        confirmLabel: 'Перезаписать сайт',
        danger: true,
      });
      if (!ok) return;
    }
    setBusy(true);
    try {
      const v = await call('sync.conflict.resolve', { releaseId, choice, ...(choice === 'merge' && merge ? { merged: merge } : {}) });
      onResolved(v, message, choice !== 'overwrite');
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const differs = conflict
    ? [
        conflict.site.title.trim() !== conflict.local.title.trim() && 'заголовок',
        textOf(conflict.site.excerpt) !== textOf(conflict.local.excerpt) && 'лид',
        textOf(conflict.site.html) !== textOf(conflict.local.html) && 'текст',
      ].filter(Boolean)
    : [];
  const startMerge = (from: Version) => {
    setMerge({ title: from.title, excerpt: textOf(from.excerpt), html: from.html });
    setMergeKey((k) => k + 1);
  };

  return (
    <dialog ref={open} className="confirm sync-conflict" aria-labelledby="sync-conflict-title" data-testid="conflict-dialog" onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2 id="sync-conflict-title">Конфликт: запись изменили на сайте</h2>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {!conflict ? (
        !error && <p className="muted">Загрузка версии с сайта…</p>
      ) : (
        <>
          <p className="sync-conflict-lead">
            На сайте запись изменили {formatDateTime(utc(conflict.site.modifiedGmt), timeZone)} — после последней отправки из Пресс-деска. Ничего не перезаписано.
            {differs.length > 0 ? ` Различаются: ${differs.join(', ')} (отличия выделены).` : ' Тексты совпадают.'}
          </p>
          <div className="sync-sides">
            <Side
              title="На сайте"
              testId="conflict-site"
              version={conflict.site}
              other={merge ?? conflict.local}
              note={
                <a href={conflict.site.link} target="_blank" rel="noreferrer">
                  открыть запись на сайте
                </a>
              }
            />
            {merge ? (
              <section className="sync-side sync-merge" aria-label="Объединённая версия" data-testid="conflict-merge">
                <h3>Объединённая версия</h3>
                <div className="muted sync-side-note">
                  Начать с:{' '}
                  <button type="button" className="link" onClick={() => startMerge(conflict.site)}>
                    версии сайта
                  </button>{' '}
                  ·{' '}
                  <button type="button" className="link" onClick={() => startMerge(conflict.local)}>
                    версии Пресс-деска
                  </button>
                </div>
                <div className="field">
                  <label htmlFor="sync-merge-title">Заголовок</label>
                  <input id="sync-merge-title" type="text" value={merge.title} onChange={(e) => setMerge({ ...merge, title: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor="sync-merge-excerpt">Лид</label>
                  <textarea id="sync-merge-excerpt" rows={2} value={merge.excerpt} onChange={(e) => setMerge({ ...merge, excerpt: e.target.value })} />
                </div>
                <div className="field">
                  <span className="rl-label">Текст</span>
                  <Prose key={mergeKey} html={merge.html} label="Текст объединённой версии" editable onChange={(html) => setMerge((m) => (m ? { ...m, html } : m))} />
                </div>
              </section>
            ) : (
              <Side title="В Пресс-деске" testId="conflict-local" version={conflict.local} other={conflict.site} note="текст релиза сейчас" />
            )}
          </div>
        </>
      )}
      <div className="confirm-buttons sync-conflict-buttons">
        <button type="button" className="button" onClick={onClose}>
          Закрыть
        </button>
        {conflict && !merge && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => void resolve('keep-site', 'Оставлена версия сайта.')}>
              Оставить версию сайта
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => startMerge(conflict.local)}>
              Объединить…
            </button>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void resolve('overwrite', 'Сайт получит текст из Пресс-деска.')}>
              Перезаписать сайт
            </button>
          </>
        )}
        {conflict && merge && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => setMerge(null)}>
              ← К сравнению
            </button>
            <button type="button" className="button button-primary" disabled={busy || !merge.title.trim()} onClick={() => void resolve('merge', 'Объединённая версия отправлена на сайт.')}>
              Опубликовать объединённую версию
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
