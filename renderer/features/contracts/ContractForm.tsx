/** The contract's header: number, date, counterparty, subject, method, price, unit and volume, tariff, term. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Outlet } from '../../../electron/backend/api';
import { contractLaws, procurementMethods, type Contract } from '../../../electron/backend/features/contracts/schema';
import type { ContractCard, UnitInUse } from '../../../electron/backend/features/contracts/types';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { ErrorSummary, fieldErrors, fieldId, SelectField, TextArea, TextField } from '../../shell/form-kit';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { fingerprint, toDraft, toFields, type ContractDraft } from './draft';
import { todayIso } from './parts';
import { TariffEditor } from './TariffEditor';

const options = <T extends Record<string, string>>(labels: T) => Object.entries(labels).map(([value, label]) => ({ value: value as keyof T & string, label }));

export function ContractForm({ contract, onSaved, onCancel }: { contract: Contract | null; onSaved: (card: ContractCard) => void; onCancel?: () => void }) {
  const { timeZone } = useAppState();
  const today = todayIso(timeZone);
  const [draft, setDraft] = useState<ContractDraft>(() => toDraft(contract, today));
  const [saved, setSaved] = useState(() => fingerprint(toDraft(contract, today)));
  const [outlets, setOutlets] = useState<Outlet[]>([]);
  const [units, setUnits] = useState<UnitInUse[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const dirty = fingerprint(draft) !== saved;
  useDirtyGuard(dirty, 'карточке контракта');

  useEffect(() => {
    void api.outlets.list({ query: '', archived: 'active' }).then(setOutlets);
    void api.contracts['units.list']().then(setUnits);
  }, []);
  useEffect(() => {
    const d = toDraft(contract, today);
    setDraft(d);
    setSaved(fingerprint(d));
  }, [contract]);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const parsed = toFields(draft);
    const fail = (err: unknown) => {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      window.setTimeout(() => document.getElementById(first ? fieldId(first) : 'ct-form-errors')?.focus());
    };
    if ('error' in parsed) return fail(parsed.error);
    setBusy(true);
    try {
      const card = contract ? await api.contracts.update({ ...parsed.fields, id: contract.id }) : await api.contracts.create(parsed.fields);
      setError(null);
      setSaved(fingerprint(draft));
      onSaved(card);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  useCommand('save', () => void save());

  const errors = fieldErrors(error);
  const set = <K extends keyof ContractDraft>(k: K) => (v: ContractDraft[K]) => setDraft({ ...draft, [k]: v });
  const unit = units.find((u) => u.id === draft.unitId)?.short ?? '';
  const outletOptions = [{ value: '', label: '— выберите СМИ из справочника —' }, ...outlets.map((o) => ({ value: o.id, label: o.name }))];
  if (contract && !outlets.some((o) => o.id === contract.outletId)) outletOptions.push({ value: contract.outletId, label: '(СМИ не в списке действующих)' });

  return (
    <form className="ct-form" onSubmit={save} noValidate aria-label="Условия контракта">
      <div id="ct-form-errors" tabIndex={-1}>
        <ErrorSummary error={error} />
      </div>
      <div className="field-row">
        <TextField path="number" label="Номер контракта" required errors={errors} value={draft.number} onChange={set('number')} placeholder="0117300012326000004" autoFocus={!contract} />
        <TextField path="date" label="Дата контракта" type="date" required errors={errors} value={draft.date} onChange={set('date')} />
        <SelectField path="law" label="Закон" errors={errors} value={draft.law} onChange={set('law')} options={options(contractLaws)} />
      </div>
      <TextField path="ikz" label="ИКЗ (идентификационный код закупки)" errors={errors} value={draft.ikz} onChange={set('ikz')} hint="36 цифр; можно не заполнять" />
      <SelectField path="outletId" label="Контрагент (СМИ)" required errors={errors} value={draft.outletId} onChange={set('outletId')} options={outletOptions} />
      <TextArea path="subject" label="Предмет контракта" errors={errors} value={draft.subject} onChange={set('subject')} rows={2} />
      <SelectField path="method" label="Способ закупки" errors={errors} value={draft.method} onChange={set('method')} options={options(procurementMethods)} />
      <div className="field-row">
        <TextField path="price" label="Цена контракта, ₽" required errors={errors} value={draft.price} onChange={set('price')} placeholder="1 234 567,89" />
        <SelectField path="unitId" label="Единица объёма" errors={errors} value={draft.unitId} onChange={set('unitId')} options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.short})` }))} />
        <TextField path="volume" label={`Плановый объём${unit ? `, ${unit}` : ''}`} required errors={errors} value={draft.volume} onChange={set('volume')} placeholder="10 000" />
      </div>
      <TariffEditor draft={draft} setDraft={setDraft} errors={errors} unit={unit} />
      <div className="field-row">
        <TextField path="termStart" label="Срок: с" type="date" required errors={errors} value={draft.termStart} onChange={set('termStart')} />
        <TextField path="termEnd" label="по" type="date" required errors={errors} value={draft.termEnd} onChange={set('termEnd')} />
      </div>
      <TextArea path="notes" label="Примечание" errors={errors} value={draft.notes} onChange={set('notes')} rows={2} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} title="Сохранить (Ctrl+S)">
          {busy ? 'Сохранение…' : contract ? 'Сохранить' : 'Создать контракт'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Отмена
          </button>
        )}
        {dirty && <span className="dirty-note">Не сохранено</span>}
      </div>
    </form>
  );
}
