/** A new session: the form, «Создать» (Ctrl+S); it starts as «анонсирована». */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { ErrorSummary, fieldErrors, fieldId } from '../../shell/form-kit';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { localErrors, toSessionDraft, toSessionFields } from './session-draft';
import { SessionForm } from './SessionForm';

export function NewSessionPage() {
  const { timeZone } = useAppState();
  const toast = useToast();
  const [draft, setDraft] = useState(() => toSessionDraft(null, timeZone));
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(toSessionDraft(null, timeZone));
  useDirtyGuard(dirty && !busy, 'новой прямой линии');

  useEffect(() => document.getElementById(fieldId('startsAt'))?.focus(), []);

  const create = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const found = localErrors(draft);
    setLocal(found);
    if (Object.keys(found).length > 0) {
      setError(null);
      document.getElementById(fieldId(Object.keys(found)[0]!))?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.directLines.create(toSessionFields(draft, timeZone));
      toast('Прямая линия создана: статус «анонсирована».');
      await navigate(`/direct-lines/${created.id}`, { replace: true, force: true });
    } catch (err) {
      setError(err);
      setBusy(false);
      const first = Object.keys(fieldErrors(err))[0];
      window.setTimeout(() => document.getElementById(first ? fieldId(first) : 'dl-new-errors')?.focus());
    }
  };

  useCommand('save', () => void create());
  useCommand('close', () => void navigate('/direct-lines'));

  return (
    <div className="page dl-page">
      <header className="page-header">
        <button type="button" className="button button-quiet dl-back" onClick={() => void navigate('/direct-lines')}>
          ← Прямые линии
        </button>
        <h1>Новая прямая линия</h1>
      </header>
      <form className="panel dl-new-form" onSubmit={create} noValidate>
        <div id="dl-new-errors" tabIndex={-1}>
          <ErrorSummary error={error} />
        </div>
        <SessionForm draft={draft} onChange={setDraft} errors={{ ...fieldErrors(error), ...local }} timeZone={timeZone} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} title="Создать (Ctrl+S)">
            {busy ? 'Сохранение…' : 'Создать'} <kbd>Ctrl+S</kbd>
          </button>
          <button type="button" className="button" onClick={() => void navigate('/direct-lines')}>
            Отмена <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
