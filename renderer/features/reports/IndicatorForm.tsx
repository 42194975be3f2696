/** Adding or editing one indicator row; the backend's errors appear at the fields they name. */
import { useMemo, useState } from 'react';
import type { IndicatorKind } from '../../../electron/backend/features/reports/api-types';
import { call } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { ErrorSummary, fieldErrors, fieldId, SelectField, TextField } from '../../shell/form-kit';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { platformOptions, rowOf, valuesOf, type FieldSpec } from './indicator-fields';
import type { IndicatorRow } from './types';

export function IndicatorForm(props: { kind: IndicatorKind; fields: FieldSpec[]; row: IndicatorRow | null; onDone: (saved: IndicatorRow | null) => void }) {
  const { kind, fields, row, onDone } = props;
  const { timeZone } = useAppState();
  const initial = useMemo(() => valuesOf(fields, row, timeZone), [fields, row, timeZone]);
  const [values, setValues] = useState(initial);
  const dirty = fields.some((f) => (values[f.name] ?? '') !== (initial[f.name] ?? ''));
  const confirm = useConfirm();
  useDirtyGuard(dirty, 'строке показателя');
  const cancel = async () => {
    if (dirty && !(await confirm({ title: 'Строка не сохранена', message: 'Введённые значения пропадут.', confirmLabel: 'Закрыть без сохранения', cancelLabel: 'Остаться', danger: true }))) return;
    onDone(null);
  };
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const saved = await call('reports.indicators.save', { kind, row: rowOf(fields, values, row?.id) as { id?: string } });
      onDone(saved);
    } catch (err) {
      setError(err);
      const first = fieldErrors(err);
      const name = Object.keys(first)[0]?.replace(/^row\./, '');
      if (name) window.setTimeout(() => document.getElementById(fieldId(name))?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };
  useCommand('save', () => void save());
  useCommand('close', () => void cancel());

  // The backend names fields either as «count» or «row.count».
  const raw = fieldErrors(error);
  const errors = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^row\./, ''), v]));
  const set = (name: string) => (v: string) => setValues((all) => ({ ...all, [name]: v }));

  return (
    <form
      className="rp-ind-form"
      aria-label={row ? 'Изменить строку' : 'Новая строка'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{row ? 'Изменить строку' : 'Новая строка'}</h3>
      <ErrorSummary error={error} />
      <div className="rp-ind-fields">
        {fields.map((f, i) =>
          f.type === 'platform' ? (
            <SelectField key={f.name} path={f.name} label={f.label} errors={errors} required value={values[f.name] ?? ''} onChange={set(f.name)} options={platformOptions} />
          ) : (
            <TextField
              key={f.name}
              path={f.name}
              label={f.label}
              errors={errors}
              required={f.required}
              className={f.type === 'long' ? 'rp-ind-long' : undefined}
              type={f.type === 'date' ? 'date' : 'text'}
              value={values[f.name] ?? ''}
              onChange={set(f.name)}
              autoFocus={i === 0}
              placeholder={f.type === 'count' ? '0' : undefined}
            />
          ),
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} title="Ctrl+S">
          {busy ? 'Сохранение…' : 'Сохранить'}
        </button>
        <button type="button" className="button" onClick={() => void cancel()} title="Esc">
          Отмена
        </button>
      </div>
    </form>
  );
}
