/** The board: a column per status, the newest / longest-waiting cards first. */
import { useEffect, useState } from 'react';
import type { BoardColumn, ReleaseSummary } from '../../../electron/backend/features/releases/view';
import type { ReleaseType } from '../../../electron/backend/features/releases/schema';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { ReleasesHeader } from './Header';
import { errorText, formatWhen, useReleaseOptions } from './util';

export function Board() {
  const { timeZone, dataVersion } = useAppState();
  const options = useReleaseOptions();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<ReleaseType | ''>('');
  const [project, setProject] = useState('');
  const [columns, setColumns] = useState<BoardColumn[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let stale = false;
    const t = window.setTimeout(() => {
      api.releases
        .board({ query, types: type ? [type] : [], tag: '', nationalProject: project, limitPerColumn: 30 })
        .then((b) => !stale && (setColumns(b.columns), setError('')))
        .catch((err) => !stale && setError(errorText(err)));
    }, query ? 200 : 0);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [query, type, project, dataVersion]);

  return (
    <div className="page rl-page">
      <ReleasesHeader view="board" options={options} />
      <div className="toolbar" role="search">
        <input type="search" className="toolbar-search" aria-label="Поиск релизов" placeholder="Поиск по тексту: «дороги» найдёт и «дорогам»" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Вид релиза" value={type} onChange={(e) => setType(e.target.value as ReleaseType | '')}>
          <option value="">Все виды</option>
          {options?.types.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <select aria-label="Национальный проект" value={project} onChange={(e) => setProject(e.target.value)}>
          <option value="">Все нацпроекты</option>
          {options?.nationalProjects.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {columns && (
        <div className="rl-board">
          {columns.map((c) => (
            <section key={c.status} className={`rl-column rl-col-${c.status}`} aria-label={c.label} data-status={c.status}>
              <h2>
                {c.label} <span className="rl-col-count">{c.total}</span>
              </h2>
              <div className="rl-column-cards">
                {c.items.map((r) => (
                  <BoardCard key={r.id} r={r} timeZone={timeZone} />
                ))}
                {c.total > c.items.length && <div className="muted rl-more">и ещё {c.total - c.items.length} — в «Списке»</div>}
                {c.total === 0 && <div className="muted rl-more">Пусто</div>}
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function BoardCard({ r, timeZone }: { r: ReleaseSummary; timeZone: string }) {
  const { done, total, passed } = r.checklist;
  return (
    <a className="rl-card" href={`#/releases/${r.id}`} data-id={r.id}>
      <div className="rl-card-top">
        <span className="badge badge-muted">{r.typeLabel}</span>
        {r.needsRepublish && <span className="badge rl-badge-warn">переопубликовать</span>}
      </div>
      <div className="rl-card-title">{r.headline || 'Без заголовка'}</div>
      <div className="rl-card-meta">
        <span title="Планируемая публикация">{r.plannedAt ? formatWhen(r.plannedAt, timeZone) : r.publishedAt ? formatWhen(r.publishedAt, timeZone) : 'дата не указана'}</span>
        <span className={`rl-check ${passed ? 'ok' : ''}`} title={passed ? 'Чек-лист выполнен' : 'Чек-лист: выполнено пунктов'}>
          {passed ? '✓ ' : ''}
          {done}/{total}
        </span>
      </div>
      <div className="rl-check-bar" aria-hidden="true">
        <span style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
    </a>
  );
}
