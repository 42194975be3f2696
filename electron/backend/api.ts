/**
 * THE contract between the UI and the backend. Every method is declared here once:
 * its name, its input schema (zod; parsed before any handler runs) and its output type.
 * Electron IPC, the browser-mode HTTP server and the CLI are generic over this table.
 * The renderer imports only types from this file.
 */
import { z } from 'zod';
import { OutletArchive, OutletExport, OutletFields, OutletQuery, OutletUpdate, type Outlet } from './features/outlets/schema.js';
import { SettingsInput, type Settings } from './features/settings/schema.js';
import type { DataFolderChoice, DataFolderView } from './features/settings/data-folder.js';
import { DemoInput, ImportInput, QuarantineKey, QuarantineRestore, type CheckReport, type QuarantinedRecord, type SystemStatus } from './features/system/schema.js';
import { SearchInput, type SearchHit } from './features/search/schema.js';
import { TodayInput, type TodayItem } from './features/today/schema.js';
import * as contracts from './features/contracts/contract-api.js';
import * as directLines from './features/direct-lines/api-types.js';
import * as calendar from './features/calendar/api-types.js';
import * as releases from './features/releases/api-types.js';
import * as reports from './features/reports/api-types.js';
import * as sync from './features/sync/api-types.js';
import { empty, id } from './schema-kit.js';
import type { ApiErrorBody } from './errors.js';

/** A document or archive produced by the backend; the transport decides how it reaches the user. */
export interface FileResult {
  kind: 'file';
  name: string;
  mime: string;
  base64: string;
}
/** What Electron returns instead of a FileResult once the user picked a place in the save dialog. */
export interface SavedResult {
  kind: 'saved';
  path: string;
}
/** The user closed Electron's save dialog without choosing a place: not an error. */
export interface CancelledResult {
  kind: 'cancelled';
}
export type ExportResult = FileResult | SavedResult | CancelledResult;

const method = <I extends z.ZodType>(input: I, opts: { writes?: boolean } = {}) => ({
  returns: <O>() => ({ input, writes: opts.writes ?? false, output: undefined as unknown as O }),
});

const ById = z.object({ id: id() });

