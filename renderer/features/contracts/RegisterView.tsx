/** The register: a year's contracts with volume and money used/left (numbers and bars), warnings, totals; exports. */
import { useEffect, useState } from 'react';
import type { ContractRegister } from '../../../electron/backend/features/contracts/types';
import { contractStatuses, type ContractStatus } from '../../../electron/backend/features/contracts/schema';
import { dayShort } from '../../../electron/backend/features/contracts/days';
import { countOf, formatInt, formatMoney } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { todayIso, UsageBar, WarningBadges } from './parts';

let rememberedYear: number | null = null;

export function RegisterView() {
  const { timeZone, dataVersion } = useAppState();
  const toast = useToast();
  const thisYear = Number(todayIso(timeZone).slice(0, 4));
  const [year, setYear] = useState<number>(rememberedYear ?? thisYear);
  const [status, setStatus] = useState<ContractStatus | ''>('');
  const [query, setQuery] = useState('');
  const [data, setData] = useState<ContractRegister | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');

  useEffect(() => {
    rememberedYear = year;
    let stale = false;
    const t = window.setTimeout(() => {
      api.contracts
        .list({ year, status: status || undefined, query })
        .then((r) => !stale && (setData(r), setError('')))
        .catch((err: Error) => !stale && setError(err.message));
    }, query ? 200 : 0);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [year, status, query, dataVersion]);

  useCommand('new', () => void navigate('/contracts/new'));

  const exportDoc = async (what: 'register' | 'acts') => {
    setBusy(what);
    try {
      toast(saveExport(await (what === 'register' ? api.contracts.exportRegister({ year }) : api.contracts.exportActsRegister({ year }))));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy('');
    }
  };

  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  const t = data?.totals;
  return (
    <div className="page ct-page">
      <header className="page-header">
        <h1>Контракты</h1>
        {data && <span className="page-count">{countOf(data.rows.length, ['контракт', 'контракта', 'контрактов'])}</span>}
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void navigate('/contracts/acts')}>
            Опубликованные акты
          </button>
          <button type="button" className="button" disabled={!!busy} onClick={() => void exportDoc('register')}>
            {busy === 'register' ? 'Экспорт…' : 'Экспорт реестра (Word)'}
          </button>
          <button type="button" className="button" disabled={!!busy} onClick={() => void exportDoc('acts')}>
            {busy === 'acts' ? 'Экспорт…' : 'Реестр опубликованных актов (Word)'}
          </button>
          <button type="button" className="button button-primary" onClick={() => void navigate('/contracts/new')} title="Новый контракт (Ctrl+N)">
            + Новый контракт
          </button>
        </div>
      </header>

      <div className="toolbar" role="search">
        <select aria-label="Год" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y} год
            </option>
          ))}
        </select>
        <select aria-label="Статус" value={status} onChange={(e) => setStatus(e.target.value as ContractStatus | '')}>
          <option value="">Все статусы</option>
          {Object.entries(contractStatuses).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        <input type="search" className="toolbar-search" aria-label="Поиск контрактов" placeholder="Номер, СМИ, предмет, ИКЗ…" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>

      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {data && data.rows.length === 0 && (
        <div className="empty">{query || status ? 'Ничего не найдено. Измените запрос или фильтр.' : `За ${year} год контрактов нет. Добавьте контракт кнопкой «Новый контракт» (Ctrl+N).`}</div>
      )}
      {data && data.rows.length > 0 && (
        <div className="ct-scroll">
          <table className="data-table ct-register">
            <thead>
              <tr>
                <th scope="col">Контракт</th>
                <th scope="col">Контрагент и предмет</th>
                <th scope="col" className="ct-num">Объём: использовано / осталось</th>
                <th scope="col" className="ct-num">Деньги: использовано / осталось</th>
                <th scope="col" className="ct-num">Оплачено</th>
                <th scope="col">Предупреждения</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr
                  key={r.id}
                  data-id={r.id}
                  tabIndex={0}
                  onClick={() => void navigate(`/contracts/${r.id}`)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void navigate(`/contracts/${r.id}`);
                  }}
                >
                  <td className="ct-col-number">
                    <a href={`#/contracts/${r.id}`} onClick={(e) => e.preventDefault()} tabIndex={-1}>
                      № {r.number}
                    </a>
                    <div className="cell-sub">от {dayShort(r.date)}</div>
                    {r.status !== 'active' && <span className="badge badge-muted">{r.statusLabel}</span>}
                  </td>
                  <td className="ct-col-subject">
                    <div className="ct-outlet">{r.outlet.name}</div>
                    <div className="cell-sub ct-subject">{r.subject}</div>
                  </td>
                  <td className="ct-num ct-col-usage">
                    <div>
                      {formatInt(r.control.volume.used)} / <strong>{formatInt(r.control.volume.left)}</strong> {r.unit.short}
                    </div>
                    <UsageBar percent={r.control.volume.percent} label={`Объём: ${r.control.volume.percent} %`} />
                    <div className="cell-sub">
                      {r.control.volume.percent} % из {formatInt(r.volume)}
                    </div>
                  </td>
                  <td className="ct-num ct-col-usage">
                    <div>
                      {formatMoney(r.control.money.used)} / <strong>{formatMoney(r.control.money.left)}</strong>
                    </div>
                    <UsageBar percent={r.control.money.percent} label={`Деньги: ${r.control.money.percent} %`} />
                    <div className="cell-sub">
                      {r.control.money.percent} % из {formatMoney(r.price)}
                    </div>
                  </td>
                  <td className="ct-num">{formatMoney(r.control.paid)}</td>
                  <td className="ct-col-warnings">
                    <WarningBadges warnings={r.warnings} control={r.control} />
                  </td>
                </tr>
              ))}
            </tbody>
            {t && (
              <tfoot>
                <tr className="ct-totals">
                  <th scope="row" colSpan={2}>
                    Итого: {countOf(t.contracts, ['контракт', 'контракта', 'контрактов'])} на {formatMoney(t.price)}
                  </th>
                  <td className="ct-num" />
                  <td className="ct-num">
                    {formatMoney(t.used)} / <strong>{formatMoney(t.left)}</strong>
                  </td>
                  <td className="ct-num">{formatMoney(t.paid)}</td>
                  <td>
                    {t.owed > 0 && <div>Задолженность по актам: {formatMoney(t.owed)}</div>}
                    {t.withWarnings > 0 && <div className="cell-sub">С предупреждениями: {t.withWarnings}</div>}
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </div>
  );
}
