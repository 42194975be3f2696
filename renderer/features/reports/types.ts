/** The report's types as the renderer uses them: the backend's api-types, named once here. */
export type {
  DrillResult as Drill,
  DrillRow,
  Figure,
  IncidentRow,
  IndicatorKind,
  IndicatorRow,
  PeriodInfo,
  PeriodKind as ReportPeriod,
  ReportChart,
  ReportSection,
  ReportView,
  Sentence,
  SubscriberRow,
  Summary,
  SummaryFigure,
  TaskDone,
  VoteRow,
} from '../../../electron/backend/features/reports/api-types';
export type TaskNext = { id: string; text: string };
