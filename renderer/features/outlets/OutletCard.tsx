/** One outlet, opened beside the list: edit, save (button or Ctrl+S), archive or restore. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Outlet } from '../../../electron/backend/api';
import { outletKinds, type OutletKind } from '../../../electron/backend/features/outlets/schema';
import { formatDateTime } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { CheckboxField, ErrorSummary, fieldErrors, fieldId, SelectField, TextArea, TextField } from '../../shell/form-kit';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { ContactsEditor } from './ContactsEditor';
import { fingerprint, toDraft, toFields, type OutletDraft } from './draft';

const kindOptions = Object.entries(outletKinds).map(([value, label]) => ({ value: value as OutletKind, label }));

interface Props {
  id: string;
  onSaved(outlet: Outlet, created: boolean): void;
  onArchived(outlet: Outlet): void;
  onClose(): void;
}

export function OutletCard({ id, onSaved, onArchived, onClose }: Props) {
  const { timeZone } = useAppState();
  const confirm = useConfirm();
  const isNew = id === 'new';
  const [outlet, setOutlet] = useState<Outlet | null>(null);
  const [draft, setDraft] = useState<OutletDraft>(() => toDraft(null));
  const [savedPrint, setSavedPrint] = useState(() => fingerprint(toDraft(null)));
  const [loadError, setLoadError] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const dirty = fingerprint(draft) !== savedPrint;
  useDirtyGuard(dirty);

  const show = (o: Outlet | null) => {
    setOutlet(o);
    setDraft(toDraft(o));
    setSavedPrint(fingerprint(toDraft(o)));
    setError(null);
  };

  useEffect(() => {
    setLoadError('');
    if (isNew) {
      show(null);
      window.setTimeout(() => document.getElementById(fieldId('name'))?.focus());
      return;
    }
    if (outlet?.id === id) return; // just created: already here
    let stale = false;
    api.outlets
      .get({ id })
      .then((o) => {
        if (stale) return;
        show(o);
        heading.current?.focus();
      })
      .catch((err: Error) => !stale && setLoadError(err.message));
    return () => {
      stale = true;
    };
  }, [id]);

  // Until the outlet asked for has arrived, the form holds nothing of it (or the previous one's
  // fields): it is not shown, and a save would write the wrong fields under this id.
  const loading = !isNew && outlet?.id !== id && !loadError;

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || loadError || loading) return;
    setBusy(true);
    try {
      const result = isNew ? await api.outlets.create(toFields(draft)) : await api.outlets.update({ ...toFields(draft), id });
      show(result);
      onSaved(result, isNew);
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      window.setTimeout(() => document.getElementById(first ? fieldId(first) : 'outlet-errors')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const toggleArchive = async () => {
    if (!outlet) return;
    if (dirty) {
      const ok = await confirm({
        title: 'Изменения не сохранены',
        message: 'В карточке есть несохранённые изменения. Они пропадут, если продолжить.',
        confirmLabel: outlet.archived ? 'Вернуть без сохранения' : 'В архив без сохранения',
        danger: true,
      });
      if (!ok) return;
    }
    setBusy(true);
    try {
      const updated = await api.outlets.archive({ id: outlet.id, archived: !outlet.archived });
      show(updated); // also drops unsaved edits, so closing does not ask again
      onArchived(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  useCommand('save', () => void save());
  useCommand('close', onClose);

  const errors = fieldErrors(error);
  const title = isNew ? 'Новое СМИ' : loading ? 'Загрузка…' : (outlet?.name ?? 'СМИ');

  return (
    <aside className="card-panel" aria-labelledby="outlet-card-title">
      <header className="card-header">
        <h2 id="outlet-card-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {outlet?.archived && <span className="badge badge-muted">В архиве</span>}
        <button type="button" className="icon-button" onClick={onClose} aria-label="Закрыть карточку (Esc)" title="Закрыть (Esc)">
          ×
        </button>
      </header>
      {loadError ? (
        <div className="card-body">
          <p className="error-summary" role="alert">
            {loadError}
          </p>
        </div>
      ) : loading ? (
        <div className="card-body">
          <p className="muted">Загрузка…</p>
        </div>
      ) : (
        <form className="card-form" onSubmit={save} noValidate>
          <div className="card-body">
            <div id="outlet-errors" tabIndex={-1}>
              <ErrorSummary error={error} />
            </div>
            <TextField path="name" label="Название СМИ" required errors={errors} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} placeholder="Газета «Маяк труда»" />
            <SelectField path="kind" label="Вид СМИ" errors={errors} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} options={kindOptions} />
            <CheckboxField
              path="officialPublisher"
              label="Официальный публикатор муниципальных правовых актов"
              errors={errors}
              checked={draft.officialPublisher}
              onChange={(officialPublisher) => setDraft({ ...draft, officialPublisher })}
            />
            <TextField path="address" label="Адрес" errors={errors} value={draft.address} onChange={(address) => setDraft({ ...draft, address })} />
            <TextField path="website" label="Сайт" type="url" errors={errors} value={draft.website} onChange={(website) => setDraft({ ...draft, website })} placeholder="https://" />
            <ContactsEditor contacts={draft.contacts} onChange={(contacts) => setDraft({ ...draft, contacts })} errors={errors} />
            <TextArea path="notes" label="Заметки" errors={errors} value={draft.notes} onChange={(notes) => setDraft({ ...draft, notes })} />
            {outlet && (
              <p className="meta">
                Создано {formatDateTime(outlet.createdAt, timeZone)} · изменено {formatDateTime(outlet.updatedAt, timeZone)}
              </p>
            )}
          </div>
          <footer className="card-actions">
            <button type="submit" className="button button-primary" disabled={busy} title="Сохранить (Ctrl+S)">
              {busy ? 'Сохранение…' : 'Сохранить'}
            </button>
            {outlet && (
              <button type="button" className="button" onClick={toggleArchive} disabled={busy}>
                {outlet.archived ? 'Вернуть из архива' : 'В архив'}
              </button>
            )}
            {dirty && <span className="dirty-note">Не сохранено</span>}
          </footer>
        </form>
      )}
    </aside>
  );
}
