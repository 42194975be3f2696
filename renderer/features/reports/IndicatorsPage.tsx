/**
 * Показатели (#/reports/indicators/KIND): what the app cannot count itself — subscribers of the official
 * pages, online votes, incidents — as tables with their source; add, edit, remove (with «Отменить»), CSV.
 */
import { useEffect, useMemo, useState } from 'react';
import { countOf } from '../../../electron/backend/format';
import { indicatorKinds, type IndicatorKind } from '../../../electron/backend/features/reports/api-types';
import { call } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { CsvImport } from './CsvImport';
import { cellText, fieldsOf } from './indicator-fields';
import { IndicatorForm } from './IndicatorForm';
import type { IndicatorRow } from './types';

const kinds = Object.keys(indicatorKinds) as IndicatorKind[];
export const isKind = (s: string | undefined): s is IndicatorKind => kinds.includes(s as IndicatorKind);

const about: Record<IndicatorKind, string> = {
  subscribers: 'Число подписчиков официальных страниц на дату — из статистики сообществ. В отчёт идёт последнее значение периода и прирост.',
  votes: 'Онлайн-голосования: тема, площадка, число участников и итог.',
  incidents: 'Сообщения из «Инцидент-менеджмента» и ПОС за период: поступило, отвечено, отвечено в срок.',
};

export function IndicatorsPage({ kind, toolbar }: { kind: IndicatorKind; toolbar: React.ReactNode }) {
  const { dataVersion } = useAppState();
  const toast = useToast();
  const fields = useMemo(() => fieldsOf(kind), [kind]);
  const [rows, setRows] = useState<IndicatorRow[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<IndicatorRow | 'new' | null>(null);
  const [year, setYear] = useState<number | ''>('');
  const thisYear = new Date().getFullYear();

  useEffect(() => {
    let stale = false;
    call('reports.indicators.list', year ? { kind, year } : { kind })
      .then((r) => !stale && (setRows(r), setError('')))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [kind, year, version, dataVersion]);
  useEffect(() => setEditing(null), [kind]);
  const reload = () => setVersion((v) => v + 1);

  useCommand('new', () => setEditing('new'), !editing);

  const remove = async (row: IndicatorRow) => {
    try {
      await call('reports.indicators.remove', { kind, id: row.id });
      reload();
      toast('Строка удалена.', {
        action: {
          label: 'Отменить',
          run: () => void call('reports.indicators.save', { kind, row: row as unknown as { id: string } }).then(reload, (err: Error) => toast(err.message, { tone: 'error' })),
        },
      });
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  return (
    <>
      {toolbar}
      <div className="tab-strip" role="tablist" aria-label="Показатели">
        {kinds.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={k === kind} onClick={() => void navigate(`/reports/indicators/${k}`)}>
            {indicatorKinds[k]}
          </button>
        ))}
      </div>
      <div className="rp-ind" role="tabpanel" aria-label={indicatorKinds[kind]}>
        <div className="rp-ind-head">
          <p className="muted">{about[kind]}</p>
          <select aria-label="Год показателей" value={year} onChange={(e) => setYear(e.target.value ? Number(e.target.value) : '')}>
            <option value="">Все годы</option>
            {Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y} год
              </option>
            ))}
          </select>
          {rows && <span className="page-count rp-nowrap">{countOf(rows.length, ['строка', 'строки', 'строк'])}</span>}
          <button type="button" className="button button-primary" onClick={() => setEditing('new')} title="Новая строка (Ctrl+N)" disabled={!!editing}>
            + Добавить строку
          </button>
        </div>
        {editing && (
          <IndicatorForm
            key={editing === 'new' ? 'new' : editing.id}
            kind={kind}
            fields={fields}
            row={editing === 'new' ? null : editing}
            onDone={(saved) => {
              setEditing(null);
              if (saved) {
                toast('Строка сохранена.');
                reload();
              }
            }}
          />
        )}
        {error && (
          <p className="error-summary" role="alert">
            {error}
          </p>
        )}
        {rows && rows.length === 0 && <div className="empty">{year ? `За ${year} год строк нет.` : 'Строк пока нет.'} Добавьте строку (Ctrl+N) или загрузите CSV-файл.</div>}
        {rows && rows.length > 0 && (
          <div className="rp-ind-scroll">
            <table className="data-table rp-ind-table" data-testid={`ind-${kind}`}>
              <thead>
                <tr>
                  {fields.map((f) => (
                    <th key={f.name} scope="col" className={f.type === 'count' ? 'rp-num' : undefined}>
                      {f.label}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Действия</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && setEditing(r)} onDoubleClick={() => setEditing(r)}>
                    {fields.map((f) => (
                      <td key={f.name} className={f.type === 'count' ? 'rp-num' : f.type === 'date' ? 'rp-nowrap' : undefined}>
                        {cellText(f, r)}
                      </td>
                    ))}
                    <td className="rp-row-actions">
                      <button type="button" className="button button-small" onClick={() => setEditing(r)}>
                        Изменить
                      </button>
                      <button type="button" className="button button-small button-quiet" onClick={() => void remove(r)}>
                        Удалить
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CsvImport kind={kind} onImported={reload} />
      </div>
    </>
  );
}
