/** Editing the session's own fields beside the questions (Ctrl+S saves, Esc closes). */
import { useEffect, useState, type FormEvent } from 'react';
import type { DirectLine } from '../../../electron/backend/features/direct-lines/api-types';
import { api } from '../../api';
import { useCommand } from '../../shell/commands';
import { ErrorSummary, fieldErrors, fieldId } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { localErrors, toSessionDraft, toSessionFields } from './session-draft';
import { SessionForm } from './SessionForm';

interface Props {
  session: DirectLine;
  timeZone: string;
  onSaved(): void;
  onClose(): void;
  onDirty(dirty: boolean): void;
}

export function SessionDetailsPanel({ session, timeZone, onSaved, onClose, onDirty }: Props) {
  const toast = useToast();
  const [draft, setDraft] = useState(() => toSessionDraft(session, timeZone));
  const [saved, setSaved] = useState(() => JSON.stringify(toSessionDraft(session, timeZone)));
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== saved;
  useEffect(() => onDirty(dirty), [dirty]);
  useEffect(() => document.getElementById(fieldId('startsAt'))?.focus(), []);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const found = localErrors(draft);
    setLocal(found);
    if (Object.keys(found).length > 0) return document.getElementById(fieldId(Object.keys(found)[0]!))?.focus();
    setBusy(true);
    try {
      const result = await api.directLines.update({ id: session.id, ...toSessionFields(draft, timeZone) });
      const next = toSessionDraft(result, timeZone);
      setDraft(next);
      setSaved(JSON.stringify(next));
      setError(null);
      toast('Сведения о прямой линии сохранены.');
      onSaved();
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      window.setTimeout(() => document.getElementById(first ? fieldId(first) : 'dl-details-errors')?.focus());
    } finally {
      setBusy(false);
    }
  };

  useCommand('save', () => void save());
  useCommand('close', onClose);

  return (
    <aside className="dl-side" aria-labelledby="dl-details-title">
      <header className="dl-side-header">
        <h2 id="dl-details-title">Сведения о прямой линии</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Закрыть сведения (Esc)" title="Закрыть (Esc)">
          ×
        </button>
      </header>
      <form className="dl-side-body" onSubmit={save} noValidate>
        <div id="dl-details-errors" tabIndex={-1}>
          <ErrorSummary error={error} />
        </div>
        <SessionForm draft={draft} onChange={setDraft} errors={{ ...fieldErrors(error), ...local }} timeZone={timeZone} />
        <div className="form-actions dl-save-row">
          <button type="submit" className="button button-primary" disabled={busy} title="Сохранить (Ctrl+S)">
            {busy ? 'Сохранение…' : 'Сохранить'} <kbd>Ctrl+S</kbd>
          </button>
          {dirty && <span className="dirty-note">Не сохранено</span>}
        </div>
      </form>
    </aside>
  );
}
