/** First start (no settings yet): who the app works for, or a demo town to look around. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { Banners } from '../../shell/Banners';
import { ErrorSummary, fieldErrors, fieldId } from '../../shell/form-kit';
import { toDraft, toInput } from './draft';
import { OrganisationForm } from './OrganisationForm';
import './settings.css';

export function WelcomePage() {
  const { status, timeZone, setSettings, reloadAll } = useAppState();
  const [draft, setDraft] = useState(() => toDraft(null));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'' | 'save' | 'demo'>('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    try {
      setSettings(await api.settings.save(toInput(draft)));
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      window.setTimeout(() => document.getElementById(first ? fieldId(first) : 'welcome-errors')?.focus());
    } finally {
      setBusy('');
    }
  };

  const openDemo = async () => {
    setBusy('demo');
    try {
      await api.system.fillDemo({ years: 1 });
      await reloadAll();
    } catch (err) {
      setError(err);
      setBusy('');
    }
  };

  return (
    <div className="welcome">
      <Banners status={status} timeZone={timeZone} />
      <main className="welcome-card">
        <h1>Добро пожаловать в Пресс-деск</h1>
        <p className="welcome-lead">
          Программа пресс-службы администрации: мероприятия, релизы, прямые линии, контракты со СМИ и годовой отчёт. Для начала укажите организацию и
          сотрудников — всё это можно изменить позже в разделе «Настройки».
        </p>
        <form onSubmit={submit} noValidate>
          <div id="welcome-errors" tabIndex={-1}>
            <ErrorSummary error={error} title="Проверьте данные" />
          </div>
          <OrganisationForm value={draft} onChange={setDraft} errors={fieldErrors(error)} />
          <div className="form-actions welcome-actions">
            <button type="submit" className="button button-primary" disabled={!!busy}>
              {busy === 'save' ? 'Сохранение…' : 'Начать работу'}
            </button>
            <button type="button" className="button" onClick={openDemo} disabled={!!busy}>
              {busy === 'demo' ? 'Заполнение…' : 'Открыть демонстрационный город'}
            </button>
          </div>
          <p className="welcome-note">
            Демонстрационный город заполнит программу примерными данными, чтобы посмотреть её в работе. Папка данных: <code>{status.dataDir}</code>
          </p>
        </form>
      </main>
    </div>
  );
}
