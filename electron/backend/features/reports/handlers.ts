import type { HandlerTable } from '../../context.js';
import { importCsv } from './csv-import.js';
import { listIndicators, removeIndicator, saveIndicator } from './indicators.js';
import { drillReport, exportReport, getReport, saveReport } from './report.js';
import { getReportSettings, saveReportSettings } from './settings.js';
import { getSummary } from './summary.js';

type ReportMethod =
  | 'reports.indicators.list'
  | 'reports.indicators.save'
  | 'reports.indicators.remove'
  | 'reports.indicators.importCsv'
  | 'reports.get'
  | 'reports.drill'
  | 'reports.save'
  | 'reports.exportDocx'
  | 'reports.settings.get'
  | 'reports.settings.save'
  | 'summary.get';

export const reportHandlers: HandlerTable<ReportMethod> = {
  'reports.indicators.list': (input, ctx) => listIndicators(ctx.store, input.kind, input.year),
  'reports.indicators.save': (input, ctx) => saveIndicator(ctx, input.kind, input.row),
  'reports.indicators.remove': (input, ctx) => removeIndicator(ctx, input.kind, input.id),
  'reports.indicators.importCsv': (input, ctx) => importCsv(ctx, input.kind, input.csv),
  'reports.get': (input, ctx) => getReport(ctx, input),
  'reports.drill': (input, ctx) => drillReport(ctx, input),
  'reports.save': (input, ctx) => saveReport(ctx, input),
  'reports.exportDocx': (input, ctx) => exportReport(ctx, input),
  'reports.settings.get': (_input, ctx) => getReportSettings(ctx.store),
  'reports.settings.save': (input, ctx) => saveReportSettings(ctx, input.councilName),
  'summary.get': (_input, ctx) => getSummary(ctx),
};
