/**
 * The live screen, for the second person during the hour on air: the timer, the question on air
 * in large type, the queue beside it, and three actions by keyboard —
 *   Ctrl+Enter  «Отвечено в эфире» (with the short note typed below the question),
 *   Ctrl+↓      «Следующий» (a note already typed is kept on the question),
 *   Ctrl+N      «Добавить вопрос из эфира» (the fast form; channel «в эфире»).
 * Every action returns the whole LiveState, so the screen needs one round trip per key press.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { LiveAddForm } from './LiveAddForm';
import { channels, dayOf, ruDay, sessionStatuses, shortName, statusTone, timeOf, type LiveState, type QuestionView } from './model';
import { LiveTimer } from './LiveTimer';
import { useDictionary } from './use-dictionary';

const POLL_MS = 15_000;

export function LivePage({ id }: { id: string }) {
  const { timeZone } = useAppState();
  const toast = useToast();
  const confirm = useConfirm();
  const dict = useDictionary();
  const [live, setLive] = useState<{ state: LiveState; at: number } | null>(null);
  const [loadError, setLoadError] = useState('');
  const [note, setNote] = useState('');
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const currentId = live?.state.current?.id ?? null;

  const show = useCallback((state: LiveState) => setLive({ state, at: Date.now() }), []);

  useEffect(() => {
    let stale = false;
    const load = () =>
      api.directLines
        .live({ id })
        .then((s) => !stale && (show(s), setLoadError('')))
        .catch((err: Error) => !stale && setLoadError(err.message));
    void load();
    const timer = window.setInterval(load, POLL_MS);
    return () => {
      stale = true;
      window.clearInterval(timer);
    };
  }, [id, show]);

  // Another question on air: its note is the one kept for it (if «Следующий» was pressed with a note typed), else empty.
  useEffect(() => setNote(live?.state.current?.liveNote ?? ''), [currentId]);

  const act = async (job: () => Promise<LiveState>, done?: string) => {
    if (busy) return;
    setBusy(true);
    try {
      show(await job());
      if (done) toast(done);
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const answered = () => {
    if (!currentId) return;
    void act(() => api.directLines.markAnsweredLive({ id: currentId, note, answered: true, next: true })).then(() => noteRef.current?.focus());
  };
  const next = () => {
    if (currentId && note.trim()) void act(() => api.directLines.markAnsweredLive({ id: currentId, note, answered: false, next: true }));
    else void act(() => api.directLines.nextQuestion({ id }));
  };
  const pick = (questionId: string) => void act(() => api.directLines.nextQuestion({ id, questionId }));
  const setStatus = async (status: 'live' | 'held') => {
    if (status === 'held') {
      const ok = await confirm({ title: 'Завершить эфир?', message: 'Таймер остановится, статус станет «проведена». Неотвеченные вопросы останутся для письменных ответов и поручений.', confirmLabel: 'Завершить эфир' });
      if (!ok) return;
    }
    await act(async () => {
      await api.directLines.setStatus({ id, status });
      return api.directLines.live({ id });
    }, status === 'live' ? 'Эфир начат.' : 'Эфир завершён.');
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (adding || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        answered();
      } else if (e.code === 'ArrowDown') {
        e.preventDefault();
        next();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useCommand('new', () => setAdding(true));

  if (!live)
    return (
      <div className="page dl-page">
        <p className={loadError ? 'error-summary' : 'muted'} role={loadError ? 'alert' : undefined}>
          {loadError || 'Загрузка…'}
        </p>
      </div>
    );

  const { state } = live;
  const s = state.session;
  const q = state.current;
  return (
    <div className="page dl-page dl-live">
      <header className="dl-live-head">
        <button type="button" className="link dl-crumb" onClick={() => void navigate(`/direct-lines/${id}`)}>
          ← К карточке прямой линии
        </button>
        <div className="dl-live-title">
          <div>
            <h1>Эфир: {shortName(s.official.name)}</h1>
            <div className="dl-live-sub">
              прямая линия {ruDay(dayOf(s.startsAt, timeZone))}, {timeOf(s.startsAt, timeZone)} ·{' '}
              <span className={`dl-pill dl-pill-${statusTone[s.status]}`} data-testid="live-status">
                {sessionStatuses[s.status]}
              </span>
            </div>
          </div>
        </div>
        <LiveTimer state={state} fetchedAt={live.at} />
        <div className="dl-live-progress" data-testid="live-progress">
          Отвечено в эфире: <strong>{state.answeredLive}</strong> из {state.total}
        </div>
        <div className="dl-live-controls">
          {s.status === 'live' ? (
            <button type="button" className="button" onClick={() => void setStatus('held')} disabled={busy}>
              ■ Завершить эфир
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={() => void setStatus('live')} disabled={busy}>
              ▶ {s.liveStartedAt ? 'Продолжить эфир' : 'Начать эфир'}
            </button>
          )}
        </div>
      </header>

      <div className="dl-live-body">
        <section className="dl-onair" aria-labelledby="dl-onair-title">
          <h2 id="dl-onair-title" className="dl-onair-label">
            Вопрос в эфире
          </h2>
          {q ? (
            <CurrentQuestion q={q} timeZone={timeZone} />
          ) : (
            <p className="dl-onair-empty">
              {state.queue.length ? 'Вопрос не выбран: нажмите «Следующий» или выберите вопрос в очереди.' : 'Очередь пуста. Добавьте вопрос из эфира (Ctrl+N).'}
            </p>
          )}
          <label className="dl-note-label" htmlFor="dl-live-note">
            Ответ в эфире — кратко
          </label>
          <textarea
            id="dl-live-note"
            ref={noteRef}
            className="dl-live-note"
            rows={3}
            value={note}
            disabled={!q}
            placeholder="Что пообещал, кому поручил, к какому сроку"
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="dl-live-actions">
            <button type="button" className="button button-primary dl-big" onClick={answered} disabled={!q || busy}>
              ✓ Отвечено в эфире <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" className="button dl-big" onClick={next} disabled={busy || (!q && state.queue.length === 0)}>
              Следующий → <kbd>Ctrl+↓</kbd>
            </button>
          </div>
        </section>

        {adding ? (
          <LiveAddForm
            sessionId={id}
            dict={dict}
            onAdded={async (added) => {
              setAdding(false);
              toast('Вопрос из эфира добавлен в очередь.');
              // With nothing on air, the question just typed in goes on air.
              await act(() => (currentId ? api.directLines.live({ id }) : api.directLines.nextQuestion({ id, questionId: added.id })));
              window.setTimeout(() => noteRef.current?.focus());
            }}
            onClose={() => {
              setAdding(false);
              noteRef.current?.focus();
            }}
          />
        ) : (
          <aside className="dl-queue" aria-labelledby="dl-queue-title">
            <button type="button" className="button dl-big dl-add-live" onClick={() => setAdding(true)} aria-expanded={adding}>
              + Добавить вопрос из эфира <kbd>Ctrl+N</kbd>
            </button>
            <h2 id="dl-queue-title">
              Очередь <span className="page-count">{state.queue.length}</span>
            </h2>
            {state.queue.length === 0 ? (
              <p className="muted">Неотвеченных вопросов больше нет.</p>
            ) : (
              <ol>
                {state.queue.map((item) => (
                  <li key={item.id}>
                    <button type="button" onClick={() => pick(item.id)} disabled={busy} title="Взять этот вопрос в эфир">
                      <span className="dl-queue-meta">
                        {item.topic} · {channels[item.channel]}
                        {item.duplicateIds.length > 0 && ` · +${item.duplicateIds.length}`}
                      </span>
                      <span className="dl-queue-text">{item.text}</span>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}

function CurrentQuestion({ q, timeZone }: { q: QuestionView; timeZone: string }) {
  return (
    <article className="dl-onair-card" data-testid="live-current">
      <div className="dl-onair-meta">
        <span className="dl-pill dl-pill-info">{q.topic}</span>
        <span>{channels[q.channel]}</span>
        <span>
          поступил {ruDay(dayOf(q.receivedAt, timeZone)).slice(0, 5)}, {timeOf(q.receivedAt, timeZone)}
        </span>
        {q.district && <span>{q.district}</span>}
        {q.duplicateIds.length > 0 && <span>похожих вопросов: {q.duplicateIds.length}</span>}
      </div>
      <p className="dl-onair-text">{q.text}</p>
      {q.resident?.name && (
        <p className="dl-onair-who">
          Спрашивает: <span className="pd-value">{q.resident.name}</span>
          {!q.resident.publishName && <span className="muted"> (имя не для публикации)</span>}
        </p>
      )}
    </article>
  );
}
