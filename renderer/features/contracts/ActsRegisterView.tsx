/** #/contracts/acts: municipal acts published in a year — where, when, within the legal deadline or late; сборники НПА. */
import { useEffect, useState } from 'react';
import type { ActsRegister } from '../../../electron/backend/features/contracts/acts-register';
import { dayShort } from '../../../electron/backend/features/contracts/days';
import { countOf } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { todayIso } from './parts';

export function ActsRegisterView() {
  const { timeZone, dataVersion } = useAppState();
  const toast = useToast();
  const thisYear = Number(todayIso(timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [onlyLate, setOnlyLate] = useState(false);
  const [data, setData] = useState<ActsRegister | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const close = () => void navigate('/contracts');
  useCommand('close', close);

  useEffect(() => {
    let stale = false;
    api.contracts
      .actsRegister({ year, onlyLate })
      .then((r) => !stale && (setData(r), setError('')))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [year, onlyLate, dataVersion]);

  const exportDoc = async () => {
    setBusy(true);
    try {
      toast(saveExport(await api.contracts.exportActsRegister({ year })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const t = data?.totals;
  return (
    <div className="page ct-page">
      <header className="page-header">
        <button type="button" className="button button-quiet" onClick={close}>
          ← Контракты
        </button>
        <h1>Опубликованные муниципальные акты</h1>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void exportDoc()} disabled={busy}>
            {busy ? 'Экспорт…' : 'Реестр опубликованных актов (Word)'}
          </button>
        </div>
      </header>
      <div className="toolbar">
        <select aria-label="Год" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {Array.from({ length: 7 }, (_, i) => thisYear + 1 - i).map((y) => (
            <option key={y} value={y}>
              {y} год
            </option>
          ))}
        </select>
        <label className="ct-check">
          <input type="checkbox" checked={onlyLate} onChange={(e) => setOnlyLate(e.target.checked)} /> только с нарушением срока
        </label>
      </div>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {data && t && (
        <p className="ct-summary" data-testid="acts-summary">
          {countOf(t.acts, ['акт опубликован', 'акта опубликовано', 'актов опубликовано'])}: в срок — {t.onTime}, с нарушением срока — {t.late} (срок — {data.deadlineDays} дн. после подписания). В газете — {t.inNewspaper}, в сборниках — {t.inCollections}.{' '}
          {countOf(data.collections.count, ['сборник', 'сборника', 'сборников'])} нормативно-правовых актов за год ({countOf(data.collections.acts, ['акт', 'акта', 'актов'])}).
        </p>
      )}
      {data && data.rows.length === 0 && <div className="empty">{onlyLate ? 'Актов, опубликованных с нарушением срока, нет.' : `За ${year} год опубликованных актов нет.`}</div>}
      {data && data.rows.length > 0 && (
        <div className="ct-scroll">
          <table className="data-table ct-acts-register">
            <thead>
              <tr>
                <th scope="col">Акт</th>
                <th scope="col">Подписан</th>
                <th scope="col">Опубликован</th>
                <th scope="col">Где (выпуск)</th>
                <th scope="col">Срок</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.key}>
                  <td>
                    {r.kindLabel} № {r.number}
                    {r.title && <div className="cell-sub">{r.title}</div>}
                  </td>
                  <td>{dayShort(r.signedOn)}</td>
                  <td>{dayShort(r.publishedOn)}</td>
                  <td>
                    {r.places.map((p, i) => (
                      <div key={i} className={i ? 'cell-sub' : undefined}>
                        {p.where}, {dayShort(p.date)}
                      </div>
                    ))}
                  </td>
                  <td>
                    {r.onTime ? (
                      <span className="ct-badge ct-badge-ok">в срок ({r.daysAfterSigning} дн.)</span>
                    ) : (
                      <span className="ct-badge ct-badge-danger">позже на {r.daysLate} дн.</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
