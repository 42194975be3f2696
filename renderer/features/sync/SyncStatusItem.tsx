/** The status bar's word about the site: on line or not, and how many publications wait. Click → the outbox. */
import { navigate } from '../../shell/router';
import { conflictsCount, errorsCount, publications } from './labels';
import { useSyncStatus } from './use-sync';

export function SyncStatusItem() {
  const status = useSyncStatus();
  if (!status) return null;
  if (!status.configured)
    return (
      <button type="button" className="status-item status-link sync-status" data-testid="sync-state" onClick={() => void navigate('/settings/site')} title="Настроить публикацию на сайт">
        <span className="dot dot-off" aria-hidden="true" />
        Сайт не подключён
      </button>
    );
  const online = status.online;
  const parts = [
    status.waiting > 0 ? `в очереди: ${publications(status.waiting)}` : '',
    status.sending ? 'отправляется…' : '',
    status.failed > 0 ? errorsCount(status.failed) : '',
    status.conflicts > 0 ? conflictsCount(status.conflicts) : '',
  ].filter(Boolean);
  return (
    <button
      type="button"
      className="status-item status-link sync-status"
      data-testid="sync-state"
      onClick={() => void navigate('/settings/outbox')}
      title={`${status.offlineReason ? `${status.offlineReason} ` : ''}Открыть очередь публикаций`}
    >
      <span className={`dot ${online ? 'dot-ok' : online === false ? 'dot-warn' : 'dot-off'}`} aria-hidden="true" />
      <span data-testid="sync-online">{online ? 'Сайт: на связи' : online === false ? 'Сайт: нет связи' : 'Сайт: проверка связи…'}</span>
      {parts.length > 0 && (
        <span className={status.failed || status.conflicts ? 'sync-status-bad' : ''} data-testid="sync-waiting">
          · {parts.join(' · ')}
        </span>
      )}
    </button>
  );
}
