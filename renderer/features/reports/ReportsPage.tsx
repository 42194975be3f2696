/**
 * Отчёты: #/reports — the report for last year; #/reports/2025[/q1|…|h2] — a year or a part of it;
 * #/reports/indicators[/subscribers|votes|incidents] — the indicators entered by hand or from CSV.
 */
import { useAppState } from '../../shell/app-state';
import { navigate } from '../../shell/router';
import { isKind, IndicatorsPage } from './IndicatorsPage';
import { defaultReportYear, isPeriod, periodOptions, reportPath } from './model';
import { ReportEditor } from './ReportEditor';
import type { ReportPeriod } from './types';
import './reports.css';
import './indicators.css';

let remembered: { year: number; period: ReportPeriod } | null = null;

function Header({ indicators, year, period }: { indicators: boolean; year: number; period: ReportPeriod }) {
  return (
    <header className="page-header">
      <h1>Отчёты</h1>
      <nav className="rp-views" aria-label="Отчёты">
        <a
          href={`#${reportPath(year, period)}`}
          aria-current={!indicators ? 'page' : undefined}
          onClick={(e) => (e.preventDefault(), void navigate(reportPath(year, period)))}
        >
          Отчёт за период
        </a>
        <a href="#/reports/indicators" aria-current={indicators ? 'page' : undefined} onClick={(e) => (e.preventDefault(), void navigate('/reports/indicators'))}>
          Показатели
        </a>
      </nav>
    </header>
  );
}

function PeriodPicker({ year, period, thisYear }: { year: number; period: ReportPeriod; thisYear: number }) {
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  return (
    <div className="toolbar rp-period">
      <label>
        Год{' '}
        <select aria-label="Год" value={year} onChange={(e) => void navigate(reportPath(Number(e.target.value), period))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        Период{' '}
        <select aria-label="Период" value={period} onChange={(e) => void navigate(reportPath(year, e.target.value as ReportPeriod))}>
          {periodOptions.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function ReportsPage({ id, sub }: { id?: string; sub?: string }) {
  const { timeZone } = useAppState();
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
  if (id === 'indicators') {
    const kind = isKind(sub) ? sub : 'subscribers';
    const back = remembered ?? { year: defaultReportYear(thisYear), period: 'year' as const };
    return (
      <div className="page rp-page">
        <Header indicators year={back.year} period={back.period} />
        <IndicatorsPage kind={kind} toolbar={null} />
      </div>
    );
  }
  const year = id && /^\d{4}$/.test(id) ? Number(id) : (remembered?.year ?? defaultReportYear(thisYear));
  const period: ReportPeriod = isPeriod(sub) ? sub : id ? 'year' : (remembered?.period ?? 'year');
  remembered = { year, period };
  return (
    <div className="page rp-page">
      <Header indicators={false} year={year} period={period} />
      <ReportEditor key={`${year}-${period}`} year={year} period={period} toolbar={<PeriodPicker year={year} period={period} thisYear={thisYear} />} />
    </div>
  );
}
