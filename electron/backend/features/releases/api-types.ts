/** Everything api.ts needs from releases: input schemas (values) and output types. */
export {
  AddPhotoInput,
  ApproveInput,
  BoardQuery,
  CommentInput,
  CreateInput,
  DiffInput,
  DraftInput,
  ExportBatchInput,
  ExportInput,
  FromEventInput,
  PhotoInput,
  PublishInput,
  ReleaseById,
  ReleaseQuery,
  RestoreInput,
  ReturnInput,
  SaveInput,
  SubmitInput,
  UnpublishInput,
  UpdatePhotoInput,
  VersionInput,
} from './inputs.js';
export type { DraftSaved, PhotoFile, ReleaseDiff, ReleaseOptions, VersionDetail } from './types.js';
export type { ReleaseView } from './view.js';
export type { ReleaseTemplate } from './templates.js';
export type { BoardColumn, ReleaseList, ReleaseSummary } from './view.js';
export type { VersionSummary, DiffPart, TextDiff, MetaChange } from './versions.js';
export type { Checklist, ChecklistItem, ReleaseCounts } from './checklist.js';
export type { BodyDoc, Block, Inline, Mark } from './body.js';
export type { Release, ReleaseContent, ReleaseType, ReleaseStatus, ReleaseChannel, Photo, Quote, MediaContact } from './schema.js';
