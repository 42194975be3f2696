/** Parts of the editor's form: character counter, quotes, contacts for media, tags. */
import { useState } from 'react';
import type { MediaContact, Quote } from '../../../electron/backend/features/releases/schema';

const chars = (s: string) => [...s.trim()].length;
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export function Counter({ value, target, label }: { value: string; target: number; label?: string }) {
  const n = chars(value);
  const over = n > target;
  return (
    <div className={`rl-counter ${over ? 'rl-over' : 'muted'}`} data-over={over || undefined} aria-live="polite">
      {n} / {target} зн.{label ? ` ${label}` : ''} · {words(value)} сл.{over ? ` — длиннее на ${n - target}` : ''}
    </div>
  );
}

export function QuotesEditor({ quotes, onChange }: { quotes: Quote[]; onChange: (q: Quote[]) => void }) {
  const edit = (i: number, patch: Partial<Quote>) => onChange(quotes.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <section className="rl-section" aria-label="Цитаты">
      <h2>Цитаты</h2>
      {quotes.map((q, i) => (
        <div className="rl-quote" key={i}>
          <div className="field">
            <label htmlFor={`f-quotes-${i}-text`}>Текст цитаты</label>
            <textarea id={`f-quotes-${i}-text`} rows={3} value={q.text} onChange={(e) => edit(i, { text: e.target.value })} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`f-quotes-${i}-speaker`}>Кто сказал</label>
              <input type="text" id={`f-quotes-${i}-speaker`} value={q.speaker} onChange={(e) => edit(i, { speaker: e.target.value })} placeholder="Фамилия И. О." />
            </div>
            <div className="field">
              <label htmlFor={`f-quotes-${i}-position`}>Должность</label>
              <input type="text" id={`f-quotes-${i}-position`} value={q.position} onChange={(e) => edit(i, { position: e.target.value })} />
            </div>
            <button type="button" className="button button-quiet rl-remove" onClick={() => onChange(quotes.filter((_, j) => j !== i))}>
              Удалить цитату
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...quotes, { text: '', speaker: '', position: '' }])}>
        + Цитата
      </button>
    </section>
  );
}

export function ContactsEditor({ contacts, onChange }: { contacts: MediaContact[]; onChange: (c: MediaContact[]) => void }) {
  const edit = (i: number, patch: Partial<MediaContact>) => onChange(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const input = (i: number, key: keyof MediaContact, label: string) => (
    <div className="field">
      <label htmlFor={`f-contacts-${i}-${key}`}>{label}</label>
      <input type="text" id={`f-contacts-${i}-${key}`} value={contacts[i]![key]} onChange={(e) => edit(i, { [key]: e.target.value })} />
    </div>
  );
  return (
    <section className="rl-section" aria-label="Контакты для СМИ">
      <h2>Контакты для СМИ</h2>
      {contacts.map((_, i) => (
        <div className="field-row rl-contact" key={i}>
          {input(i, 'name', 'Контактное лицо')}
          {input(i, 'position', 'Должность')}
          {input(i, 'phone', 'Телефон')}
          {input(i, 'email', 'E-mail')}
          <button type="button" className="icon-button rl-remove" aria-label="Удалить контакт" onClick={() => onChange(contacts.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...contacts, { name: '', position: '', phone: '', email: '' }])}>
        + Контакт
      </button>
    </section>
  );
}

export function TagsEditor({ tags, suggestions, onChange }: { tags: string[]; suggestions: string[]; onChange: (t: string[]) => void }) {
  const [text, setText] = useState('');
  const add = (value = text) => {
    const t = value.trim().replace(/^#/, '');
    if (t && !tags.some((x) => x.toLowerCase() === t.toLowerCase())) onChange([...tags, t]);
    setText('');
  };
  return (
    <div className="field">
      <label htmlFor="f-tags">Теги</label>
      <div className="rl-tags">
        {tags.map((t) => (
          <span key={t} className="rl-tag">
            #{t}
            <button type="button" aria-label={`Убрать тег ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </span>
        ))}
        <input
          type="text"
          id="f-tags"
          list="rl-tag-suggestions"
          value={text}
          placeholder="тег и Enter"
          onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value.slice(0, -1)) : setText(e.target.value))}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), add())}
          onBlur={() => add()}
        />
        <datalist id="rl-tag-suggestions">
          {suggestions.slice(0, 50).map((t) => <option key={t} value={t} />)}
        </datalist>
      </div>
    </div>
  );
}
