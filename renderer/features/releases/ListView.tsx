/** The list: stemmed search, filters (status, type, tag, national project, period), sort; export of a period. */
import { useEffect, useState } from 'react';
import type { ReleaseList } from '../../../electron/backend/features/releases/view';
import type { ReleaseStatus, ReleaseType } from '../../../electron/backend/features/releases/schema';
import { countOf } from '../../../electron/backend/format';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { ReleasesHeader } from './Header';
import { errorText, formatWhen, todayIn, useReleaseOptions } from './util';

type Sort = 'relevance' | 'date' | 'planned' | 'updated' | 'created' | 'headline' | 'status';
const sorts: { value: Sort; label: string }[] = [
  { value: 'date', label: 'по дате' },
  { value: 'relevance', label: 'по релевантности' },
  { value: 'planned', label: 'по плану публикации' },
  { value: 'updated', label: 'по изменению' },
  { value: 'headline', label: 'по заголовку' },
  { value: 'status', label: 'по статусу' },
];
const PAGE = 50;

export function ListView() {
  const { timeZone, dataVersion } = useAppState();
  const toast = useToast();
  const options = useReleaseOptions();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ReleaseStatus | ''>('');
  const [type, setType] = useState<ReleaseType | ''>('');
  const [tag, setTag] = useState('');
  const [project, setProject] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<Sort>('date');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [limit, setLimit] = useState(PAGE);
  const [data, setData] = useState<ReleaseList | null>(null);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);

  useEffect(() => setLimit(PAGE), [query, status, type, tag, project, from, to, sort, direction]);
  useEffect(() => {
    let stale = false;
    const t = window.setTimeout(() => {
      api.releases
        .list({
          query,
          statuses: status ? [status] : [],
          types: type ? [type] : [],
          tag,
          nationalProject: project,
          from: from || undefined,
          to: to || undefined,
          sort: query && sort === 'date' ? 'relevance' : sort,
          direction,
          offset: 0,
          limit,
        })
        .then((r) => !stale && (setData(r), setError('')))
        .catch((err) => !stale && setError(errorText(err)));
    }, query || tag ? 250 : 0);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
  }, [query, status, type, tag, project, from, to, sort, direction, limit, dataVersion]);

  const exportBatch = async () => {
    const today = todayIn(timeZone);
    const f = from || `${today.slice(0, 7)}-01`;
    const t = to || today;
    setExporting(true);
    try {
      toast(saveExport(await api.releases.exportBatch({ from: f, to: t, statuses: status ? [status] : ['published'], types: type ? [type] : [], withPhotos: true })));
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="page rl-page">
      <ReleasesHeader
        view="list"
        options={options}
        count={data && <span className="page-count">{countOf(data.total, ['релиз', 'релиза', 'релизов'])}</span>}
        actions={
          <button type="button" className="button" disabled={exporting} onClick={() => void exportBatch()} title="Релизы за период (по умолчанию — опубликованные с начала месяца) одним документом Word">
            {exporting ? 'Экспорт…' : 'Экспорт за период'}
          </button>
        }
      />
      <div className="toolbar rl-filters" role="search">
        <input type="search" className="toolbar-search" aria-label="Поиск релизов" placeholder="Поиск: «дороги» найдёт и «дорогам»" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Статус" value={status} onChange={(e) => setStatus(e.target.value as ReleaseStatus | '')}>
          <option value="">Все статусы</option>
          {options?.statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select aria-label="Вид релиза" value={type} onChange={(e) => setType(e.target.value as ReleaseType | '')}>
          <option value="">Все виды</option>
          {options?.types.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <input type="text" aria-label="Тег" placeholder="Тег" list="rl-tags" value={tag} onChange={(e) => setTag(e.target.value)} className="rl-tag-filter" />
        <datalist id="rl-tags">
          {options?.tags.slice(0, 50).map((t) => <option key={t.tag} value={t.tag} />)}
        </datalist>
        <select aria-label="Национальный проект" value={project} onChange={(e) => setProject(e.target.value)}>
          <option value="">Все нацпроекты</option>
          {options?.nationalProjects.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label className="rl-period">
          с <input type="date" aria-label="Период с" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="rl-period">
          по <input type="date" aria-label="Период по" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <select aria-label="Сортировка" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          {sorts.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" aria-label={direction === 'desc' ? 'Сначала новые' : 'Сначала старые'} title="Порядок" onClick={() => setDirection(direction === 'desc' ? 'asc' : 'desc')}>
          {direction === 'desc' ? '↓' : '↑'}
        </button>
      </div>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {data && data.items.length === 0 && <div className="empty">Ничего не найдено. Измените запрос или фильтры.</div>}
      {data && data.items.length > 0 && (
        <div className="rl-scroll">
          <table className="data-table rl-list">
            <thead>
              <tr>
                <th scope="col">Дата</th>
                <th scope="col">Релиз</th>
                <th scope="col">Вид</th>
                <th scope="col">Статус</th>
                <th scope="col">Чек-лист</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id} onClick={() => void navigate(`/releases/${r.id}`)} className="rl-row">
                  <td className="rl-nowrap">{formatWhen(r.date, timeZone, false)}</td>
                  <td>
                    <a href={`#/releases/${r.id}`} className="rl-row-title" onClick={(e) => e.stopPropagation()}>
                      {r.headline || 'Без заголовка'}
                    </a>
                    {r.snippet ? <div className="cell-sub rl-snippet">{r.snippet}</div> : r.lead && <div className="cell-sub">{r.lead}</div>}
                    {r.tags.length > 0 && <div className="rl-tags-line">{r.tags.map((t) => `#${t}`).join(' ')}</div>}
                  </td>
                  <td>{r.typeLabel}</td>
                  <td>
                    <span className={`rl-status rl-status-${r.status}`}>{r.statusLabel}</span>
                    {r.needsRepublish && <div className="cell-sub">нужно переопубликовать</div>}
                  </td>
                  <td className={r.checklist.passed ? 'rl-ok' : ''}>
                    {r.checklist.done}/{r.checklist.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.total > data.items.length && (
            <button type="button" className="button rl-more-button" onClick={() => setLimit(limit + PAGE)}>
              Показать ещё ({data.total - data.items.length})
            </button>
          )}
        </div>
      )}
    </div>
  );
}
