/** The report's addressee (its title page: «Совету депутатов …»), a setting kept by reports.settings. */
import { useState } from 'react';
import { call } from '../../api';
import { ErrorSummary } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';

export function CouncilName({ initial, onSaved }: { initial: string; onSaved: (name: string) => void }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<unknown>(null);

  const save = async () => {
    try {
      const saved = await call('reports.settings.save', { councilName: value });
      setError(null);
      setEditing(false);
      onSaved(saved.councilName);
      toast('Адресат отчёта сохранён.');
    } catch (err) {
      setError(err);
    }
  };

  if (!editing)
    return (
      <div className="rp-council">
        <span className="cell-sub">Кому адресован отчёт</span>
        <div className="rp-council-name">{initial || 'не указано'}</div>
        <button type="button" className="button button-small" onClick={() => (setValue(initial), setEditing(true))}>
          Изменить
        </button>
      </div>
    );
  return (
    <form
      className="rp-council"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          setEditing(false);
        }
      }}
    >
      <label htmlFor="rp-council-input" className="cell-sub">
        Кому адресован отчёт
      </label>
      <textarea id="rp-council-input" rows={3} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
      <ErrorSummary error={error} />
      <div className="rp-council-buttons">
        <button type="submit" className="button button-small button-primary">
          Сохранить
        </button>
        <button type="button" className="button button-small" onClick={() => setEditing(false)}>
          Отмена
        </button>
      </div>
    </form>
  );
}
