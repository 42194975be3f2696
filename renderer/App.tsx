/**
 * Loads the folder's status and settings, then shows the welcome form (first start)
 * or the app. Routing starts here, after renderer/api.ts has taken the #token=… away.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Settings, SystemStatus } from '../electron/backend/api';
import { api, onEvent } from './api';
import { WelcomePage } from './features/settings/WelcomePage';
import { AppStateContext, timeZoneOf, type AppState } from './shell/app-state';
import { ConfirmProvider } from './shell/dialog';
import { startRouter } from './shell/router';
import { Shell } from './shell/Shell';
import { ToastProvider } from './shell/toasts';

type Loaded = { status: SystemStatus; settings: Settings | null };

export function App() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState('');
  const [dataVersion, setDataVersion] = useState(0);

  const load = useCallback(async () => {
    const [status, settings] = await Promise.all([api.system.status(), api.settings.get()]);
    setLoaded({ status, settings });
  }, []);

  useEffect(() => {
    startRouter();
    load().catch((err: Error) => setFailure(err.message));
    return onEvent('status', (status) => setLoaded((prev) => prev && { ...prev, status }));
  }, [load]);

  const state = useMemo<AppState | null>(
    () =>
      loaded && {
        ...loaded,
        timeZone: timeZoneOf(loaded.settings),
        dataVersion,
        setSettings: (settings) => setLoaded((prev) => prev && { ...prev, settings }),
        reloadAll: async () => {
          await load();
          setDataVersion((v) => v + 1);
        },
      },
    [loaded, dataVersion, load],
  );

  if (failure)
    return (
      <div className="fatal" role="alert">
        <h1>Пресс-деск не может открыть данные</h1>
        <p>{failure}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Попробовать снова
        </button>
      </div>
    );
  if (!state) return <div className="loading">Загрузка…</div>;

  return (
    <AppStateContext.Provider value={state}>
      <ToastProvider>
        <ConfirmProvider>{state.settings ? <Shell /> : <WelcomePage />}</ConfirmProvider>
      </ToastProvider>
    </AppStateContext.Provider>
  );
}
