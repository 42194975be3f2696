/**
 * Control of one contract on a given day: volume and money used and left, acts and payments,
 * publications not covered by an act, the pace against the term, and the warnings. Pure: it gets
 * the records, it reads nothing.
 */
import { countOf } from '../../format.js';
import { addDays, cmp, dayLong, daysBetween, dayShort, daysWord, money, percentOf, volumeText } from './days.js';
import type { AcceptanceAct, Contract, ContractSettings, Payment } from './schema.js';

export interface Usage {
  plan: number;
  used: number;
  /** plan − used; negative when overspent. */
  left: number;
  /** floor(used / plan × 100). */
  percent: number;
}

export interface Forecast {
  /** Use per day of the term so far (units or kopecks); null before the term starts. */
  ratePerDay: number | null;
  /** The date of the publication with which use reached the plan. */
  exhaustedOn: string | null;
  /** At the current rate the plan runs out on this day (already exhausted: exhaustedOn; no use yet, or beyond a century: null). */
  runsOutOn: string | null;
  /** True when at the current rate the plan lasts to the end of the term. */
  lastsToEnd: boolean;
  /** Use expected by the end of the term at the current rate. */
  projectedAtEnd: number;
  projectedPercent: number;
}

export interface Pace {
  state: 'not-started' | 'running' | 'ended';
  termDays: number;
  /** Days of the term up to and including the day looked at. */
  elapsedDays: number;
  /** Days from the day looked at to the end of the term (0 on the last day, negative after it). */
  daysLeft: number;
  /** Share of the term gone, in percent: compare with volume.percent and money.percent. */
  timePercent: number;
  volume: Forecast;
  money: Forecast;
}

export interface Control {
  asOf: string;
  volume: Usage;
  money: Usage;
  publications: number;
  acts: { count: number; volume: number; amount: number };
  paid: number;
  /** Accepted by acts and not paid yet (acts − payments). */
  owed: number;
  uncovered: { count: number; volume: number; amount: number; earliest: string | null };
  pace: Pace;
}

export type WarningCode =
  | 'volumeWarn'
  | 'volumeFull'
  | 'moneyWarn'
  | 'moneyFull'
  | 'termEnding'
  | 'termExpired'
  | 'uncovered'
  | 'paceVolume'
  | 'paceMoney'
  | 'actMismatch';

export interface ContractWarning {
  code: WarningCode;
  severity: 'info' | 'warning' | 'danger';
  message: string;
}

/** A publication as control sees it: its date, volume, final cost and the act covering it. */
export interface PricedPublication {
  date: string;
  volume: number;
  cost: number;
  actId: string | null;
}

/** The act whose period holds the day (periods of one contract never overlap). */
export function actCovering(acts: AcceptanceAct[], day: string): AcceptanceAct | undefined {
  return acts.find((a) => a.periodFrom <= day && day <= a.periodTo);
}

const usage = (plan: number, used: number): Usage => ({ plan, used, left: plan - used, percent: percentOf(used, plan) });

function forecast(plan: number, series: { date: string; amount: number }[], pace: Omit<Pace, 'volume' | 'money'>, asOf: string): Forecast {
  let used = 0;
  let exhaustedOn: string | null = null;
  for (const s of series) {
    used += s.amount;
    if (exhaustedOn === null && used >= plan) exhaustedOn = s.date;
  }
  const remaining = pace.termDays - pace.elapsedDays;
  const base = { exhaustedOn, projectedAtEnd: used, projectedPercent: percentOf(used, plan) };
  if (pace.elapsedDays === 0) return { ...base, ratePerDay: null, runsOutOn: exhaustedOn, lastsToEnd: used < plan };
  const ratePerDay = used / pace.elapsedDays;
  if (used >= plan) return { ...base, ratePerDay, runsOutOn: exhaustedOn, lastsToEnd: false };
  if (used === 0 || pace.state === 'ended') return { ...base, ratePerDay, runsOutOn: null, lastsToEnd: true };
  // Exact integer arithmetic: days = ceil(left × elapsed / used); projection rounded half-up.
  const days = (BigInt(plan - used) * BigInt(pace.elapsedDays) + BigInt(used) - 1n) / BigInt(used);
  const lastsToEnd = days >= BigInt(pace.daysLeft);
  // Beyond a century the date means nothing (and would not fit a Date): «lasts to the end» says it all.
  const runsOutOn = days <= 36_500n ? addDays(asOf, Number(days)) : null;
  const projectedAtEnd = used + Number((BigInt(used) * BigInt(remaining) * 2n + BigInt(pace.elapsedDays)) / (2n * BigInt(pace.elapsedDays)));
  return { ...base, ratePerDay, runsOutOn, lastsToEnd, projectedAtEnd, projectedPercent: percentOf(projectedAtEnd, plan) };
}

