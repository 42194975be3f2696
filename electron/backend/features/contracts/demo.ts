/**
 * Demo contracts for Алейск: per year, the main contract with «Маяк труда» (44-ФЗ, единственный
 * поставщик, см² with bands and a colour price), a TV contract in minutes of air with «Алейск-ТВ»;
 * publications on the paper's days (Wednesday and Friday), monthly (TV: quarterly) acts, payments,
 * acts of the administration with their signing dates (some published late) and 11 «сборников НПА».
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import { seededRandom, type Random } from '../../demo/random.js';
import { addDays, cmp } from './days.js';
import type { AcceptanceAct, ActCollection, ActKind, Contract, MunicipalAct, Payment, Publication } from './schema.js';
import { publicationCost } from './tariff.js';

const actTitles = [
  'Об утверждении административного регламента предоставления муниципальной услуги «Выдача разрешений на строительство»',
  'О внесении изменений в муниципальную программу «Развитие культуры города Алейска»',
  'О подготовке объектов жилищно-коммунального хозяйства к отопительному периоду',
  'Об утверждении Порядка предоставления субсидий субъектам малого и среднего предпринимательства',
  'О мерах по обеспечению безопасности людей на водных объектах',
  'Об установлении размера платы за содержание жилого помещения',
  'О проведении месячника по благоустройству и санитарной очистке территории города',
  'Об утверждении схемы размещения нестационарных торговых объектов',
  'О внесении изменений в бюджет муниципального образования город Алейск',
  'Об утверждении отчёта об исполнении бюджета города за первый квартал',
  'О назначении публичных слушаний по проекту изменений в Правила землепользования и застройки',
  'Об организации летнего отдыха и оздоровления детей',
];
const newsTitles = [
  'Глава города провёл выездной день в микрорайоне Урожайный',
  'Итоги заседания комиссии по безопасности дорожного движения',
  'В Алейске завершён ремонт улицы Сердюка по нацпроекту «Безопасные качественные дороги»',
  'Час прямого провода с главой города: ответы на вопросы жителей',
  'Городской конкурс «Лучший двор» подвёл итоги',
  'Отопительный сезон: как работают котельные города',
  'Алейск принял участие в краевом форуме «Мой город — моя ответственность»',
  'Благоустройство сквера Победы: что сделано в этом году',
];
const announcementTitles = [
  'Объявление о проведении публичных слушаний по проекту бюджета города',
  'Информационное сообщение о приёме заявлений на участие в конкурсе инициативного бюджетирования',
  'Извещение о проведении аукциона на право аренды земельного участка',
  'Объявление о временном ограничении движения транспорта',
  'Информационное сообщение о проведении общественных обсуждений',
];

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

interface YearData {
  contracts: Contract[];
  pubs: Publication[];
  acts: AcceptanceAct[];
  payments: Payment[];
  collections: ActCollection[];
}

function makeContract(fields: Omit<Contract, 'id' | 'createdAt' | 'updatedAt' | 'attachments' | 'statusNote' | 'notes' | 'law'>, at: string): Contract {
  return { ...fields, law: '44', notes: '', statusNote: '', attachments: [], id: randomUUID(), createdAt: at, updatedAt: at };
}

/** Acts and payments for the contract's publications: one act per period that is over by `today`. */
function actsFor(c: Contract, pubs: Publication[], periods: [string, string][], today: string, random: Random, out: YearData, orderBase: number) {
  periods.forEach(([from, to], i) => {
    const inside = pubs.filter((p) => p.date >= from && p.date <= to);
    const date = addDays(to, random.int(2, 6));
    if (inside.length === 0 || date > today) return;
    const act: AcceptanceAct = {
      id: randomUUID(),
      contractId: c.id,
      number: String(i + 1),
      date,
      periodFrom: from,
      periodTo: to,
      volume: inside.reduce((s, p) => s + p.volume, 0),
      amount: inside.reduce((s, p) => s + publicationCost(c.tariff, p), 0),
      notes: '',
      createdAt: `${date}T10:00:00.000Z`,
      updatedAt: `${date}T10:00:00.000Z`,
    };
    out.acts.push(act);
    const paidOn = addDays(date, random.int(7, 20));
    if (paidOn <= today)
      out.payments.push({
        id: randomUUID(),
        contractId: c.id,
        date: paidOn,
        amount: act.amount,
        order: String(orderBase + i * 37 + random.int(1, 30)),
        actId: act.id,
        notes: '',
        createdAt: `${paidOn}T10:00:00.000Z`,
        updatedAt: `${paidOn}T10:00:00.000Z`,
      });
  });
}

