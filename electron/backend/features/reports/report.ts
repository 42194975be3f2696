/** reports.get / drill / save / exportDocx: each reads one consistent snapshot of the data. */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import type { ExportResult } from '../../api.js';
import { fieldError, AppError } from '../../errors.js';
import { orgToday } from '../today/handlers.js';
import type { DrillResult, PeriodKind, ReportView } from './api-types.js';
import { reportDocx } from './docx.js';
import { reportId } from './period.js';
import type { SavedReport } from './schema.js';
import { snapshotOf } from './snapshot.js';
import { buildReport, INTRO, savedOf, toView } from './view.js';

type PeriodArg = { year: number; period: PeriodKind };
const MAX_DRILL = 2000;

export function getReport(ctx: Ctx, input: PeriodArg): ReportView {
  const snap = snapshotOf(ctx.store);
  return toView(snap, buildReport(snap, input.year, input.period, orgToday(ctx)));
}

export function drillReport(ctx: Ctx, input: PeriodArg & { key: string }): DrillResult {
  const snap = snapshotOf(ctx.store);
  const built = buildReport(snap, input.year, input.period, orgToday(ctx));
  for (const s of built.sections) {
    const f = s.figures.find((x) => x.key === input.key);
    if (!f) continue;
    const rows = f.drill?.() ?? [];
    rows.sort((a, b) => b.date.localeCompare(a.date));
    return { title: `${f.label} — ${built.p.label}`, total: rows.length, rows: rows.slice(0, MAX_DRILL) };
  }
  throw fieldError('key', 'Показатель', `нет показателя «${input.key}» в отчёте`);
}

export interface SaveInput extends PeriodArg {
  sentences?: { key: string; text: string }[];
  narratives?: { sectionId: string; text: string }[];
  tasksDone?: { id: string; done: boolean | null; comment: string }[];
  tasksNext?: { id?: string; text: string }[];
}

export async function saveReport(ctx: Ctx, input: SaveInput): Promise<ReportView> {
  const today = orgToday(ctx);
  let built!: ReturnType<typeof buildReport>;
  await ctx.store.mutate((tx) => {
    const snap = snapshotOf(tx);
    // The figures do not change with a save: this build is also the answer.
    built = buildReport(snap, input.year, input.period, today);
    const generated = new Map(built.sections.flatMap((s) => s.sentences.map((x) => [x.key, x.generated] as const)));
    const sectionIds = new Set([INTRO.id, 'tasksDone', 'tasksNext', ...built.sections.map((s) => s.id)]);
    const now = ctx.now().toISOString();
    const old = savedOf(snap, input.year, input.period);
    const rec: SavedReport = old
      ? { ...old, sentences: [...old.sentences], narratives: [...old.narratives], taskMarks: [...old.taskMarks], tasksNext: [...old.tasksNext], updatedAt: now }
      : { id: reportId(input.year, input.period), year: input.year, period: input.period, sentences: [], narratives: [], taskMarks: [], tasksNext: [], createdAt: now, updatedAt: now };
    input.sentences?.forEach((s, i) => {
      const gen = generated.get(s.key);
      if (gen === undefined) throw fieldError(`sentences.${i}.key`, `Предложение № ${i + 1}`, `нет предложения «${s.key}» в отчёте за этот период`);
      rec.sentences = rec.sentences.filter((x) => x.key !== s.key);
      // '' (or the generated text itself) brings the sentence back to what the figures say.
      if (s.text.trim() !== '' && s.text.trim() !== gen) rec.sentences.push({ key: s.key, text: s.text.trim() });
    });
    input.narratives?.forEach((s, i) => {
      if (!sectionIds.has(s.sectionId)) throw fieldError(`narratives.${i}.sectionId`, `Раздел № ${i + 1}`, `нет раздела «${s.sectionId}»`);
      rec.narratives = rec.narratives.filter((x) => x.sectionId !== s.sectionId);
      if (s.text.trim() !== '') rec.narratives.push({ sectionId: s.sectionId, text: s.text.trim() });
    });
    for (const m of input.tasksDone ?? []) {
      rec.taskMarks = rec.taskMarks.filter((x) => x.id !== m.id);
      rec.taskMarks.push({ id: m.id, done: m.done, comment: m.comment.trim() });
    }
    if (input.tasksNext) rec.tasksNext = input.tasksNext.map((t) => ({ id: t.id ?? randomUUID(), text: t.text }));
    tx.put('reports', rec);
  });
  return toView(snapshotOf(ctx.store), built);
}

export async function exportReport(ctx: Ctx, input: PeriodArg): Promise<ExportResult> {
  const snap = snapshotOf(ctx.store);
  if (!snap.get('settings', 'settings')) throw new AppError('validation', 'Сначала заполните сведения об организации (Настройки): без них нельзя оформить отчёт.');
  const built = buildReport(snap, input.year, input.period, orgToday(ctx));
  const view = toView(snap, built);
  return reportDocx(snap, view, built);
}
