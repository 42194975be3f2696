/** A modal asking for a text (a return comment, an override reason, an unpublish reason). */
import { useState, type ReactNode } from 'react';

export interface PromptRequest {
  title: string;
  message?: ReactNode;
  label: string;
  confirmLabel: string;
  required: boolean;
  danger?: boolean;
  resolve: (text: string | null) => void;
}

export function PromptDialog({ request, onClose }: { request: PromptRequest; onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const answer = (value: string | null) => {
    request.resolve(value);
    onClose();
  };
  const open = (el: HTMLDialogElement | null) => {
    if (el && !el.open) el.showModal();
  };
  return (
    <dialog ref={open} className="confirm rl-dialog" aria-labelledby="rl-prompt-title" onCancel={(e) => (e.preventDefault(), answer(null))}>
      <h2 id="rl-prompt-title">{request.title}</h2>
      {request.message && <div className="confirm-message">{request.message}</div>}
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor="rl-prompt-text">
          {request.label}
          {request.required && <span className="required"> *</span>}
        </label>
        <textarea id="rl-prompt-text" rows={4} value={text} autoFocus onChange={(e) => (setText(e.target.value), setError(''))} />
        {error && <div className="field-error">{error}</div>}
      </div>
      <div className="confirm-buttons">
        <button type="button" className="button" onClick={() => answer(null)}>
          Отмена
        </button>
        <button
          type="button"
          className={`button ${request.danger ? 'button-danger' : 'button-primary'}`}
          onClick={() => (request.required && !text.trim() ? setError('Заполните поле.') : answer(text.trim()))}
        >
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
