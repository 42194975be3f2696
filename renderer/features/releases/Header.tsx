/** The top of the board and the list: view switch, «Я — …», «Новый релиз» (Ctrl+N) with the type chooser. */
import { useRef, useState, type ReactNode } from 'react';
import type { ReleaseOptions } from '../../../electron/backend/features/releases/types';
import type { ReleaseType } from '../../../electron/backend/features/releases/schema';
import { api } from '../../api';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { MeSelect } from './MeSelect';
import { useMe } from './me';
import { errorText } from './util';

let chooserRequested = false;
/** Ctrl+N from an open release: back to the releases with the type chooser open. */
export function requestNewRelease(): void {
  chooserRequested = true;
}

export function ReleasesHeader({ view, options, count, actions }: { view: 'board' | 'list'; options: ReleaseOptions | null; count?: ReactNode; actions?: ReactNode }) {
  const [choosing, setChoosing] = useState(() => {
    const requested = chooserRequested;
    chooserRequested = false;
    return requested;
  });
  useCommand('new', () => setChoosing(true));
  return (
    <header className="page-header">
      <h1>Релизы</h1>
      {count}
      <nav className="rl-views" aria-label="Вид">
        <a href="#/releases" className={view === 'board' ? 'active' : ''} aria-current={view === 'board' ? 'page' : undefined}>
          Доска
        </a>
        <a href="#/releases/list" className={view === 'list' ? 'active' : ''} aria-current={view === 'list' ? 'page' : undefined}>
          Список
        </a>
      </nav>
      <div className="page-actions">
        {options && <MeSelect staff={options.staff} />}
        {actions}
        <button type="button" className="button button-primary" onClick={() => setChoosing(true)} title="Новый релиз (Ctrl+N)">
          + Новый релиз
        </button>
      </div>
      {choosing && options && <NewReleaseDialog options={options} onClose={() => setChoosing(false)} />}
    </header>
  );
}

function NewReleaseDialog({ options, onClose }: { options: ReleaseOptions; onClose: () => void }) {
  const toast = useToast();
  const me = useMe(options.staff);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const open = (el: HTMLDialogElement | null) => {
    ref.current = el;
    if (el && !el.open) el.showModal();
  };
  const create = async (type: ReleaseType) => {
    setBusy(true);
    try {
      const r = await api.releases.create({ type, by: me, template: true });
      onClose();
      void navigate(`/releases/${r.id}`);
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
      setBusy(false);
    }
  };
  return (
    <dialog ref={open} className="confirm rl-dialog" aria-labelledby="rl-new-title" onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2 id="rl-new-title">Новый релиз</h2>
      <p className="muted">Выберите вид: текст заполнится шаблоном с реквизитами организации.</p>
      <div className="rl-type-grid">
        {options.types.map((t) => (
          <button key={t.value} type="button" className="button" disabled={busy} onClick={() => void create(t.value as ReleaseType)}>
            {t.label[0]!.toUpperCase() + t.label.slice(1)}
          </button>
        ))}
      </div>
      <div className="confirm-buttons">
        <button type="button" className="button" onClick={onClose}>
          Отмена
        </button>
      </div>
    </dialog>
  );
}
