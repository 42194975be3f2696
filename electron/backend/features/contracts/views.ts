/**
 * What the UI and the documents get: a contract's card (publications, acts, payments, control,
 * warnings) and the register's rows. Reads only; works over the store or inside a write.
 */
import type { Collections } from '../../collections.js';
import { notFound } from '../../errors.js';
import type { Tx } from '../../store/store.js';
import { cmp } from './days.js';
import { actCovering, computeControl, contractWarnings, type ActCheck, type Control, type ContractWarning, type PricedPublication } from './control.js';
import {
  contractLaws,
  contractStatuses,
  procurementMethods,
  type AcceptanceAct,
  type Contract,
  type ContractSettings,
  type Payment,
  type Publication,
  type Unit,
} from './schema.js';
import { describeTariff, publicationCost, tariffCost } from './tariff.js';

export type Reader = Pick<Tx<Collections>, 'get' | 'all'>;

const EPOCH = '2020-01-01T00:00:00.000Z';
const unit = (id: string, name: string, short: string): Unit => ({ id, name, short, createdAt: EPOCH, updatedAt: EPOCH });
/** The units dictionary until the user edits it (then it is stored, these ids included). */
export const DEFAULT_UNITS: Unit[] = [
  unit('cm2', 'квадратный сантиметр', 'см²'),
  unit('page', 'полоса', 'пол.'),
  unit('material', 'материал', 'мат.'),
  unit('minute', 'минута эфира', 'мин'),
];

export const unitsOf = (r: Reader): Unit[] => {
  const stored = r.all('contractUnits');
  return (stored.length ? stored : DEFAULT_UNITS).sort((a, b) => a.name.localeCompare(b.name, 'ru'));
};
export const unitOf = (r: Reader, id: string): Unit => unitsOf(r).find((u) => u.id === id) ?? unit(id, id, '');

export const DEFAULT_SETTINGS: ContractSettings = {
  id: 'contracts',
  actDeadlineDays: 10,
  warnPercent: 80,
  termWarningDays: 30,
  collectionTitle: 'Сборник нормативно-правовых актов муниципального образования',
  updatedAt: EPOCH,
};
export const settingsOf = (r: Reader): ContractSettings => r.get('contractSettings', 'contracts') ?? DEFAULT_SETTINGS;

export interface Ref {
  id: string;
  name: string;
}
export interface UnitRef {
  id: string;
  name: string;
  short: string;
}

/** A publication with its cost and the act that covers it. */
export interface PublicationView extends Publication {
  /** Final cost in kopecks (the override when set). */
  cost: number;
  /** What the tariff says, to show beside an override. */
  tariffCost: number;
  coveredBy: { id: string; number: string; date: string } | null;
}

export interface ActView extends AcceptanceAct {
  publications: number;
  publicationsVolume: number;
  publicationsAmount: number;
  paid: number;
}

export interface ContractHead {
  id: string;
  number: string;
  date: string;
  ikz: string;
  law: Contract['law'];
  lawLabel: string;
  outlet: Ref;
  subject: string;
  method: Contract['method'];
  methodLabel: string;
  status: Contract['status'];
  statusLabel: string;
  termStart: string;
  termEnd: string;
  unit: UnitRef;
  price: number;
  volume: number;
  tariffText: string;
}

/** One line of the register: the contract, its control figures and warnings. */
export interface ContractRow extends ContractHead {
  control: Control;
  warnings: ContractWarning[];
  attachments: number;
}

/** Everything about one contract, for its card and its statement. */
export interface ContractCard extends ContractHead {
  contract: Contract;
  publications: PublicationView[];
  acts: ActView[];
  payments: Payment[];
  control: Control;
  warnings: ContractWarning[];
}

export interface ContractData {
  contract: Contract;
  pubs: Publication[];
  acts: AcceptanceAct[];
  payments: Payment[];
}

const byDate = <T extends { date: string; createdAt: string }>(a: T, b: T) => cmp(a.date, b.date) || cmp(a.createdAt, b.createdAt);

export function contractData(r: Reader, id: string): ContractData {
  const contract = r.get('contracts', id);
  if (!contract) throw notFound('Контракт');
  return {
    contract,
    pubs: r.all('contractPublications').filter((p) => p.contractId === id).sort(byDate),
    acts: r.all('contractActs').filter((a) => a.contractId === id).sort((a, b) => cmp(a.periodFrom, b.periodFrom)),
    payments: r.all('contractPayments').filter((p) => p.contractId === id).sort(byDate),
  };
}

