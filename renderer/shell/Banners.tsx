/** Messages the user must see at start: data restored after damage, a crashed previous session, read-only mode. */
import { useState } from 'react';
import { formatDateTime } from '../../electron/backend/format';
import type { SystemStatus } from '../../electron/backend/api';

const DISMISSED_KEY = 'press-desk-dismissed-banners';

function useDismissed(): [Set<string>, (key: string) => void] {
  const [dismissed, setDismissed] = useState(() => new Set<string>(JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as string[]));
  const dismiss = (key: string) => {
    const next = new Set(dismissed).add(key);
    sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...next]));
    setDismissed(next);
  };
  return [dismissed, dismiss];
}

export function Banners({ status, timeZone }: { status: SystemStatus; timeZone: string }) {
  const [dismissed, dismiss] = useDismissed();
  const recoveryKey = `recovery:${status.recoveries.map((r) => r.at + r.file).join('|')}`;
  const stale = status.staleLockRecovered;
  const staleKey = `stale:${stale?.since ?? ''}:${stale?.pid ?? ''}`;
  const holder = status.lockHolder;

  return (
    <div className="banners">
      {status.recoveries.length > 0 && !dismissed.has(recoveryKey) && (
        <div className="banner banner-warning" role="alert" data-testid="recovery-banner">
          <div className="banner-body">
            <strong>Данные восстановлены после повреждения файла</strong>
            <ul>
              {status.recoveries.map((r) => (
                <li key={r.at + r.file}>{r.message}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="button button-small" onClick={() => dismiss(recoveryKey)}>
            Понятно, скрыть
          </button>
        </div>
      )}
      {stale && !dismissed.has(staleKey) && (
        <div className="banner banner-warning" role="alert" data-testid="stale-lock-banner">
          <div className="banner-body">
            Предыдущий сеанс завершился аварийно; блокировка папки снята.
            {stale.since && (
              <span className="banner-detail">
                {' '}
                (Сеанс {stale.user} на компьютере {stale.host}, начат {formatDateTime(stale.since, timeZone)}.)
              </span>
            )}
          </div>
          <button type="button" className="button button-small" onClick={() => dismiss(staleKey)}>
            Скрыть
          </button>
        </div>
      )}
      {status.readOnly && (
        <div className="banner banner-info" role="status" data-testid="readonly-banner">
          <div className="banner-body">
            <strong>Открыто только для чтения.</strong>{' '}
            {status.newerFormat
              ? `Папка создана более новой версией Пресс-деска (формат ${status.newerFormat.format}): обновите программу. Файлы папки не изменены.`
              : holder && holder.user !== '?'
              ? `Папку данных использует ${holder.user} на компьютере ${holder.host}${holder.since ? ` с ${formatDateTime(holder.since, timeZone)}` : ''}. `
              : 'Папку данных использует другая копия программы. '}
            {!status.newerFormat && 'Изменения здесь не сохранятся: закройте программу там и перезапустите эту.'}
          </div>
        </div>
      )}
    </div>
  );
}
