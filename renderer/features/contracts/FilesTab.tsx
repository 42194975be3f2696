/** Files attached to the contract (the signed scan): attach, open (download / path in Electron), remove. */
import { useRef, useState } from 'react';
import type { ContractCard } from '../../../electron/backend/features/contracts/types';
import { formatDateTime, formatInt } from '../../../electron/backend/format';
import { api, isElectron } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useConfirm } from '../../shell/dialog';
import { fileToBase64, saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';

const sizeText = (n: number) => (n < 1024 ? `${n} Б` : n < 1024 * 1024 ? `${formatInt(Math.round(n / 1024))} КБ` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`);

export function FilesTab({ card, setCard }: { card: ContractCard; setCard: (c: ContractCard) => void }) {
  const { timeZone } = useAppState();
  const toast = useToast();
  const confirm = useConfirm();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const attach = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError('');
    try {
      let next = card;
      for (const file of Array.from(files)) next = await api.contracts.attach({ contractId: card.id, name: file.name, mime: file.type, base64: await fileToBase64(file) });
      setCard(next);
      toast(files.length === 1 ? `Файл «${files[0]!.name}» приложен.` : `Приложено файлов: ${files.length}.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const open = async (attachmentId: string) => {
    try {
      const file = await api.contracts.attachment({ contractId: card.id, attachmentId });
      toast(isElectron ? `Файл в папке данных: ${file.path}` : saveExport({ kind: 'file', name: file.name, mime: file.mime, base64: file.base64 }));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  const detach = async (attachmentId: string, name: string) => {
    if (!(await confirm({ title: 'Удалить файл', message: `Файл «${name}» будет удалён из папки данных.`, confirmLabel: 'Удалить', danger: true }))) return;
    try {
      setCard(await api.contracts.detach({ contractId: card.id, attachmentId }));
      toast('Файл удалён.');
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  const files = card.contract.attachments;
  return (
    <div className="ct-tab">
      <div className="ct-tab-actions">
        <label className="button button-primary ct-file-button">
          {busy ? 'Загрузка…' : '+ Приложить файл'}
          <input ref={input} type="file" className="visually-hidden" aria-label="Приложить файл" disabled={busy} multiple onChange={(e) => void attach(e.target.files)} />
        </label>
        <span className="muted">Скан подписанного контракта, дополнительные соглашения (до 20 МБ). Файлы хранятся в папке данных.</span>
      </div>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {files.length === 0 ? (
        <div className="empty">Файлов нет.</div>
      ) : (
        <table className="data-table ct-files">
          <thead>
            <tr>
              <th scope="col">Файл</th>
              <th scope="col" className="ct-num">Размер</th>
              <th scope="col">Добавлен</th>
              <th scope="col" aria-label="Действия" />
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td>
                  <button type="button" className="link" onClick={() => void open(f.id)}>
                    {f.name}
                  </button>
                </td>
                <td className="ct-num">{sizeText(f.size)}</td>
                <td>{formatDateTime(f.addedAt, timeZone)}</td>
                <td className="ct-row-actions">
                  <button type="button" className="icon-button" aria-label={`Удалить файл «${f.name}»`} title="Удалить" onClick={() => void detach(f.id, f.name)}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
