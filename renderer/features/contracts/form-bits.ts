/** Helpers for the card's small add-forms: backend errors under a prefix, local parse errors the same way. */
import type { FieldIssue } from '../../../electron/backend/errors';
import { ApiError } from '../../api';
import { fieldErrors, fieldId, type FieldErrors } from '../../shell/form-kit';

/** «amount» from the backend → «pay.amount» in a form whose fields are prefixed «pay». */
export function prefixedErrors(error: unknown, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, v]) => [`${prefix}.${k}`, v]));
}

export function localError(issues: FieldIssue[]): ApiError {
  return new ApiError('validation', issues.length === 1 ? `${issues[0]!.label}: ${issues[0]!.message}` : 'Проверьте поля формы.', issues);
}

/** Focus the first field at fault (or the form's summary). */
export function focusFirst(error: unknown, prefix: string, summaryId: string): void {
  const first = Object.keys(fieldErrors(error))[0];
  window.setTimeout(() => document.getElementById(first ? fieldId(`${prefix}.${first}`) : summaryId)?.focus());
}
