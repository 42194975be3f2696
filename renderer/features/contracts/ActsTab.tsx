/** Acts of acceptance: add (number, date, period; volume and amount prefilled from the period's publications) and list. */
import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../electron/backend/errors';
import type { ContractCard } from '../../../electron/backend/features/contracts/types';
import { dayShort } from '../../../electron/backend/features/contracts/days';
import { formatInt, formatMoney } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { ErrorSummary, TextField } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { focusFirst, localError, prefixedErrors } from './form-bits';
import { parseRubles, parseWhole, rublesText } from './money';
import { todayIso } from './parts';

/** The first day after the last act, or the term's start. */
const nextFrom = (card: ContractCard) => {
  const last = card.acts.map((a) => a.periodTo).sort().at(-1);
  if (!last) return card.termStart;
  const d = new Date(`${last}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export function ActsTab({ card, setCard }: { card: ContractCard; setCard: (c: ContractCard) => void }) {
  const { timeZone } = useAppState();
  const toast = useToast();
  const today = todayIso(timeZone);
  const [d, setD] = useState(() => ({ number: String(card.acts.length + 1), date: today, periodFrom: nextFrom(card), periodTo: today > card.termEnd ? card.termEnd : today }));
  const [volume, setVolume] = useState<string | null>(null);
  const [amount, setAmount] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const inPeriod = card.publications.filter((p) => p.date >= d.periodFrom && p.date <= d.periodTo);
  const sums = { count: inPeriod.length, volume: inPeriod.reduce((s, p) => s + p.volume, 0), amount: inPeriod.reduce((s, p) => s + p.cost, 0) };
  const volumeText = volume ?? (sums.count ? String(sums.volume) : '');
  const amountText = amount ?? (sums.count ? rublesText(sums.amount) : '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const issues: FieldIssue[] = [];
    const v = volumeText.trim() ? parseWhole(volumeText) : null;
    if (v && !v.ok) issues.push({ field: 'volume', label: 'Объём по акту', message: v.error });
    const m = amountText.trim() ? parseRubles(amountText) : null;
    if (m && !m.ok) issues.push({ field: 'amount', label: 'Сумма по акту', message: m.error });
    const fail = (err: unknown) => (setError(err), focusFirst(err, 'act', 'act-errors'));
    if (issues.length) return fail(localError(issues));
    setBusy(true);
    try {
      const next = await api.contracts.addAct({
        contractId: card.id,
        ...d,
        volume: v?.ok ? v.value : undefined,
        amount: m?.ok ? m.kopecks : undefined,
      });
      setCard(next);
      setError(null);
      toast(`Акт № ${d.number} добавлен.`);
      setD({ ...d, number: String(next.acts.length + 1), periodFrom: nextFrom(next) });
      setVolume(null);
      setAmount(null);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      setCard(await api.contracts.removeAct({ id }));
      toast('Акт удалён.');
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };

  const errors = prefixedErrors(error, 'act');
  const u = card.unit.short;
  return (
    <div className="ct-tab">
      <form className="ct-add" onSubmit={submit} noValidate aria-label="Новый акт">
        <h3>Новый акт выполненных работ</h3>
        <div id="act-errors" tabIndex={-1}>
          <ErrorSummary error={error} title="Акт не добавлен" />
        </div>
        <div className="field-row">
          <TextField path="act.number" label="Номер акта" required errors={errors} value={d.number} onChange={(number) => setD({ ...d, number })} />
          <TextField path="act.date" label="Дата акта" type="date" required errors={errors} value={d.date} onChange={(date) => setD({ ...d, date })} />
          <TextField path="act.periodFrom" label="Период с" type="date" required errors={errors} value={d.periodFrom} onChange={(periodFrom) => setD({ ...d, periodFrom })} />
          <TextField path="act.periodTo" label="по" type="date" required errors={errors} value={d.periodTo} onChange={(periodTo) => setD({ ...d, periodTo })} />
        </div>
        <div className="field-row">
          <TextField path="act.volume" label={`Объём по акту, ${u || 'ед.'}`} errors={errors} value={volumeText} onChange={setVolume} hint={`За период: ${sums.count} публ., ${formatInt(sums.volume)} ${u}`} />
          <TextField path="act.amount" label="Сумма по акту, ₽" errors={errors} value={amountText} onChange={setAmount} hint={`За период: ${formatMoney(sums.amount)}`} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Добавление…' : 'Добавить акт'}
          </button>
        </div>
      </form>
      {card.acts.length === 0 ? (
        <div className="empty">Актов пока нет.</div>
      ) : (
        <table className="data-table ct-acts">
          <thead>
            <tr>
              <th scope="col">Акт</th>
              <th scope="col">Период</th>
              <th scope="col" className="ct-num">Публикаций</th>
              <th scope="col" className="ct-num">Объём, {u}</th>
              <th scope="col" className="ct-num">Сумма</th>
              <th scope="col" className="ct-num">Оплачено</th>
              <th scope="col" aria-label="Действия" />
            </tr>
          </thead>
          <tbody>
            {card.acts.map((a) => (
              <tr key={a.id}>
                <td>
                  № {a.number} от {dayShort(a.date)}
                </td>
                <td>
                  {dayShort(a.periodFrom)} — {dayShort(a.periodTo)}
                </td>
                <td className="ct-num">{a.publications}</td>
                <td className="ct-num">{formatInt(a.volume)}</td>
                <td className="ct-num">
                  {formatMoney(a.amount)}
                  {a.amount !== a.publicationsAmount && <div className="cell-sub ct-negative">публикации: {formatMoney(a.publicationsAmount)}</div>}
                </td>
                <td className="ct-num">{formatMoney(a.paid)}</td>
                <td className="ct-row-actions">
                  <button type="button" className="icon-button" aria-label={`Удалить акт № ${a.number}`} title="Удалить" onClick={() => void remove(a.id)}>
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
