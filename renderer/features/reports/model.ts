/** Periods, indicator kinds and their columns as the report screens show them. */
import { periodKinds } from '../../../electron/backend/features/reports/api-types';
import type { ReportPeriod } from './types';

export const periodOptions = Object.entries(periodKinds).map(([value, label]) => ({ value: value as ReportPeriod, label }));

export const isPeriod = (s: string | undefined): s is ReportPeriod => !!s && periodOptions.some((p) => p.value === s);

/** The annual report is written after the year ends: by default, the year before this one. */
export const defaultReportYear = (thisYear: number) => thisYear - 1;

export function reportPath(year: number, period: ReportPeriod): string {
  return `/reports/${year}${period === 'year' ? '' : `/${period}`}`;
}

/** ISO day → «05.06.2026». */
export const dayText = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10).split('-').reverse().join('.') : iso);

export const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `t${Date.now()}${Math.random().toString(36).slice(2)}`);
