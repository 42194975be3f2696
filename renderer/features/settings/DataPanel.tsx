/** Настройки → Данные: where the data lives, backups, export/import of everything, the integrity check. */
import { useRef, useState } from 'react';
import type { CheckReport } from '../../../electron/backend/api';
import { countOf, formatDateTime } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useConfirm } from '../../shell/dialog';
import { fileToBase64, saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { DataFolder } from './DataFolder';
import { Quarantine } from './Quarantine';

const totalRecords = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function DataPanel() {
  const { status, timeZone, reloadAll } = useAppState();
  const toast = useToast();
  const confirm = useConfirm();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState('');
  const [report, setReport] = useState<CheckReport | null>(null);

  const run = async (name: string, job: () => Promise<void>) => {
    setBusy(name);
    try {
      await job();
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy('');
    }
  };

  const backup = () =>
    run('backup', async () => {
      const { file } = await api.system.backupNow();
      toast(`Резервная копия создана: ${file}`);
    });
  const exportAll = () => run('export', async () => toast(saveExport(await api.system.exportArchive())));
  const check = () => run('check', async () => setReport(await api.system.check()));

  const importFile = async (file: File) => {
    const ok = await confirm({
      title: 'Импорт из архива',
      message: (
        <>
          <p>
            Все текущие данные будут заменены данными из архива «{file.name}».
          </p>
          <p>Перед импортом программа сделает резервную копию текущих данных — её можно будет восстановить.</p>
        </>
      ),
      confirmLabel: 'Заменить данные',
      danger: true,
    });
    if (!ok) return;
    await run('import', async () => {
      const { counts } = await api.system.importArchive({ fileName: file.name, base64: await fileToBase64(file) });
      await reloadAll();
      toast(`Данные импортированы: ${countOf(totalRecords(counts), ['запись', 'записи', 'записей'])}.`);
    });
  };

  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Данные</h2>
      <dl className="facts">
        <dt>Папка данных</dt>
        <dd>
          <code data-testid="data-dir">{status.dataDir}</code>
        </dd>
        <dt>Последняя резервная копия</dt>
        <dd>{status.lastBackupAt ? formatDateTime(status.lastBackupAt, timeZone) : 'ещё не создавалась'}</dd>
      </dl>
      <DataFolder busy={!!busy} />
      <Quarantine />
      <div className="button-row">
        <button type="button" className="button" onClick={backup} disabled={!!busy}>
          {busy === 'backup' ? 'Создание…' : 'Создать резервную копию'}
        </button>
        <button type="button" className="button" onClick={exportAll} disabled={!!busy}>
          {busy === 'export' ? 'Экспорт…' : 'Экспорт всех данных'}
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={!!busy}>
          {busy === 'import' ? 'Импорт…' : 'Импорт из архива'}
        </button>
        <button type="button" className="button" onClick={check} disabled={!!busy}>
          {busy === 'check' ? 'Проверка…' : 'Проверить данные'}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".pdbackup,.zip"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {report && (
        <div className={`check-report ${report.ok ? 'check-ok' : 'check-bad'}`} role="status" data-testid="check-report">
          <p>
            <strong>{report.ok ? 'Данные в порядке.' : 'Найдены ошибки.'}</strong> Проверено {countOf(report.files, ['файл', 'файла', 'файлов'])},{' '}
            {countOf(report.records, ['запись', 'записи', 'записей'])}; {countOf(report.backups, ['резервная копия', 'резервные копии', 'резервных копий'])}.
          </p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((p) => (
                <li key={p.file + p.message}>
                  <code>{p.file}</code>: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
