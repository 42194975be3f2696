/**
 * Настройки → Очередь публикаций (#/settings/outbox): every publish, update and unpublish with its
 * state, attempts, next attempt and the reason of an error; «Повторить», «Отменить»; filters.
 */
import { useState } from 'react';
import type { OutboxItemView } from '../../../electron/backend/features/sync/api-types';
import { formatDateTime } from '../../../electron/backend/format';
import { call } from '../../api';
import { useAppState } from '../../shell/app-state';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { SettingsTabs } from '../settings/SettingsTabs';
import '../settings/settings.css';
import { conflictsCount, errorsCount, errorText, publications, tone } from './labels';
import './sync.css';
import { useSyncLoaded, useSyncStatus, withSyncStatus } from './use-sync';

type Filter = 'waiting' | 'failed' | 'all';
const SHOWN = 300;
const filters: { value: Filter; label: string }[] = [
  { value: 'waiting', label: 'Ждут отправки' },
  { value: 'failed', label: 'Ошибки и конфликты' },
  { value: 'all', label: 'Все' },
];

function Row({ item, timeZone, busy, act }: { item: OutboxItemView; timeZone: string; busy: boolean; act: (job: () => Promise<unknown>, done: string) => void }) {
  return (
    <tr data-testid="outbox-row" data-state={item.state}>
      <td>
        <a href={`#/releases/${encodeURIComponent(item.releaseId)}`} className="sync-release-link">
          {item.releaseTitle || 'Без заголовка'}
        </a>
        <div className="cell-sub">{item.actionLabel}</div>
      </td>
      <td>
        <span className={`sync-badge sync-${tone(item.state)}`} data-testid="outbox-state">
          {item.stateLabel}
        </span>
        {item.error && <div className="sync-error-text">{item.error}</div>}
        {item.link && item.state === 'done' && (
          <div className="cell-sub">
            <a href={item.link} target="_blank" rel="noreferrer">
              открыть на сайте
            </a>
          </div>
        )}
      </td>
      <td className="num">{item.attempts}</td>
      <td className="rl-nowrap">
        {item.state === 'done' && item.doneAt ? (
          <span className="muted">отправлено {formatDateTime(item.doneAt, timeZone)}</span>
        ) : item.nextAttemptAt && (item.state === 'queued' || item.state === 'failed') ? (
          `попытка ${formatDateTime(item.nextAttemptAt, timeZone)}`
        ) : item.state === 'queued' ? (
          <span className="muted">как только сайт ответит</span>
        ) : item.state === 'failed' ? (
          <span className="muted">после «Повторить»</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="rl-nowrap muted">{formatDateTime(item.createdAt, timeZone)}</td>
      <td className="sync-row-actions">
        {item.state === 'conflict' && (
          <button type="button" className="button button-small" onClick={() => void navigate(`/releases/${encodeURIComponent(item.releaseId)}`)}>
            Разрешить конфликт
          </button>
        )}
        {item.canRetry && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => act(() => call('sync.outbox.retry', { id: item.id }), 'Отправим снова, как только сайт ответит.')}>
            Повторить
          </button>
        )}
        {item.canCancel && (
          <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => act(() => call('sync.outbox.cancel', { id: item.id }), 'Публикация убрана из очереди.')}>
            Отменить
          </button>
        )}
      </td>
    </tr>
  );
}

export function OutboxPage() {
  const { timeZone } = useAppState();
  const toast = useToast();
  const status = useSyncStatus();
  const [filter, setFilter] = useState<Filter>('waiting');
  const [busy, setBusy] = useState(false);
  const list = useSyncLoaded(() => call('sync.outbox.list', { state: filter }), [filter]);

  const act = async (job: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await job();
      list.reload();
      toast(done);
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const runNow = () =>
    act(() => withSyncStatus(() => call('sync.runNow', {})), status?.online === false ? 'Сайт пока недоступен: попробуем, как только он ответит.' : 'Отправка запущена.');

  const all = list.value ?? [];
  // The newest first (as the backend sorts); years of history need not all be on one screen.
  const items = all.slice(0, SHOWN);
  const summary = status
    ? [
        status.online === null ? '' : status.online ? 'сайт на связи' : (status.offlineReason?.replace(/\.$/, '') ?? 'сайт недоступен'),
        status.waiting ? `в очереди ${publications(status.waiting)}` : 'ничего не ждёт отправки',
        status.failed ? errorsCount(status.failed) : '',
        status.conflicts ? conflictsCount(status.conflicts) : '',
      ].filter(Boolean)
    : [];
  return (
    <div className="page settings-page sync-page">
      <header className="page-header">
        <h1>Настройки</h1>
        <SettingsTabs active="outbox" />
      </header>
      <section className="panel sync-outbox" aria-labelledby="outbox-title">
        <div className="sync-outbox-head">
          <h2 id="outbox-title">Очередь публикаций</h2>
          <div className="segmented" role="group" aria-label="Показать">
            {filters.map((f) => (
              <button key={f.value} type="button" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
                {f.label}
              </button>
            ))}
          </div>
          <button type="button" className="button" disabled={busy || !status?.configured} onClick={() => void runNow()}>
            Отправить сейчас
          </button>
        </div>
        {status && !status.configured && (
          <p className="sync-note">
            Сайт не подключён: публикации ждут, пока его не подключат в <a href="#/settings/site">Настройки → Сайт</a>.
          </p>
        )}
        {summary.length > 0 && <p className="muted" data-testid="outbox-status">{summary.join(' · ')}</p>}
        {list.error && (
          <p className="error-summary" role="alert">
            {list.error}
          </p>
        )}
        {list.value && items.length === 0 ? (
          <p className="muted sync-empty" data-testid="outbox-empty">
            {filter === 'waiting' ? 'Ничего не ждёт отправки.' : filter === 'failed' ? 'Ошибок и конфликтов нет.' : 'В очереди ещё ничего не было.'}
          </p>
        ) : (
          <table className="data-table sync-table">
            <thead>
              <tr>
                <th>Релиз</th>
                <th>Состояние</th>
                <th className="num">Попыток</th>
                <th>Отправка</th>
                <th>Поставлено</th>
                <th>
                  <span className="visually-hidden">Действия</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <Row key={i.id} item={i} timeZone={timeZone} busy={busy} act={(job, done) => void act(job, done)} />
              ))}
            </tbody>
          </table>
        )}
        {all.length > items.length && (
          <p className="muted" data-testid="outbox-more">
            Показаны последние {items.length} из {all.length.toLocaleString('ru-RU')}.
          </p>
        )}
      </section>
    </div>
  );
}
