/** Настройки: the organisation and staff (same form as on first start) and the data folder. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { ErrorSummary, fieldErrors, fieldId } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { DataPanel } from './DataPanel';
import { toDraft, toInput } from './draft';
import { OrganisationForm } from './OrganisationForm';
import { SettingsTabs } from './SettingsTabs';
import './settings.css';

/** Each row: alternative key combinations, and what they do. */
const shortcuts: [string[], string][] = [
  [['Ctrl+1…9', 'Alt+1…9'], 'перейти к разделу'],
  [['Ctrl+K', '/'], 'поиск по всем разделам'],
  [['Ctrl+N'], 'новая запись в текущем разделе'],
  [['Ctrl+S'], 'сохранить открытую карточку'],
  [['Esc'], 'закрыть карточку или список'],
];

export function SettingsPage({ focusStaffId }: { focusStaffId?: string }) {
  const { settings, setSettings } = useAppState();
  const toast = useToast();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [saved, setSaved] = useState(() => JSON.stringify(toDraft(settings)));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(draft) !== saved;
  useDirtyGuard(dirty, 'настройках');

  // A settings reload from outside (import, demo) replaces an untouched form.
  useEffect(() => {
    if (!dirty) {
      setDraft(toDraft(settings));
      setSaved(JSON.stringify(toDraft(settings)));
    }
  }, [settings]);

  useEffect(() => {
    if (!focusStaffId) return;
    const i = draft.staff.findIndex((s) => s.id === focusStaffId);
    const input = document.getElementById(fieldId(`staff.${i}.name`));
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  }, [focusStaffId]);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      const result = await api.settings.save(toInput(draft));
      setSettings(result);
      setDraft(toDraft(result));
      setSaved(JSON.stringify(toDraft(result)));
      setError(null);
      toast('Настройки сохранены.');
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      if (first) window.setTimeout(() => document.getElementById(fieldId(first))?.focus());
    } finally {
      setSaving(false);
    }
  };
  useCommand('save', () => void save());

  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1>Настройки</h1>
        <SettingsTabs active="" />
      </header>
      <div className="settings-columns">
        <section className="panel" aria-labelledby="org-title">
          <h2 id="org-title">Организация и сотрудники</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            noValidate
          >
            <ErrorSummary error={error} />
            <OrganisationForm value={draft} onChange={setDraft} errors={fieldErrors(error)} />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={saving}>
                {saving ? 'Сохранение…' : 'Сохранить'}
              </button>
              {dirty && <span className="dirty-note">Есть несохранённые изменения</span>}
            </div>
          </form>
        </section>
        <div className="settings-side">
          <DataPanel />
          <section className="panel" aria-labelledby="keys-title">
            <h2 id="keys-title">Клавиатура</h2>
            <dl className="shortcuts">
              {shortcuts.map(([keys, what]) => (
                <div key={what}>
                  <dt>
                    {keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && 'или '}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
