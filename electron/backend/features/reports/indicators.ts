/** Indicators entered by hand: subscribers, online votes, incidents — list, save (create or update), remove. */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import type { Ctx } from '../../context.js';
import { validationError } from '../../errors.js';
import { parseInput } from '../../schema-kit.js';
import type { IndicatorKind, IndicatorRow } from './api-types.js';
import { indicatorSchemas } from './schema.js';

/** The day a row is filed under (a period of incidents: its last day). */
export const rowDay = (kind: IndicatorKind, r: Record<string, unknown>): string => String(kind === 'incidents' ? r.to : r.date);

export function listIndicators(store: Pick<AppStore, 'all'>, kind: IndicatorKind, year?: number): IndicatorRow[] {
  const rows = store.all(kind) as IndicatorRow[];
  const inYear = (r: IndicatorRow) => year === undefined || (kind === 'incidents' ? (r as { from: string }).from.startsWith(String(year)) || rowDay(kind, r as never).startsWith(String(year)) : rowDay(kind, r as never).startsWith(String(year)));
  const label = (r: IndicatorRow) => ('platform' in r ? `${r.platform}|${'page' in r ? r.page : ''}` : '');
  return rows.filter(inYear).sort((a, b) => rowDay(kind, b as never).localeCompare(rowDay(kind, a as never)) || label(a).localeCompare(label(b), 'ru'));
}

/** Checks a row against the kind's schema; errors name the field in Russian. */
export function parseRow(kind: IndicatorKind, row: Record<string, unknown>) {
  const schema = indicatorSchemas[kind];
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = row;
  const parsed = parseInput(schema, fields);
  if (!parsed.success) throw validationError(schema, parsed.error);
  return parsed.data;
}

export async function saveIndicator(ctx: Ctx, kind: IndicatorKind, row: Record<string, unknown> & { id?: string }): Promise<IndicatorRow> {
  const fields = parseRow(kind, row);
  const now = ctx.now().toISOString();
  return ctx.store.mutate((tx) => {
    // An id that is not (or no longer) stored is created with that id: «Отменить» after removing re-saves the row.
    const id = row.id ?? randomUUID();
    const old = tx.get(kind, id);
    return tx.put(kind, { ...fields, id, createdAt: old?.createdAt ?? now, updatedAt: now } as never) as IndicatorRow;
  });
}

export async function removeIndicator(ctx: Ctx, kind: IndicatorKind, id: string): Promise<{ id: string }> {
  await ctx.store.mutate((tx) => {
    if (tx.get(kind, id)) tx.del(kind, id);
  });
  return { id };
}
