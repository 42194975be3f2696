/**
 * «Только это / Это и следующие / Все»: how far a change of a repeating event reaches.
 * A native <dialog> (focus trap, Esc = cancel); the global hotkeys stay quiet while it is open.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditScope } from '../../../electron/backend/features/calendar/schema';

export interface ScopeQuestion {
  title: string;
  message?: ReactNode;
  /** «Только это» is not offered (e.g. the rule itself changed: that is for the series). */
  withoutThis?: boolean;
  danger?: boolean;
}

type Pending = ScopeQuestion & { resolve: (scope: EditScope | null) => void };

export function useScopeDialog(): [ReactNode, (q: ScopeQuestion) => Promise<EditScope | null>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const ask = useCallback((q: ScopeQuestion) => new Promise<EditScope | null>((resolve) => setPending({ ...q, resolve })), []);

  useEffect(() => {
    if (pending && ref.current && !ref.current.open) ref.current.showModal();
  }, [pending]);

  const answer = (scope: EditScope | null) => {
    pending?.resolve(scope);
    ref.current?.close();
    setPending(null);
  };

  const button = (scope: EditScope, label: string, hint: string, autoFocus = false) => (
    <button type="button" className={`scope-choice${pending?.danger ? ' scope-danger' : ''}`} onClick={() => answer(scope)} autoFocus={autoFocus}>
      <span className="scope-label">{label}</span>
      <span className="scope-hint">{hint}</span>
    </button>
  );

  const element = pending && (
    <dialog
      ref={ref}
      className="confirm scope-dialog"
      aria-labelledby="scope-title"
      onCancel={(e) => {
        e.preventDefault();
        answer(null);
      }}
    >
      <h2 id="scope-title">{pending.title}</h2>
      <div className="confirm-message">{pending.message ?? <p>Это мероприятие повторяется. К каким повторениям это относится?</p>}</div>
      <div className="scope-choices" role="group" aria-label="Какие повторения">
        {!pending.withoutThis && button('this', 'Только это', 'остальные повторения не меняются', true)}
        {button('following', 'Это и следующие', 'прошлые повторения остаются как были', !!pending.withoutThis)}
        {button('all', 'Все', 'вся серия, включая прошедшие')}
      </div>
      <div className="confirm-buttons">
        <button type="button" className="button" onClick={() => answer(null)}>
          Отмена
        </button>
      </div>
    </dialog>
  );
  return [element, ask];
}
