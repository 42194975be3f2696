/**
 * A question's assignment (поручение): department, responsible person, deadline; then its state
 * (поручено → в работе → исполнено with the final answer). «Просрочено» is the backend's verdict from the deadline.
 */
import { useState, type FormEvent } from 'react';
import type { Dictionary } from '../../../electron/backend/features/direct-lines/api-types';
import { assignmentStatuses } from '../../../electron/backend/features/direct-lines/schema';
import { formatDateShort } from '../../../electron/backend/format';
import { api } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { ErrorSummary, fieldErrors, fieldId, SelectField, TextArea, TextField } from '../../shell/form-kit';
import { assignmentTone, dayOf, effectiveStatuses, options, ruDay, todayIn, type QuestionView } from './model';

type Status = keyof typeof assignmentStatuses;
const statusOptions = options(assignmentStatuses);

function DepartmentField({ value, onChange, error, departments }: { value: string; onChange: (v: string) => void; error?: string; departments: string[] }) {
  const id = fieldId('department');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        Исполнитель (отдел)<span className="required" aria-hidden="true"> *</span>
      </label>
      <input id={id} type="text" list="dl-departments" autoComplete="off" value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
      <datalist id="dl-departments">
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function AssignmentBox({ question: q, dict, timeZone, onSaved }: { question: QuestionView; dict: Dictionary | null; timeZone: string; onSaved(q: QuestionView): void }) {
  const confirm = useConfirm();
  const a = q.assignment;
  const [editing, setEditing] = useState(!a);
  const [draft, setDraft] = useState({ department: a?.department ?? '', responsible: a?.responsible ?? '', deadline: a?.deadline ?? '' });
  const [state, setState] = useState<{ status: Status; finalAnswer: string }>({ status: a?.status ?? 'assigned', finalAnswer: a?.finalAnswer ?? '' });
  const [assignError, setAssignError] = useState<unknown>(null);
  const [stateError, setStateError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (job: () => Promise<QuestionView>, onError: (e: unknown) => void) => {
    setBusy(true);
    try {
      const saved = await job();
      onError(null);
      onSaved(saved);
      return saved;
    } catch (err) {
      onError(err);
      const first = Object.keys(fieldErrors(err))[0];
      if (first) window.setTimeout(() => document.getElementById(fieldId(first))?.focus());
      return null;
    } finally {
      setBusy(false);
    }
  };

  const assign = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (await run(() => api.directLines.assign({ questionId: q.id, ...draft }), setAssignError)) setEditing(false);
  };
  const saveState = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    void run(() => api.directLines.updateAssignment({ questionId: q.id, status: state.status, finalAnswer: state.finalAnswer }), setStateError);
  };
  const unassign = async () => {
    const ok = await confirm({ title: 'Снять поручение?', message: `Поручение «${a?.department}» будет снято вместе с его состоянием и итоговым ответом.`, confirmLabel: 'Снять поручение', danger: true });
    if (ok && (await run(() => api.directLines.unassign({ id: q.id }), setStateError))) {
      setDraft({ department: '', responsible: '', deadline: '' });
      setState({ status: 'assigned', finalAnswer: '' });
      setEditing(true);
    }
  };

  const errors = fieldErrors(assignError);
  const late = a && q.assignmentStatus === 'overdue';
  return (
    <section className="dl-box" aria-labelledby="dl-assignment-title">
      <h3 id="dl-assignment-title">
        Поручение
        {q.assignmentStatus && (
          <span className={`dl-pill dl-pill-${assignmentTone[q.assignmentStatus]}`} data-testid="assignment-status">
            {effectiveStatuses[q.assignmentStatus]}
          </span>
        )}
      </h3>
      {a && !editing && (
        <div className={`dl-assignment${late ? ' overdue' : ''}`}>
          <div>
            <strong>{a.department}</strong>
            {a.responsible && <> · {a.responsible}</>}
          </div>
          <div>
            Срок: <strong>{ruDay(a.deadline)}</strong>
            {late && <span className="dl-danger"> — просрочено (на сегодня {ruDay(todayIn(timeZone))})</span>}
          </div>
          <div className="cell-sub">
            Поручено {formatDateShort(a.assignedAt, timeZone)}
            {a.doneAt && `; исполнено ${ruDay(dayOf(a.doneAt, timeZone))}${dayOf(a.doneAt, timeZone) <= a.deadline ? ' (в срок)' : ' (с опозданием)'}`}
          </div>
          <button type="button" className="link" onClick={() => setEditing(true)}>
            Изменить исполнителя или срок
          </button>
        </div>
      )}
      {editing && (
        <form onSubmit={assign} noValidate className="dl-assign-form">
          <ErrorSummary error={assignError} title="Поручение не дано" />
          <DepartmentField value={draft.department} onChange={(department) => setDraft({ ...draft, department })} error={errors.department} departments={dict?.departments ?? []} />
          <div className="field-row">
            <TextField path="responsible" label="Ответственный" errors={errors} value={draft.responsible} onChange={(responsible) => setDraft({ ...draft, responsible })} />
            <TextField path="deadline" label="Срок исполнения" type="date" required errors={errors} value={draft.deadline} onChange={(deadline) => setDraft({ ...draft, deadline })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {a ? 'Сохранить поручение' : 'Поручить'}
            </button>
            {a && (
              <button type="button" className="button" onClick={() => setEditing(false)}>
                Отмена
              </button>
            )}
          </div>
        </form>
      )}
      {a && (
        <form onSubmit={saveState} noValidate className="dl-state-form">
          <ErrorSummary error={stateError} />
          <SelectField path="status" label="Состояние" errors={fieldErrors(stateError)} value={state.status} onChange={(status) => setState({ ...state, status })} options={statusOptions} />
          <TextArea
            path="finalAnswer"
            label="Итоговый ответ исполнителя"
            rows={3}
            errors={fieldErrors(stateError)}
            value={state.finalAnswer}
            onChange={(finalAnswer) => setState({ ...state, finalAnswer })}
            hint="Публикуется вместо письменного ответа, когда поручение исполнено."
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Сохранить состояние
            </button>
            <button type="button" className="button button-quiet" onClick={() => void unassign()} disabled={busy}>
              Снять поручение
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
