/**
 * A searchable pick-one list for the editor's links (an event, a direct line): a search box with the
 * nearest dates first, arrows to move, Enter to pick, Esc to close without a change.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { normalizeForSearch } from '../../../electron/backend/format';

export interface LinkOption {
  id: string;
  /** «пт, 5 июня 2026 г., 10:00» */
  when: string;
  title: string;
  sub: string;
  /** Milliseconds: the list is sorted by distance from now (upcoming and recent first). */
  at: number;
}

const SHOWN = 30;

export function LinkPicker(props: { label: string; load: () => Promise<LinkOption[]>; current: string | null; onPick(id: string): void; onClose(): void }) {
  const { label, load, current, onPick, onClose } = props;
  const [all, setAll] = useState<LinkOption[] | null>(null);
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let stale = false;
    load()
      .then((list) => {
        if (stale) return;
        const now = Date.now();
        setAll([...list].sort((a, b) => Math.abs(a.at - now) - Math.abs(b.at - now)));
      })
      .catch((err: Error) => !stale && setError(err.message));
    input.current?.focus();
    return () => {
      stale = true;
    };
  }, [load]);

  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const hits = (all ?? []).filter((o) => {
    const text = normalizeForSearch(`${o.when} ${o.title} ${o.sub}`);
    return words.every((w) => text.includes(w));
  });
  const shown = hits.slice(0, SHOWN);
  const optionId = (i: number) => `${listId}-${i}`;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && shown.length) {
      e.preventDefault();
      setActive((i) => (i + 1) % shown.length);
    } else if (e.key === 'ArrowUp' && shown.length) {
      e.preventDefault();
      setActive((i) => (i - 1 + shown.length) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = shown[active];
      if (hit) onPick(hit.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // not the editor's «close»
      onClose();
    }
  };

  return (
    <div className="rl-picker">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length ? optionId(Math.min(active, shown.length - 1)) : undefined}
        placeholder="Название, место или дата"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="rl-picker-list" id={listId} role="listbox" aria-label={label}>
        {error && <li className="rl-picker-empty">{error}</li>}
        {!error && !all && <li className="rl-picker-empty">Загрузка…</li>}
        {all && hits.length === 0 && <li className="rl-picker-empty">Ничего не найдено</li>}
        {shown.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`${i === active ? 'active' : ''}${o.id === current ? ' current' : ''}`}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(o.id)}
          >
            <span className="rl-picker-when">{o.when}</span>
            <span className="rl-picker-title">{o.title}</span>
            {o.sub && <span className="cell-sub">{o.sub}</span>}
          </li>
        ))}
        {hits.length > SHOWN && <li className="rl-picker-empty">…и ещё {hits.length - SHOWN}: уточните поиск</li>}
      </ul>
      <button type="button" className="button button-small button-quiet" onClick={onClose}>
        Отмена
      </button>
    </div>
  );
}
