import { useEffect, useState } from 'react';
import { formatDateTime } from '../../electron/backend/format';
import { SyncStatusItem } from '../features/sync/SyncStatusItem';
import { useAppState } from './app-state';
import { useSaveState } from './save-state';
import { formatTime } from './time';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function StatusBar() {
  const { status, timeZone } = useAppState();
  const { saving, savedAt, problem } = useSaveState(status.lastSavedAt);
  const online = useOnline();
  const holder = status.lockHolder;

  const saveText = status.readOnly
    ? 'Изменения не сохраняются'
    : problem
      ? `Не сохранено: ${problem}`
      : saving
        ? 'Сохранение…'
        : savedAt
          ? `Все изменения сохранены в ${formatTime(savedAt, timeZone)}`
          : 'Все изменения сохранены';

  return (
    <footer className="statusbar" aria-label="Состояние">
      <span className="status-item" data-testid="save-state" role="status" title={saveText}>
        <span className={`dot ${problem ? 'dot-warn' : saving ? 'dot-busy' : status.readOnly ? 'dot-warn' : 'dot-ok'}`} aria-hidden="true" />
        {saveText}
      </span>
      <span className="status-item" data-testid="online-state">
        <span className={`dot ${online ? 'dot-ok' : 'dot-off'}`} aria-hidden="true" />
        {online ? 'В сети' : 'Нет сети'}
      </span>
      <SyncStatusItem />
      {status.readOnly && (
        <span className="status-item status-readonly" data-testid="readonly-state">
          Только чтение
          {holder && holder.user !== '?' && (
            <>
              : папку использует {holder.user} на компьютере {holder.host}
              {holder.since && ` с ${formatDateTime(holder.since, timeZone)}`}
            </>
          )}
        </span>
      )}
      <span className="status-item status-folder" title={status.dataDir}>
        Папка данных: {status.dataDir}
      </span>
    </footer>
  );
}