/** Every contract's data at once (one pass over each collection). */
export function allContractData(r: Reader): ContractData[] {
  const map = new Map<string, ContractData>();
  for (const contract of r.all('contracts')) map.set(contract.id, { contract, pubs: [], acts: [], payments: [] });
  for (const p of r.all('contractPublications')) map.get(p.contractId)?.pubs.push(p);
  for (const a of r.all('contractActs')) map.get(a.contractId)?.acts.push(a);
  for (const p of r.all('contractPayments')) map.get(p.contractId)?.payments.push(p);
  for (const d of map.values()) {
    d.pubs.sort(byDate);
    d.acts.sort((a, b) => cmp(a.periodFrom, b.periodFrom));
    d.payments.sort(byDate);
  }
  return [...map.values()];
}

function head(r: Reader, c: Contract, units: Unit[]): ContractHead {
  const u = units.find((x) => x.id === c.unitId) ?? unit(c.unitId, c.unitId, '');
  const outlet = r.get('outlets', c.outletId);
  return {
    id: c.id,
    number: c.number,
    date: c.date,
    ikz: c.ikz,
    law: c.law,
    lawLabel: contractLaws[c.law],
    outlet: { id: c.outletId, name: outlet?.name ?? '(СМИ удалено из справочника)' },
    subject: c.subject,
    method: c.method,
    methodLabel: procurementMethods[c.method],
    status: c.status,
    statusLabel: contractStatuses[c.status],
    termStart: c.termStart,
    termEnd: c.termEnd,
    unit: { id: u.id, name: u.name, short: u.short },
    price: c.price,
    volume: c.volume,
    tariffText: describeTariff(c.tariff, u.short),
  };
}

/** Costs, coverage, control and warnings of one contract; the publication views only when asked for. */
function analyse(d: ContractData, asOf: string, settings: ContractSettings, short: string, withViews = false) {
  const priced: PricedPublication[] = d.pubs.map((p) => {
    const tc = tariffCost(d.contract.tariff, p);
    return { date: p.date, volume: p.volume, cost: p.override ? p.override.amount : tc, actId: actCovering(d.acts, p.date)?.id ?? null, tariffCost: tc };
  });
  const control = computeControl(d.contract, priced, d.acts, d.payments, asOf);
  const acts: ActView[] = d.acts.map((a) => {
    let publications = 0;
    let publicationsVolume = 0;
    let publicationsAmount = 0;
    for (const p of priced)
      if (p.actId === a.id) {
        publications++;
        publicationsVolume += p.volume;
        publicationsAmount += p.cost;
      }
    const paid = d.payments.filter((p) => p.actId === a.id).reduce((s, p) => s + p.amount, 0);
    return { ...a, publications, publicationsVolume, publicationsAmount, paid };
  });
  const checks: ActCheck[] = acts.map((a) => ({ act: a, publicationsAmount: a.publicationsAmount }));
  const warnings = contractWarnings(d.contract, control, settings, short, checks);
  const actRef = new Map(d.acts.map((a) => [a.id, { id: a.id, number: a.number, date: a.date }]));
  const views: PublicationView[] = withViews
    ? d.pubs.map((p, i) => {
        const c = priced[i] as PricedPublication & { tariffCost: number };
        return { ...p, cost: c.cost, tariffCost: c.tariffCost, coveredBy: c.actId ? actRef.get(c.actId)! : null };
      })
    : [];
  return { views, control, acts, warnings };
}

export function buildCard(r: Reader, d: ContractData, asOf: string): ContractCard {
  const h = head(r, d.contract, unitsOf(r));
  const { views, control, acts, warnings } = analyse(d, asOf, settingsOf(r), h.unit.short, true);
  return { ...h, contract: d.contract, publications: views, acts, payments: d.payments, control, warnings };
}

/** Control and warnings only (no publication list): what a change of publications answers with. */
export function buildSummary(r: Reader, d: ContractData, asOf: string): { control: Control; warnings: ContractWarning[] } {
  const { control, warnings } = analyse(d, asOf, settingsOf(r), unitOf(r, d.contract.unitId).short);
  return { control, warnings };
}

export function buildRows(r: Reader, data: ContractData[], asOf: string): ContractRow[] {
  const units = unitsOf(r);
  const settings = settingsOf(r);
  return data.map((d) => {
    const h = head(r, d.contract, units);
    const { control, warnings } = analyse(d, asOf, settings, h.unit.short);
    return { ...h, control, warnings, attachments: d.contract.attachments.length };
  });
}

/** The cost a publication would have: for checks made before it is stored. */
export const costOf = (c: Contract, p: Pick<Publication, 'volume' | 'color' | 'override'>) => publicationCost(c.tariff, p);
