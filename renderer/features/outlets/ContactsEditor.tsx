/** The outlet's contacts: a repeatable group of ФИО, должность, телефон, e-mail. */
import { fieldId, TextField, type FieldErrors } from '../../shell/form-kit';
import { newContact, type ContactDraft } from './draft';

export function ContactsEditor({ contacts, onChange, errors }: { contacts: ContactDraft[]; onChange: (next: ContactDraft[]) => void; errors: FieldErrors }) {
  const set = (i: number, patch: Partial<ContactDraft>) => onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = () => {
    onChange([...contacts, newContact()]);
    window.setTimeout(() => document.getElementById(fieldId(`contacts.${contacts.length}.name`))?.focus());
  };
  return (
    <fieldset className="form-section contacts">
      <legend>Контакты</legend>
      {errors.contacts && <div className="field-error">{errors.contacts}</div>}
      {contacts.length === 0 && <p className="muted">Контактов пока нет.</p>}
      {contacts.map((c, i) => (
        <div className="contact" key={c.key} role="group" aria-label={`Контакт ${i + 1}`}>
          <div className="field-row">
            <TextField path={`contacts.${i}.name`} label="ФИО" required errors={errors} value={c.name} onChange={(name) => set(i, { name })} />
            <TextField path={`contacts.${i}.position`} label="Должность" errors={errors} value={c.position} onChange={(position) => set(i, { position })} />
          </div>
          <div className="field-row">
            <TextField path={`contacts.${i}.phone`} label="Телефон" type="tel" errors={errors} value={c.phone} onChange={(phone) => set(i, { phone })} placeholder="+7 (38553) 2-15-40" />
            <TextField path={`contacts.${i}.email`} label="E-mail" type="email" errors={errors} value={c.email} onChange={(email) => set(i, { email })} placeholder="press@example.ru" />
          </div>
          <button type="button" className="button button-quiet button-small" onClick={() => onChange(contacts.filter((_, j) => j !== i))} aria-label={`Удалить контакт ${c.name || i + 1}`}>
            Удалить контакт
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={add}>
        + Добавить контакт
      </button>
    </fieldset>
  );
}