function yearOf(year: number, today: string, outlets: { paper: string; tv: string | null }, random: Random): YearData {
  const out: YearData = { contracts: [], pubs: [], acts: [], payments: [], collections: [] };
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const last = today < end ? today : end;
  const done = today > end;
  // Prices of the current year as in the brief (≈1,1 млн ₽, 19/15/25 ₽ за см²); earlier years 5 % cheaper each.
  const thisYear = Number(today.slice(0, 4));
  const grow = 1 - (thisYear - year) * 0.05;
  const paper = makeContract(
    {
      number: `МК-${year}/01`,
      date: `${year - 1}-12-2${random.int(2, 7)}`,
      ikz: `${String(year).slice(2)}32231001789223101001${pad(1)}01` + '0015813244',
      outletId: outlets.paper,
      subject: 'Оказание услуг по официальному опубликованию муниципальных правовых актов и информационному освещению деятельности органов местного самоуправления города Алейска в газете «Маяк труда»',
      method: 'single',
      price: Math.round(1_100_000 * grow) * 100,
      unitId: 'cm2',
      volume: 66_000,
      tariff: { kind: 'bands', price: 0, bands: [{ upTo: 200, price: Math.round(19 * grow) * 100 }, { upTo: null, price: Math.round(15 * grow) * 100 }], bandMode: 'whole', colorMode: 'price', colorPrice: Math.round(25 * grow) * 100, colorPercent: 0 },
      termStart: start,
      termEnd: end,
      status: done ? 'fulfilled' : 'active',
      statusDate: done ? end : null,
    },
    `${year - 1}-12-27T09:00:00.000Z`,
  );
  out.contracts.push(paper);
  let issueNo = 0;
  const total = 10_000 + (year - 2000) * 104;
  for (let day = start; day <= last; day = addDays(day, 1)) {
    if (weekday(day) !== 3 && weekday(day) !== 5) continue;
    issueNo++;
    const issue = `№ ${issueNo} (${(total + issueNo).toLocaleString('ru-RU')})`;
    const count = random.next() < 0.12 ? 0 : random.next() < 0.22 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const roll = random.next();
      const kind = roll < 0.45 ? 'act' : roll < 0.8 ? 'news' : 'announcement';
      let act: MunicipalAct | null = null;
      let title: string;
      let volume: number;
      if (kind === 'act') {
        const actKind: ActKind = random.next() < 0.75 ? 'resolution' : random.next() < 0.7 ? 'decision' : 'order';
        const late = random.next() < 0.12;
        const signedOn = addDays(day, -(late ? random.int(11, 24) : random.int(2, 9)));
        title = random.pick(actTitles);
        act = { kind: actKind, number: '', signedOn, title };
        volume = random.int(250, 1400);
      } else if (kind === 'news') {
        title = random.pick(newsTitles);
        volume = random.int(150, 600);
      } else {
        title = random.pick(announcementTitles);
        volume = random.int(60, 220);
      }
      const color = kind === 'news' && random.next() < 0.35;
      const override =
        color && random.next() < 0.05 ? { amount: volume * paper.tariff.bands[1]!.price, reason: 'Перенесено на цветную полосу по решению редакции, оплата по чёрно-белому тарифу (письмо редакции)' } : null;
      const at = `${day}T08:00:00.000Z`;
      out.pubs.push({ id: randomUUID(), contractId: paper.id, date: day, issue, kind, title, act, releaseId: null, volume, color, override, createdAt: at, updatedAt: at });
    }
  }
  const months = Array.from({ length: 12 }, (_, m) => [`${year}-${pad(m + 1)}-01`, lastDayOf(year, m + 1)] as [string, string]);
  actsFor(paper, out.pubs, months, today, random, out, 1100);

  if (outlets.tv) {
    const tv = makeContract(
      {
        number: `ТВ-${year}/02`,
        date: `${year}-01-1${random.int(0, 6)}`,
        ikz: '',
        outletId: outlets.tv,
        subject: 'Оказание услуг по информационному освещению деятельности администрации города Алейска в эфире телеканала «Алейск-ТВ»',
        method: 'quotation',
        price: Math.round(600_000 * grow) * 100,
        unitId: 'minute',
        volume: 300,
        tariff: { kind: 'flat', price: Math.round(2_000 * grow) * 100, bands: [], bandMode: 'whole', colorMode: 'none', colorPrice: 0, colorPercent: 0 },
        termStart: `${year}-01-20`,
        termEnd: end,
        status: done ? 'fulfilled' : 'active',
        statusDate: done ? end : null,
      },
      `${year}-01-15T09:00:00.000Z`,
    );
    out.contracts.push(tv);
    const tvPubs: Publication[] = [];
    for (let day = tv.termStart; day <= last; day = addDays(day, 1)) {
      if (weekday(day) !== 4) continue;
      const at = `${day}T12:00:00.000Z`;
      tvPubs.push({ id: randomUUID(), contractId: tv.id, date: day, issue: 'Новости, 19:00', kind: 'news', title: random.pick(newsTitles), act: null, releaseId: null, volume: random.int(3, 8), color: false, override: null, createdAt: at, updatedAt: at });
    }
    out.pubs.push(...tvPubs);
    const quarters = [1, 4, 7, 10].map((m) => [`${year}-${pad(m)}-01`, lastDayOf(year, m + 2)] as [string, string]);
    quarters[0]![0] = tv.termStart;
    actsFor(tv, tvPubs, quarters, today, random, out, 1500);
  }

  // Eleven «сборников НПА» a year (none in January): decisions of the council and resolutions.
  for (let m = 2; m <= 12; m++) {
    const date = `${year}-${pad(m)}-${pad(random.int(24, 28))}`;
    if (date > last) break;
    const acts: MunicipalAct[] = [];
    for (let k = random.int(3, 7); k > 0; k--) {
      const kind: ActKind = random.next() < 0.5 ? 'decision' : 'resolution';
      const late = random.next() < 0.1;
      acts.push({ kind, number: '', signedOn: addDays(date, -(late ? random.int(11, 30) : random.int(1, 10))), title: random.pick(actTitles) });
    }
    const at = `${date}T09:00:00.000Z`;
    out.collections.push({ id: randomUUID(), number: String(m - 1), date, title: 'Сборник нормативно-правовых актов муниципального образования город Алейск Алтайского края', acts, notes: '', createdAt: at, updatedAt: at });
  }
  // Numbers run with the dates of signing, as in a real register of acts.
  const all = [...out.pubs.flatMap((p) => (p.act ? [p.act] : [])), ...out.collections.flatMap((c) => c.acts)].sort((a, b) => cmp(a.signedOn, b.signedOn));
  const next: Record<ActKind, number> = { resolution: random.int(1, 3), order: random.int(1, 3), decision: 1, other: 1 };
  for (const a of all) a.number = `${next[a.kind]++}${a.kind === 'order' ? '-р' : ''}`;
  return out;
}

