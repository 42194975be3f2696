/**
 * The coverage checklist (анонс, пресс-релиз, фото …): each task with its assignee, its due date counted
 * from the event's date, and a done tick. On a saved event (or occurrence) the tick is saved at once.
 */
import type { DictionariesView } from '../../../electron/backend/features/calendar/api-types';
import { dateShort, weekdayShort } from '../../../electron/backend/features/calendar/fmt';
import { fieldId, type FieldErrors } from '../../shell/form-kit';
import { newId } from '../settings/draft';
import { addDays, isDate } from './dates';
import type { CoverageRow } from './draft';
import { useStaff } from './use-calendar-data';

interface Props {
  rows: CoverageRow[];
  onChange(rows: CoverageRow[]): void;
  dict: DictionariesView;
  startDate: string;
  today: string;
  responsibleId: string;
  errors: FieldErrors;
  /** Saves a tick at once (saved tasks of a saved event); without it a tick is part of the form. */
  onToggle?: (row: CoverageRow, done: boolean) => void;
  /** Why ticks are off (a series opened as a whole: each occurrence has its own ticks). */
  ticksOff?: string;
  busyRow?: string | null;
}

export function CoverageEditor({ rows, onChange, dict, startDate, today, responsibleId, errors, onToggle, ticksOff, busyRow }: Props) {
  const staff = useStaff();
  const set = (i: number, patch: Partial<CoverageRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const used = new Set(rows.map((r) => r.kindId));
  const nextKind = dict.coverage.find((c) => !c.archived && !used.has(c.id)) ?? dict.coverage.find((c) => !c.archived);
  const add = () => {
    if (!nextKind) return;
    onChange([...rows, { key: newId(), kindId: nextKind.id, assigneeId: responsibleId, offsetDays: String(nextKind.offsetDays), done: false, note: '' }]);
    window.setTimeout(() => document.getElementById(fieldId(`coverage.${rows.length}.kindId`))?.focus());
  };
  const done = rows.filter((r) => r.done).length;

  return (
    <fieldset className="form-section cal-coverage">
      <legend>
        Освещение{' '}
        {rows.length > 0 && (
          <span className="cal-coverage-count" data-testid="coverage-count">
            {done} из {rows.length}
          </span>
        )}
      </legend>
      {errors.coverage && <div className="field-error">{errors.coverage}</div>}
      {ticksOff && <p className="field-hint cal-coverage-note">{ticksOff}</p>}
      {rows.length === 0 && <p className="muted">Задач нет.</p>}
      <ul className="cal-coverage-list">
        {rows.map((r, i) => {
          const kind = dict.coverage.find((c) => c.id === r.kindId);
          const name = kind?.name ?? r.kindId;
          const offset = Number(r.offsetDays);
          const due = isDate(startDate) && r.offsetDays.trim() !== '' && Number.isInteger(offset) ? addDays(startDate, offset) : '';
          const overdue = !!due && !r.done && due < today && !ticksOff;
          const rowErrors = [`coverage.${i}.kindId`, `coverage.${i}.assigneeId`, `coverage.${i}.offsetDays`, `coverage.${i}.id`].map((p) => errors[p]).filter(Boolean);
          return (
            <li key={r.key} className={`cal-coverage-row${r.done ? ' is-done' : ''}${overdue ? ' is-overdue' : ''}`} data-testid="coverage-row">
              <input
                type="checkbox"
                className="cal-coverage-done"
                checked={r.done}
                disabled={!!ticksOff || busyRow === r.key}
                aria-label={`Выполнено: ${name}`}
                onChange={(e) => (onToggle && r.id ? onToggle(r, e.target.checked) : set(i, { done: e.target.checked }))}
              />
              <select
                id={fieldId(`coverage.${i}.kindId`)}
                aria-label={`Вид материала № ${i + 1}`}
                aria-invalid={errors[`coverage.${i}.kindId`] ? true : undefined}
                value={r.kindId}
                onChange={(e) => {
                  const k = dict.coverage.find((c) => c.id === e.target.value);
                  set(i, { kindId: e.target.value, ...(k && !r.id ? { offsetDays: String(k.offsetDays) } : {}) });
                }}
              >
                {dict.coverage
                  .filter((c) => !c.archived || c.id === r.kindId)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
              <select
                id={fieldId(`coverage.${i}.assigneeId`)}
                aria-label={`Исполнитель: ${name}`}
                aria-invalid={errors[`coverage.${i}.assigneeId`] ? true : undefined}
                value={r.assigneeId}
                onChange={(e) => set(i, { assigneeId: e.target.value })}
              >
                <option value="">— исполнитель —</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
                {r.assigneeId && !staff.some((s) => s.id === r.assigneeId) && <option value={r.assigneeId}>{r.assigneeId}</option>}
              </select>
              <label className="cal-coverage-offset" title="Срок: дней от даты мероприятия (минус — до него)">
                <input
                  type="number"
                  id={fieldId(`coverage.${i}.offsetDays`)}
                  min={-60}
                  max={60}
                  step={1}
                  value={r.offsetDays}
                  aria-label={`Срок, дней от мероприятия: ${name}`}
                  onChange={(e) => set(i, { offsetDays: e.target.value })}
                />
                <span aria-hidden="true">дн.</span>
              </label>
              <button type="button" className="icon-button cal-row-remove" aria-label={`Удалить задачу «${name}»`} title="Удалить задачу" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                ×
              </button>
              <div className="cal-coverage-due">
                {due ? (
                  <>
                    срок {weekdayShort(due)}, {dateShort(due)}
                    {overdue && <span className="cal-overdue"> · просрочено</span>}
                    {r.done && <span className="cal-done-mark"> · выполнено</span>}
                  </>
                ) : (
                  <span className="muted">срок не указан</span>
                )}
              </div>
              {rowErrors.length > 0 && <div className="field-error cal-coverage-error">{rowErrors.join('; ')}</div>}
            </li>
          );
        })}
      </ul>
      {nextKind && (
        <button type="button" className="button button-small" onClick={add}>
          + Добавить задачу
        </button>
      )}
    </fieldset>
  );
}
