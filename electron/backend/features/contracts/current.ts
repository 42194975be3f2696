/** Reads of one contract as it stands now (after a write), for the methods' answers. */
import type { Ctx } from '../../context.js';
import { orgToday } from '../today/handlers.js';
import { actCovering } from './control.js';
import { tariffCost } from './tariff.js';
import type { ContractSummary } from './types.js';
import { buildCard, buildSummary, contractData, type ContractCard, type PublicationView } from './views.js';

/** The day control is computed for: the one asked for, else today in the organisation's time zone. */
export const asOfDay = (ctx: Ctx, asOf?: string): string => asOf ?? orgToday(ctx);

export const cardOf = (ctx: Ctx, id: string, asOf?: string): ContractCard => buildCard(ctx.store, contractData(ctx.store, id), asOfDay(ctx, asOf));

export function summaryOf(ctx: Ctx, contractId: string): ContractSummary {
  return { contractId, ...buildSummary(ctx.store, contractData(ctx.store, contractId), asOfDay(ctx)) };
}

/** One publication as the card shows it. */
export function publicationView(ctx: Ctx, id: string): PublicationView {
  const p = ctx.store.get('contractPublications', id)!;
  const c = ctx.store.get('contracts', p.contractId)!;
  const act = actCovering(ctx.store.all('contractActs').filter((a) => a.contractId === c.id), p.date);
  const tc = tariffCost(c.tariff, p);
  return { ...p, cost: p.override ? p.override.amount : tc, tariffCost: tc, coveredBy: act ? { id: act.id, number: act.number, date: act.date } : null };
}
