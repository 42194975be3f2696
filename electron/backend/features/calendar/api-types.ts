/** What api.ts needs from the calendar: input schemas and output types (no Node imports). */
export {
  CalendarQuery,
  CoverageToggle,
  DictionariesInput,
  EventDelete,
  EventInput,
  EventMove,
  EventRef,
  EventSetStatus,
  EventUpdate,
  IcsExport,
  PlanExport,
  type CalEvent,
  type EventDetails,
  type Occurrence,
} from './schema.js';
export type { DictionariesView } from './dictionaries.js';
