/**
 * The rules a write must pass beyond its schema: each throws a Russian error naming the field,
 * before anything is put, so a refused write leaves nothing behind.
 */
import { fieldError } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { actCovering } from './control.js';
import { dayShort, money } from './days.js';
import { contractStatuses, type AcceptanceAct, type Contract, type Publication } from './schema.js';
import { unitsOf, type Reader } from './views.js';

const sameNumber = (a: string, b: string) => normalizeForSearch(a).replace(/\s/g, '') === normalizeForSearch(b).replace(/\s/g, '');
const termText = (c: Pick<Contract, 'termStart' | 'termEnd'>) => `с ${dayShort(c.termStart)} по ${dayShort(c.termEnd)}`;

export function checkContractFields(r: Reader, f: Pick<Contract, 'number' | 'outletId' | 'unitId'>, exceptId?: string): void {
  const outlet = r.get('outlets', f.outletId);
  if (!outlet) throw fieldError('outletId', 'Контрагент (СМИ)', 'такого СМИ нет в справочнике — выберите СМИ из списка');
  if (!unitsOf(r).some((u) => u.id === f.unitId)) throw fieldError('unitId', 'Единица объёма', 'такой единицы нет в справочнике единиц');
  const twin = r.all('contracts').find((c) => c.id !== exceptId && c.outletId === f.outletId && sameNumber(c.number, f.number));
  if (twin) throw fieldError('number', 'Номер контракта', `контракт № ${twin.number} от ${dayShort(twin.date)} с «${outlet.name}» уже есть в реестре`);
}

/** An existing publication must stay inside a changed term. */
export function checkTermKeepsPublications(pubs: Publication[], term: Pick<Contract, 'termStart' | 'termEnd'>): void {
  const before = pubs.find((p) => p.date < term.termStart);
  if (before) throw fieldError('termStart', 'Начало срока', `публикация от ${dayShort(before.date)} окажется вне срока контракта`);
  const after = pubs.find((p) => p.date > term.termEnd);
  if (after) throw fieldError('termEnd', 'Окончание срока', `публикация от ${dayShort(after.date)} окажется вне срока контракта`);
}

/**
 * A publication may be logged only on a contract in force, inside its term, and not inside a period
 * an act has already closed. `at` prefixes the field (a row of an import).
 */
export function checkPublicationPlace(c: Contract, acts: AcceptanceAct[], date: string, at = '', row = ''): void {
  if (c.status !== 'active')
    throw fieldError(`${at}contractId`, `Контракт${row}`, `контракт № ${c.number} ${contractStatuses[c.status]}: новые публикации по нему не вносятся`);
  if (date < c.termStart || date > c.termEnd)
    throw fieldError(`${at}date`, `Дата публикации${row}`, `${dayShort(date)} — вне срока контракта (${termText(c)})`);
  const act = actCovering(acts, date);
  if (act)
    throw fieldError(
      `${at}date`,
      `Дата публикации${row}`,
      `период с ${dayShort(act.periodFrom)} по ${dayShort(act.periodTo)} уже закрыт актом № ${act.number}; чтобы добавить публикацию, сначала удалите акт`,
    );
}

/** A publication inside an act's period may not change what the act counted, nor be removed. */
export function checkNotInAct(acts: AcceptanceAct[], p: Publication, what: string): void {
  const act = actCovering(acts, p.date);
  if (act) throw fieldError('id', 'Публикация', `вошла в акт № ${act.number} от ${dayShort(act.date)}: ${what} можно только после удаления акта`);
}

export interface ActFigures {
  volume: number;
  amount: number;
}

/** Checks an act against its contract's publications; returns the period's volume and amount. */
export function checkAct(
  c: Contract,
  pubs: { date: string; volume: number; cost: number }[],
  acts: AcceptanceAct[],
  a: { number: string; date: string; periodFrom: string; periodTo: string },
): ActFigures {
  const twin = acts.find((x) => sameNumber(x.number, a.number));
  if (twin) throw fieldError('number', 'Номер акта', `акт № ${twin.number} от ${dayShort(twin.date)} по этому контракту уже есть`);
  if (a.date < a.periodFrom) throw fieldError('date', 'Дата акта', `раньше начала периода (${dayShort(a.periodFrom)})`);
  const overlap = acts.find((x) => x.periodFrom <= a.periodTo && a.periodFrom <= x.periodTo);
  if (overlap)
    throw fieldError('periodFrom', 'Период акта', `пересекается с актом № ${overlap.number} (с ${dayShort(overlap.periodFrom)} по ${dayShort(overlap.periodTo)})`);
  const inside = pubs.filter((p) => p.date >= a.periodFrom && p.date <= a.periodTo);
  if (inside.length === 0)
    throw fieldError('periodFrom', 'Период акта', `с ${dayShort(a.periodFrom)} по ${dayShort(a.periodTo)} по контракту № ${c.number} нет ни одной публикации`);
  return { volume: inside.reduce((s, p) => s + p.volume, 0), amount: inside.reduce((s, p) => s + p.cost, 0) };
}

export function checkPayment(
  acts: AcceptanceAct[],
  payments: { amount: number; actId: string | null; order: string; date: string }[],
  p: { amount: number; actId: string | null; order: string; date: string },
): void {
  const twin = payments.find((x) => sameNumber(x.order, p.order) && x.date.slice(0, 4) === p.date.slice(0, 4));
  if (twin) throw fieldError('order', 'Номер платёжного поручения', `платёжное поручение № ${twin.order} от ${dayShort(twin.date)} уже внесено`);
  const owed = acts.reduce((s, a) => s + a.amount, 0) - payments.reduce((s, x) => s + x.amount, 0);
  if (owed <= 0) throw fieldError('amount', 'Сумма платежа', 'по актам ничего не причитается: сначала внесите акт выполненных работ');
  if (p.amount > owed) throw fieldError('amount', 'Сумма платежа', `${money(p.amount)} больше задолженности по актам (${money(owed)})`);
  if (p.actId) {
    const act = acts.find((a) => a.id === p.actId);
    if (!act) throw fieldError('actId', 'Акт', 'такого акта по этому контракту нет');
    const left = act.amount - payments.filter((x) => x.actId === act.id).reduce((s, x) => s + x.amount, 0);
    if (p.amount > left) throw fieldError('amount', 'Сумма платежа', `${money(p.amount)} больше неоплаченного остатка по акту № ${act.number} (${money(left)})`);
  }
}
