/**
 * One media event (or one occurrence of a repeating one), beside the grid or the list: every field,
 * saved with the button or Ctrl+S; a change to a repeating event asks «Только это / Это и следующие / Все».
 * Coverage ticks on a saved event are saved at once. Esc closes (asking first when there are unsaved changes).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CalEvent, EditScope, Occurrence } from '../../../electron/backend/features/calendar/schema';
import type { DictionariesView } from '../../../electron/backend/features/calendar/api-types';
import { eventStatuses, statusesWithReason, type EventStatus } from '../../../electron/backend/features/calendar/schema';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { CheckboxField, ErrorSummary, fieldErrors, fieldId, SelectField, TextArea, TextField, type FieldErrors } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { CoverageEditor } from './CoverageEditor';
import { orgToday } from './dates';
import { fingerprint, newDraft, recurrencePrint, toDraft, toFields, withStart, type CoverageRow, type EventDraft } from './draft';
import { HistoryList, MediaEditor, OfficialsEditor, TagPicker } from './EventEditors';
import { EventReleases } from '../releases/EventReleases';
import { RecurrenceEditor } from './RecurrenceEditor';
import { useScopeDialog } from './ScopeDialog';
import { useStaff } from './use-calendar-data';

const statusOptions = (Object.entries(eventStatuses) as [EventStatus, string][]).map(([value, label]) => ({ value, label }));

interface Props {
  /** 'new', an event id or an occurrence uid ("<eventId>/<key>"). */
  id: string;
  /** For a new event: "2026-06-05", "2026-06-05T14:30" or "2026-06-05/allday". */
  init?: string;
  dict: DictionariesView;
  onClose(): void;
  onSaved(o: Occurrence, created: boolean): void;
  /** Something changed without the form being saved (a coverage tick). */
  onChanged(o: Occurrence): void;
  onDeleted(): void;
  /** The occurrence was loaded (the grid may go to its date). */
  onLoaded?(o: Occurrence): void;
}