export function computeControl(contract: Contract, pubs: PricedPublication[], acts: AcceptanceAct[], payments: Payment[], asOf: string): Control {
  const sorted = [...pubs].sort((a, b) => cmp(a.date, b.date));
  let volumeUsed = 0;
  let moneyUsed = 0;
  const uncovered = { count: 0, volume: 0, amount: 0, earliest: null as string | null };
  for (const p of sorted) {
    volumeUsed += p.volume;
    moneyUsed += p.cost;
    if (!p.actId) {
      uncovered.count++;
      uncovered.volume += p.volume;
      uncovered.amount += p.cost;
      uncovered.earliest ??= p.date;
    }
  }
  if (!Number.isSafeInteger(moneyUsed)) throw new RangeError('Сумма по контракту слишком велика для точного расчёта.');
  const termDays = daysBetween(contract.termStart, contract.termEnd) + 1;
  const state = asOf < contract.termStart ? 'not-started' : asOf > contract.termEnd ? 'ended' : 'running';
  const elapsedDays = Math.min(Math.max(daysBetween(contract.termStart, asOf) + 1, 0), termDays);
  const paceBase = { state, termDays, elapsedDays, daysLeft: daysBetween(asOf, contract.termEnd), timePercent: percentOf(elapsedDays, termDays) } as const;
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const actsTotal = { count: acts.length, volume: acts.reduce((s, a) => s + a.volume, 0), amount: acts.reduce((s, a) => s + a.amount, 0) };
  return {
    asOf,
    volume: usage(contract.volume, volumeUsed),
    money: usage(contract.price, moneyUsed),
    publications: pubs.length,
    acts: actsTotal,
    paid,
    owed: actsTotal.amount - paid,
    uncovered,
    pace: {
      ...paceBase,
      volume: forecast(contract.volume, sorted.map((p) => ({ date: p.date, amount: p.volume })), paceBase, asOf),
      money: forecast(contract.price, sorted.map((p) => ({ date: p.date, amount: p.cost })), paceBase, asOf),
    },
  };
}

/** The amount of the publications inside each act's period, to compare with what the act says. */
export interface ActCheck {
  act: AcceptanceAct;
  publicationsAmount: number;
}

/** Days after its period ends that an act may take to arrive before the gap is a warning. */
export const ACT_GRACE_DAYS = 10;

/**
 * An uncovered publication is overdue once the period it belongs to is over plus ACT_GRACE_DAYS.
 * The period follows the contract's own acts: quarterly when its acts span a quarter, else monthly.
 */
export function actOverdue(earliest: string, asOf: string, acts: Pick<AcceptanceAct, 'periodFrom' | 'periodTo'>[]): boolean {
  const quarterly = acts.some((a) => daysBetween(a.periodFrom, a.periodTo) >= 80);
  const y = Number(earliest.slice(0, 4));
  const m = Number(earliest.slice(5, 7));
  const lastMonth = quarterly ? Math.ceil(m / 3) * 3 : m;
  const periodEnd = new Date(Date.UTC(y, lastMonth, 0)).toISOString().slice(0, 10);
  return asOf > addDays(periodEnd, ACT_GRACE_DAYS);
}

