/** Report periods: a year, a quarter or a half-year, and the same period of the previous year. */
import { periodKinds, type PeriodInfo, type PeriodKind } from './api-types.js';

const months: Record<PeriodKind, [first: number, last: number]> = {
  year: [1, 12],
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
  h1: [1, 6],
  h2: [7, 12],
};

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodOf(year: number, period: PeriodKind): PeriodInfo {
  const [first, last] = months[period];
  return {
    year,
    period,
    label: period === 'year' ? `${year} год` : `${periodKinds[period]} ${year} г.`,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  };
}

export const previousOf = (p: PeriodInfo): PeriodInfo => periodOf(p.year - 1, p.period);

/** The months (1–12) a period covers. */
const inCase: Record<PeriodKind, string> = {
  year: '',
  q1: 'I квартале',
  q2: 'II квартале',
  q3: 'III квартале',
  q4: 'IV квартале',
  h1: 'I полугодии',
  h2: 'II полугодии',
};

/** «В 2023 году», «В I квартале 2023 г.» — how a sentence opens. */
export const inPeriod = (p: Pick<PeriodInfo, 'year' | 'period'>) => (p.period === 'year' ? `В ${p.year} году` : `В ${inCase[p.period]} ${p.year}\u00a0г.`);

/** «2022 г.», «I квартал 2022 г.» — the previous period in brackets. */
export const shortLabel = (p: Pick<PeriodInfo, 'year' | 'period'>) => (p.period === 'year' ? `${p.year}\u00a0г.` : `${periodKinds[p.period]} ${p.year}\u00a0г.`);

/** «за 2023 год», «за I квартал 2023 г.» */
export const forPeriod = (p: PeriodInfo) => `за ${p.label}`;

/** The period that follows (its tasks are what the report sets): 2023 → 2024, q4 2023 → q4 2024. */
export const nextOf = (p: PeriodInfo): PeriodInfo => periodOf(p.year + 1, p.period);

export const reportId = (year: number, period: PeriodKind) => `${year}-${period}`;
