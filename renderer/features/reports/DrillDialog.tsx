/** The records behind one figure (reports.drill), in a modal list; a record with a card opens it. */
import { useEffect, useRef, useState } from 'react';
import { countOf, formatInt } from '../../../electron/backend/format';
import { api } from '../../api';
import { navigate, pathOf } from '../../shell/router';
import { sectionIds, sectionOf, type SectionId } from '../../shell/sections';
import { dayText } from './model';
import type { Drill, ReportPeriod } from './types';

export interface DrillRequest {
  year: number;
  period: ReportPeriod;
  key: string;
  label: string;
}

const SHOWN = 500;

export function DrillDialog({ request, onClose }: { request: DrillRequest; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
    let stale = false;
    api.reports
      .drill({ year: request.year, period: request.period, key: request.key })
      .then((d) => !stale && setDrill(d))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [request]);

  const open = (section: string, id: string) => {
    if (!sectionIds.includes(section as SectionId)) return;
    ref.current?.close();
    onClose();
    void navigate(pathOf({ section: section as SectionId, id }));
  };

  return (
    <dialog
      ref={ref}
      className="rp-drill"
      aria-labelledby="rp-drill-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="rp-drill-header">
        <h2 id="rp-drill-title">{drill?.title ?? request.label}</h2>
        {drill && <span className="page-count">{countOf(drill.total, ['запись', 'записи', 'записей'])}</span>}
        <button type="button" className="icon-button" aria-label="Закрыть" onClick={onClose} autoFocus>
          ×
        </button>
      </header>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {!drill && !error && <p className="muted">Загрузка…</p>}
      {drill && drill.rows.length === 0 && <p className="empty">За этот период записей нет.</p>}
      {drill && drill.rows.length > 0 && (
        <div className="rp-drill-scroll">
          <table className="data-table rp-drill-table">
            <thead>
              <tr>
                <th scope="col">Дата</th>
                <th scope="col">Запись</th>
                <th scope="col">Подробности</th>
              </tr>
            </thead>
            <tbody>
              {drill.rows.slice(0, SHOWN).map((r, i) => {
                const known = r.link && sectionIds.includes(r.link.section as SectionId);
                return (
                  <tr key={i}>
                    <td className="rp-nowrap">{dayText(r.date)}</td>
                    <td>
                      {known && r.link ? (
                        <a
                          href={`#${pathOf({ section: r.link.section as SectionId, id: r.link.id })}`}
                          title={`Открыть в разделе «${sectionOf(r.link.section as SectionId).title}»`}
                          onClick={(e) => {
                            e.preventDefault();
                            open(r.link!.section, r.link!.id);
                          }}
                        >
                          {r.title}
                        </a>
                      ) : r.url ? (
                        <a href={r.url} target="_blank" rel="noreferrer" title="Открыть на сайте">
                          {r.title} ↗
                        </a>
                      ) : (
                        r.title
                      )}
                    </td>
                    <td className="cell-sub">{r.detail}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {drill.total > Math.min(SHOWN, drill.rows.length) && (
            <p className="muted">
              Показаны первые {formatInt(Math.min(SHOWN, drill.rows.length))} из {formatInt(drill.total)}.
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
