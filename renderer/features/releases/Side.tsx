/** The editor's side: the checklist before approval, and the comments thread. */
import { useState } from 'react';
import type { Checklist } from '../../../electron/backend/features/releases/checklist';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import { api } from '../../api';
import { useToast } from '../../shell/toasts';
import type { Run } from './use-autosave';
import { errorText, formatWhen } from './util';

export function ChecklistPanel({ checklist }: { checklist: Checklist }) {
  const items = checklist.items.filter((i) => i.applies);
  const done = items.filter((i) => i.ok).length;
  return (
    <section className="rl-panel" aria-label="Чек-лист">
      <h2>
        Чек-лист{' '}
        <span className={`rl-check ${checklist.passed ? 'ok' : ''}`} data-testid="rl-checklist-count">
          {done}/{items.length}
        </span>
      </h2>
      <ul className="rl-checklist">
        {checklist.items.map((i) => (
          <li key={i.key} className={!i.applies ? 'na' : i.ok ? 'ok' : 'fail'} title={i.ok || !i.applies ? undefined : i.hint}>
            <span aria-hidden="true">{!i.applies ? '–' : i.ok ? '✓' : '✗'}</span> {i.label}
            {i.applies && !i.ok && <div className="cell-sub">{i.hint}</div>}
            {!i.applies && <span className="muted"> (не нужно для этого вида)</span>}
          </li>
        ))}
      </ul>
      {[...checklist.photoProblems, ...checklist.warnings].map((w) => (
        <p key={w} className="rl-warning">
          {w}
        </p>
      ))}
    </section>
  );
}

const kindLabels: Record<string, string> = {
  comment: '',
  return: 'возврат на доработку',
  approve: 'согласование',
  override: 'согласовано с невыполненным чек-листом',
  unpublish: 'снятие с публикации',
  submit: 'на согласование',
};

export function Comments({ view, me, timeZone, run, onDone }: { view: ReleaseView; me: string | undefined; timeZone: string; run: Run; onDone: (v: ReleaseView) => void }) {
  const toast = useToast();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || !me) return;
    setBusy(true);
    try {
      onDone(await run(() => api.releases.comment({ id: view.id, by: me, text }), { independent: true }));
      setText('');
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="rl-panel" aria-label="Комментарии">
      <h2>Комментарии {view.comments.length > 0 && <span className="muted">{view.comments.length}</span>}</h2>
      <ul className="rl-comments">
        {view.comments.map((c) => (
          <li key={c.id} className={`rl-comment rl-comment-${c.kind}`}>
            <div className="rl-comment-head">
              <strong>{(c.by && view.names[c.by]) || 'Без автора'}</strong> <span className="muted">{formatWhen(c.at, timeZone)}</span>
              {kindLabels[c.kind] && <span className="badge badge-muted">{kindLabels[c.kind]}</span>}
            </div>
            <div className="rl-comment-text">{c.text}</div>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="f-comment">Новый комментарий</label>
        <textarea id="f-comment" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="button" className="button button-small" disabled={busy || !text.trim()} onClick={() => void send()}>
        Отправить
      </button>
    </section>
  );
}
