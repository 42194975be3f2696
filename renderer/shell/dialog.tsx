/** One modal confirm dialog for the whole app (native <dialog>: focus trap and Esc for free). */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
}
type Confirm = (opts: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm>(async () => false);
export const useConfirm = () => useContext(ConfirmContext);

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const confirm = useCallback<Confirm>((opts) => new Promise((resolve) => setRequest({ ...opts, resolve })), []);

  useEffect(() => {
    if (request && ref.current && !ref.current.open) ref.current.showModal();
  }, [request]);

  const answer = (ok: boolean) => {
    request?.resolve(ok);
    ref.current?.close();
    setRequest(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {request && (
        <dialog
          ref={ref}
          className="confirm"
          aria-labelledby="confirm-title"
          onCancel={(e) => {
            e.preventDefault();
            answer(false);
          }}
        >
          <h2 id="confirm-title">{request.title}</h2>
          <div className="confirm-message">{request.message}</div>
          <div className="confirm-buttons">
            <button type="button" className="button" onClick={() => answer(false)} autoFocus>
              {request.cancelLabel ?? 'Отмена'}
            </button>
            <button type="button" className={`button ${request.danger ? 'button-danger' : 'button-primary'}`} onClick={() => answer(true)}>
              {request.confirmLabel}
            </button>
          </div>
        </dialog>
      )}
    </ConfirmContext.Provider>
  );
}
