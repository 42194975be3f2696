/** One contract: header, control block, tabs (Публикации, Акты, Оплаты, Файлы, Условия), statement export. */
import { useCallback, useEffect, useState } from 'react';
import { contractStatuses, type ContractStatus } from '../../../electron/backend/features/contracts/schema';
import type { ContractCard as Card } from '../../../electron/backend/features/contracts/types';
import { dayShort } from '../../../electron/backend/features/contracts/days';
import { formatMoney } from '../../../electron/backend/format';
import { api } from '../../api';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { ActsTab } from './ActsTab';
import { ContractForm } from './ContractForm';
import { ControlBlock } from './ControlBlock';
import { FilesTab } from './FilesTab';
import { PaymentsTab } from './PaymentsTab';
import { PublicationsTab } from './PublicationsTab';

const tabs = [
  { id: 'publications', label: 'Публикации' },
  { id: 'acts', label: 'Акты' },
  { id: 'payments', label: 'Оплаты' },
  { id: 'files', label: 'Файлы' },
  { id: 'terms', label: 'Условия' },
] as const;
type Tab = (typeof tabs)[number]['id'];

export function ContractCard({ id, tab: tabParam }: { id: string; tab?: string }) {
  const toast = useToast();
  const confirm = useConfirm();
  const tab: Tab = tabs.some((t) => t.id === tabParam) ? (tabParam as Tab) : 'publications';
  const [card, setCard] = useState<Card | null>(null);
  const [warnAt, setWarnAt] = useState(80);
  const [loadError, setLoadError] = useState('');
  const [exporting, setExporting] = useState(false);
  const [addOpen, setAddOpen] = useState(false);

  const reload = useCallback(() => {
    return api.contracts
      .get({ id })
      .then((c) => (setCard(c), setLoadError('')))
      .catch((err: Error) => setLoadError(err.message));
  }, [id]);
  useEffect(() => {
    void reload();
    void api.contracts['settings.get']().then((s) => setWarnAt(s.warnPercent));
  }, [reload]);

  const goTab = (t: Tab) => void navigate(`/contracts/${id}${t === 'publications' ? '' : `/${t}`}`, { replace: true });
  const close = () => void navigate('/contracts');
  useCommand('close', close);
  useCommand('new', () => {
    if (tab !== 'publications') goTab('publications');
    setAddOpen(true);
  });

  const exportStatement = async () => {
    setExporting(true);
    try {
      toast(saveExport(await api.contracts.exportStatement({ id })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const changeStatus = async (status: ContractStatus) => {
    if (!card || status === card.status) return;
    const ok = await confirm({
      title: 'Статус контракта',
      message: `Отметить контракт № ${card.number} как «${contractStatuses[status]}»?`,
      confirmLabel: 'Изменить статус',
    });
    if (!ok) return;
    try {
      setCard(await api.contracts.setStatus({ id, status }));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  const remove = async () => {
    if (!card) return;
    const ok = await confirm({
      title: 'Удалить контракт',
      message: `Контракт № ${card.number} будет удалён вместе с публикациями, актами, оплатами и файлами.`,
      confirmLabel: 'Удалить',
      danger: true,
    });
    if (!ok) return;
    try {
      await api.contracts.remove({ id });
      toast(`Контракт № ${card.number} удалён.`);
      void navigate('/contracts', { force: true });
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  if (loadError)
    return (
      <div className="page ct-page">
        <button type="button" className="button button-quiet" onClick={close}>
          ← Контракты
        </button>
        <p className="error-summary" role="alert">
          {loadError}
        </p>
      </div>
    );
  if (!card) return <div className="page ct-page">Загрузка…</div>;

  return (
    <div className="page ct-page ct-card">
      <header className="page-header ct-card-header">
        <button type="button" className="button button-quiet" onClick={close} title="К реестру (Esc)">
          ← Контракты
        </button>
        <h1>
          Контракт № {card.number} от {dayShort(card.date)}
        </h1>
        <select aria-label="Статус контракта" value={card.status} onChange={(e) => void changeStatus(e.target.value as ContractStatus)}>
          {Object.entries(contractStatuses).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void exportStatement()} disabled={exporting}>
            {exporting ? 'Экспорт…' : 'Выписка по контракту (Word)'}
          </button>
          <button type="button" className="button button-quiet" onClick={() => void remove()}>
            Удалить
          </button>
        </div>
      </header>
      <p className="ct-card-sub">
        <strong>{card.outlet.name}</strong> · {card.subject} · {card.methodLabel} · срок с {dayShort(card.termStart)} по {dayShort(card.termEnd)} · цена {formatMoney(card.price)} · тариф: {card.tariffText}
      </p>

      <ControlBlock card={card} warnAt={warnAt} />

      <div className="tab-strip" role="tablist" aria-label="Разделы контракта">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`ct-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="ct-tabpanel" onClick={() => goTab(t.id)}>
            {t.label}
            {t.id === 'publications' && <span className="ct-tab-count">{card.publications.length}</span>}
            {t.id === 'acts' && <span className="ct-tab-count">{card.acts.length}</span>}
            {t.id === 'payments' && <span className="ct-tab-count">{card.payments.length}</span>}
            {t.id === 'files' && <span className="ct-tab-count">{card.contract.attachments.length}</span>}
          </button>
        ))}
      </div>
      <div className="ct-tabpanel" id="ct-tabpanel" role="tabpanel" aria-labelledby={`ct-tab-${tab}`}>
        {tab === 'publications' && <PublicationsTab card={card} reload={reload} addOpen={addOpen} setAddOpen={setAddOpen} />}
        {tab === 'acts' && <ActsTab card={card} setCard={setCard} />}
        {tab === 'payments' && <PaymentsTab card={card} setCard={setCard} />}
        {tab === 'files' && <FilesTab card={card} setCard={setCard} />}
        {tab === 'terms' && (
          <ContractForm
            contract={card.contract}
            onSaved={(next) => {
              setCard(next);
              toast('Условия контракта сохранены.');
            }}
          />
        )}
      </div>
    </div>
  );
}
