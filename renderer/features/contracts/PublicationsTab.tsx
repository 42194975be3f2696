/** Publications under the contract: the add form (live cost from the tariff) and the log with cost and act. */
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../electron/backend/errors';
import { actKinds, actKindsShort, publicationKinds, type ActKind, type PublicationKind } from '../../../electron/backend/features/contracts/schema';
import type { Quote } from '../../../electron/backend/features/contracts/tariff';
import type { ContractCard } from '../../../electron/backend/features/contracts/types';
import { dayShort } from '../../../electron/backend/features/contracts/days';
import { formatInt, formatMoney } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { CheckboxField, ErrorSummary, SelectField, TextField } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { focusFirst, localError, prefixedErrors } from './form-bits';
import { parseRubles, parseWhole } from './money';
import { todayIso } from './parts';

const P = 'pub';
const opts = <T extends Record<string, string>>(labels: T) => Object.entries(labels).map(([value, label]) => ({ value: value as keyof T & string, label }));

interface Draft {
  date: string;
  issue: string;
  kind: PublicationKind;
  title: string;
  actKind: ActKind;
  actNumber: string;
  actSignedOn: string;
  volume: string;
  color: boolean;
  override: boolean;
  overrideAmount: string;
  overrideReason: string;
}

const empty = (date: string): Draft => ({
  date,
  issue: '',
  kind: 'act',
  title: '',
  actKind: 'resolution',
  actNumber: '',
  actSignedOn: '',
  volume: '',
  color: false,
  override: false,
  overrideAmount: '',
  overrideReason: '',
});

