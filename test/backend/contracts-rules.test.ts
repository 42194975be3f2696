import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/tmp.js';
import { openKit, paperContract, pub, seedOutlets, type Kit } from './contracts-kit.js';

/**
 * Every bad input of the issue, through dispatch (the door every transport uses): a Russian error
 * naming the field, and nothing written — the journal's sequence and bytes unchanged (kit.refused).
 */
let kit: Kit;
let outlets: { paper: string; tv: string };
let contractId: string;
let actId: string;

beforeAll(async () => {
  kit = await openKit('2026-06-15');
  outlets = await seedOutlets(kit);
  const c = await kit.call('contracts.create', paperContract(outlets.paper));
  contractId = c.id;
  for (const d of ['2026-02-04', '2026-02-18', '2026-03-04']) await kit.call('contracts.addPublication', pub(contractId, d, 300));
  const card = await kit.call('contracts.addAct', { contractId, number: '1', date: '2026-03-02', periodFrom: '2026-02-01', periodTo: '2026-02-28' });
  actId = card.acts[0]!.id;
  expect(card.acts[0]).toMatchObject({ volume: 600, amount: 600 * 1500, publications: 2 });
});
afterAll(async () => {
  await kit.close();
  removeTempDirs();
});

const issue = (e: { issues?: { field: string; label: string }[] }) => e.issues?.map((i) => `${i.field} / ${i.label}`);

