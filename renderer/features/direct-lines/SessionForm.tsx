/** The session's fields: when, how, who answers, the partner outlet, where, the announcement. */
import { SelectField, TextArea, TextField, type FieldErrors } from '../../shell/form-kit';
import { options, sessionFormats, todayIn, timeOf } from './model';
import type { SessionDraft } from './session-draft';
import { useOutlets } from './use-dictionary';

const formatOptions = options(sessionFormats);

export function SessionForm({ draft, onChange, errors, timeZone }: { draft: SessionDraft; onChange: (d: SessionDraft) => void; errors: FieldErrors; timeZone: string }) {
  const outlets = useOutlets(draft.outletId || null);
  const set = (patch: Partial<SessionDraft>) => onChange({ ...draft, ...patch });
  const outletOptions = [{ value: '', label: '— без СМИ-партнёра —' }, ...outlets.map((o) => ({ value: o.id, label: o.archived ? `${o.name} (в архиве)` : o.name }))];
  // While the list loads, keep the chosen outlet selectable so the select does not jump to «без партнёра».
  if (draft.outletId && !outlets.some((o) => o.id === draft.outletId)) outletOptions.push({ value: draft.outletId, label: 'Загрузка…' });

  return (
    <>
      <fieldset className="form-section">
        <legend>Когда и как</legend>
        <div className="field-row dl-when">
          <TextField path="startsAt" label="Дата" type="date" required errors={errors} value={draft.day} onChange={(day) => set({ day })} />
          <TextField path="startsAt.time" label="Время (местное)" type="time" required errors={{}} value={draft.time} onChange={(time) => set({ time })} />
          <TextField path="durationMinutes" label="Длительность, мин" type="number" errors={errors} value={draft.duration} onChange={(duration) => set({ duration })} />
        </div>
        <SelectField path="format" label="Формат" errors={errors} value={draft.format} onChange={(format) => set({ format })} options={formatOptions} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Кто отвечает</legend>
        <div className="field-row">
          <TextField path="official.name" label="Фамилия, имя, отчество" required errors={errors} value={draft.officialName} onChange={(officialName) => set({ officialName })} placeholder="Сидоренко Алексей Николаевич" />
          <TextField path="official.position" label="Должность" errors={errors} value={draft.officialPosition} onChange={(officialPosition) => set({ officialPosition })} placeholder="Глава города" />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Где</legend>
        <SelectField path="outletId" label="СМИ-партнёр" errors={errors} value={draft.outletId} onChange={(outletId) => set({ outletId })} options={outletOptions} hint="Из справочника СМИ" />
        <TextField path="place" label="Место" errors={errors} value={draft.place} onChange={(place) => set({ place })} placeholder="редакция газеты, студия, Дом культуры…" />
        <TextField path="link" label="Ссылка на трансляцию" type="url" errors={errors} value={draft.link} onChange={(link) => set({ link })} placeholder="https://" />
      </fieldset>

      <fieldset className="form-section">
        <legend>Анонс</legend>
        <TextArea path="announcement" label="Текст анонса" rows={4} errors={errors} value={draft.announcement} onChange={(announcement) => set({ announcement })} />
        <div className="field-row dl-announced">
          <TextField path="announcedAt" label="Анонс опубликован: дата" type="date" errors={errors} value={draft.announcedDay} onChange={(announcedDay) => set({ announcedDay })} />
          <TextField path="announcedAt.time" label="время" type="time" errors={{}} value={draft.announcedTime} onChange={(announcedTime) => set({ announcedTime })} />
          <button type="button" className="button button-small dl-now" onClick={() => set({ announcedDay: todayIn(timeZone), announcedTime: timeOf(new Date(), timeZone) })}>
            Сейчас
          </button>
        </div>
      </fieldset>

      <TextArea path="notes" label="Заметки" rows={3} errors={errors} value={draft.notes} onChange={(notes) => set({ notes })} />
    </>
  );
}