/** Writes the demo years into the store (one write per year); returns the counts. */
export async function generateContractsDemo(store: AppStore, opts: { years: number; now: Date }): Promise<Record<string, number>> {
  const outlets = store.all('outlets');
  const paper = outlets.find((o) => o.name.includes('Маяк труда'));
  if (!paper) return {};
  const tv = outlets.find((o) => o.name.includes('Алейск-ТВ'));
  const tz = store.get('settings', 'settings')?.organisation.timeZone ?? 'Europe/Moscow';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(opts.now);
  const random = seededRandom(20264404);
  const thisYear = Number(today.slice(0, 4));
  const counts = { contracts: 0, contractPublications: 0, contractActs: 0, contractPayments: 0, actCollections: 0 };
  for (let year = thisYear - opts.years + 1; year <= thisYear; year++) {
    const y = yearOf(year, today, { paper: paper.id, tv: tv?.id ?? null }, random);
    await store.mutate((tx) => {
      y.contracts.forEach((r) => tx.put('contracts', r));
      y.pubs.forEach((r) => tx.put('contractPublications', r));
      y.acts.forEach((r) => tx.put('contractActs', r));
      y.payments.forEach((r) => tx.put('contractPayments', r));
      y.collections.forEach((r) => tx.put('actCollections', r));
    });
    counts.contracts += y.contracts.length;
    counts.contractPublications += y.pubs.length;
    counts.contractActs += y.acts.length;
    counts.contractPayments += y.payments.length;
    counts.actCollections += y.collections.length;
  }
  return counts;
}
