/** The contracts register for a year and one contract's statement, ГОСТ style. */
import type { FileResult } from '../../api.js';
import { letterhead, note, subtitle, table, title } from '../../docx/blocks.js';
import { gostDocument, safeFileName, textWidth, toFileResult } from '../../docx/gost.js';
import { field, line, rub, section, signature } from './docx-kit.js';
import { formatInt } from '../../format.js';
import type { Settings } from '../settings/schema.js';
import type { Forecast } from './control.js';
import { dayLong, dayShort, money, volumeText } from './days.js';
import { actKindsShort } from './schema.js';
import type { ContractRegister } from './types.js';
import type { ContractCard } from './views.js';

const forecastText = (what: string, f: Forecast, termEnd: string, format: (n: number) => string) => {
  if (f.exhaustedOn) return `${what} исчерпан(а) ${dayLong(f.exhaustedOn)}.`;
  if (f.ratePerDay === null) return `${what}: срок контракта ещё не начался.`;
  if (f.runsOutOn && !f.lastsToEnd) return `${what}: при нынешнем темпе закончится ${dayLong(f.runsOutOn)}, раньше окончания срока (${dayLong(termEnd)}).`;
  return `${what}: при нынешнем темпе хватит до конца срока; к ${dayLong(termEnd)} будет использовано около ${format(f.projectedAtEnd)} (${f.projectedPercent} %).`;
};

const what = (p: ContractCard['publications'][number]) =>
  (p.act ? `${actKindsShort[p.act.kind]} от ${dayShort(p.act.signedOn)} № ${p.act.number} «${p.title}»` : p.title) +
  (p.override ? `\n(стоимость изменена: ${p.override.reason})` : '');

