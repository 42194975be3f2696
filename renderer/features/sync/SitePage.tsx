/** Настройки → Сайт (#/settings/site): the connection, the category mapping, the pull, a word about the outbox. */
import { useEffect, useState } from 'react';
import type { SiteView } from '../../../electron/backend/features/sync/api-types';
import { call } from '../../api';
import { navigate } from '../../shell/router';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { SettingsTabs } from '../settings/SettingsTabs';
import '../settings/settings.css';
import { conflictsCount, errorsCount, errorText, publications } from './labels';
import { SiteConnection } from './SiteConnection';
import { SiteMapping } from './SiteMapping';
import { SitePull } from './SitePull';
import './sync.css';
import { useSyncStatus } from './use-sync';

function OutboxSummary() {
  const status = useSyncStatus();
  if (!status) return null;
  const parts = [
    status.waiting ? `в очереди ${publications(status.waiting)}` : '',
    status.failed ? errorsCount(status.failed) : '',
    status.conflicts ? conflictsCount(status.conflicts) : '',
  ].filter(Boolean);
  return (
    <section className="panel" aria-labelledby="site-outbox-title">
      <h2 id="site-outbox-title">Очередь публикаций</h2>
      <p data-testid="outbox-summary">{parts.length ? `Сейчас: ${parts.join(', ')}.` : 'Очередь пуста: всё отправлено.'}</p>
      <button type="button" className="button" onClick={() => void navigate('/settings/outbox')}>
        Открыть очередь публикаций
      </button>
    </section>
  );
}

export function SitePage() {
  const [site, setSite] = useState<SiteView | null>(null);
  const [error, setError] = useState('');
  const [dirty, setDirty] = useState({ conn: false, map: false });
  useDirtyGuard(dirty.conn || dirty.map, 'настройках сайта');
  useEffect(() => {
    call('sync.site.get', {})
      .then(setSite)
      .catch((err) => setError(errorText(err)));
  }, []);
  return (
    <div className="page settings-page sync-page">
      <header className="page-header">
        <h1>Настройки</h1>
        <SettingsTabs active="site" />
      </header>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {site && (
        <div className="sync-site-layout">
          <div className="settings-columns">
            <SiteConnection site={site} onChange={setSite} onDirty={(conn) => setDirty((d) => ({ ...d, conn }))} />
            <div className="settings-side">
              <OutboxSummary />
              <SitePull />
            </div>
          </div>
          <SiteMapping configured={!!site.url} onDirty={(map) => setDirty((d) => ({ ...d, map }))} />
        </div>
      )}
    </div>
  );
}
