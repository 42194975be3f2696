/** Repeated parts of the event card: officials taking part, invited media with accreditation, topic tags, the history. */
import { useEffect, useState } from 'react';
import type { Outlet } from '../../../electron/backend/api';
import type { DictionariesView } from '../../../electron/backend/features/calendar/api-types';
import { dateShort } from '../../../electron/backend/features/calendar/fmt';
import { accreditationStatuses, eventStatuses, type Accreditation, type HistoryEntry } from '../../../electron/backend/features/calendar/schema';
import { api } from '../../api';
import { fieldId, type FieldErrors } from '../../shell/form-kit';
import { newId } from '../settings/draft';
import { localOf, wallOfStored } from './dates';
import type { MediaRow, OfficialRow } from './draft';

export function OfficialsEditor({ rows, onChange, errors }: { rows: OfficialRow[]; onChange(rows: OfficialRow[]): void; errors: FieldErrors }) {
  const set = (i: number, patch: Partial<OfficialRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    onChange([...rows, { key: newId(), name: '', position: '' }]);
    window.setTimeout(() => document.getElementById(fieldId(`officials.${rows.length}.name`))?.focus());
  };
  return (
    <fieldset className="form-section cal-officials">
      <legend>Участники от администрации</legend>
      {errors.officials && <div className="field-error">{errors.officials}</div>}
      {rows.length === 0 && <p className="muted">Участники не указаны.</p>}
      {rows.map((r, i) => {
        const error = errors[`officials.${i}.name`] ?? errors[`officials.${i}.position`];
        return (
          <div key={r.key} className={`cal-official${error ? ' field-invalid' : ''}`} role="group" aria-label={`Участник ${i + 1}`}>
            <input
              type="text"
              id={fieldId(`officials.${i}.name`)}
              aria-label={`ФИО участника № ${i + 1}`}
              placeholder="ФИО"
              value={r.name}
              aria-invalid={errors[`officials.${i}.name`] ? true : undefined}
              onChange={(e) => set(i, { name: e.target.value })}
            />
            <input
              type="text"
              id={fieldId(`officials.${i}.position`)}
              aria-label={`Должность участника № ${i + 1}`}
              placeholder="Должность"
              value={r.position}
              onChange={(e) => set(i, { position: e.target.value })}
            />
            <button type="button" className="icon-button cal-row-remove" aria-label={`Удалить участника ${r.name || i + 1}`} title="Удалить участника" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              ×
            </button>
            {error && <div className="field-error">{error}</div>}
          </div>
        );
      })}
      <button type="button" className="button button-small" onClick={add}>
        + Добавить участника
      </button>
    </fieldset>
  );
}

const accreditationOptions = Object.entries(accreditationStatuses) as [Accreditation, string][];

export function MediaEditor({ rows, onChange, errors }: { rows: MediaRow[]; onChange(rows: MediaRow[]): void; errors: FieldErrors }) {
  const [outlets, setOutlets] = useState<Outlet[] | null>(null);
  const [pick, setPick] = useState('');
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    let stale = false;
    api.outlets
      .list({ archived: 'active' })
      .then((list) => !stale && setOutlets(list))
      .catch((err: Error) => !stale && setLoadError(err.message));
    return () => {
      stale = true;
    };
  }, []);
  const invited = new Set(rows.map((r) => r.outletId));
  const available = (outlets ?? []).filter((o) => !invited.has(o.id));
  const set = (i: number, patch: Partial<MediaRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const outlet = available.find((o) => o.id === pick);
    if (!outlet) return;
    onChange([...rows, { key: newId(), outletId: outlet.id, outletName: outlet.name, accreditation: 'invited', note: '' }]);
    setPick('');
  };
  return (
    <fieldset className="form-section cal-media">
      <legend>Приглашённые СМИ</legend>
      {errors.media && <div className="field-error">{errors.media}</div>}
      {rows.length === 0 && <p className="muted">СМИ не приглашены.</p>}
      {rows.length > 0 && (
        <ul className="cal-media-list">
          {rows.map((r, i) => {
            const error = errors[`media.${i}.outletId`] ?? errors[`media.${i}.accreditation`] ?? errors[`media.${i}.note`];
            return (
              <li key={r.key} className={`cal-media-row acc-${r.accreditation}`}>
                <span className="cal-media-name" id={`media-name-${r.key}`}>
                  {r.outletName}
                </span>
                <select
                  id={fieldId(`media.${i}.accreditation`)}
                  aria-label={`Аккредитация: ${r.outletName}`}
                  value={r.accreditation}
                  onChange={(e) => set(i, { accreditation: e.target.value as Accreditation })}
                >
                  {accreditationOptions.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <button type="button" className="icon-button cal-row-remove" aria-label={`Убрать ${r.outletName}`} title="Убрать из приглашённых" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
                <input
                  type="text"
                  className="cal-media-note"
                  id={fieldId(`media.${i}.note`)}
                  aria-label={`Примечание: ${r.outletName}`}
                  placeholder="Примечание: кто придёт, что нужно…"
                  value={r.note}
                  onChange={(e) => set(i, { note: e.target.value })}
                />
                {error && <div className="field-error">{error}</div>}
              </li>
            );
          })}
        </ul>
      )}
      {loadError && <div className="field-error">{loadError}</div>}
      <div className="cal-media-add">
        <select aria-label="СМИ из справочника" value={pick} onChange={(e) => setPick(e.target.value)} disabled={!outlets || available.length === 0}>
          <option value="">{outlets && available.length === 0 ? 'Все СМИ из справочника уже приглашены' : '— выберите СМИ из справочника —'}</option>
          {available.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={add} disabled={!pick}>
          Пригласить
        </button>
      </div>
    </fieldset>
  );
}

export function TagPicker({ value, onChange, dict, errors }: { value: string[]; onChange(next: string[]): void; dict: DictionariesView; errors: FieldErrors }) {
  const error = errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1];
  const tags = dict.tags.filter((t) => !t.archived || value.includes(t.id));
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id="tags-label">
        Темы
      </span>
      <div className="cal-chips" role="group" aria-labelledby="tags-label" id={fieldId('tags')}>
        {tags.map((t) => {
          const on = value.includes(t.id);
          return (
            <button key={t.id} type="button" className="cal-chip" aria-pressed={on} onClick={() => onChange(on ? value.filter((x) => x !== t.id) : [...value, t.id])}>
              {t.name}
            </button>
          );
        })}
      </div>
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

/** «22.11.2026 — перенесено: ремонт зала; было 05.06.2026 10:00, стало 12.06.2026 10:00». Newest first. */
export function HistoryList({ entries, timeZone }: { entries: HistoryEntry[]; timeZone: string }) {
  if (entries.length === 0) return null;
  const when = (s: string) => {
    const wall = wallOfStored(s, timeZone);
    return wall.length > 10 ? `${dateShort(wall.slice(0, 10))} ${wall.slice(11, 16)}` : dateShort(wall);
  };
  return (
    <section className="form-section cal-history" aria-labelledby="cal-history-title">
      <h3 id="cal-history-title">История</h3>
      <ol>
        {[...entries].reverse().map((h, i) => (
          <li key={i}>
            <span className="cal-history-at">{dateShort(localOf(Date.parse(h.at), timeZone).slice(0, 10))}</span>{' '}
            <span className={`cal-status cal-status-${h.status}`}>{eventStatuses[h.status]}</span>
            {h.reason && <>: {h.reason}</>}
            {h.fromStart !== h.toStart && (
              <div className="cal-history-move">
                было {when(h.fromStart)} → стало {when(h.toStart)}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
