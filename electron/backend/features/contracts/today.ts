/** Contract warnings on the «Сегодня» panel: one line per warning of a contract in force. */
import type { Ctx } from '../../context.js';
import type { TodayItem } from '../today/schema.js';
import { allContractData, buildRows } from './views.js';

export function contractsToday(ctx: Ctx, day: string): TodayItem[] {
  const active = allContractData(ctx.store).filter((d) => d.contract.status === 'active');
  // The current period's publications waiting for their act, and act/publication differences, are normal: card only.
  const quiet = (code: string, severity: string) => severity === 'info' && (code === 'uncovered' || code === 'actMismatch');
  return buildRows(ctx.store, active, day).flatMap((r) =>
    r.warnings.filter((w) => !quiet(w.code, w.severity)).map((w) => ({
      section: 'contracts',
      id: r.id,
      severity: w.severity,
      title: `Контракт № ${r.number} · ${r.outlet.name}`,
      detail: w.message,
      ...(w.code === 'termEnding' || w.code === 'termExpired' ? { due: `${r.termEnd}T23:59:59Z` } : {}),
    })),
  );
}
