/**
 * Настройки → Данные → Отложенные записи: records a damaged file held that failed their checks.
 * Each can be put back (once this version accepts it) or discarded, nothing silently.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../electron/backend/api';
import { countOf, formatDateTime } from '../../../electron/backend/format';
import { ApiError, call } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useConfirm } from '../../shell/dialog';
import { useToast } from '../../shell/toasts';

type Item = Output<'system.quarantine.list'>[number];

export function Quarantine() {
  const { status, timeZone, reloadAll } = useAppState();
  const toast = useToast();
  const confirm = useConfirm();
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState('');

  const load = useCallback(() => call('system.quarantine.list', {}).then(setItems, (err: Error) => toast(err.message, { tone: 'error' })), [toast]);
  useEffect(() => void load(), [load, status.quarantined]);

  const act = async (item: Item, job: () => Promise<unknown>, done: string) => {
    setBusy(item.key);
    try {
      await job();
      toast(done);
      await reloadAll();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy('');
      void load();
    }
  };
  const restore = (item: Item) =>
    act(
      item,
      async () => {
        try {
          await call('system.quarantine.restore', { key: item.key });
        } catch (err) {
          if (!(err instanceof ApiError) || err.code !== 'conflict') throw err;
          const ok = await confirm({ title: 'Заменить действующую запись?', message: <p>{err.message}</p>, confirmLabel: 'Заменить', danger: true });
          if (!ok) throw new Error('Восстановление отменено: действующая запись не изменена.');
          await call('system.quarantine.restore', { key: item.key, overwrite: true });
        }
      },
      `Запись «${item.title || item.recordId}» восстановлена.`,
    );
  const discard = async (item: Item) => {
    const ok = await confirm({
      title: 'Удалить отложенную запись',
      message: <p>Запись «{item.title || item.recordId}» будет удалена окончательно. Её копия останется только в папке corrupt/, если файл перемещался туда.</p>,
      confirmLabel: 'Удалить',
      danger: true,
    });
    if (ok) await act(item, () => call('system.quarantine.discard', { key: item.key }), 'Отложенная запись удалена.');
  };

  if (items.length === 0) return null;
  return (
    <div className="quarantine" data-testid="quarantine">
      <h3>Отложенные записи</h3>
      <p>
        При чтении повреждённого файла {countOf(items.length, ['запись не прошла', 'записи не прошли', 'записей не прошли'])} проверку.{' '}
        {items.length === 1 ? 'Она отложена' : 'Они отложены'}, а не удалены: восстановите запись, когда она станет корректной (например, после
        обновления программы), или удалите её. Восстановленная запись заменит ту, что сейчас в данных под тем же номером.
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <strong>{item.title || item.recordId}</strong> <span className="muted">({item.collection}, {formatDateTime(item.at, timeZone)})</span>
            <div className="quarantine-reason">{item.reason}</div>
            <div className="button-row">
              <button type="button" className="button button-small" disabled={!!busy} onClick={() => void restore(item)}>
                {busy === item.key ? 'Восстановление…' : 'Восстановить'}
              </button>
              <button type="button" className="button button-small" disabled={!!busy} onClick={() => void discard(item)}>
                Удалить
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
