/**
 * The release editor's «Сайт» panel: the release's state on the site (в очереди, опубликовано,
 * запланировано, ошибка with its reason, конфликт) and link; «Опубликовать на сайте» now or at the
 * planned time; «Снять с публикации на сайте»; the conflict view when the site changed the post.
 */
import { useEffect, useState } from 'react';
import type { ReleaseSiteView } from '../../../electron/backend/features/sync/api-types';
import { formatDateTime } from '../../../electron/backend/format';
import { call } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { useToast } from '../../shell/toasts';
import { toLocalInput } from '../releases/util';
import { ConflictDialog } from './ConflictDialog';
import { attemptsCount, errorText, tone } from './labels';
import './sync.css';
import { refreshSyncStatus, useSyncLoaded, useSyncStatus } from './use-sync';

interface Props {
  releaseId: string;
  /** The planned publication as the editor's field holds it («2026-05-12T10:00», organisation's zone), or ''. */
  plannedLocal: string;
  timeZone: string;
  /** Saves pending edits before the text is queued. */
  flush: () => Promise<void>;
  /** The release passed approval (согласовано or опубликовано): otherwise publishing asks first. */
  approved: boolean;
  /** «Оставить версию сайта» and «Объединить» rewrite the release's text: the editor reloads it. */
  onTextReplaced: () => void;
}

const onSite = (s: ReleaseSiteView['state']) => s === 'published' || s === 'scheduled' || s === 'draft' || s === 'conflict';

export function ReleaseSitePanel({ releaseId, plannedLocal, timeZone, flush, approved, onTextReplaced }: Props) {
  const toast = useToast();
  const confirm = useConfirm();
  const status = useSyncStatus();
  const site = useSyncLoaded(() => call('sync.releaseSite', { releaseId }), [releaseId]);
  const [busy, setBusy] = useState(false);
  const [showConflict, setShowConflict] = useState(false);
  const future = !!plannedLocal && plannedLocal > toLocalInput(new Date().toISOString(), timeZone);
  const [when, setWhen] = useState<'now' | 'planned'>(future ? 'planned' : 'now');
  useEffect(() => setWhen(future ? 'planned' : 'now'), [future]);
  const v = site.value;

  const act = async (job: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await job();
      site.reload();
      void refreshSyncStatus();
      toast(done);
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    if (
      !approved &&
      !(await confirm({
        title: 'Релиз ещё не согласован',
        message: <p>Текст не прошёл согласование. Он появится на официальном сайте таким, как есть сейчас.</p>,
        confirmLabel: 'Опубликовать без согласования',
      }))
    )
      return;
    await act(
      async () => {
        await flush();
        await call('sync.publish', { releaseId, when: future ? when : 'now' });
      },
      status?.online === false || !status?.configured ? 'Поставлено в очередь: уйдёт на сайт, когда будет связь.' : 'Поставлено в очередь публикаций.',
    );
  };
  const unpublish = async () => {
    const ok = await confirm({
      title: 'Снять с публикации на сайте?',
      message: <p>Запись на сайте станет черновиком: посетители её не увидят. Релиз в Пресс-деске не изменится.</p>,
      confirmLabel: 'Снять с публикации',
      danger: true,
    });
    if (ok) await act(() => call('sync.unpublish', { releaseId }), 'Снятие с публикации поставлено в очередь.');
  };

  const item = v?.outboxItem ?? null;
  const pending = item && (item.state === 'queued' || item.state === 'sending');
  return (
    <section className="rl-panel sync-release" aria-label="Сайт" data-testid="release-site">
      <h2>
        Сайт{' '}
        {v && v.state !== 'none' && (
          <span className={`sync-badge sync-${tone(v.state)}`} data-testid="release-site-state">
            {v.stateLabel}
          </span>
        )}
      </h2>
      {site.error && <p className="sync-error-text">{site.error}</p>}
      {v && (
        <>
          {v.state === 'none' && <p className="muted">Ещё не публиковался на сайте.</p>}
          {v.link && (
            <p className="sync-link">
              <a href={v.link} target="_blank" rel="noreferrer" data-testid="release-site-link">
                {v.link}
              </a>
            </p>
          )}
          {v.syncedAt && <p className="muted sync-small">Отправлено {formatDateTime(v.syncedAt, timeZone)}</p>}
          {item && pending && (
            <p className="sync-small" data-testid="release-site-pending">
              {item.actionLabel}: {item.stateLabel}
              {item.attempts > 0 && `, ${attemptsCount(item.attempts)}`}
              {item.nextAttemptAt && item.state === 'queued' && `, следующая — ${formatDateTime(item.nextAttemptAt, timeZone)}`}
              {item.error && <span className="sync-error-text">{item.error}</span>}
            </p>
          )}
          {item && item.state === 'failed' && (
            <p className="sync-error-text" data-testid="release-site-error">
              {item.error ?? 'Не удалось отправить.'}{' '}
              <button type="button" className="link" disabled={busy} onClick={() => void act(() => call('sync.outbox.retry', { id: item.id }), 'Отправим снова.')}>
                Повторить
              </button>
            </p>
          )}
          {v.state === 'conflict' && (
            <div className="sync-conflict-note">
              <p>Запись изменили на сайте после последней отправки. Ничего не перезаписано.</p>
              <button type="button" className="button button-primary button-small" onClick={() => setShowConflict(true)}>
                Сравнить и решить…
              </button>
            </div>
          )}
          {status && !status.configured && (
            <p className="muted sync-small">
              Сайт не подключён (<a href="#/settings/site">Настройки → Сайт</a>): публикация подождёт в очереди.
            </p>
          )}
          {future && v.state !== 'conflict' && (
            <fieldset className="sync-when">
              <legend className="visually-hidden">Когда публиковать</legend>
              <label>
                <input type="radio" name="sync-when" checked={when === 'now'} onChange={() => setWhen('now')} /> сейчас
              </label>
              <label>
                <input type="radio" name="sync-when" checked={when === 'planned'} onChange={() => setWhen('planned')} /> в запланированное время, {plannedLocal.slice(0, 10).split('-').reverse().join('.')} {plannedLocal.slice(11, 16)}
              </label>
            </fieldset>
          )}
          <div className="sync-release-actions">
            {v.state !== 'conflict' && (
              <button type="button" className="button button-primary button-small" disabled={busy} onClick={() => void publish()}>
                {onSite(v.state) ? 'Обновить на сайте' : 'Опубликовать на сайте'}
              </button>
            )}
            {(v.state === 'published' || v.state === 'scheduled') && (
              <button type="button" className="button button-small" disabled={busy} onClick={() => void unpublish()}>
                Снять с публикации на сайте
              </button>
            )}
          </div>
        </>
      )}
      {showConflict && (
        <ConflictDialog
          releaseId={releaseId}
          timeZone={timeZone}
          onClose={() => setShowConflict(false)}
          onResolved={(_v, message, textReplaced) => {
            setShowConflict(false);
            if (textReplaced) onTextReplaced();
            site.reload();
            void refreshSyncStatus();
            toast(message);
          }}
        />
      )}
    </section>
  );
}
