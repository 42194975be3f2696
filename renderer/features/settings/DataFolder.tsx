/**
 * Настройки → Данные, the folder: which one is open and why; in the desktop app, choosing another
 * (a department may keep it on a shared drive) for the next start. Browser mode says how it is chosen there.
 */
import { useEffect, useState } from 'react';
import type { DataFolderView } from '../../../electron/backend/api';
import { call } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { useToast } from '../../shell/toasts';

const sourceText: Record<DataFolderView['source'], string> = {
  argument: 'задана при запуске параметром --data-dir',
  environment: 'задана при запуске переменной PRESS_DESK_DATA_DIR',
  chosen: 'выбрана в настройках',
  default: 'папка по умолчанию',
};

export function DataFolder({ busy }: { busy: boolean }) {
  const toast = useToast();
  const confirm = useConfirm();
  const [view, setView] = useState<DataFolderView | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    call('settings.dataFolder.get', {}).then(setView, (err: Error) => toast(err.message, { tone: 'error' }));
  }, [toast]);

  const offerRestart = async (next: DataFolderView) => {
    setView(next);
    if (!next.restartNeeded) {
      toast(next.source === 'argument' || next.source === 'environment' ? `Папка «${next.next}» будет открыта при запуске без --data-dir и PRESS_DESK_DATA_DIR.` : 'Папка данных не изменилась.');
      return;
    }
    const now = await confirm({
      title: 'Другая папка данных',
      message: (
        <>
          <p>
            Пресс-деск перезапустится и откроет папку «{next.next}».
          </p>
          <p>Данные из текущей папки не переносятся: чтобы взять их с собой, сначала сделайте «Экспорт всех данных», а после перезапуска — «Импорт из архива».</p>
        </>
      ),
      confirmLabel: 'Перезапустить сейчас',
      cancelLabel: 'Позже',
    });
    if (now) await call('settings.dataFolder.relaunch', {});
  };

  const act = async (job: () => Promise<void>) => {
    setWorking(true);
    try {
      await job();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setWorking(false);
    }
  };
  const choose = () =>
    act(async () => {
      const choice = await call('settings.dataFolder.choose', {});
      if (choice.kind === 'chosen') await offerRestart(choice.view);
    });
  const reset = () => act(async () => offerRestart(await call('settings.dataFolder.reset', {})));

  if (!view) return null;
  const disabled = busy || working;
  return (
    <div className="data-folder" data-testid="data-folder">
      <p className="muted" data-testid="data-dir-source">
        Папка {sourceText[view.source]}.
      </p>
      {view.canChoose ? (
        <>
          {view.restartNeeded && (
            <p role="status" data-testid="data-dir-next">
              После перезапуска откроется папка «{view.next}».
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={choose} disabled={disabled}>
              Выбрать другую папку…
            </button>
            {view.chosen && (
              <button type="button" className="button" onClick={reset} disabled={disabled}>
                Вернуть папку по умолчанию
              </button>
            )}
          </div>
        </>
      ) : (
        <p className="muted" data-testid="data-dir-how">
          В браузерном режиме папка данных выбирается при запуске: <code>npm run web -- --data-dir ПАПКА</code> или переменная{' '}
          <code>PRESS_DESK_DATA_DIR</code>. Папку на общем диске отдела можно выбрать и в настольном приложении: Настройки → Данные.
        </p>
      )}
    </div>
  );
}