describe('contracts: bad input is refused, nothing written', () => {
  it('a payment larger than what is owed (acts − payments)', async () => {
    const e = await kit.refused('contracts.addPayment', { contractId, date: '2026-03-20', amount: 900_001, order: '1201' });
    expect(e.message).toBe('Поле «Сумма платежа»: 9\u00a0000,01\u00a0₽ больше задолженности по актам (9\u00a0000,00\u00a0₽)');
    expect(issue(e)).toEqual(['amount / Сумма платежа']);
    await kit.call('contracts.addPayment', { contractId, date: '2026-03-20', amount: 900_000, order: '1201', actId });
    const nothing = await kit.refused('contracts.addPayment', { contractId, date: '2026-03-25', amount: 1, order: '1202' });
    expect(nothing.message).toBe('Поле «Сумма платежа»: по актам ничего не причитается: сначала внесите акт выполненных работ');
    const twice = await kit.refused('contracts.addPayment', { contractId, date: '2026-03-20', amount: 1, order: ' 1201 ' });
    expect(issue(twice)).toEqual(['order / Номер платёжного поручения']);
    const zero = await kit.refused('contracts.addPayment', { contractId, date: '2026-03-20', amount: 0, order: '9' });
    expect(zero.message).toBe('Поле «Сумма платежа»: должна быть больше нуля');
    const fraction = await kit.refused('contracts.addPayment', { contractId, date: '2026-03-20', amount: 10.5, order: '9' });
    expect(fraction.message).toBe('Поле «Сумма платежа»: ожидается целое число копеек');
  });

  it('a publication outside the contract term', async () => {
    const before = await kit.refused('contracts.addPublication', pub(contractId, '2025-12-30', 100));
    expect(before.message).toBe('Поле «Дата публикации»: 30.12.2025 — вне срока контракта (с 01.01.2026 по 31.12.2026)');
    expect(issue(before)).toEqual(['date / Дата публикации']);
    await kit.refused('contracts.addPublication', pub(contractId, '2027-01-01', 100));
    const bad = await kit.refused('contracts.addPublication', pub(contractId, '2026-02-30', 100));
    expect(bad.message).toBe('Поле «Дата публикации»: неверная дата');
  });

  it('a publication inside a period an act has closed, or changing one that an act counted', async () => {
    const e = await kit.refused('contracts.addPublication', pub(contractId, '2026-02-25', 100));
    expect(e.message).toBe('Поле «Дата публикации»: период с 01.02.2026 по 28.02.2026 уже закрыт актом № 1; чтобы добавить публикацию, сначала удалите акт');
    const card = await kit.call('contracts.get', { id: contractId });
    const inAct = card.publications[0]!;
    const removal = await kit.refused('contracts.removePublication', { id: inAct.id });
    expect(removal.message).toBe('Поле «Публикация»: вошла в акт № 1 от 02.03.2026: удалить её можно только после удаления акта');
    const { id, contractId: _c, createdAt: _a, updatedAt: _b, cost: _d, tariffCost: _e, coveredBy: _f, ...fields } = inAct;
    await kit.refused('contracts.updatePublication', { id, ...fields, volume: 301 });
    // A title may still be corrected.
    const ok = await kit.call('contracts.updatePublication', { id, ...fields, title: 'Исправленное название' });
    expect(ok.publication.title).toBe('Исправленное название');
  });

  it('a publication on an ended (fulfilled or terminated) contract', async () => {
    const other = await kit.call('contracts.create', paperContract(outlets.paper, { number: 'МК-ТЕСТ' }));
    await kit.call('contracts.setStatus', { id: other.id, status: 'terminated', date: '2026-05-31', note: 'соглашение сторон' });
    const e = await kit.refused('contracts.addPublication', pub(other.id, '2026-06-03', 100));
    expect(e.message).toBe('Поле «Контракт»: контракт № МК-ТЕСТ расторгнут: новые публикации по нему не вносятся');
    expect(issue(e)).toEqual(['contractId / Контракт']);
    await kit.call('contracts.setStatus', { id: other.id, status: 'fulfilled' });
    expect((await kit.refused('contracts.addPublication', pub(other.id, '2026-06-03', 100))).message).toContain('исполнен');
  });

  it('a negative or zero volume (publication, import row, contract, act)', async () => {
    const zero = await kit.refused('contracts.addPublication', pub(contractId, '2026-06-03', 0));
    expect(zero.message).toBe('Поле «Объём»: должен быть больше нуля');
    expect(issue(zero)).toEqual(['volume / Объём']);
    await kit.refused('contracts.addPublication', pub(contractId, '2026-06-03', -5));
    expect((await kit.refused('contracts.addPublication', pub(contractId, '2026-06-03', 2.5))).message).toBe('Поле «Объём»: ожидается целое число');
    const row = await kit.refused('contracts.importPublications', {
      contractId,
      publications: [pub(contractId, '2026-06-03', 10), pub(contractId, '2026-06-05', 10), pub(contractId, '2026-06-10', -1)].map(({ contractId: _, ...p }) => p),
    });
    expect(row.message).toBe('Поле «Объём № 3»: должен быть больше нуля');
    expect(issue(row)).toEqual(['publications.2.volume / Объём № 3']);
    const contract = await kit.refused('contracts.create', paperContract(outlets.paper, { number: 'Н-1', volume: 0 }));
    expect(contract.message).toBe('Поле «Плановый объём»: должен быть больше нуля');
    await kit.refused('contracts.addAct', { contractId, number: '9', date: '2026-06-30', periodFrom: '2026-03-01', periodTo: '2026-03-31', volume: -1 });
  });

  it('an import is all or nothing: a bad row refuses every row, and says which', async () => {
    const e = await kit.refused('contracts.importPublications', {
      contractId,
      publications: [
        { date: '2026-06-03', kind: 'news', title: 'А', volume: 10 },
        { date: '2027-02-01', kind: 'news', title: 'Б', volume: 10 },
      ],
    });
    expect(e.message).toBe('Поле «Дата публикации № 2»: 01.02.2027 — вне срока контракта (с 01.01.2026 по 31.12.2026)');
    expect(issue(e)).toEqual(['publications.1.date / Дата публикации № 2']);
  });

  it('a duplicate contract number for the same counterparty (another counterparty may have it)', async () => {
    const e = await kit.refused('contracts.create', paperContract(outlets.paper, { number: ' мк-2026/01 ' }));
    expect(e.message).toBe('Поле «Номер контракта»: контракт № МК-2026/01 от 25.12.2025 с «Газета «Маяк труда»» уже есть в реестре');
    expect(issue(e)).toEqual(['number / Номер контракта']);
    await kit.call('contracts.create', paperContract(outlets.tv, { number: 'МК-2026/01', unitId: 'minute' }));
    const card = await kit.call('contracts.get', { id: contractId });
    const { id, ...fields } = { ...card.contract };
    const other = await kit.call('contracts.create', paperContract(outlets.paper, { number: 'МК-2026/99' }));
    await kit.refused('contracts.update', { ...paperContract(outlets.paper), id: other.id });
    expect(id).toBe(contractId);
    expect(fields.number).toBe('МК-2026/01');
  });

  it('an act for a period with no publications; overlapping acts; an act dated before its period', async () => {
    const e = await kit.refused('contracts.addAct', { contractId, number: '2', date: '2026-05-05', periodFrom: '2026-04-01', periodTo: '2026-04-30' });
    expect(e.message).toBe('Поле «Период акта»: с 01.04.2026 по 30.04.2026 по контракту № МК-2026/01 нет ни одной публикации');
    expect(issue(e)).toEqual(['periodFrom / Период акта']);
    const overlap = await kit.refused('contracts.addAct', { contractId, number: '2', date: '2026-04-05', periodFrom: '2026-02-20', periodTo: '2026-03-31' });
    expect(overlap.message).toBe('Поле «Период акта»: пересекается с актом № 1 (с 01.02.2026 по 28.02.2026)');
    const reversed = await kit.refused('contracts.addAct', { contractId, number: '2', date: '2026-04-05', periodFrom: '2026-03-31', periodTo: '2026-03-01' });
    expect(reversed.message).toBe('Поле «Период по»: раньше начала периода');
    const early = await kit.refused('contracts.addAct', { contractId, number: '2', date: '2026-02-27', periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    expect(issue(early)).toEqual(['date / Дата акта']);
    const same = await kit.refused('contracts.addAct', { contractId, number: '1', date: '2026-04-05', periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    expect(issue(same)).toEqual(['number / Номер акта']);
    const paid = await kit.refused('contracts.removeAct', { id: actId });
    expect(paid.message).toBe('Поле «Акт»: по акту № 1 внесён платёж (п/п № 1201): сначала удалите платёж');
  });

  it('an unknown counterparty, a bad ИКЗ, a term ending before it starts, a term that would drop publications', async () => {
    const e = await kit.refused('contracts.create', paperContract('no-such-outlet', { number: 'Н-2' }));
    expect(e.message).toBe('Поле «Контрагент (СМИ)»: такого СМИ нет в справочнике — выберите СМИ из списка');
    expect(issue(e)).toEqual(['outletId / Контрагент (СМИ)']);
    const ikz = await kit.refused('contracts.create', paperContract(outlets.paper, { number: 'Н-3', ikz: '12345' }));
    expect(ikz.message).toBe('Поле «ИКЗ»: ИКЗ состоит из 36 цифр');
    expect((await kit.call('contracts.create', paperContract(outlets.paper, { number: 'Н-4', ikz: '263 2231001789 223101001 0101 001 5813 244' }))).ikz).toBe(
      '263223100178922310100101010015813244',
    );
    const term = await kit.refused('contracts.create', paperContract(outlets.paper, { number: 'Н-5', termEnd: '2025-12-31' }));
    expect(term.message).toBe('Поле «Окончание срока»: раньше начала срока');
    const unit = await kit.refused('contracts.create', paperContract(outlets.paper, { number: 'Н-6', unitId: 'ведро' }));
    expect(issue(unit)).toEqual(['unitId / Единица объёма']);
    const card = await kit.call('contracts.get', { id: contractId });
    const { id: _i, createdAt: _c, updatedAt: _u, status: _s, statusDate: _d, statusNote: _n, attachments: _a, ...fields } = card.contract;
    const shrink = await kit.refused('contracts.update', { ...fields, id: contractId, termStart: '2026-03-01' });
    expect(shrink.message).toBe('Поле «Начало срока»: публикация от 04.02.2026 окажется вне срока контракта');
    const bands = await kit.refused('contracts.create', paperContract(outlets.paper, { number: 'Н-7', tariff: { kind: 'bands', bands: [{ upTo: 200, price: 1900 }] } }));
    expect(bands.message).toBe('Поле «Граница диапазона («до», включительно) № 1»: у последнего диапазона нет верхней границы («свыше»)');
  });

  it('an override without its reason; an act of a municipal act without number and date', async () => {
    const e = await kit.refused('contracts.addPublication', pub(contractId, '2026-06-03', 10, { override: { amount: 100, reason: '' } }));
    expect(e.message).toBe('Поле «Причина изменения стоимости»: обязательное поле');
    const act = await kit.refused('contracts.addPublication', pub(contractId, '2026-06-03', 10, { kind: 'act' }));
    expect(act.message).toBe('Поле «Муниципальный акт»: укажите вид, номер и дату подписания акта');
    const signed = await kit.refused(
      'contracts.addPublication',
      pub(contractId, '2026-06-03', 10, { kind: 'act', act: { kind: 'resolution', number: '512', signedOn: '2026-06-04' } }),
    );
    expect(signed.message).toBe('Поле «Дата подписания акта»: позже даты публикации');
  });
});
