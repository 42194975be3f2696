/** Publications, acts of acceptance and payments under a contract. */
import { randomUUID } from 'node:crypto';
import type { Ctx, HandlerTable } from '../../context.js';
import { fieldError, notFound } from '../../errors.js';
import { cardOf, publicationView, summaryOf } from './current.js';
import { checkAct, checkNotInAct, checkPayment, checkPublicationPlace } from './rules.js';
import type { Publication } from './schema.js';
import { tariffCost } from './tariff.js';
import type { PublicationResult } from './types.js';
import { contractData, type Reader } from './views.js';

function publicationResult(ctx: Ctx, contractId: string, publicationId: string): PublicationResult {
  return { ...summaryOf(ctx, contractId), publication: publicationView(ctx, publicationId) };
}

function publicationOf(r: Reader, id: string): Publication {
  const p = r.get('contractPublications', id);
  if (!p) throw notFound('Публикация');
  return p;
}

const moneyFieldsChanged = (a: Publication, b: Omit<Publication, 'id' | 'contractId' | 'createdAt' | 'updatedAt'>) =>
  a.date !== b.date || a.volume !== b.volume || a.color !== b.color || JSON.stringify(a.override) !== JSON.stringify(b.override);

export const recordHandlers: HandlerTable<
  | 'contracts.addPublication'
  | 'contracts.importPublications'
  | 'contracts.updatePublication'
  | 'contracts.removePublication'
  | 'contracts.addAct'
  | 'contracts.removeAct'
  | 'contracts.addPayment'
  | 'contracts.removePayment'
> = {
  'contracts.addPublication': async ({ contractId, ...fields }, ctx) => {
    const id = await ctx.store.mutate((tx) => {
      const d = contractData(tx, contractId);
      checkPublicationPlace(d.contract, d.acts, fields.date);
      const at = ctx.now().toISOString();
      return tx.put('contractPublications', { ...fields, id: randomUUID(), contractId, createdAt: at, updatedAt: at }).id;
    });
    return publicationResult(ctx, contractId, id);
  },

  /** Many publications in one write (moving the old Excel sheet in): all of them, or none. */
  'contracts.importPublications': async ({ contractId, publications }, ctx) => {
    await ctx.store.mutate((tx) => {
      const d = contractData(tx, contractId);
      const at = ctx.now().toISOString();
      publications.forEach((p, i) => checkPublicationPlace(d.contract, d.acts, p.date, `publications.${i}.`, ` № ${i + 1}`));
      for (const p of publications) tx.put('contractPublications', { ...p, id: randomUUID(), contractId, createdAt: at, updatedAt: at });
    });
    return { ...summaryOf(ctx, contractId), added: publications.length };
  },

  'contracts.updatePublication': async ({ id, ...fields }, ctx) => {
    const contractId = await ctx.store.mutate((tx) => {
      const current = publicationOf(tx, id);
      const d = contractData(tx, current.contractId);
      if (moneyFieldsChanged(current, fields)) {
        checkNotInAct(d.acts, current, 'изменить дату, объём, цвет или стоимость');
        // The term and closed periods hold for the new date too (a finished contract's log may still be corrected).
        checkPublicationPlace({ ...d.contract, status: 'active' }, d.acts, fields.date);
      }
      tx.put('contractPublications', { ...current, ...fields, updatedAt: ctx.now().toISOString() });
      return current.contractId;
    });
    return publicationResult(ctx, contractId, id);
  },

  'contracts.removePublication': async ({ id }, ctx) => {
    const contractId = await ctx.store.mutate((tx) => {
      const current = publicationOf(tx, id);
      checkNotInAct(contractData(tx, current.contractId).acts, current, 'удалить её');
      tx.del('contractPublications', id);
      return current.contractId;
    });
    return summaryOf(ctx, contractId);
  },

  'contracts.addAct': async ({ contractId, volume, amount, ...fields }, ctx) => {
    await ctx.store.mutate((tx) => {
      const d = contractData(tx, contractId);
      const priced = d.pubs.map((p) => ({ date: p.date, volume: p.volume, cost: p.override ? p.override.amount : tariffCost(d.contract.tariff, p) }));
      const figures = checkAct(d.contract, priced, d.acts, fields);
      const at = ctx.now().toISOString();
      tx.put('contractActs', {
        ...fields,
        contractId,
        id: randomUUID(),
        volume: volume ?? figures.volume,
        amount: amount ?? figures.amount,
        createdAt: at,
        updatedAt: at,
      });
    });
    return cardOf(ctx, contractId);
  },

  'contracts.removeAct': async ({ id }, ctx) => {
    const contractId = await ctx.store.mutate((tx) => {
      const act = tx.get('contractActs', id);
      if (!act) throw notFound('Акт');
      const d = contractData(tx, act.contractId);
      const linked = d.payments.find((p) => p.actId === id);
      if (linked) throw fieldError('id', 'Акт', `по акту № ${act.number} внесён платёж (п/п № ${linked.order}): сначала удалите платёж`);
      const actsLeft = d.acts.filter((a) => a.id !== id).reduce((s, a) => s + a.amount, 0);
      const paid = d.payments.reduce((s, p) => s + p.amount, 0);
      if (paid > actsLeft) throw fieldError('id', 'Акт', 'без этого акта оплачено больше, чем принято по актам: сначала удалите лишние платежи');
      tx.del('contractActs', id);
      return act.contractId;
    });
    return cardOf(ctx, contractId);
  },

  'contracts.addPayment': async ({ contractId, ...fields }, ctx) => {
    await ctx.store.mutate((tx) => {
      const d = contractData(tx, contractId);
      checkPayment(d.acts, d.payments, fields);
      const at = ctx.now().toISOString();
      tx.put('contractPayments', { ...fields, contractId, id: randomUUID(), createdAt: at, updatedAt: at });
    });
    return cardOf(ctx, contractId);
  },

  'contracts.removePayment': async ({ id }, ctx) => {
    const contractId = await ctx.store.mutate((tx) => {
      const p = tx.get('contractPayments', id);
      if (!p) throw notFound('Платёж');
      tx.del('contractPayments', id);
      return p.contractId;
    });
    return cardOf(ctx, contractId);
  },
};