export function contractWarnings(
  contract: Contract,
  control: Control,
  settings: Pick<ContractSettings, 'warnPercent' | 'termWarningDays'>,
  unitShort: string,
  actChecks: ActCheck[] = [],
): ContractWarning[] {
  const out: ContractWarning[] = [];
  const active = contract.status === 'active';
  const { volume: v, money: m, pace, uncovered } = control;
  const over = (u: Usage) => u.used >= u.plan;
  // The early warning is for a contract still in force; an overspend or an act missing stays a fact after it.
  const near = (u: Usage) => u.used * 100 >= u.plan * settings.warnPercent;

  if (over(v)) {
    const extra = v.used > v.plan ? `, перерасход ${volumeText(v.used - v.plan, unitShort)}` : '';
    out.push({ code: 'volumeFull', severity: 'danger', message: `Объём исчерпан: использовано ${volumeText(v.used, unitShort)} из ${volumeText(v.plan, unitShort)} (${v.percent} %)${extra}.` });
  } else if (active && near(v)) {
    out.push({ code: 'volumeWarn', severity: 'warning', message: `Использовано ${v.percent} % объёма: ${volumeText(v.used, unitShort)} из ${volumeText(v.plan, unitShort)}, осталось ${volumeText(v.left, unitShort)}.` });
  }
  if (over(m)) {
    const extra = m.used > m.plan ? `, превышение ${money(m.used - m.plan)}` : '';
    out.push({ code: 'moneyFull', severity: 'danger', message: `Цена контракта исчерпана: публикаций на ${money(m.used)} из ${money(m.plan)} (${m.percent} %)${extra}.` });
  } else if (active && near(m)) {
    out.push({ code: 'moneyWarn', severity: 'warning', message: `Использовано ${m.percent} % цены контракта: ${money(m.used)} из ${money(m.plan)}, осталось ${money(m.left)}.` });
  }
  if (active && pace.state !== 'ended' && pace.daysLeft <= settings.termWarningDays) {
    const when = pace.daysLeft === 0 ? 'сегодня' : `через ${daysWord(pace.daysLeft)}`;
    out.push({ code: 'termEnding', severity: 'warning', message: `Срок контракта истекает ${dayLong(contract.termEnd)} (${when}).` });
  }
  if (active && pace.state === 'ended') {
    out.push({ code: 'termExpired', severity: 'warning', message: `Срок контракта истёк ${dayLong(contract.termEnd)}, а он всё ещё «действует»: отметьте исполнение или расторжение.` });
  }
  if (uncovered.count > 0) {
    const overdue = actOverdue(uncovered.earliest!, control.asOf, actChecks.map((c) => c.act));
    out.push({
      code: 'uncovered',
      severity: overdue ? 'warning' : 'info',
      message: `${countOf(uncovered.count, ['публикация', 'публикации', 'публикаций'])} (${volumeText(uncovered.volume, unitShort)}, ${money(uncovered.amount)}) не ${uncovered.count === 1 ? 'вошла' : 'вошли'} ни в один акт; самая ранняя — от ${dayShort(uncovered.earliest!)}.`,
    });
  }
  if (active && pace.state === 'running') {
    const ahead = (f: Forecast, u: Usage) => !over(u) && f.runsOutOn !== null && !f.lastsToEnd;
    if (ahead(pace.volume, v))
      out.push({ code: 'paceVolume', severity: 'info', message: `При нынешнем темпе объём закончится ${dayLong(pace.volume.runsOutOn!)} — раньше окончания срока (${dayLong(contract.termEnd)}).` });
    if (ahead(pace.money, m))
      out.push({ code: 'paceMoney', severity: 'info', message: `При нынешнем темпе цена контракта будет исчерпана ${dayLong(pace.money.runsOutOn!)} — раньше окончания срока (${dayLong(contract.termEnd)}).` });
  }
  for (const { act, publicationsAmount } of actChecks) {
    if (act.amount !== publicationsAmount)
      out.push({ code: 'actMismatch', severity: 'info', message: `Акт № ${act.number} от ${dayShort(act.date)} на ${money(act.amount)}, а публикации за его период — на ${money(publicationsAmount)}.` });
  }
  return out;
}
