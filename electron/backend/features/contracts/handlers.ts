/** The contracts register and one contract: create, change, status; units, settings, exports. */
import { randomUUID } from 'node:crypto';
import type { Ctx, HandlerTable } from '../../context.js';
import { fieldError, notFound } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { orgToday } from '../today/handlers.js';
import { actsRegister } from './acts-register.js';
import { removeFolder } from './attachments.js';
import { asOfDay, cardOf } from './current.js';
import { cmp, dayShort } from './days.js';
import { buildActsRegisterDocx } from './docx-acts.js';
import { buildRegisterDocx, buildStatementDocx } from './docx.js';
import { fileHandlers } from './handlers-files.js';
import { recordHandlers } from './handlers-records.js';
import { checkContractFields, checkTermKeepsPublications } from './rules.js';
import { quote } from './tariff.js';
import type { ContractRegister } from './types.js';
import { allContractData, buildRows, contractData, DEFAULT_UNITS, settingsOf, unitOf, unitsOf, type ContractRow } from './views.js';

/** A year's register holds the contracts in force at some time in that year (by their term). */
const inYear = (r: Pick<ContractRow, 'termStart' | 'termEnd'>, year: number) => r.termStart <= `${year}-12-31` && r.termEnd >= `${year}-01-01`;

export function contractText(r: ContractRow): string {
  return normalizeForSearch(`${r.number} ${r.ikz} ${r.subject} ${r.outlet.name} ${r.methodLabel} ${r.statusLabel}`);
}