export const api = {
  'settings.get': method(empty).returns<Settings | null>(),
  'settings.save': method(SettingsInput, { writes: true }).returns<Settings>(),
  // Настройки → Данные: the open data folder; choosing another for the next start (desktop app only).
  'settings.dataFolder.get': method(empty).returns<DataFolderView>(),
  'settings.dataFolder.choose': method(empty).returns<DataFolderChoice>(),
  'settings.dataFolder.reset': method(empty).returns<DataFolderView>(),
  'settings.dataFolder.relaunch': method(empty).returns<{ relaunching: true }>(),

  'outlets.list': method(OutletQuery).returns<Outlet[]>(),
  'outlets.get': method(ById).returns<Outlet>(),
  'outlets.create': method(OutletFields, { writes: true }).returns<Outlet>(),
  'outlets.update': method(OutletUpdate, { writes: true }).returns<Outlet>(),
  'outlets.archive': method(OutletArchive, { writes: true }).returns<Outlet>(),
  'outlets.exportDocx': method(OutletExport).returns<ExportResult>(),

  'search.global': method(SearchInput).returns<SearchHit[]>(),

  'today.get': method(TodayInput).returns<TodayItem[]>(),

  // Контракты со СМИ: register, card, publications, acts, payments, files, acts published, exports.
  'contracts.list': method(contracts.ContractQuery).returns<contracts.ContractRegister>(),
  'contracts.get': method(contracts.ContractGet).returns<contracts.ContractCard>(),
  'contracts.create': method(contracts.ContractFields, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.update': method(contracts.ContractUpdate, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.setStatus': method(contracts.ContractStatusInput, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.remove': method(ById, { writes: true }).returns<{ id: string }>(),
  'contracts.quote': method(contracts.QuoteInput).returns<contracts.Quote>(),
  'contracts.addPublication': method(contracts.PublicationFields, { writes: true }).returns<contracts.PublicationResult>(),
  'contracts.importPublications': method(contracts.PublicationsImport, { writes: true }).returns<contracts.ImportResult>(),
  'contracts.updatePublication': method(contracts.PublicationUpdate, { writes: true }).returns<contracts.PublicationResult>(),
  'contracts.removePublication': method(ById, { writes: true }).returns<contracts.ContractSummary>(),
  'contracts.addAct': method(contracts.ActFields, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.removeAct': method(ById, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.addPayment': method(contracts.PaymentFields, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.removePayment': method(ById, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.attach': method(contracts.AttachInput, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.attachment': method(contracts.AttachmentRef).returns<contracts.AttachmentFile>(),
  'contracts.detach': method(contracts.AttachmentRef, { writes: true }).returns<contracts.ContractCard>(),
  'contracts.actsRegister': method(contracts.ActsRegisterInput).returns<contracts.ActsRegister>(),
  'contracts.collections.list': method(contracts.CollectionsQuery).returns<contracts.ActCollection[]>(),
  'contracts.collections.save': method(contracts.ActCollectionSave, { writes: true }).returns<contracts.ActCollection>(),
  'contracts.collections.remove': method(ById, { writes: true }).returns<{ id: string }>(),
  'contracts.units.list': method(empty).returns<contracts.UnitInUse[]>(),
  'contracts.units.save': method(contracts.UnitSave, { writes: true }).returns<contracts.Unit>(),
  'contracts.units.remove': method(ById, { writes: true }).returns<{ id: string }>(),
  'contracts.settings.get': method(empty).returns<contracts.ContractSettings>(),
  'contracts.settings.save': method(contracts.ContractSettingsInput, { writes: true }).returns<contracts.ContractSettings>(),
  'contracts.exportRegister': method(contracts.YearInput).returns<ExportResult>(),
  'contracts.exportStatement': method(contracts.ContractGet).returns<ExportResult>(),
  'contracts.exportActsRegister': method(contracts.YearInput).returns<ExportResult>(),

  // Прямые линии: sessions, questions, the live screen, assignments, statistics, anonymisation, exports.
  'directLines.list': method(directLines.DirectLineQuery).returns<directLines.DirectLineSummary[]>(),
  'directLines.get': method(directLines.DirectLineRef).returns<directLines.DirectLineCard>(),
  'directLines.create': method(directLines.DirectLineFields, { writes: true }).returns<directLines.DirectLine>(),
  'directLines.update': method(directLines.DirectLineUpdate, { writes: true }).returns<directLines.DirectLine>(),
  'directLines.setStatus': method(directLines.DirectLineSetStatus, { writes: true }).returns<directLines.DirectLine>(),
  'directLines.remove': method(directLines.DirectLineRemove, { writes: true }).returns<{ removedQuestions: number }>(),
  'directLines.addQuestion': method(directLines.QuestionAdd, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.updateQuestion': method(directLines.QuestionUpdate, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.removeQuestion': method(directLines.QuestionRef, { writes: true }).returns<{ id: string }>(),
  'directLines.mergeQuestions': method(directLines.QuestionMerge, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.unmergeQuestion': method(directLines.QuestionRef, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.live': method(directLines.DirectLineRef).returns<directLines.LiveState>(),
  'directLines.markAnsweredLive': method(directLines.MarkAnsweredLive, { writes: true }).returns<directLines.LiveState>(),
  'directLines.nextQuestion': method(directLines.NextQuestion, { writes: true }).returns<directLines.LiveState>(),
  'directLines.assign': method(directLines.AssignInput, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.updateAssignment': method(directLines.AssignmentUpdate, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.unassign': method(directLines.QuestionRef, { writes: true }).returns<directLines.QuestionView>(),
  'directLines.stats': method(directLines.StatsInput).returns<directLines.DirectLineStats>(),
  'directLines.previewAnonymise': method(directLines.AnonymisePreviewInput).returns<directLines.AnonymisePreview>(),
  'directLines.anonymise': method(directLines.AnonymiseInput, { writes: true }).returns<directLines.AnonymiseResult>(),
  'directLines.exportQa': method(directLines.ExportQaInput).returns<ExportResult>(),
  'directLines.exportAssignments': method(directLines.ExportAssignmentsInput).returns<ExportResult>(),
  'directLines.dictionaries.get': method(empty).returns<directLines.Dictionary>(),
  'directLines.dictionaries.save': method(directLines.DictionaryInput, { writes: true }).returns<directLines.Dictionary>(),

  // Календарь: media events, recurrence (edits to this / following / all occurrences), plan DOCX, .ics.
  'calendar.list': method(calendar.CalendarQuery).returns<calendar.Occurrence[]>(),
  'calendar.get': method(calendar.EventRef).returns<calendar.EventDetails>(),
  'calendar.create': method(calendar.EventInput, { writes: true }).returns<calendar.EventDetails>(),
  'calendar.update': method(calendar.EventUpdate, { writes: true }).returns<calendar.EventDetails>(),
  'calendar.move': method(calendar.EventMove, { writes: true }).returns<calendar.EventDetails>(),
  'calendar.setStatus': method(calendar.EventSetStatus, { writes: true }).returns<calendar.EventDetails>(),
  'calendar.toggleCoverage': method(calendar.CoverageToggle, { writes: true }).returns<calendar.EventDetails>(),
  'calendar.delete': method(calendar.EventDelete, { writes: true }).returns<{ ok: true }>(),
  'calendar.dictionaries.get': method(empty).returns<calendar.DictionariesView>(),
  'calendar.dictionaries.save': method(calendar.DictionariesInput, { writes: true }).returns<calendar.DictionariesView>(),
  'calendar.exportPlan': method(calendar.PlanExport).returns<ExportResult>(),
  'calendar.exportIcs': method(calendar.IcsExport).returns<ExportResult>(),

  // Релизы: drafting with autosave, approval, versions, photos, DOCX (body: TipTap JSON, see features/releases/body.ts).
  'releases.options': method(empty).returns<releases.ReleaseOptions>(),
  'releases.list': method(releases.ReleaseQuery).returns<releases.ReleaseList>(),
  'releases.board': method(releases.BoardQuery).returns<{ columns: releases.BoardColumn[] }>(),
  'releases.get': method(releases.ReleaseById).returns<releases.ReleaseView>(),
  'releases.templates': method(empty).returns<releases.ReleaseTemplate[]>(),
  'releases.create': method(releases.CreateInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.fromEvent': method(releases.FromEventInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.saveDraft': method(releases.DraftInput, { writes: true }).returns<releases.DraftSaved>(),
  'releases.save': method(releases.SaveInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.submit': method(releases.SubmitInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.approve': method(releases.ApproveInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.returnForRework': method(releases.ReturnInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.publish': method(releases.PublishInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.unpublish': method(releases.UnpublishInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.comment': method(releases.CommentInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.versions': method(releases.ReleaseById).returns<releases.VersionSummary[]>(),
  'releases.version': method(releases.VersionInput).returns<releases.VersionDetail>(),
  'releases.diff': method(releases.DiffInput).returns<releases.ReleaseDiff>(),
  'releases.restoreVersion': method(releases.RestoreInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.addPhoto': method(releases.AddPhotoInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.updatePhoto': method(releases.UpdatePhotoInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.removePhoto': method(releases.PhotoInput, { writes: true }).returns<releases.ReleaseView>(),
  'releases.photo': method(releases.PhotoInput).returns<releases.PhotoFile>(),
  'releases.exportDocx': method(releases.ExportInput).returns<ExportResult>(),
  'releases.exportBatch': method(releases.ExportBatchInput).returns<ExportResult>(),

  // Сайт: connection (the password stays in the backend), mapping, outbox, conflicts, pull (see features/sync).
  'sync.site.get': method(empty).returns<sync.SiteView>(),
  'sync.site.save': method(sync.SiteSaveInput, { writes: true }).returns<sync.SiteView>(),
  'sync.site.forget': method(empty, { writes: true }).returns<sync.SiteView>(),
  'sync.site.check': method(empty).returns<sync.SiteCheck>(),
  'sync.mapping.get': method(empty).returns<sync.MappingView>(),
  'sync.mapping.save': method(sync.MappingSaveInput, { writes: true }).returns<sync.MappingView>(),
  'sync.mapping.refresh': method(empty).returns<sync.MappingView>(),
  'sync.publish': method(sync.PublishSiteInput, { writes: true }).returns<sync.OutboxItemView>(),
  'sync.unpublish': method(sync.ReleaseRef, { writes: true }).returns<sync.OutboxItemView>(),
  'sync.outbox.list': method(sync.OutboxQuery).returns<sync.OutboxItemView[]>(),
  'sync.outbox.retry': method(ById, { writes: true }).returns<sync.OutboxItemView>(),
  'sync.outbox.cancel': method(ById, { writes: true }).returns<sync.OutboxItemView>(),
  'sync.status': method(empty).returns<sync.SyncStatus>(),
  'sync.releaseSite': method(sync.ReleaseRef).returns<sync.ReleaseSiteView>(),
  'sync.conflict.get': method(sync.ReleaseRef).returns<sync.ConflictView>(),
  'sync.conflict.resolve': method(sync.ConflictResolveInput, { writes: true }).returns<sync.ReleaseSiteView>(),
  'sync.runNow': method(empty).returns<sync.SyncStatus>(),
  'sync.pull.start': method(sync.PullStartInput, { writes: true }).returns<sync.SyncStatus>(),
  'sync.pull.cancel': method(empty).returns<sync.SyncStatus>(),
  'sync.publications.list': method(sync.PublicationsQuery).returns<sync.PublicationList>(),

  // Отчёты: indicators entered by hand or from CSV, the report for a period, its edits, DOCX (see features/reports).
  'reports.indicators.list': method(reports.IndicatorListInput).returns<reports.IndicatorRow[]>(),
  'reports.indicators.save': method(reports.IndicatorSaveInput, { writes: true }).returns<reports.IndicatorRow>(),
  'reports.indicators.remove': method(reports.IndicatorRemoveInput, { writes: true }).returns<{ id: string }>(),
  'reports.indicators.importCsv': method(reports.IndicatorImportInput, { writes: true }).returns<{ imported: number }>(),
  'reports.get': method(reports.PeriodInput).returns<reports.ReportView>(),
  'reports.drill': method(reports.DrillInput).returns<reports.DrillResult>(),
  'reports.save': method(reports.ReportSaveInput, { writes: true }).returns<reports.ReportView>(),
  'reports.exportDocx': method(reports.PeriodInput).returns<ExportResult>(),
  'reports.settings.get': method(empty).returns<reports.ReportSettings>(),
  'reports.settings.save': method(reports.ReportSettingsInput, { writes: true }).returns<reports.ReportSettings>(),
  // Сводка (home screen): the year to date against the same dates last year, what needs attention.
  'summary.get': method(empty).returns<reports.Summary>(),

  'system.status': method(empty).returns<SystemStatus>(),
  /** Which methods change data: the status bar shows «Сохранение…» while one runs. */
  'system.methods': method(empty).returns<Record<string, { writes: boolean }>>(),
  'system.check': method(empty).returns<CheckReport>(),
  'system.backupNow': method(empty, { writes: true }).returns<{ file: string }>(),
  'system.exportArchive': method(empty).returns<ExportResult>(),
  'system.importArchive': method(ImportInput, { writes: true }).returns<{ counts: Record<string, number> }>(),
  'system.fillDemo': method(DemoInput, { writes: true }).returns<{ counts: Record<string, number> }>(),
  // Records set aside when a damaged file was read (they failed their schema): listed, put back once they pass.
  'system.quarantine.list': method(empty).returns<QuarantinedRecord[]>(),
  'system.quarantine.restore': method(QuarantineRestore, { writes: true }).returns<{ collection: string; id: string }>(),
  'system.quarantine.discard': method(QuarantineKey, { writes: true }).returns<{ key: string }>(),
} as const;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller sends (defaults may be left out). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives (defaults filled in, strings trimmed). */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Api[M]['output'];

/** Events the backend pushes to every window. */
export interface ApiEvents {
  saved: { seq: number; at: string };
  status: SystemStatus;
  /** Outbox, pull or online state changed (features/sync). */
  sync: sync.SyncStatus;
}
export type EventName = keyof ApiEvents;

/** What every transport answers for one call: a result, or the error the UI shows. */
export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * window.pressDesk: the one interface the renderer talks to, whatever carries it
 * (Electron IPC through the preload, or HTTP in browser mode).
 */
export interface PressDeskBridge {
  invoke(method: Method, input: unknown): Promise<Outcome>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

export type { DataFolderChoice, DataFolderView };
export type { Outlet, Settings, SystemStatus, CheckReport, SearchHit, TodayItem };
