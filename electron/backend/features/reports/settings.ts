import type { AppStore } from '../../collections.js';
import type { Ctx } from '../../context.js';
import type { ReportSettings } from './api-types.js';

/**
 * Whom the report is addressed to, as the title page writes it (dative: «Алейскому городскому Собранию
 * депутатов»), until the user names the council; a town's name cannot be declined reliably, so the
 * default does not try.
 */
export const defaultCouncil = (_store: Pick<AppStore, 'get'>): string => 'Совету депутатов';

export function getReportSettings(store: Pick<AppStore, 'get'>): ReportSettings {
  return { councilName: store.get('reportSettings', 'reports')?.councilName ?? defaultCouncil(store) };
}

export async function saveReportSettings(ctx: Ctx, councilName: string): Promise<ReportSettings> {
  await ctx.store.mutate((tx) => tx.put('reportSettings', { id: 'reports', councilName, updatedAt: ctx.now().toISOString() }));
  return getReportSettings(ctx.store);
}