/** The register: contracts of a year (all when no year), with control figures and totals. */
export function register(ctx: Ctx, input: { year?: number; status?: string; query?: string; asOf?: string }): ContractRegister {
  const asOf = asOfDay(ctx, input.asOf);
  const words = normalizeForSearch(input.query ?? '').split(' ').filter(Boolean);
  const rows = buildRows(ctx.store, allContractData(ctx.store), asOf)
    .filter((r) => input.year === undefined || inYear(r, input.year))
    .filter((r) => !input.status || r.status === input.status)
    .filter((r) => words.every((w) => contractText(r).includes(w)))
    .sort((a, b) => cmp(b.date, a.date) || a.number.localeCompare(b.number, 'ru', { numeric: true }));
  const sum = (f: (r: ContractRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    asOf,
    rows,
    totals: {
      contracts: rows.length,
      price: sum((r) => r.price),
      used: sum((r) => r.control.money.used),
      left: sum((r) => r.control.money.left),
      acted: sum((r) => r.control.acts.amount),
      paid: sum((r) => r.control.paid),
      owed: sum((r) => r.control.owed),
      withWarnings: rows.filter((r) => r.warnings.some((w) => w.severity !== 'info')).length,
    },
  };
}

const contractHandlersOwn: HandlerTable<
  | 'contracts.list'
  | 'contracts.get'
  | 'contracts.create'
  | 'contracts.update'
  | 'contracts.setStatus'
  | 'contracts.remove'
  | 'contracts.quote'
  | 'contracts.units.list'
  | 'contracts.units.save'
  | 'contracts.units.remove'
  | 'contracts.settings.get'
  | 'contracts.settings.save'
  | 'contracts.exportRegister'
  | 'contracts.exportStatement'
  | 'contracts.exportActsRegister'
> = {
  'contracts.list': (input, ctx) => register(ctx, input),

  'contracts.get': ({ id, asOf }, ctx) => cardOf(ctx, id, asOf),

  'contracts.create': async (fields, ctx) => {
    const id = await ctx.store.mutate((tx) => {
      checkContractFields(tx, fields);
      const at = ctx.now().toISOString();
      const id = randomUUID();
      tx.put('contracts', { ...fields, id, status: 'active', statusDate: null, statusNote: '', attachments: [], createdAt: at, updatedAt: at });
      return id;
    });
    return cardOf(ctx, id);
  },

  'contracts.update': async ({ id, ...fields }, ctx) => {
    await ctx.store.mutate((tx) => {
      const current = tx.get('contracts', id);
      if (!current) throw notFound('Контракт');
      checkContractFields(tx, fields, id);
      checkTermKeepsPublications(contractData(tx, id).pubs, fields);
      tx.put('contracts', { ...current, ...fields, updatedAt: ctx.now().toISOString() });
    });
    return cardOf(ctx, id);
  },

  'contracts.setStatus': async ({ id, status, date, note }, ctx) => {
    await ctx.store.mutate((tx) => {
      const current = tx.get('contracts', id);
      if (!current) throw notFound('Контракт');
      const statusDate = status === 'active' ? null : (date ?? orgToday(ctx));
      if (statusDate && statusDate < current.date) throw fieldError('date', 'Дата', `раньше даты заключения контракта (${dayShort(current.date)})`);
      tx.put('contracts', { ...current, status, statusDate, statusNote: note, updatedAt: ctx.now().toISOString() });
    });
    return cardOf(ctx, id);
  },

  'contracts.remove': async ({ id }, ctx) => {
    await ctx.store.mutate((tx) => {
      const d = contractData(tx, id);
      const n = d.pubs.length + d.acts.length + d.payments.length;
      if (n > 0)
        throw fieldError('id', 'Контракт', `по контракту № ${d.contract.number} уже внесены публикации, акты или платежи (${n}); удалить можно только пустой контракт — или отметьте его расторгнутым`);
      tx.del('contracts', id);
    });
    removeFolder(ctx.dataDir, id);
    return { id };
  },

  'contracts.quote': ({ contractId, volume, color }, { store }) => {
    const c = store.get('contracts', contractId);
    if (!c) throw notFound('Контракт');
    return quote(c.tariff, volume, color, unitOf(store, c.unitId).short);
  },

  'contracts.units.list': (_input, { store }) => {
    const contracts = store.all('contracts');
    return unitsOf(store).map((u) => ({ ...u, contracts: contracts.filter((c) => c.unitId === u.id).length }));
  },

  'contracts.units.save': ({ id, name, short }, ctx) =>
    ctx.store.mutate((tx) => {
      const at = ctx.now().toISOString();
      if (tx.all('contractUnits').length === 0) for (const u of DEFAULT_UNITS) tx.put('contractUnits', u);
      const units = tx.all('contractUnits');
      const twin = units.find((u) => u.id !== id && normalizeForSearch(u.name) === normalizeForSearch(name));
      if (twin) throw fieldError('name', 'Название единицы', `единица «${twin.name}» уже есть`);
      const current = id ? units.find((u) => u.id === id) : undefined;
      if (id && !current) throw notFound('Единица объёма');
      return tx.put('contractUnits', current ? { ...current, name, short, updatedAt: at } : { id: randomUUID(), name, short, createdAt: at, updatedAt: at });
    }),

  'contracts.units.remove': ({ id }, ctx) =>
    ctx.store.mutate((tx) => {
      if (tx.all('contractUnits').length === 0) for (const u of DEFAULT_UNITS) tx.put('contractUnits', u);
      const u = tx.get('contractUnits', id);
      if (!u) throw notFound('Единица объёма');
      const user = tx.all('contracts').find((c) => c.unitId === id);
      if (user) throw fieldError('id', 'Единица объёма', `«${u.name}» используется в контракте № ${user.number}: её нельзя удалить`);
      if (tx.all('contractUnits').length === 1) throw fieldError('id', 'Единица объёма', 'в справочнике должна остаться хотя бы одна единица');
      tx.del('contractUnits', id);
      return { id };
    }),

  'contracts.settings.get': (_input, { store }) => settingsOf(store),

  'contracts.settings.save': (input, ctx) =>
    ctx.store.mutate((tx) => {
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      return tx.put('contractSettings', { ...settingsOf(tx), ...changes, id: 'contracts', updatedAt: ctx.now().toISOString() });
    }),

  'contracts.exportRegister': ({ year }, ctx) =>
    buildRegisterDocx(register(ctx, { year }), year, ctx.store.get('settings', 'settings') ?? null, ctx.now()),

  'contracts.exportStatement': ({ id, asOf }, ctx) => buildStatementDocx(cardOf(ctx, id, asOf), ctx.store.get('settings', 'settings') ?? null, ctx.now()),

  'contracts.exportActsRegister': ({ year }, ctx) =>
    buildActsRegisterDocx(actsRegister(ctx.store, year), ctx.store.get('settings', 'settings') ?? null, ctx.now()),
};

export const contractHandlers = { ...contractHandlersOwn, ...recordHandlers, ...fileHandlers };