function AddPublication({ card, onAdded, onClose }: { card: ContractCard; onAdded: () => Promise<unknown>; onClose: () => void }) {
  const { timeZone } = useAppState();
  const toast = useToast();
  const today = todayIso(timeZone);
  const [d, setD] = useState<Draft>(() => empty(today < card.termStart ? card.termStart : today > card.termEnd ? card.termEnd : today));
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }));

  // Live preview: what the tariff says for this volume and colour.
  useEffect(() => {
    const v = parseWhole(d.volume);
    if (!v.ok || v.value < 1) return setQuote(null);
    let stale = false;
    const t = window.setTimeout(() => {
      api.contracts
        .quote({ contractId: card.id, volume: v.value, color: d.color })
        .then((q) => !stale && setQuote(q))
        .catch(() => !stale && setQuote(null));
    }, 150);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [d.volume, d.color, card.id]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const issues: FieldIssue[] = [];
    const v = parseWhole(d.volume);
    if (!v.ok) issues.push({ field: 'volume', label: 'Объём', message: v.error });
    let override: { amount: number; reason: string } | null = null;
    if (d.override) {
      const m = parseRubles(d.overrideAmount);
      if (!m.ok) issues.push({ field: 'override.amount', label: 'Стоимость вручную', message: m.error });
      if (!d.overrideReason.trim()) issues.push({ field: 'override.reason', label: 'Причина изменения стоимости', message: 'укажите, почему стоимость не по тарифу' });
      override = { amount: m.ok ? m.kopecks : 0, reason: d.overrideReason };
    }
    const fail = (err: unknown) => (setError(err), focusFirst(err, P, 'pub-errors'));
    if (issues.length) return fail(localError(issues));
    setBusy(true);
    try {
      const result = await api.contracts.addPublication({
        contractId: card.id,
        date: d.date,
        issue: d.issue,
        kind: d.kind,
        title: d.title,
        act: d.kind === 'act' ? { kind: d.actKind, number: d.actNumber, signedOn: d.actSignedOn, title: '' } : null,
        volume: v.ok ? v.value : 0,
        color: d.color,
        override,
      });
      setError(null);
      await onAdded();
      const serious = result.warnings.filter((w) => w.severity !== 'info');
      toast(`Публикация добавлена: ${formatMoney(result.publication.cost)}.${serious.length ? ` ${serious[0]!.message}` : ''}`);
      setD((prev) => ({ ...empty(prev.date), issue: prev.issue, kind: prev.kind }));
      setQuote(null);
      window.setTimeout(() => document.getElementById('f-pub-title')?.focus());
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  useCommand('save', () => void submit());
  useCommand('close', onClose);

  const errors = prefixedErrors(error, P);
  const u = card.unit.short;
  return (
    <form className="ct-add" onSubmit={submit} noValidate aria-label="Новая публикация">
      <h3>Новая публикация</h3>
      <div id="pub-errors" tabIndex={-1}>
        <ErrorSummary error={error} title="Публикация не добавлена" />
      </div>
      <div className="field-row">
        <TextField path="pub.date" label="Дата публикации" type="date" required errors={errors} value={d.date} onChange={set('date')} />
        <TextField path="pub.issue" label="Номер выпуска" errors={errors} value={d.issue} onChange={set('issue')} placeholder="№ 12 (1234)" />
        <SelectField path="pub.kind" label="Что опубликовано" errors={errors} value={d.kind} onChange={set('kind')} options={opts(publicationKinds)} />
      </div>
      <TextField path="pub.title" label="Наименование материала" required errors={errors} value={d.title} onChange={set('title')} autoFocus placeholder="О внесении изменений в …" />
      {d.kind === 'act' && (
        <div className="field-row ct-act-fields">
          <SelectField path="pub.act.kind" label="Вид акта" errors={errors} value={d.actKind} onChange={set('actKind')} options={opts(actKinds)} />
          <TextField path="pub.act.number" label="Номер акта" required errors={errors} value={d.actNumber} onChange={set('actNumber')} placeholder="123-п" />
          <TextField path="pub.act.signedOn" label="Дата подписания" type="date" required errors={errors} value={d.actSignedOn} onChange={set('actSignedOn')} />
        </div>
      )}
      {errors['pub.act'] && <div className="field-error">{errors['pub.act']}</div>}
      <div className="field-row ct-volume-row">
        <TextField path="pub.volume" label={`Объём, ${u || 'ед.'}`} required errors={errors} value={d.volume} onChange={set('volume')} placeholder="120" />
        <CheckboxField path="pub.color" label="В цвете" errors={errors} checked={d.color} onChange={set('color')} />
        <div className="ct-quote" aria-live="polite" data-testid="ct-quote">
          {quote ? (
            <>
              <span className="ct-quote-label">По тарифу:</span> <strong>{formatMoney(quote.cost)}</strong>
              <div className="cell-sub">{quote.text}</div>
            </>
          ) : (
            <span className="muted">Стоимость появится, когда введёте объём.</span>
          )}
        </div>
      </div>
      <CheckboxField path="pub.overrideOn" label="Стоимость вручную (не по тарифу)" errors={errors} checked={d.override} onChange={set('override')} />
      {d.override && (
        <div className="field-row">
          <TextField path="pub.override.amount" label="Стоимость, ₽" required errors={errors} value={d.overrideAmount} onChange={set('overrideAmount')} placeholder="1 234,50" />
          <TextField path="pub.override.reason" label="Причина" required errors={errors} value={d.overrideReason} onChange={set('overrideReason')} placeholder="Скидка по письму редакции от …" />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} title="Добавить (Ctrl+S)">
          {busy ? 'Добавление…' : 'Добавить публикацию'}
        </button>
        <button type="button" className="button" onClick={onClose} title="Закрыть (Esc)">
          Закрыть
        </button>
      </div>
    </form>
  );
}

export function PublicationsTab({ card, reload, addOpen, setAddOpen }: { card: ContractCard; reload: () => Promise<unknown>; addOpen: boolean; setAddOpen: (v: boolean) => void }) {
  const toast = useToast();
  const u = card.unit.short;
  const remove = async (id: string) => {
    try {
      await api.contracts.removePublication({ id });
      await reload();
      toast('Публикация удалена.');
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    }
  };
  const rows = [...card.publications].reverse();
  return (
    <div className="ct-tab">
      {addOpen ? (
        <AddPublication card={card} onAdded={reload} onClose={() => setAddOpen(false)} />
      ) : (
        <div className="ct-tab-actions">
          <button type="button" className="button button-primary" onClick={() => setAddOpen(true)} disabled={card.status !== 'active'} title="Новая публикация (Ctrl+N)">
            + Публикация
          </button>
          {card.status !== 'active' && <span className="muted">Контракт {card.statusLabel}: новые публикации не вносятся.</span>}
        </div>
      )}
      {rows.length === 0 ? (
        <div className="empty">Публикаций пока нет.</div>
      ) : (
        <table className="data-table ct-pubs">
          <thead>
            <tr>
              <th scope="col">Дата</th>
              <th scope="col">Выпуск</th>
              <th scope="col">Материал</th>
              <th scope="col" className="ct-num">Объём, {u}</th>
              <th scope="col" className="ct-num">Стоимость</th>
              <th scope="col">Акт</th>
              <th scope="col" aria-label="Действия" />
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-id={p.id}>
                <td>{dayShort(p.date)}</td>
                <td>{p.issue || <span className="muted">—</span>}</td>
                <td>
                  {p.title}
                  <div className="cell-sub">
                    {p.act ? `${actKindsShort[p.act.kind]} от ${dayShort(p.act.signedOn)} № ${p.act.number}` : publicationKinds[p.kind]}
                    {p.color && ' · в цвете'}
                  </div>
                </td>
                <td className="ct-num">{formatInt(p.volume)}</td>
                <td className="ct-num">
                  {formatMoney(p.cost)}
                  {p.override && (
                    <div className="cell-sub" title={p.override.reason}>
                      вручную (по тарифу {formatMoney(p.tariffCost)}): {p.override.reason}
                    </div>
                  )}
                </td>
                <td>{p.coveredBy ? `в акте № ${p.coveredBy.number}` : <span className="ct-badge ct-badge-info">нет акта</span>}</td>
                <td className="ct-row-actions">
                  {!p.coveredBy && (
                    <button type="button" className="icon-button" aria-label={`Удалить публикацию «${p.title}»`} title="Удалить" onClick={() => void remove(p.id)}>
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
