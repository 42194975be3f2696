/**
 * One definition per chart: the ECharts option is built here from the figures, as plain JSON (no
 * functions), so it crosses IPC unchanged. The renderer draws it; the DOCX renders the same option
 * server-side (chart-png.ts). Both call `localizeOption` first: it adds the Russian number format
 * («9 269») to axis labels and tooltips — a function, so it cannot travel in the JSON itself.
 * No Node imports: the renderer imports this file.
 */
import { platforms, type PeriodInfo, type ReportChart } from './api-types.js';

const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const COLORS = ['#1f5fa8', '#7fb0dd', '#2e8b3e', '#e67e22', '#7b4fa8', '#c0392b'];
/** The previous period pale, the current one strong. */
const PREV = { color: '#b8c9dc' };
const CUR = { color: '#1f5fa8' };
const FONT = 'Liberation Sans, DejaVu Sans, Arial, sans-serif';

const base = (title: string) => ({
  animation: false,
  color: COLORS,
  textStyle: { fontFamily: FONT, fontSize: 13 },
  title: { text: title, left: 'center', top: 6, textStyle: { fontFamily: FONT, fontSize: 15, fontWeight: 'bold' } },
  legend: { bottom: 4, textStyle: { fontFamily: FONT, fontSize: 13 } },
  grid: { left: 64, right: 24, top: 48, bottom: 56 },
  tooltip: { trigger: 'axis' },
});

export interface ChartInput {
  p: PeriodInfo;
  q: PeriodInfo;
  /** Months covered by the period (1–12) and the counts per month, current and previous. */
  months: number[];
  byMonth: number[] | null;
  byMonthPrev: number[] | null;
  projects: { name: string; value: number; previous: number }[];
  /** Total subscribers at the end of each month (null where there is no count yet), per platform. */
  subscribers: { labels: string[]; series: { platform: string; values: (number | null)[] }[] } | null;
}

const yearLabel = (p: PeriodInfo) => (p.period === 'year' ? String(p.year) : p.label);

export function buildCharts(c: ChartInput): ReportChart[] {
  const charts: ReportChart[] = [];
  if (c.byMonth || c.byMonthPrev) {
    charts.push({
      id: 'site-by-month',
      title: 'Публикации на официальном сайте по месяцам',
      option: {
        ...base('Публикации на официальном сайте по месяцам'),
        xAxis: { type: 'category', data: c.months.map((m) => MONTHS[m - 1]), axisLabel: { interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: yearLabel(c.q), type: 'bar', itemStyle: PREV, data: c.byMonthPrev ?? [] },
          { name: yearLabel(c.p), type: 'bar', itemStyle: CUR, data: c.byMonth ?? [] },
        ],
      },
    });
  }
  if (c.projects.length) {
    const list = [...c.projects].reverse();
    charts.push({
      id: 'site-by-project',
      title: 'Публикации по национальным проектам',
      option: {
        ...base('Публикации по национальным проектам'),
        grid: { left: 250, right: 32, top: 48, bottom: 56 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: list.map((x) => x.name), axisLabel: { width: 230, overflow: 'break', fontSize: 12 } },
        series: [
          { name: yearLabel(c.q), type: 'bar', itemStyle: PREV, data: list.map((x) => x.previous) },
          { name: yearLabel(c.p), type: 'bar', itemStyle: CUR, data: list.map((x) => x.value) },
        ],
      },
    });
  }
  if (c.subscribers) {
    charts.push({
      id: 'subscribers',
      title: 'Подписчики официальных страниц',
      option: {
        ...base('Подписчики официальных страниц'),
        xAxis: { type: 'category', data: c.subscribers.labels, axisLabel: { fontSize: 11 } },
        yAxis: { type: 'value' },
        series: c.subscribers.series.map((s) => ({
          name: platforms[s.platform as keyof typeof platforms] ?? s.platform,
          type: 'line',
          stack: 'total',
          areaStyle: { opacity: 0.35 },
          symbol: 'none',
          connectNulls: true,
          data: s.values,
        })),
      },
    });
  }
  return charts;
}

const ru = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
/** «9 269» for axis labels and tooltips. */
export const formatChartNumber = (v: unknown) => (typeof v === 'number' ? ru.format(v) : String(v ?? ''));

type Axis = Record<string, unknown> & { type?: string; axisLabel?: Record<string, unknown> };

/** The option with the Russian number format on its value axes and tooltip (returns a copy). */
export function localizeOption(option: Record<string, unknown>): Record<string, unknown> {
  const axis = (a: unknown) => {
    if (!a || typeof a !== 'object') return a;
    const x = a as Axis;
    return x.type === 'value' ? { ...x, axisLabel: { ...(x.axisLabel ?? {}), formatter: formatChartNumber } } : x;
  };
  const tooltip = option.tooltip && typeof option.tooltip === 'object' ? { ...(option.tooltip as object), valueFormatter: formatChartNumber } : option.tooltip;
  return { ...option, xAxis: axis(option.xAxis), yAxis: axis(option.yAxis), tooltip };
}

export const monthLabel = (year: number, month: number) => `${MONTHS[month - 1]} ${String(year).slice(2)}`;
