/**
 * One report chart, drawn from the ECharts option the backend built (the same option the DOCX export
 * renders to PNG). Only the parts the report uses are registered (echarts/core keeps the bundle smaller).
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { localizeOption } from '../../../electron/backend/features/reports/charts';
import type { ReportChart } from './types';

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

type Axis = Record<string, unknown>;

/** Wrapped category labels need a line height, or their lines overlap. */
function wrapSafe(axis: unknown): unknown {
  if (!axis || typeof axis !== 'object' || Array.isArray(axis)) return axis;
  const label = ((axis as Axis).axisLabel as Axis | undefined) ?? {};
  return label.overflow === 'break' ? { ...(axis as Axis), axisLabel: { lineHeight: 15, ...label } } : axis;
}

/**
 * The option as the screen draws it: Russian numbers (the backend's localizeOption, as the DOCX does),
 * the caption is the page's own rather than the picture's, tooltips stay inside the box.
 */
function screenOption(option: Record<string, unknown>): Record<string, unknown> {
  const local = localizeOption(option);
  const grid = (local.grid as Axis | undefined) ?? {};
  return {
    ...local,
    animation: false,
    title: { show: false },
    grid: { ...grid, top: 16 },
    yAxis: wrapSafe(local.yAxis),
    tooltip: { trigger: 'axis', ...((local.tooltip as Axis | undefined) ?? {}), confine: true },
  };
}

/** A horizontal bar chart grows with its categories so their labels never overlap. */
function heightOf(option: Record<string, unknown>): number {
  const y = option.yAxis as Axis | undefined;
  const categories = y && !Array.isArray(y) && y.type === 'category' && Array.isArray(y.data) ? y.data.length : 0;
  return Math.max(300, categories * 44 + 90);
}

export function Chart({ chart }: { chart: ReportChart }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg', locale: 'EN' });
    instance.setOption(screenOption(chart.option));
    el.dataset.painted = 'true';
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, [chart]);
  return (
    <figure className="rp-chart" data-testid={`chart-${chart.id}`}>
      <figcaption>{chart.title}</figcaption>
      <div ref={box} className="rp-chart-box" role="img" aria-label={chart.title} style={{ height: heightOf(chart.option) }} />
    </figure>
  );
}
