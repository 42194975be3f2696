/** Настройки → Сайт → Публикации с сайта: the pull (progress, «Отменить»), when it last ran, how many posts are known. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../electron/backend/features/sync/api-types';
import { formatDateTime } from '../../../electron/backend/format';
import { call } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useToast } from '../../shell/toasts';
import { errorText, publications } from './labels';
import { useSyncStatus, withSyncStatus } from './use-sync';

export function SitePull() {
  const { timeZone } = useAppState();
  const toast = useToast();
  const status = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const pull = status?.pull;
  // Re-counted when a pull starts or ends (not on every progress event: the count reads every post).
  const [known, setKnown] = useState<number | null>(null);
  useEffect(() => {
    let stale = false;
    call('sync.publications.list', { limit: 1 })
      .then((r) => !stale && setKnown(r.total))
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [pull?.running, pull?.lastPullAt]);

  const act = async (job: () => Promise<SyncStatus>) => {
    setBusy(true);
    try {
      await withSyncStatus(job);
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const running = !!pull?.running;
  const percent = pull?.total ? Math.min(100, Math.round((pull.done / pull.total) * 100)) : null;
  return (
    <section className="panel" aria-labelledby="site-pull-title">
      <h2 id="site-pull-title">Публикации с сайта</h2>
      <p className="muted sync-intro">Записи сайта нужны для годового отчёта: сколько новостей, с фото и видео, по национальным проектам.</p>
      <dl className="facts">
        <dt>Последняя загрузка</dt>
        <dd data-testid="last-pull">{pull?.lastPullAt ? formatDateTime(pull.lastPullAt, timeZone) : 'ещё не было'}</dd>
        <dt>В Пресс-деске</dt>
        <dd data-testid="pulled-count">{known === null ? '…' : publications(known)}</dd>
      </dl>
      {running && (
        <div className="sync-progress" role="status" data-testid="pull-progress">
          <progress max={pull!.total ?? undefined} value={pull!.total ? pull!.done : undefined} aria-label="Загрузка публикаций" />
          <span>
            Загружено {pull!.done.toLocaleString('ru-RU')}
            {pull!.total !== null ? ` из ${pull!.total.toLocaleString('ru-RU')}` : ''}
            {percent !== null ? ` (${percent} %)` : '…'}
          </span>
        </div>
      )}
      {pull?.error && !running && (
        <p className="error-summary" role="alert">
          {pull.error}
        </p>
      )}
      <div className="form-actions">
        {running ? (
          <button type="button" className="button" disabled={busy} onClick={() => void act(() => call('sync.pull.cancel', {}))}>
            Отменить
          </button>
        ) : (
          <>
            <button type="button" className="button button-primary" disabled={busy || !status?.configured} onClick={() => void act(() => call('sync.pull.start', {}))}>
              Загрузить публикации с сайта
            </button>
            {pull?.lastPullAt && (
              <button
                type="button"
                className="button button-quiet"
                disabled={busy || !status?.configured}
                title="Перечитать все записи сайта, а не только изменённые с прошлой загрузки"
                onClick={() => void act(() => call('sync.pull.start', { full: true }))}
              >
                Загрузить всё заново
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
