/**
 * «Сегодня»: what needs attention today, from every section (api.today.get): overdue assignments,
 * contract warnings, today's events … Red — overdue, yellow — soon or needs action, blue — for today.
 * Self-contained (its own data, styles and links), so it can be mounted on any page.
 */
import { useEffect, useState } from 'react';
import type { TodayItem } from '../../../electron/backend/api';
import { formatDateLong, formatDateTime } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { navigate, pathOf } from '../../shell/router';
import { sectionIds, sectionOf, type SectionId } from '../../shell/sections';
import './today.css';

const severityNames: Record<TodayItem['severity'], string> = { danger: 'срочно', warning: 'внимание', info: 'сегодня' };

const ruDay = (day: string) => day.split('-').reverse().join('.');

/**
 * When an item is due, as the organisation reads it. Providers send either an instant with a zone
 * (shown in the organisation's zone) or a wall-clock time without one (already the organisation's);
 * «end of the day» (23:59) and all-day (00:00 without a zone) show the day only.
 */
export function dueText(due: string, timeZone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(due);
  if (!m) return due;
  const [, day, hh, mm, zone] = m as unknown as [string, string, string, string, string | undefined];
  if (`${hh}:${mm}` === '23:59' || (!zone && hh === '00' && mm === '00')) return ruDay(day);
  if (!zone) return `${ruDay(day)}, ${hh}:${mm}`;
  return formatDateTime(due, timeZone);
}

function TodayEntry({ item, timeZone }: { item: TodayItem; timeZone: string }) {
  const known = sectionIds.includes(item.section as SectionId);
  const path = known ? pathOf({ section: item.section as SectionId, id: item.id }) : null;
  return (
    <li className={`today-item today-${item.severity}`}>
      <div className="today-body">
        <span className="today-severity">{severityNames[item.severity]}</span>
        {path ? (
          <a
            className="today-title"
            href={`#${path}`}
            onClick={(e) => {
              e.preventDefault();
              void navigate(path);
            }}
          >
            {item.title}
          </a>
        ) : (
          <span className="today-title">{item.title}</span>
        )}
        {item.detail && <p className="today-detail">{item.detail}</p>}
        <div className="today-meta">
          {known && <span>{sectionOf(item.section as SectionId).title}</span>}
          {item.due && <span>срок: {dueText(item.due, timeZone)}</span>}
        </div>
      </div>
    </li>
  );
}

export function TodayPanel({ date }: { date?: string }) {
  const { timeZone, dataVersion } = useAppState();
  const [items, setItems] = useState<TodayItem[] | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let stale = false;
    api.today
      .get(date ? { date } : {})
      .then((list) => {
        if (stale) return;
        setItems(list);
        setError('');
      })
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [date, dataVersion, version]);

  const urgent = items?.filter((i) => i.severity === 'danger').length ?? 0;
  return (
    <section className="today-panel" aria-labelledby="today-title" data-testid="today-panel">
      <header className="today-header">
        <h2 id="today-title">Сегодня</h2>
        <span className="today-date">{formatDateLong(date ? `${date}T12:00:00Z` : new Date(), timeZone)}</span>
        {items && items.length > 0 && (
          <span className="today-count">
            {items.length}
            {urgent > 0 && <span className="today-urgent"> · срочных {urgent}</span>}
          </span>
        )}
        <button type="button" className="button button-small today-refresh" onClick={() => setVersion((v) => v + 1)}>
          Обновить
        </button>
      </header>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="today-empty">На сегодня ничего срочного: просроченных поручений, предупреждений и событий нет.</p>}
      {items && items.length > 0 && (
        <ul className="today-list">
          {items.map((item, i) => (
            <TodayEntry key={`${i}:${item.section}:${item.id}`} item={item} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {!items && !error && <p className="muted">Загрузка…</p>}
    </section>
  );
}
