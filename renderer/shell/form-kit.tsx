/**
 * Form fields that show the backend's Russian errors next to the field they name.
 * ApiError.issues[].field is a dotted path ("organisation.name", "contacts.0.email");
 * each input gets the id fieldId(path), so the error summary can jump to it.
 */
import type { ChangeEvent, ReactNode } from 'react';
import { ApiError } from '../api';

export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
}

interface Common {
  path: string;
  label: string;
  errors: FieldErrors;
  required?: boolean;
  hint?: string;
  className?: string;
}

function FieldFrame({ path, label, errors, required, hint, className, children }: Common & { children: ReactNode }) {
  const error = errors[path];
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={fieldId(path)}>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && !error && (
        <div className="field-hint" id={`${fieldId(path)}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${fieldId(path)}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

const aria = (path: string, errors: FieldErrors, hint?: string) => ({
  id: fieldId(path),
  'aria-invalid': errors[path] ? true : undefined,
  'aria-describedby': errors[path] ? `${fieldId(path)}-error` : hint ? `${fieldId(path)}-hint` : undefined,
});

export function TextField(
  props: Common & { value: string; onChange: (value: string) => void; type?: string; placeholder?: string; autoFocus?: boolean; autoComplete?: string },
) {
  const { path, errors, hint, value, onChange, type = 'text', placeholder, autoFocus, required, autoComplete = 'off' } = props;
  return (
    <FieldFrame {...props}>
      <input
        {...aria(path, errors, hint)}
        type={type}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        aria-required={required || undefined}
        autoComplete={autoComplete}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { path, errors, hint, value, onChange, rows = 4 } = props;
  return (
    <FieldFrame {...props}>
      <textarea {...aria(path, errors, hint)} value={value} rows={rows} onChange={(e) => onChange(e.target.value)} />
    </FieldFrame>
  );
}

export function SelectField<V extends string>(
  props: Common & { value: V; onChange: (value: V) => void; options: readonly { value: V; label: string }[] },
) {
  const { path, errors, hint, value, onChange, options } = props;
  return (
    <FieldFrame {...props}>
      <select {...aria(path, errors, hint)} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ path, label, errors, checked, onChange }: Omit<Common, 'required'> & { checked: boolean; onChange: (v: boolean) => void }) {
  const error = errors[path];
  return (
    <div className={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <label>
        <input {...aria(path, errors)} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {error && (
        <div className="field-error" id={`${fieldId(path)}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** The error above a form: the backend's message and, for field errors, a list that jumps to each field. */
export function ErrorSummary({ error, title = 'Не сохранено' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <strong>{title}</strong>
      {issues.length > 1 ? (
        <ul>
          {issues.map((i) => (
            <li key={i.field}>
              <button type="button" className="link" onClick={() => document.getElementById(fieldId(i.field))?.focus()}>
                {i.label}
              </button>
              : {i.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{message}</p>
      )}
    </div>
  );
}
