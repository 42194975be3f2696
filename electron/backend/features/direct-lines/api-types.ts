/** What api.ts needs from this feature: input schemas (values) and output types (types only). */
export {
  AnonymiseInput,
  AnonymisePreviewInput,
  AssignInput,
  AssignmentUpdate,
  DictionaryInput,
  DirectLineFields,
  DirectLineQuery,
  DirectLineRef,
  DirectLineRemove,
  DirectLineSetStatus,
  DirectLineUpdate,
  ExportAssignmentsInput,
  ExportQaInput,
  MarkAnsweredLive,
  NextQuestion,
  QuestionAdd,
  QuestionMerge,
  QuestionRef,
  QuestionUpdate,
  StatsInput,
} from './schema.js';
export type { Dictionary, DirectLine, Question } from './schema.js';
export type { DirectLineSummary, QuestionView, SessionCounts } from './views.js';
export type { DirectLineCard } from './sessions.js';
export type { LiveState } from './live.js';
export type { DirectLineStats } from './stats.js';
export type { AnonymiseHit, AnonymisePreview, AnonymiseResult } from './anonymise.js';
