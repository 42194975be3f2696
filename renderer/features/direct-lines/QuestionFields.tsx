/**
 * A question's fields. The resident's name, address and contact sit in their own box marked as
 * personal data (152-ФЗ): only what is needed to answer, with the consent to print the name.
 */
import type { Dictionary } from '../../../electron/backend/features/direct-lines/api-types';
import { CheckboxField, SelectField, TextArea, TextField, type FieldErrors } from '../../shell/form-kit';
import { channels, options } from './model';
import type { QuestionDraft } from './question-draft';
import { withCurrent } from './use-dictionary';

const channelOptions = options(channels);

export function QuestionFields({
  draft,
  onChange,
  errors,
  dict,
  anonymisedOn,
}: {
  draft: QuestionDraft;
  onChange: (d: QuestionDraft) => void;
  errors: FieldErrors;
  dict: Dictionary | null;
  /** The day the resident's data was erased («07.03.2026»), if it was. */
  anonymisedOn: string | null;
}) {
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...draft, ...patch });
  const topics = [{ value: '', label: '— выберите тему —' }, ...withCurrent(dict?.topics ?? [], draft.topic).map((t) => ({ value: t, label: t }))];
  const districts = dict?.districts ?? [];

  return (
    <>
      <div className="field-row dl-received">
        <TextField path="receivedAt" label="Поступил: дата" type="date" errors={errors} value={draft.day} onChange={(day) => set({ day })} />
        <TextField path="receivedAt.time" label="время" type="time" errors={{}} value={draft.time} onChange={(time) => set({ time })} />
        <SelectField path="channel" label="Канал" errors={errors} value={draft.channel} onChange={(channel) => set({ channel })} options={channelOptions} />
      </div>
      <div className="field-row">
        <SelectField path="topic" label="Тема" required errors={errors} value={draft.topic} onChange={(topic) => set({ topic })} options={topics} />
        {districts.length > 0 ? (
          <SelectField
            path="district"
            label="Район"
            errors={errors}
            value={draft.district}
            onChange={(district) => set({ district })}
            options={[{ value: '', label: '— не указан —' }, ...withCurrent(districts, draft.district).map((d) => ({ value: d, label: d }))]}
          />
        ) : (
          <TextField path="district" label="Район" errors={errors} value={draft.district} onChange={(district) => set({ district })} />
        )}
      </div>
      <TextArea path="text" label="Текст вопроса (как спросил житель)" required rows={4} errors={errors} value={draft.text} onChange={(text) => set({ text })} />

      <fieldset className="pd-box" aria-describedby="pd-note">
        <legend>
          <span className="pd-mark">ПД</span> Житель — персональные данные (152-ФЗ)
        </legend>
        {anonymisedOn ? (
          <p className="pd-note" id="pd-note">
            Данные жителя обезличены {anonymisedOn}: имя, адрес и контакт удалены безвозвратно. Вносить их заново нельзя.
          </p>
        ) : (
          <>
            <p className="pd-note" id="pd-note">
              Только то, что нужно для ответа. Видно лишь в карточке вопроса; в публикацию не попадает, кроме имени — и то с согласия жителя. После
              публикации итогов удаляется кнопкой «Обезличить».
            </p>
            <TextField path="resident.name" label="Имя жителя" errors={errors} value={draft.name} onChange={(name) => set({ name })} />
            <div className="field-row">
              <TextField path="resident.address" label="Адрес" errors={errors} value={draft.address} onChange={(address) => set({ address })} />
              <TextField path="resident.contact" label="Телефон или e-mail" errors={errors} value={draft.contact} onChange={(contact) => set({ contact })} />
            </div>
            <CheckboxField
              path="resident.publishName"
              label="Житель согласен на публикацию своего имени вместе с вопросом"
              errors={errors}
              checked={draft.publishName}
              onChange={(publishName) => set({ publishName })}
            />
          </>
        )}
      </fieldset>

      <TextArea
        path="answer"
        label="Письменный ответ (для публикации)"
        rows={4}
        errors={errors}
        value={draft.answer}
        onChange={(answer) => set({ answer })}
        hint="Идёт в «Вопросы и ответы». Если вопрос поручен и исполнен, публикуется итоговый ответ исполнителя."
      />
    </>
  );
}
