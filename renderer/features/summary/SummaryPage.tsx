/**
 * Сводка (the home screen): the year to date against the same dates last year, what needs attention
 * (every section's warnings), and the way into each section. Going somewhere is a button, not a link,
 * so the sidebar's links stay the only links named after the sections.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { navigate, pathOf } from '../../shell/router';
import { sectionIds, sectionOf, sections, type SectionId } from '../../shell/sections';
import { dueText } from '../today/TodayPanel';
import type { Summary, SummaryFigure } from '../reports/types';
import '../today/today.css';
import './summary.css';

const known = (section: string): section is SectionId => sectionIds.includes(section as SectionId);
const go = (section: string, id?: string) => known(section) && void navigate(pathOf(id ? { section, id } : { section }));

const severityNames = { danger: 'срочно', warning: 'внимание', info: 'сегодня' } as const;

function changeClass(change: string | null): string {
  if (!change) return '';
  return /^[+↑]/.test(change.trim()) ? 'sm-up' : /^[−–\-↓]/.test(change.trim()) ? 'sm-down' : '';
}

/** Where a figure leads: its section; the report's own figures go to this year's report or to the indicators behind them. */
function open(figure: SummaryFigure, year: number): void {
  if (figure.section !== 'reports') return void go(figure.section);
  const kind = figure.key.startsWith('social.') ? 'subscribers' : figure.key.startsWith('incidents.') ? 'incidents' : figure.key.startsWith('votes.') ? 'votes' : '';
  void navigate(kind ? `/reports/indicators/${kind}` : `/reports/${year}`);
}

function FigureCard({ figure, year }: { figure: SummaryFigure; year: number }) {
  const where = known(figure.section) ? sectionOf(figure.section).title : '';
  return (
    <li>
      <button type="button" className="sm-figure" data-key={figure.key} onClick={() => open(figure, year)} title={where ? `Открыть раздел «${where}»` : undefined}>
        <span className="sm-figure-label">{figure.label}</span>
        <span className={`sm-figure-value${figure.value === null ? ' sm-nodata' : ''}`}>{figure.display}</span>
        <span className="sm-figure-prev">
          {year - 1} г.: {figure.previousDisplay}
          {figure.change && <span className={`sm-change ${changeClass(figure.change)}`}> {figure.change}</span>}
        </span>
      </button>
    </li>
  );
}

export function SummaryPage() {
  const { timeZone, dataVersion, settings } = useAppState();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let stale = false;
    api.summary
      .get({})
      .then((s) => !stale && (setSummary(s), setError('')))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [dataVersion, version]);

  const urgent = summary?.attention.filter((i) => i.severity === 'danger').length ?? 0;
  return (
    <div className="page sm-page">
      <header className="page-header">
        <h1>Сводка</h1>
        {summary?.rangeLabel && (
          <span className="page-count">
            {summary.rangeLabel} · рядом {summary.previousRangeLabel}
          </span>
        )}
        <div className="page-actions">
          <button type="button" className="button" onClick={() => setVersion((v) => v + 1)}>
            Обновить
          </button>
        </div>
      </header>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {!summary && !error && <p className="muted">Считаю итоги года…</p>}
      {summary && (
        <div className="sm-layout">
          <div className="sm-main">
            <section aria-labelledby="sm-figures-title">
              <h2 id="sm-figures-title">
                {summary.year} год на {summary.asOf.split('-').reverse().join('.')}
                {settings?.organisation.city ? ` · ${settings.organisation.city}` : ''}
              </h2>
              {summary.figures.length === 0 ? (
                <p className="empty">Данных за этот год пока нет.</p>
              ) : (
                <ul className="sm-figures" data-testid="summary-figures">
                  {summary.figures.map((f) => (
                    <FigureCard key={f.key} figure={f} year={summary.year} />
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="sm-links-title">
              <h2 id="sm-links-title">Разделы</h2>
              <ul className="sm-links">
                {sections
                  .filter((s) => s.id !== 'summary')
                  .map((s) => {
                    const link = summary.links.find((l) => l.section === s.id);
                    // The report opens on the last full year (as Отчёты does).
                    const report = s.id === 'reports';
                    return (
                      <li key={s.id}>
                        <button type="button" className="sm-link" onClick={() => (report ? void navigate(`/reports/${summary.year - 1}`) : go(s.id))} title={s.about}>
                          <span>{report ? `Отчёт за ${summary.year - 1} год` : link?.label || s.title}</span>
                          {!!link?.count && (
                            <span className="sm-link-count" title="Требует внимания">
                              {new Intl.NumberFormat('ru-RU').format(link.count)}
                            </span>
                          )}
                        </button>
                      </li>
                    );
                  })}
              </ul>
            </section>
          </div>
          <section className="today-panel sm-attention" aria-labelledby="sm-attention-title" data-testid="summary-attention">
            <header className="today-header">
              <h2 id="sm-attention-title">Требует внимания</h2>
              {summary.attention.length > 0 && (
                <span className="today-count">
                  {summary.attention.length}
                  {urgent > 0 && <span className="today-urgent"> · срочных {urgent}</span>}
                </span>
              )}
            </header>
            {summary.attention.length === 0 && <p className="today-empty">Просроченных поручений, предупреждений и срочных дел нет.</p>}
            <ul className="today-list">
              {summary.attention.map((item, i) => (
                <li key={`${i}:${item.section}:${item.id}`} className={`today-item today-${item.severity}`}>
                  <div className="today-body">
                    <span className="today-severity">{severityNames[item.severity]}</span>
                    {known(item.section) ? (
                      <button type="button" className="link today-title sm-attention-title" onClick={() => go(item.section, item.id)}>
                        {item.title}
                      </button>
                    ) : (
                      <span className="today-title">{item.title}</span>
                    )}
                    {item.detail && <p className="today-detail">{item.detail}</p>}
                    <div className="today-meta">
                      {known(item.section) && <span>{sectionOf(item.section).title}</span>}
                      {item.due && <span>срок: {dueText(item.due, timeZone)}</span>}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
