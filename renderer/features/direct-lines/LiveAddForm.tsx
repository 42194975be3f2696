/**
 * The fast form on the live screen: a question heard on air goes to the end of the queue with the
 * channel «в эфире» and the time now. Ctrl+Enter (or Enter in a one-line field) adds, Esc closes.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Dictionary } from '../../../electron/backend/features/direct-lines/api-types';
import { api } from '../../api';
import { ErrorSummary, fieldErrors, fieldId } from '../../shell/form-kit';
import type { QuestionView } from './model';
import { residentOf } from './question-draft';

interface Props {
  sessionId: string;
  dict: Dictionary | null;
  onAdded(q: QuestionView): void;
  onClose(): void;
}

export function LiveAddForm({ sessionId, dict, onAdded, onClose }: Props) {
  const [d, setD] = useState({ text: '', topic: '', district: '', name: '', address: '', contact: '', publishName: false });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);
  const errors = fieldErrors(error);
  const id = (path: string) => `live-${fieldId(path)}`;

  const add = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const q = await api.directLines.addQuestion({ sessionId, channel: 'live', topic: d.topic, text: d.text, district: d.district, resident: residentOf(d), answer: '' });
      onAdded(q);
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      if (first) document.getElementById(id(first))?.focus();
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void add();
    }
  };

  const field = (path: string, label: string, node: ReactNode) => (
    <div className={`field${errors[path] ? ' field-invalid' : ''}`}>
      <label htmlFor={id(path)}>{label}</label>
      {node}
      {errors[path] && <div className="field-error">{errors[path]}</div>}
    </div>
  );

  return (
    <form className="dl-live-add" onSubmit={add} onKeyDown={onKeyDown} noValidate aria-labelledby="dl-live-add-title">
      <h3 id="dl-live-add-title">Вопрос из эфира</h3>
      <ErrorSummary error={error} title="Вопрос не добавлен" />
      {field('text', 'Вопрос', <textarea id={id('text')} ref={textRef} rows={3} value={d.text} onChange={(e) => setD({ ...d, text: e.target.value })} />)}
      <div className="field-row">
        {field(
          'topic',
          'Тема',
          <select id={id('topic')} value={d.topic} onChange={(e) => setD({ ...d, topic: e.target.value })}>
            <option value="">— выберите тему —</option>
            {(dict?.topics ?? []).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>,
        )}
        {field(
          'district',
          'Район',
          dict?.districts.length ? (
            <select id={id('district')} value={d.district} onChange={(e) => setD({ ...d, district: e.target.value })}>
              <option value="">— не указан —</option>
              {dict.districts.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          ) : (
            <input id={id('district')} type="text" value={d.district} onChange={(e) => setD({ ...d, district: e.target.value })} />
          ),
        )}
      </div>
      <fieldset className="pd-box">
        <legend>
          <span className="pd-mark">ПД</span> Житель — персональные данные (152-ФЗ), только если нужно для ответа
        </legend>
        <div className="field-row">
          {field('resident.name', 'Имя', <input id={id('resident.name')} type="text" value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />)}
          {field('resident.contact', 'Телефон', <input id={id('resident.contact')} type="text" value={d.contact} onChange={(e) => setD({ ...d, contact: e.target.value })} />)}
        </div>
        <label className="dl-consent">
          <input type="checkbox" checked={d.publishName} onChange={(e) => setD({ ...d, publishName: e.target.checked })} /> согласен на публикацию имени
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Добавить в очередь <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onClose}>
          Отмена <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
