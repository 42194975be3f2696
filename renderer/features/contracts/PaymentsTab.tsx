/** Payments: add (date, amount in rubles, платёжное поручение, the act it pays) and list. */
import { useState, type FormEvent } from 'react';
import type { ContractCard } from '../../../electron/backend/features/contracts/types';
import { dayShort } from '../../../electron/backend/features/contracts/days';
import { formatMoney } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { ErrorSummary, SelectField, TextField } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { focusFirst, localError, prefixedErrors } from './form-bits';
import { parseRubles } from './money';
import { todayIso } from './parts';

export function PaymentsTab({ card, setCard }: { card: ContractCard; setCard: (c: ContractCard) => void }) {
  const { timeZone } = useAppState();
  const toast = useToast();
  const [d, setD] = useState({ date: todayIso(timeZone), amount: '', order: '', actId: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const m = parseRubles(d.amount);
    const fail = (err: unknown) => (setError(err), focusFirst(err, 'pay', 'pay-errors'));
    if (!m.ok) return fail(localError([{ field: 'amount', label: 'Сумма платежа', message: m.error }]));
    setBusy(true);
    try {
      const next = await api.contracts.addPayment({ contractId: card.id, date: d.date, amount: m.kopecks, order: d.order, actId: d.actId || null });
      setCard(next);
      setError(null);
      toast(`Платёж ${formatMoney(m.kopecks)} внесён.`);
      setD({ ...d, amount: '', order: '', actId: '' });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      setCard(await api.contracts.removePayment({ id }));
      toast('Платёж удалён.');
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  const errors = prefixedErrors(error, 'pay');
  const acts = new Map(card.acts.map((a) => [a.id, a]));
  return (
    <div className="ct-tab">
      <form className="ct-add" onSubmit={submit} noValidate aria-label="Новый платёж">
        <h3>Новый платёж</h3>
        <p className="muted">Задолженность по принятым актам: {formatMoney(card.control.owed)}</p>
        <div id="pay-errors" tabIndex={-1}>
          <ErrorSummary error={error} title="Платёж не внесён" />
        </div>
        <div className="field-row">
          <TextField path="pay.date" label="Дата платежа" type="date" required errors={errors} value={d.date} onChange={(date) => setD({ ...d, date })} />
          <TextField path="pay.amount" label="Сумма, ₽" required errors={errors} value={d.amount} onChange={(amount) => setD({ ...d, amount })} placeholder="1 234,50" />
          <TextField path="pay.order" label="Платёжное поручение №" required errors={errors} value={d.order} onChange={(order) => setD({ ...d, order })} />
          <SelectField
            path="pay.actId"
            label="По акту"
            errors={errors}
            value={d.actId}
            onChange={(actId) => setD({ ...d, actId })}
            options={[{ value: '', label: '— не указан —' }, ...card.acts.map((a) => ({ value: a.id, label: `№ ${a.number} от ${dayShort(a.date)} (${formatMoney(a.amount)})` }))]}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Внесение…' : 'Внести платёж'}
          </button>
        </div>
      </form>
      {card.payments.length === 0 ? (
        <div className="empty">Оплат пока нет.</div>
      ) : (
        <table className="data-table ct-payments">
          <thead>
            <tr>
              <th scope="col">Дата</th>
              <th scope="col">Платёжное поручение</th>
              <th scope="col">Акт</th>
              <th scope="col" className="ct-num">Сумма</th>
              <th scope="col" aria-label="Действия" />
            </tr>
          </thead>
          <tbody>
            {card.payments.map((p) => (
              <tr key={p.id}>
                <td>{dayShort(p.date)}</td>
                <td>№ {p.order}</td>
                <td>{p.actId && acts.get(p.actId) ? `№ ${acts.get(p.actId)!.number}` : <span className="muted">—</span>}</td>
                <td className="ct-num">{formatMoney(p.amount)}</td>
                <td className="ct-row-actions">
                  <button type="button" className="icon-button" aria-label={`Удалить платёж по п/п № ${p.order}`} title="Удалить" onClick={() => void remove(p.id)}>
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
