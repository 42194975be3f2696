/**
 * One question beside the table: its fields (Ctrl+S saves), whether it was answered on air,
 * its duplicates, its assignment, removal. A new question opens here too (Ctrl+N on the card).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Dictionary } from '../../../electron/backend/features/direct-lines/api-types';
import { api } from '../../api';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { ErrorSummary, fieldErrors, fieldId } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { AssignmentBox } from './AssignmentBox';
import { dayOf, ruDay, timeOf, type DirectLineCard, type QuestionView } from './model';
import { toQuestionDraft, toQuestionFields } from './question-draft';
import { QuestionFields } from './QuestionFields';

interface Props {
  card: DirectLineCard;
  question: QuestionView | null;
  numbers: Map<string, number>;
  dict: Dictionary | null;
  timeZone: string;
  onSaved(q: QuestionView, created: boolean): void;
  onRemoved(): void;
  onChanged(): void;
  onClose(): void;
  onDirty(dirty: boolean): void;
}

export function QuestionPanel({ card, question: q, numbers, dict, timeZone, onSaved, onRemoved, onChanged, onClose, onDirty }: Props) {
  const toast = useToast();
  const confirm = useConfirm();
  const defaults = { channel: card.session.status === 'live' ? ('live' as const) : ('phone' as const) };
  const [draft, setDraft] = useState(() => toQuestionDraft(q, timeZone, defaults));
  const [saved, setSaved] = useState(() => JSON.stringify(toQuestionDraft(q, timeZone, defaults)));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const dirty = JSON.stringify(draft) !== saved;
  useEffect(() => onDirty(dirty), [dirty]);

  // Changed elsewhere (on air, anonymised, assigned): an untouched form follows.
  useEffect(() => {
    if (!q || dirty) return;
    const next = toQuestionDraft(q, timeZone, defaults);
    setDraft(next);
    setSaved(JSON.stringify(next));
  }, [q?.updatedAt]);

  useEffect(() => {
    if (q) heading.current?.focus();
    else document.getElementById(fieldId('topic'))?.focus();
  }, []);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const fields = toQuestionFields(draft, timeZone);
      const result = q ? await api.directLines.updateQuestion({ id: q.id, ...fields }) : await api.directLines.addQuestion({ sessionId: card.session.id, ...fields });
      const next = toQuestionDraft(result, timeZone, defaults);
      setDraft(next);
      setSaved(JSON.stringify(next));
      setError(null);
      toast(q ? 'Вопрос сохранён.' : 'Вопрос добавлен.');
      onSaved(result, !q);
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      window.setTimeout(() => document.getElementById(first ? fieldId(first) : 'dl-question-errors')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const act = async (job: () => Promise<unknown>, done: string) => {
    try {
      await job();
      toast(done);
      onChanged();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  const remove = async () => {
    if (!q) return;
    const ok = await confirm({
      title: 'Удалить вопрос?',
      message: 'Вопрос, ответы, поручение и данные жителя по нему будут удалены. Дубликаты станут отдельными вопросами.',
      confirmLabel: 'Удалить вопрос',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.directLines.removeQuestion({ id: q.id });
      toast('Вопрос удалён.');
      onRemoved();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  useCommand('save', () => void save());
  useCommand('close', onClose);

  const n = q ? numbers.get(q.id) : undefined;
  const title = !q ? 'Новый вопрос' : n ? `Вопрос № ${n}` : `Дубликат вопроса № ${numbers.get(q.mergedInto!) ?? '?'}`;
  return (
    <aside className="dl-side" aria-labelledby="dl-question-title">
      <header className="dl-side-header">
        <h2 id="dl-question-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Закрыть вопрос (Esc)" title="Закрыть (Esc)">
          ×
        </button>
      </header>
      <div className="dl-side-body">
        {q?.mergedInto && (
          <div className="dl-box dl-box-muted">
            Объединён с вопросом № {numbers.get(q.mergedInto) ?? '?'} как дубликат: ответ и поручение — у основного вопроса.{' '}
            <button type="button" className="link" onClick={() => void act(() => api.directLines.unmergeQuestion({ id: q.id }), 'Вопрос снова отдельный.')}>
              Разъединить
            </button>
          </div>
        )}
        {q && !q.mergedInto && q.duplicateIds.length > 0 && (
          <div className="dl-box dl-box-muted">Объединены дубликаты: {q.duplicateIds.length}. Они учитываются в статистике «поступило» и по темам.</div>
        )}

        <form onSubmit={save} noValidate>
          <div id="dl-question-errors" tabIndex={-1}>
            <ErrorSummary error={error} />
          </div>
          <QuestionFields draft={draft} onChange={setDraft} errors={fieldErrors(error)} dict={dict} anonymisedOn={q?.anonymisedAt ? ruDay(dayOf(q.anonymisedAt, timeZone)) : null} />
          <div className="form-actions dl-save-row">
            <button type="submit" className="button button-primary" disabled={busy} title="Сохранить (Ctrl+S)">
              {busy ? 'Сохранение…' : q ? 'Сохранить вопрос' : 'Добавить вопрос'} <kbd>Ctrl+S</kbd>
            </button>
            {dirty && <span className="dirty-note">Не сохранено</span>}
          </div>
        </form>

        {q && !q.mergedInto && (
          <section className="dl-box" aria-labelledby="dl-live-title">
            <h3 id="dl-live-title">В эфире</h3>
            {q.answeredLive ? (
              <>
                <p>
                  <span className="dl-pill dl-pill-ok">отвечен в эфире</span>
                  {q.answeredLiveAt && <span className="muted"> в {timeOf(q.answeredLiveAt, timeZone)}</span>}
                </p>
                {q.liveNote && <p className="dl-note">{q.liveNote}</p>}
                <button type="button" className="link" onClick={() => void act(() => api.directLines.markAnsweredLive({ id: q.id, answered: false, next: false }), 'Отметка «отвечен в эфире» снята.')}>
                  Снять отметку
                </button>
              </>
            ) : (
              <>
                <p className="muted">В эфире не отвечен.</p>
                <button type="button" className="link" onClick={() => void act(() => api.directLines.markAnsweredLive({ id: q.id, answered: true, next: false }), 'Отмечен как отвеченный в эфире.')}>
                  Отметить: отвечен в эфире
                </button>
              </>
            )}
          </section>
        )}

        {q && !q.mergedInto && <AssignmentBox key={q.id} question={q} dict={dict} timeZone={timeZone} onSaved={() => onChanged()} />}

        {q && (
          <div className="dl-remove">
            <button type="button" className="button button-quiet" onClick={() => void remove()}>
              Удалить вопрос
            </button>
          </div>
        )}
      </div>
    </aside>
  );
}
