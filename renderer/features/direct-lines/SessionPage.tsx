/**
 * A session's card: the facts and the status, the totals, the questions (with merging), a side panel
 * for the session's fields or one question (with its assignment), the statistics, the documents,
 * «Обезличить». Ctrl+N adds a question; Esc closes the panel, then goes back to the list.
 */
import { useCallback, useEffect, useState } from 'react';
import { countOf } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { MergeDialog } from './MergeDialog';
import { dayOf, numbering, ruDay, sessionStatuses, statusTone, timeOf, type DirectLineCard } from './model';
import { QuestionPanel } from './QuestionPanel';
import { QuestionsTable } from './QuestionsTable';
import { AnonymiseButton, ExportButtons } from './SessionActions';
import { SessionDetailsPanel } from './SessionDetailsPanel';
import { SessionSummary } from './SessionSummary';
import { StatsBreakdown, StatsTiles } from './StatsBlock';
import { useDictionary } from './use-dictionary';

type Panel = null | { kind: 'details' } | { kind: 'question'; id: string };
const QUESTIONS = ['вопрос', 'вопроса', 'вопросов'] as const;

export function SessionPage({ id, focusQuestionId }: { id: string; focusQuestionId?: string }) {
  const { timeZone, dataVersion } = useAppState();
  const toast = useToast();
  const confirm = useConfirm();
  const dict = useDictionary();
  const [card, setCard] = useState<DirectLineCard | null>(null);
  const [loadError, setLoadError] = useState('');
  const [version, setVersion] = useState(0);
  const [panel, setPanelState] = useState<Panel>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [merging, setMerging] = useState(false);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useDirtyGuard(dirty);

  useEffect(() => {
    let stale = false;
    api.directLines
      .get({ id })
      .then((c) => {
        if (stale) return;
        setCard(c);
        setLoadError('');
        const open = new Set(c.questions.filter((q) => !q.mergedInto).map((q) => q.id));
        setSelected((prev) => new Set([...prev].filter((q) => open.has(q))));
      })
      .catch((err: Error) => !stale && setLoadError(err.message));
    return () => {
      stale = true;
    };
  }, [id, version, dataVersion]);

  /** Another panel replaces the open one only if its unsaved edits may go. */
  const setPanel = async (next: Panel) => {
    if (dirty) {
      const ok = await confirm({
        title: 'Изменения не сохранены',
        message: 'В открытой карточке есть несохранённые изменения. Если продолжить, они пропадут.',
        confirmLabel: 'Продолжить без сохранения',
        cancelLabel: 'Остаться',
        danger: true,
      });
      if (!ok) return;
    }
    setDirty(false);
    setPanelState(next);
  };

  // Opened from the global search at a question: show it, then drop the question from the address.
  useEffect(() => {
    if (!focusQuestionId || !card) return;
    if (card.questions.some((q) => q.id === focusQuestionId)) {
      setHighlightId(focusQuestionId);
      setDirty(false);
      setPanelState({ kind: 'question', id: focusQuestionId });
      window.setTimeout(() => document.querySelector(`tr[data-id="${CSS.escape(focusQuestionId)}"]`)?.scrollIntoView({ block: 'center' }), 60);
    }
    void navigate(`/direct-lines/${id}`, { replace: true, force: true });
  }, [focusQuestionId, card]);

  useCommand('new', () => void setPanel({ kind: 'question', id: 'new' }));
  useCommand('close', () => void navigate('/direct-lines'));

  if (!card)
    return (
      <div className="page dl-page">
        <p className={loadError ? 'error-summary' : 'muted'} role={loadError ? 'alert' : undefined}>
          {loadError || 'Загрузка…'}
        </p>
      </div>
    );

  const s = card.session;
  const numbers = numbering(card.questions);
  const openQuestion = panel?.kind === 'question' ? (panel.id === 'new' ? null : card.questions.find((q) => q.id === panel.id)) : undefined;
  const toggle = (qid: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(qid)) next.add(qid);
      return next;
    });
  const merge = async (targetId: string, sourceIds: string[]) => {
    setMerging(false);
    try {
      await api.directLines.mergeQuestions({ targetId, sourceIds });
      toast(`Объединено: вопросу № ${numbers.get(targetId)} добавлено дубликатов: ${sourceIds.length}.`);
      setSelected(new Set());
      reload();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  return (
    <div className="page dl-page dl-card-page">
      <button type="button" className="link dl-crumb" onClick={() => void navigate('/direct-lines')}>
        ← Прямые линии
      </button>
      <header className="page-header">
        <h1>
          Прямая линия {ruDay(dayOf(s.startsAt, timeZone))}, {timeOf(s.startsAt, timeZone)}
        </h1>
        <span className={`dl-pill dl-pill-${statusTone[s.status]}`} data-testid="session-status">
          {sessionStatuses[s.status]}
        </span>
        <div className="page-actions">
          <button type="button" className={`button${s.status === 'announced' || s.status === 'live' ? ' button-primary' : ''}`} onClick={() => void navigate(`/direct-lines/${id}/live`)}>
            ● Экран эфира
          </button>
          <ExportButtons sessionId={id} />
          <AnonymiseButton
            card={card}
            onDone={(text) => {
              setNotice(text);
              toast('Персональные данные жителей удалены.');
              reload();
            }}
          />
        </div>
      </header>

      {notice && (
        <div className="dl-notice" role="status" data-testid="anonymise-notice">
          <p>{notice}</p>
          <button type="button" className="icon-button" aria-label="Скрыть сообщение" onClick={() => setNotice('')}>
            ×
          </button>
        </div>
      )}

      <div className={`dl-card-layout${panel ? ' with-side' : ''}`}>
        <div className="dl-main">
          <div className="dl-top">
            <SessionSummary card={card} timeZone={timeZone} onEdit={() => void setPanel({ kind: 'details' })} onChanged={reload} />
            <StatsTiles stats={card.stats} />
          </div>

          <section className="dl-questions-section" aria-labelledby="dl-questions-title">
            <div className="dl-section-head">
              <h2 id="dl-questions-title">Вопросы</h2>
              <span className="page-count">{countOf(card.stats.questions, QUESTIONS)}</span>
              <div className="page-actions">
                <button type="button" className="button" disabled={selected.size < 2} onClick={() => setMerging(true)} title="Отметьте два вопроса или больше">
                  Объединить{selected.size > 0 ? ` (${selected.size})` : ''}
                </button>
                <button type="button" className="button button-primary" onClick={() => void setPanel({ kind: 'question', id: 'new' })} title="Новый вопрос (Ctrl+N)">
                  + Вопрос <kbd>Ctrl+N</kbd>
                </button>
              </div>
            </div>
            {card.questions.length === 0 ? (
              <div className="empty">Вопросов пока нет. Добавьте вопросы, пришедшие до эфира, кнопкой «+ Вопрос» (Ctrl+N).</div>
            ) : (
              <QuestionsTable
                questions={card.questions}
                numbers={numbers}
                timeZone={timeZone}
                selected={selected}
                onToggle={toggle}
                openId={panel?.kind === 'question' ? panel.id : null}
                highlightId={highlightId}
                onOpen={(qid) => {
                  setHighlightId(null);
                  void setPanel({ kind: 'question', id: qid });
                }}
                compact={!!panel}
              />
            )}
          </section>

          <StatsBreakdown stats={card.stats} />
        </div>

        {panel?.kind === 'details' && (
          <SessionDetailsPanel
            session={s}
            timeZone={timeZone}
            onSaved={reload}
            onDirty={setDirty}
            onClose={() => void setPanel(null)}
          />
        )}
        {panel?.kind === 'question' && openQuestion !== undefined && (
          <QuestionPanel
            key={panel.id}
            card={card}
            question={openQuestion}
            numbers={numbers}
            dict={dict}
            timeZone={timeZone}
            onDirty={setDirty}
            onSaved={(q, created) => {
              if (created) {
                setCard({ ...card, questions: [...card.questions, q] });
                setDirty(false);
                setPanelState({ kind: 'question', id: q.id });
              }
              reload();
            }}
            onRemoved={() => {
              setDirty(false);
              setPanelState(null);
              reload();
            }}
            onChanged={reload}
            onClose={() => void setPanel(null)}
          />
        )}
      </div>

      {merging && <MergeDialog questions={card.questions.filter((q) => selected.has(q.id))} numbers={numbers} onMerge={(t, src) => void merge(t, src)} onCancel={() => setMerging(false)} />}
    </div>
  );
}
