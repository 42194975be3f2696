/** The search box in the top bar: every feature's records, arrows to move, Enter to open. */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../electron/backend/api';
import { api } from '../api';
import { SEARCH_INPUT_ID } from './hotkeys';
import { Icon } from './icons';
import { navigate, pathOf } from './router';
import type { SectionId } from './sections';

/** A hit may point inside its record: a direct line's question (`questionId`) opens the session at that question. */
function pathOfHit(hit: SearchHit & { questionId?: string }): string {
  return pathOf({ section: hit.section as SectionId, id: hit.id, sub: hit.questionId ? `question/${hit.questionId}` : undefined });
}

export function GlobalSearch() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const listId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let stale = false;
    const timer = window.setTimeout(() => {
      api.search
        .global({ query: q, limit: 20 })
        .then((result) => {
          if (stale) return;
          setHits(result);
          setActive(0);
          setError('');
        })
        .catch((err: Error) => !stale && setError(err.message));
    }, 180);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  const openHit = async (hit: SearchHit) => {
    // Leave the box first: the opened page may move focus (to a card, to a staff row) and must keep it.
    setOpen(false);
    inputRef.current?.blur();
    if (await navigate(pathOfHit(hit))) setQuery('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % count);
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      setActive((i) => (i - 1 + count) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits?.[active];
      if (hit) void openHit(hit);
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      if (open && query) setOpen(false);
      else {
        setQuery('');
        e.currentTarget.blur();
      }
    }
  };

  const showList = open && query.trim() !== '' && (hits !== null || error !== '');
  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <div
      className="global-search"
      ref={boxRef}
      onBlur={(e) => {
        if (!boxRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Icon name="search" size={16} />
      <input
        id={SEARCH_INPUT_ID}
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Поиск по всем разделам"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits?.length ? optionId(active) : undefined}
        placeholder="Поиск по всем разделам  (Ctrl+K)"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="search-results" id={listId} role="listbox" aria-label="Результаты поиска">
          {error && <li className="search-empty">{error}</li>}
          {!error && hits?.length === 0 && <li className="search-empty">Ничего не найдено</li>}
          {hits?.map((hit, i) => (
            <li
              key={`${i}:${hit.section}:${hit.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void openHit(hit)}
            >
              <span className="hit-title">{hit.title}</span>
              <span className="hit-subtitle">{hit.subtitle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
