/** СМИ: the media directory. List with search and filters on the left, the open card on the right. */
import { useCallback, useEffect, useState } from 'react';
import type { Outlet } from '../../../electron/backend/api';
import { outletKinds, type OutletKind } from '../../../electron/backend/features/outlets/schema';
import { countOf } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { OutletCard } from './OutletCard';
import { OutletTable } from './OutletTable';
import './outlets.css';

type View = 'active' | 'archived' | 'all';
const views: { value: View; label: string }[] = [
  { value: 'active', label: 'Активные' },
  { value: 'archived', label: 'Архив' },
  { value: 'all', label: 'Все' },
];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

export function OutletsPage({ id }: { id?: string }) {
  const { dataVersion } = useAppState();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<OutletKind | ''>('');
  const [view, setView] = useState<View>('active');
  const [outlets, setOutlets] = useState<Outlet[] | null>(null);
  const [listError, setListError] = useState('');
  const [version, setVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const debouncedQuery = useDebounced(query, 250);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let stale = false;
    api.outlets
      .list({ query: debouncedQuery, kind: kind || undefined, archived: view })
      .then((list) => {
        if (stale) return;
        setOutlets(list);
        setListError('');
      })
      .catch((err: Error) => !stale && setListError(err.message));
    return () => {
      stale = true;
    };
  }, [debouncedQuery, kind, view, version, dataVersion]);

  useCommand('new', () => void navigate('/outlets/new'));

  // After a card closes, focus goes back to its row, as soon as that row is drawn (the list may still be reloading).
  useEffect(() => {
    if (!returnFocusTo) return;
    if (id) return setReturnFocusTo(null);
    const row = document.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(returnFocusTo)}"]`);
    if (row) {
      row.focus();
      setReturnFocusTo(null);
    }
  }, [returnFocusTo, outlets, id]);

  const close = async () => {
    const was = id;
    if ((await navigate('/outlets')) && was && was !== 'new') setReturnFocusTo(was);
  };

  const onArchived = (outlet: Outlet) => {
    refresh();
    if (!outlet.archived) {
      toast('СМИ возвращено из архива.');
      return;
    }
    void navigate('/outlets', { force: true });
    toast('СМИ перемещено в архив.', {
      action: {
        label: 'Отменить',
        run: () =>
          api.outlets
            .archive({ id: outlet.id, archived: false })
            .then(() => {
              refresh();
              toast('Перемещение в архив отменено.');
            })
            .catch((err: Error) => toast(err.message, { tone: 'error' })),
      },
    });
  };

  const exportDocx = async () => {
    setExporting(true);
    try {
      toast(saveExport(await api.outlets.exportDocx({ includeArchived: view !== 'active' })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const filtered = query !== '' || kind !== '';
  return (
    <div className="page outlets-page">
      <header className="page-header">
        <h1>СМИ</h1>
        {outlets && <span className="page-count">{countOf(outlets.length, ['запись', 'записи', 'записей'])}</span>}
        <div className="page-actions">
          <button type="button" className="button" onClick={exportDocx} disabled={exporting} title={view === 'active' ? 'Справочник активных СМИ' : 'Справочник, включая архив'}>
            {exporting ? 'Экспорт…' : 'Экспорт в Word'}
          </button>
          <button type="button" className="button button-primary" onClick={() => void navigate('/outlets/new')} title="Новое СМИ (Ctrl+N)">
            + Новое СМИ
          </button>
        </div>
      </header>

      <div className="toolbar" role="search">
        <input
          type="search"
          className="toolbar-search"
          aria-label="Поиск СМИ"
          placeholder="Название, контакт, телефон…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select aria-label="Вид СМИ" value={kind} onChange={(e) => setKind(e.target.value as OutletKind | '')}>
          <option value="">Все виды</option>
          {Object.entries(outletKinds).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <div className="segmented" role="group" aria-label="Показывать">
          {views.map((v) => (
            <button key={v.value} type="button" aria-pressed={view === v.value} onClick={() => setView(v.value)}>
              {v.label}
            </button>
          ))}
        </div>
      </div>

      <div className={`master-detail${id ? ' with-card' : ''}`}>
        <div className="list-pane">
          {listError && (
            <p className="error-summary" role="alert">
              {listError}
            </p>
          )}
          {outlets && outlets.length > 0 && <OutletTable outlets={outlets} openId={id} onOpen={(next) => void navigate(`/outlets/${next}`)} compact={!!id} />}
          {outlets && outlets.length === 0 && (
            <div className="empty">
              {filtered
                ? 'Ничего не найдено. Измените запрос или фильтр.'
                : view === 'archived'
                  ? 'В архиве пусто.'
                  : 'Справочник пуст. Добавьте первое СМИ кнопкой «Новое СМИ» (Ctrl+N).'}
            </div>
          )}
        </div>
        {id && (
          <OutletCard
            id={id}
            onClose={() => void close()}
            onArchived={onArchived}
            onSaved={(outlet, created) => {
              refresh();
              if (created) void navigate(`/outlets/${outlet.id}`, { replace: true, force: true });
            }}
          />
        )}
      </div>
    </div>
  );
}
