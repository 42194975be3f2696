/**
 * The session's statistics, as the backend counts them (stats.ts): the totals as tiles, then questions
 * by topic, district and channel (every resident who asked counts), and the departments' record.
 */
import type { DirectLineStats } from '../../../electron/backend/features/direct-lines/api-types';
import { ruDay } from './model';

type Tone = 'plain' | 'ok' | 'warn' | 'danger';

function Tile({ label, value, sub, tone = 'plain', id }: { label: string; value: number; sub?: string; tone?: Tone; id: string }) {
  return (
    <div className={`dl-tile dl-tile-${tone}`} data-stat={id}>
      <div className="dl-tile-value">{value}</div>
      <div className="dl-tile-label">{label}</div>
      {sub && <div className="dl-tile-sub">{sub}</div>}
    </div>
  );
}

export function StatsTiles({ stats }: { stats: DirectLineStats }) {
  return (
    <section className="panel dl-totals" aria-labelledby="dl-totals-title">
      <div className="dl-panel-head">
        <h2 id="dl-totals-title">Итоги</h2>
        <span className="cell-sub">просрочка — на {ruDay(stats.asOf)}</span>
      </div>
      <div className="dl-tiles">
        <Tile id="received" label="поступило вопросов" value={stats.received} sub={stats.duplicates ? `из них дубликатов: ${stats.duplicates}` : undefined} />
        <Tile id="answered-live" label="отвечено в эфире" value={stats.answeredLive} tone="ok" />
        <Tile id="answered-writing" label="ответ письменно" value={stats.answeredInWriting} />
        <Tile id="unanswered" label="без ответа" value={stats.unanswered} tone={stats.unanswered ? 'warn' : 'plain'} />
        <Tile id="assigned" label="поручено" value={stats.assigned} sub={stats.inWork ? `в работе: ${stats.inWork}` : undefined} />
        <Tile id="done-on-time" label="исполнено в срок" value={stats.doneOnTime} tone="ok" sub={stats.doneLate ? `с опозданием: ${stats.doneLate}` : undefined} />
        <Tile id="overdue" label="просрочено" value={stats.overdue} tone={stats.overdue ? 'danger' : 'plain'} />
      </div>
    </section>
  );
}

function Bars({ title, items, id }: { title: string; items: { key: string; label: string; count: number }[]; id: string }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <div className="dl-bars" data-testid={`stats-${id}`}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">нет вопросов</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.key}>
              <span className="dl-bar-label">{i.label}</span>
              <span className="dl-bar-track" aria-hidden="true">
                <span className="dl-bar" style={{ width: `${(i.count / max) * 100}%` }} />
              </span>
              <span className="dl-bar-count">{i.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatsBreakdown({ stats }: { stats: DirectLineStats }) {
  return (
    <section className="panel dl-breakdown" aria-labelledby="dl-stats-title">
      <h2 id="dl-stats-title">Статистика</h2>
      <div className="dl-bars-grid">
        <Bars id="topic" title="По темам" items={stats.byTopic} />
        <Bars id="district" title="По районам" items={stats.byDistrict} />
        <Bars id="channel" title="По каналам" items={stats.byChannel} />
      </div>
      {stats.byDepartment.length > 0 && (
        <table className="data-table dl-departments">
          <thead>
            <tr>
              <th scope="col">Исполнитель</th>
              <th scope="col" className="dl-num">
                Поручено
              </th>
              <th scope="col" className="dl-num">
                Исполнено
              </th>
              <th scope="col" className="dl-num">
                В срок
              </th>
              <th scope="col" className="dl-num">
                Просрочено
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.byDepartment.map((d) => (
              <tr key={d.department}>
                <td>{d.department}</td>
                <td className="dl-num">{d.assigned}</td>
                <td className="dl-num">{d.done}</td>
                <td className="dl-num">{d.doneOnTime}</td>
                <td className="dl-num">{d.overdue > 0 ? <span className="dl-pill dl-pill-danger">{d.overdue}</span> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