export async function buildStatementDocx(card: ContractCard, settings: Settings | null, now: Date): Promise<FileResult> {
  const c = card.control;
  const u = card.unit.short;
  const org = settings?.organisation.name;
  const pubRows = card.publications.map((p, i) => [
    String(i + 1),
    dayShort(p.date),
    p.issue,
    what(p),
    formatInt(p.volume) + (p.color ? '\nцвет' : ''),
    rub(p.cost),
    p.coveredBy ? p.coveredBy.number : '—',
  ]);
  pubRows.push(['', '', '', 'Итого', formatInt(c.volume.used), rub(c.money.used), '']);
  const actRows = card.acts.map((a, i) => [String(i + 1), `№ ${a.number}\nот ${dayShort(a.date)}`, `${dayShort(a.periodFrom)} —\n${dayShort(a.periodTo)}`, formatInt(a.volume), rub(a.amount), rub(a.paid)]);
  actRows.push(['', 'Итого', '', formatInt(c.acts.volume), rub(c.acts.amount), rub(card.acts.reduce((s, a) => s + a.paid, 0))]);
  const actNumber = new Map(card.acts.map((a) => [a.id, a.number]));
  const payRows = card.payments.map((p, i) => [String(i + 1), dayShort(p.date), `№ ${p.order}`, p.actId ? `№ ${actNumber.get(p.actId) ?? '?'}` : '—', rub(p.amount)]);
  payRows.push(['', 'Итого', '', '', rub(c.paid)]);

  const doc = gostDocument({
    title: `Ведомость исполнения контракта № ${card.number}`,
    sections: [
      {
        children: [
          ...(org ? [letterhead(org)] : []),
          title('Ведомость исполнения муниципального контракта'),
          subtitle(`№ ${card.number} от ${dayLong(card.date)} по состоянию на ${dayLong(c.asOf)}`),
          field('Исполнитель', card.outlet.name),
          field('Предмет контракта', card.subject),
          field('Способ закупки', `${card.methodLabel} (${card.lawLabel})`),
          ...(card.ikz ? [field('ИКЗ', card.ikz)] : []),
          field('Срок исполнения', `с ${dayShort(card.termStart)} по ${dayShort(card.termEnd)}`),
          field('Цена контракта', money(card.price)),
          field('Плановый объём', `${volumeText(card.volume, u)} (${card.unit.name})`),
          field('Тариф', card.tariffText),
          field('Статус', card.statusLabel + (card.contract.statusDate ? ` с ${dayShort(card.contract.statusDate)}` : '')),

          section('1. Исполнение контракта'),
          table(
            [
              { title: 'Показатель', width: 25 },
              { title: 'По контракту', width: 21, align: 'right' },
              { title: 'Использовано', width: 21, align: 'right' },
              { title: 'Остаток', width: 21, align: 'right' },
              { title: '%', width: 12, align: 'right' },
            ],
            [
              [`Объём, ${u}`, formatInt(c.volume.plan), formatInt(c.volume.used), formatInt(c.volume.left), String(c.volume.percent)],
              ['Цена, ₽', rub(c.money.plan), rub(c.money.used), rub(c.money.left), String(c.money.percent)],
            ],
          ),
          line(`Прошло ${c.pace.timePercent} % срока контракта (${c.pace.elapsedDays} из ${c.pace.termDays} дн.).`, 200),
          line(forecastText('Объём', c.pace.volume, card.termEnd, (n) => volumeText(n, u))),
          line(forecastText('Цена контракта', c.pace.money, card.termEnd, money)),

          section('2. Публикации'),
          table(
            [
              { title: '№ п/п', width: 6, align: 'center' },
              { title: 'Дата', width: 15, align: 'center' },
              { title: 'Выпуск', width: 12, align: 'center' },
              { title: 'Материал', width: 32 },
              { title: `Объём, ${u}`, width: 12, align: 'right' },
              { title: 'Сумма, ₽', width: 15, align: 'right' },
              { title: 'Акт №', width: 8, align: 'center' },
            ],
            pubRows,
            { emptyText: 'Публикаций пока нет' },
          ),

          section('3. Акты выполненных работ'),
          table(
            [
              { title: '№ п/п', width: 6, align: 'center' },
              { title: 'Номер и дата', width: 18 },
              { title: 'Период', width: 18, align: 'center' },
              { title: `Объём, ${u}`, width: 14, align: 'right' },
              { title: 'Сумма, ₽', width: 22, align: 'right' },
              { title: 'Оплачено, ₽', width: 22, align: 'right' },
            ],
            actRows,
          ),

          section('4. Платежи'),
          table(
            [
              { title: '№ п/п', width: 6, align: 'center' },
              { title: 'Дата', width: 17, align: 'center' },
              { title: 'Платёжное поручение', width: 27 },
              { title: 'По акту', width: 20, align: 'center' },
              { title: 'Сумма, ₽', width: 30, align: 'right' },
            ],
            payRows,
          ),

          section('5. Расчёты по контракту'),
          table(
            [
              { title: 'Показатель', width: 65 },
              { title: 'Сумма, ₽', width: 35, align: 'right' },
            ],
            [
              ['Цена контракта', rub(card.price)],
              ['Стоимость публикаций', rub(c.money.used)],
              ['Остаток цены контракта', rub(c.money.left)],
              ['Принято по актам', rub(c.acts.amount)],
              ['Оплачено', rub(c.paid)],
              ['Задолженность по принятым актам', rub(c.owed)],
              ['Публикации, не вошедшие в акты', rub(c.uncovered.amount)],
            ],
          ),
          ...(card.warnings.length ? [section('6. Предупреждения'), ...card.warnings.map((w) => line(`— ${w.message}`))] : []),
          ...signature(settings, textWidth.portrait),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`Ведомость контракта ${card.number} на ${c.asOf}`, 'docx'));
}

export async function buildRegisterDocx(reg: ContractRegister, year: number, settings: Settings | null, now: Date): Promise<FileResult> {
  const org = settings?.organisation.name;
  const rows = reg.rows.map((r, i) => [
    String(i + 1),
    `№ ${r.number}\nот ${dayShort(r.date)}\nсрок: ${dayShort(r.termStart)} —\n${dayShort(r.termEnd)}\n(${r.statusLabel})`,
    `${r.outlet.name}\n${r.subject}\n(${r.methodLabel}, ${r.lawLabel})` + (r.ikz ? `\nИКЗ ${r.ikz}` : ''),
    rub(r.price),
    `${formatInt(r.control.volume.used)}\nиз ${volumeText(r.volume, r.unit.short)}\n(${r.control.volume.percent} %)`,
    `${rub(r.control.money.used)}\n(${r.control.money.percent} %)`,
    rub(r.control.acts.amount),
    rub(r.control.paid),
    rub(r.control.money.left),
  ]);
  const t = reg.totals;
  rows.push(['', 'Итого', '', rub(t.price), '', rub(t.used), rub(t.acted), rub(t.paid), rub(t.left)]);
  const warned = reg.rows.filter((r) => r.warnings.length > 0);
  const doc = gostDocument({
    title: `Реестр контрактов со СМИ за ${year} год`,
    sections: [
      {
        landscape: true,
        children: [
          ...(org ? [letterhead(org)] : []),
          title('Реестр муниципальных контрактов со средствами массовой информации'),
          subtitle(`за ${year} год, по состоянию на ${dayLong(reg.asOf)}`),
          table(
            [
              { title: '№ п/п', width: 4.5, align: 'center' },
              { title: 'Контракт', width: 12 },
              { title: 'СМИ, предмет, способ закупки', width: 20.5 },
              { title: 'Цена, ₽', width: 10.5, align: 'right' },
              { title: 'Объём: использовано', width: 10, align: 'right' },
              { title: 'Стоимость публикаций, ₽', width: 10.5, align: 'right' },
              { title: 'Принято по актам, ₽', width: 10.5, align: 'right' },
              { title: 'Оплачено, ₽', width: 10.5, align: 'right' },
              { title: 'Остаток цены, ₽', width: 11, align: 'right' },
            ],
            rows,
            { landscape: true, emptyText: 'За год контрактов нет' },
          ),
          note(`Задолженность по принятым актам: ${money(t.owed)}. Контрактов с предупреждениями: ${t.withWarnings}.`),
          ...(warned.length
            ? [section('Предупреждения'), ...warned.flatMap((r) => r.warnings.map((w) => line(`— Контракт № ${r.number} (${r.outlet.name}): ${w.message}`)))]
            : []),
          ...signature(settings, textWidth.landscape),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`Реестр контрактов со СМИ ${year}`, 'docx'));
}
