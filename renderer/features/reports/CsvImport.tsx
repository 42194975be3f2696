/**
 * CSV import of one kind of indicator: pick a file, all lines are checked, all or nothing. A refusal
 * names the line and column. The expected format is shown beside the button, with a sample file.
 */
import { useRef, useState } from 'react';
import { csvColumns, indicatorKinds, platforms, type IndicatorKind } from '../../../electron/backend/features/reports/api-types';
import { call } from '../../api';
import { useToast } from '../../shell/toasts';
import { sampleCsv } from './indicator-fields';

/** Excel in Russian often saves CSV in Windows-1251: take UTF-8 when the bytes are UTF-8, else 1251. */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

function downloadSample(kind: IndicatorKind) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', sampleCsv(kind)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `образец-${kind}.csv`;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function CsvImport({ kind, onImported }: { kind: IndicatorKind; onImported: () => void }) {
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const csv = await readText(file);
      const { imported } = await call('reports.indicators.importCsv', { kind, csv });
      toast(`Из файла «${file.name}» загружено строк: ${new Intl.NumberFormat('ru-RU').format(imported)}.`);
      onImported();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const cols = csvColumns[kind];
  return (
    <section className="rp-csv" aria-labelledby="rp-csv-title">
      <h3 id="rp-csv-title">Загрузка из CSV</h3>
      <div className="rp-csv-row">
        <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? 'Загрузка…' : 'Загрузить CSV…'}
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv,text/plain"
          className="visually-hidden"
          aria-label={`CSV-файл: ${indicatorKinds[kind]}`}
          tabIndex={-1}
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <button type="button" className="button button-quiet" onClick={() => downloadSample(kind)}>
          Скачать образец
        </button>
      </div>
      {error && (
        <div className="error-summary" role="alert" data-testid="csv-error">
          <strong>Файл не загружен</strong>
          <p>{error}</p>
        </div>
      )}
      <details className="rp-csv-help">
        <summary>Формат файла</summary>
        <p>
          Первая строка — названия столбцов (по-русски, как ниже, или латиницей: {cols.map((c) => c.name).join(', ')}); разделитель — точка с запятой или запятая.
          Даты — ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, числа — целые, без минуса. Проверяются все строки: если хоть одна с ошибкой, не загружается ничего, а в
          сообщении названы строка и столбец.
        </p>
        <table className="data-table rp-csv-sample">
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c.name} scope="col">
                  {c.label}
                  {c.optional && <span className="cell-sub"> (можно пусто)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {cols.map((c) => (
                <td key={c.name}>{c.example}</td>
              ))}
            </tr>
          </tbody>
        </table>
        {cols.some((c) => c.name === 'platform') && <p className="cell-sub">Площадки: {Object.values(platforms).join(', ')} (или vk, ok, telegram, gosp, other).</p>}
      </details>
    </section>
  );
}