function DateTimeField({
  path,
  label,
  date,
  time,
  allDay,
  errors,
  required,
  onChange,
}: {
  path: 'start' | 'end';
  label: string;
  date: string;
  time: string;
  allDay: boolean;
  errors: FieldErrors;
  required?: boolean;
  onChange(date: string, time: string): void;
}) {
  const error = errors[path];
  return (
    <div className={`field cal-datetime${error ? ' field-invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      <div className="cal-datetime-inputs">
        <input
          type="date"
          id={fieldId(path)}
          value={date}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId(path)}-error` : undefined}
          onChange={(e) => onChange(e.target.value, time)}
        />
        {!allDay && (
          <input type="time" id={`${fieldId(path)}-time`} aria-label={`${label}, время`} value={time} step={300} onChange={(e) => onChange(date, e.target.value)} />
        )}
      </div>
      {error && (
        <div className="field-error" id={`${fieldId(path)}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function EventCard({ id, init, dict, onClose, onSaved, onChanged, onDeleted, onLoaded }: Props) {
  const { timeZone } = useAppState();
  const staff = useStaff();
  const confirm = useConfirm();
  const toast = useToast();
  const [scopeDialog, askScope] = useScopeDialog();
  const isNew = id === 'new';
  const today = orgToday(timeZone);
  const defaultResponsible = staff[0]?.id ?? '';
  const [loaded, setLoaded] = useState<{ occ: Occurrence; event: CalEvent } | null>(null);
  const [draft, setDraft] = useState<EventDraft>(() => newDraft(init ?? '', today, dict, defaultResponsible));
  const [saved, setSaved] = useState<EventDraft>(draft);
  const [loadError, setLoadError] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [busyRow, setBusyRow] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const dirty = fingerprint(draft) !== fingerprint(saved);
  useDirtyGuard(dirty, 'карточке мероприятия');

  const show = (occ: Occurrence, event: CalEvent) => {
    const d = toDraft(occ, event);
    setLoaded({ occ, event });
    setDraft(d);
    setSaved(d);
    setError(null);
  };

  useEffect(() => {
    setLoadError('');
    if (isNew) {
      const d = newDraft(init ?? '', today, dict, defaultResponsible);
      setLoaded(null);
      setDraft(d);
      setSaved(d);
      setError(null);
      window.setTimeout(() => document.getElementById(fieldId('title'))?.focus());
      return;
    }
    if (loaded?.occ.uid === id) return; // just saved: already here
    let stale = false;
    api.calendar
      .get({ id })
      .then((r) => {
        if (stale) return;
        show(r.occurrence, r.event);
        onLoaded?.(r.occurrence);
        heading.current?.focus();
      })
      .catch((err: Error) => !stale && setLoadError(err.message));
    return () => {
      stale = true;
    };
  }, [id, init]);

  const occ = loaded?.occ ?? null;
  const occurrenceOfSeries = !!occ?.recurring && !!occ.occurrenceKey;
  const seriesAsWhole = !!occ?.recurring && !occ.occurrenceKey;

  const failed = (err: unknown) => {
    setError(err);
    const first = Object.keys(fieldErrors(err))[0];
    window.setTimeout(() => {
      const target = (first && document.getElementById(fieldId(first))) || document.getElementById('event-errors');
      target?.focus();
    });
  };

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || loadError || (!isNew && !occ)) return; // still loading: nothing of this event to save
    const fields = toFields(draft);
    let scope: EditScope | undefined;
    const ruleChanged = recurrencePrint(draft) !== recurrencePrint(saved);
    if (occ && occurrenceOfSeries) {
      const answer = await askScope({
        title: 'Сохранить изменения',
        withoutThis: ruleChanged,
        message: ruleChanged ? (
          <p>Изменилось правило повторения — оно относится к серии. Применить изменения к этому и следующим повторениям или ко всей серии?</p>
        ) : undefined,
      });
      if (!answer) return;
      scope = answer;
    }
    setBusy(true);
    try {
      const result = occ
        ? await api.calendar.update({ ...fields, recurrence: ruleChanged ? fields.recurrence : undefined, id: occ.uid, scope })
        : await api.calendar.create(fields);
      show(result.occurrence, result.event);
      onSaved(result.occurrence, !occ);
      toast(occ ? 'Мероприятие сохранено.' : 'Мероприятие создано.');
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!occ) return;
    let scope: EditScope | undefined;
    if (occurrenceOfSeries) {
      const answer = await askScope({ title: 'Удалить мероприятие', danger: true, message: <p>«{occ.title}» повторяется. Какие повторения удалить?</p> });
      if (!answer) return;
      scope = answer;
    } else {
      const ok = await confirm({
        title: 'Удалить мероприятие?',
        message: seriesAsWhole ? <p>Будут удалены все повторения «{occ.title}».</p> : <p>«{occ.title}», {occ.labels.when}, будет удалено.</p>,
        confirmLabel: 'Удалить',
        danger: true,
      });
      if (!ok) return;
    }
    setBusy(true);
    try {
      await api.calendar.delete({ id: occ.uid, scope });
      setSaved(draft); // nothing left to lose: closing must not ask
      toast('Мероприятие удалено.');
      onDeleted();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  /** A tick on a saved task is saved at once (shown at once; put back if the save fails). */
  const toggleCoverage = async (row: CoverageRow, done: boolean) => {
    if (!occ || !row.id) return;
    // The rest of the form keeps what the user may be typing: only this row's mark changes, in both copies.
    const tick = (value: boolean) => (d: EventDraft): EventDraft => ({ ...d, coverage: d.coverage.map((r) => (r.id === row.id ? { ...r, done: value } : r)) });
    setSaved(tick(done));
    setDraft(tick(done));
    setBusyRow(row.key);
    try {
      const result = await api.calendar.toggleCoverage({ id: occ.uid, itemId: row.id, done });
      setLoaded({ occ: result.occurrence, event: result.event });
      onChanged(result.occurrence);
    } catch (err) {
      setSaved(tick(!done));
      setDraft(tick(!done));
      toast(`Отметка не сохранена. ${(err as Error).message}`, { tone: 'error' });
    } finally {
      setBusyRow(null);
    }
  };

  useCommand('save', () => void save());
  useCommand('close', onClose);

  const errors = fieldErrors(error);
  const set = (patch: Partial<EventDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const kind = dict.kinds.find((k) => k.id === draft.kindId);
  const needsReason = statusesWithReason.includes(draft.status);
  const title = isNew ? 'Новое мероприятие' : (occ?.title ?? (loadError ? 'Мероприятие' : 'Загрузка…'));
  const staffOptions = [{ value: '', label: '— не назначен —' }, ...staff.map((s) => ({ value: s.id, label: s.name }))];
  if (draft.responsibleId && !staff.some((s) => s.id === draft.responsibleId)) staffOptions.push({ value: draft.responsibleId, label: draft.responsibleId });
  const kindOptions = dict.kinds.filter((k) => !k.archived || k.id === draft.kindId).map((k) => ({ value: k.id, label: k.name }));
  const projectOptions = [{ value: '', label: '— нет —' }, ...dict.projects.filter((p) => !p.archived || p.id === draft.projectId).map((p) => ({ value: p.id, label: p.name }))];

  return (
    <aside className="card-panel cal-card" aria-labelledby="event-card-title" data-testid="event-card">
      <header className="card-header">
        {kind && <span className="cal-kind-dot" style={{ background: kind.color }} aria-hidden="true" />}
        <h2 id="event-card-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {occ && <span className={`cal-status cal-status-${occ.status}`}>{occ.labels.status}</span>}
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
      ) : !isNew && !occ ? (
        <div className="card-body">
          <p className="muted">Загрузка…</p>
        </div>
      ) : (
        <form className="card-form" onSubmit={save} noValidate>
          <div className="card-body">
            {occ && (
              <p className="cal-card-when" data-testid="event-when">
                {occ.labels.when}
                {occ.moved && <span className="badge badge-muted">перенесено с обычного времени</span>}
              </p>
            )}
            {occ?.recurring && (
              <p className="cal-series-note" data-testid="series-note">
                <span aria-hidden="true">↻ </span>
                {occurrenceOfSeries ? 'Повторение серии' : 'Серия целиком'}: {occ.recurrenceText.replace(/\.$/, '')}.
                {seriesAsWhole && ' Изменения относятся ко всем повторениям.'}
              </p>
            )}
            <div id="event-errors" tabIndex={-1}>
              <ErrorSummary error={error} />
            </div>
            <TextField path="title" label="Название" required errors={errors} value={draft.title} onChange={(t) => set({ title: t })} placeholder="Пресс-конференция «…»" />
            <div className="field-row">
              <SelectField path="kindId" label="Вид мероприятия" errors={errors} value={draft.kindId} onChange={(kindId) => set({ kindId })} options={kindOptions} />
              <SelectField
                path="status"
                label="Статус"
                errors={errors}
                value={draft.status}
                onChange={(status) => set({ status })}
                options={statusOptions}
              />
            </div>
            {(needsReason || draft.statusReason) && (
              <TextField
                path="statusReason"
                label={draft.status === 'cancelled' ? 'Причина отмены' : draft.status === 'postponed' ? 'Причина переноса' : 'Причина'}
                required={needsReason}
                errors={errors}
                value={draft.statusReason}
                onChange={(statusReason) => set({ statusReason })}
                hint={draft.status === 'postponed' ? 'Если новая дата известна, укажите её в «Начале»: старая останется в истории.' : undefined}
              />
            )}
            <CheckboxField
              path="allDay"
              label="Весь день"
              errors={errors}
              checked={draft.allDay}
              onChange={(allDay) => set({ allDay, endDate: allDay && draft.endDate < draft.startDate ? draft.startDate : draft.endDate })}
            />
            <div className="cal-dates">
              <DateTimeField
                path="start"
                label="Начало"
                required
                date={draft.startDate}
                time={draft.startTime}
                allDay={draft.allDay}
                errors={errors}
                onChange={(date, time) => setDraft((d) => withStart(d, date, time))}
              />
              <DateTimeField
                path="end"
                label={draft.allDay ? 'По (включительно)' : 'Окончание'}
                date={draft.endDate}
                time={draft.endTime}
                allDay={draft.allDay}
                errors={errors}
                onChange={(endDate, endTime) => set({ endDate, endTime })}
              />
            </div>
            <RecurrenceEditor
              value={draft.recurrence}
              onChange={(recurrence) => set({ recurrence })}
              startDate={draft.startDate}
              errors={errors}
              currentText={occ?.recurrenceText ?? ''}
              occurrenceOfSeries={occurrenceOfSeries}
            />
            <TextField path="place" label="Место проведения" errors={errors} value={draft.place} onChange={(place) => set({ place })} placeholder="Администрация города, зал заседаний" />
            <div className="field-row">
              <SelectField path="responsibleId" label="Ответственный" errors={errors} value={draft.responsibleId} onChange={(responsibleId) => set({ responsibleId })} options={staffOptions} />
              <SelectField path="projectId" label="Нацпроект / программа" errors={errors} value={draft.projectId} onChange={(projectId) => set({ projectId })} options={projectOptions} />
            </div>
            <TagPicker value={draft.tags} onChange={(tags) => set({ tags })} dict={dict} errors={errors} />
            <OfficialsEditor rows={draft.officials} onChange={(officials) => set({ officials })} errors={errors} />
            <MediaEditor rows={draft.media} onChange={(media) => set({ media })} errors={errors} />
            <CoverageEditor
              rows={draft.coverage}
              onChange={(coverage) => set({ coverage })}
              dict={dict}
              startDate={draft.startDate}
              today={today}
              responsibleId={draft.responsibleId}
              errors={errors}
              onToggle={occ && !seriesAsWhole ? (row, done) => void toggleCoverage(row, done) : undefined}
              ticksOff={seriesAsWhole ? 'Отметки о выполнении ставятся у каждого повторения: откройте его в календаре.' : undefined}
              busyRow={busyRow}
            />
            {occ && <EventReleases uid={occ.uid} series={seriesAsWhole} />}
            <TextArea path="notes" label="Заметки" errors={errors} value={draft.notes} onChange={(notes) => set({ notes })} rows={3} />
            {occ && <HistoryList entries={occ.history} timeZone={timeZone} />}
          </div>
          <footer className="card-actions">
            <button type="submit" className="button button-primary" disabled={busy} title="Сохранить (Ctrl+S)">
              {busy ? 'Сохранение…' : isNew ? 'Создать' : 'Сохранить'}
            </button>
            {occ && (
              <button type="button" className="button button-quiet" onClick={() => void remove()} disabled={busy}>
                Удалить
              </button>
            )}
            {dirty && <span className="dirty-note">Не сохранено</span>}
          </footer>
        </form>
      )}
      {scopeDialog}
    </aside>
  );
}
