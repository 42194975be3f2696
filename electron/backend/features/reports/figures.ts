/** The report's figures and sections as built (with their drills), before they become a ReportView. */
import { formatMoney, formatInt } from '../../format.js';
import type { DrillRow, Figure, PeriodInfo } from './api-types.js';
import type { Measures } from './measure.js';
import type { Snap } from './snapshot.js';
import { change, NO_DATA } from './text.js';

export interface Fig {
  key: string;
  label: string;
  unit: string | null;
  money?: boolean;
  value: number | null;
  previous: number | null;
  /** The records behind the current period's value. */
  drill?: () => DrillRow[];
}

export interface Sec {
  id: string;
  title: string;
  figures: Fig[];
  sentences: { key: string; generated: string }[];
  noData: boolean;
}

export interface Build {
  snap: Snap;
  tz: string;
  cur: Measures;
  prev: Measures;
  p: PeriodInfo;
  q: PeriodInfo;
}

export function fig(key: string, label: string, value: number | null, previous: number | null, opts: { unit?: string; money?: boolean; drill?: () => DrillRow[] } = {}): Fig {
  return { key, label, unit: opts.unit ?? (opts.money ? '₽' : null), money: opts.money, value, previous, drill: opts.drill };
}

export function display(f: Partial<Pick<Fig, 'money' | 'unit'>>, v: number | null): string {
  if (v === null) return NO_DATA;
  if (f.money) return formatMoney(v);
  return f.unit ? `${formatInt(v)}\u00a0${f.unit}` : formatInt(v);
}

export const toFigure = (f: Fig): Figure => ({
  key: f.key,
  label: f.label,
  value: f.value,
  previous: f.previous,
  change: change(f.value, f.previous, f.money),
  unit: f.unit,
  display: display(f, f.value),
  previousDisplay: display(f, f.previous),
  drillable: !!f.drill,
});

/** A value of the current (or previous) measures, or null when that source has no data. */
export const pick = <T, R>(m: T | null, get: (m: T) => R): R | null => (m === null ? null : get(m));
