/**
 * The report as a ГОСТ Р 7.0.97-2016 document: title page addressed to the council, contents, the
 * sections (sentences, narrative, a table against the previous period, charts), the tasks, appendices.
 */
import { AlignmentType, HeadingLevel, ImageRun, LineRuleType, Paragraph, TextRun, type FileChild } from 'docx';
import type { FileResult } from '../../api.js';
import { note, para, table } from '../../docx/blocks.js';
import { GOST, gostDocument, safeFileName, toFileResult } from '../../docx/gost.js';
import { formatInt, formatMoney } from '../../format.js';
import { platforms, type ReportView } from './api-types.js';
import { renderChartPng } from './chart-png.js';
import { display } from './figures.js';
import { forPeriod, inPeriod, nextOf, shortLabel } from './period.js';
import type { Snap } from './snapshot.js';
import { change, dmy, NO_DATA } from './text.js';
import type { Built } from './view.js';

const run = (text: string, o: { bold?: boolean; size?: number; italics?: boolean; allCaps?: boolean } = {}) =>
  new TextRun({ text, font: GOST.font, size: o.size ?? GOST.textSize, bold: o.bold, italics: o.italics, allCaps: o.allCaps });
const centred = (text: string, o: { bold?: boolean; before?: number; after?: number; allCaps?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: o.before ?? 0, after: o.after ?? 0 }, children: [run(text, o)] });
/** Like blocks.heading, but black (LibreOffice colours its default heading styles) and kept with what follows. */
const heading = (text: string, level: 1 | 2 = 1, pageBreakBefore = false) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore,
    alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
    keepNext: true,
    keepLines: true,
    spacing: { before: 240, after: 120 },
    indent: level === 2 ? { firstLine: GOST.firstLineIndent } : undefined,
    children: [new TextRun({ text, font: GOST.font, size: GOST.textSize, bold: true, color: '000000' })],
  });
const caption = (text: string) => new Paragraph({ alignment: AlignmentType.LEFT, keepNext: true, spacing: { before: 200, after: 80 }, children: [run(text, { size: GOST.tableSize })] });
const paragraphs = (text: string) => text.split(/\n\s*\n|\n/).map((t) => t.trim()).filter(Boolean).map(para);
const FIGURE_COLUMNS = (cur: string, prev: string) => [
  { title: 'Показатель', width: 40 },
  { title: cur, width: 18, align: 'right' as const },
  { title: prev, width: 18, align: 'right' as const },
  { title: 'Изменение', width: 24, align: 'right' as const },
];
const noRub = (s: string) => s.replace(/\u00a0₽/g, '');
/** A table row: the unit goes to the label («Стоимость публикаций, ₽»), the cells hold bare numbers. */
function figureRow(f: ReportView['sections'][number]['figures'][number]): string[] {
  const unit = f.unit && !f.label.endsWith(f.unit) ? `, ${f.unit}` : '';
  const bare = (v: number | null) => (v === null ? NO_DATA : f.unit === '₽' ? noRub(formatMoney(v)) : formatInt(v));
  return [`${f.label}${unit}`, bare(f.value), bare(f.previous), f.change === null ? '—' : noRub(f.change)];
}
const colLabel = (v: ReportView, which: 'period' | 'previous') => (v[which].period === 'year' ? `${v[which].year} г.` : shortLabel(v[which]));

function titlePage(v: ReportView, city: string, year: number): FileChild[] {
  return [
    new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: 5103 }, spacing: { after: 0 }, children: [run(v.councilName)] }),
    centred(v.organisation, { bold: true, allCaps: true, before: 3600 }),
    centred('ОТЧЁТ', { bold: true, before: 1200, size: 32 }),
    centred(`о деятельности в области информационной политики ${forPeriod(v.period)}`, { before: 240 }),
    centred(`${city ? `${city}, ` : ''}${year}`, { before: 6000 }),
  ];
}

interface Numbered {
  number: string;
  title: string;
}

function contents(items: Numbered[]): FileChild[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: true, spacing: { after: 240 }, children: [run('Содержание', { bold: true })] }),
    ...items.map((x) => new Paragraph({ spacing: { after: 60 }, indent: /^\d+\.\d/.test(x.number) ? { left: 567 } : undefined, children: [run(`${x.number} ${x.title}`.trim())] })),
  ];
}

function chartImage(option: Record<string, unknown>, n: number, title: string, tall = false): FileChild[] {
  const height = tall ? 400 : 310;
  const png = renderChartPng(option, 620, height);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 200, line: 240, lineRule: LineRuleType.AUTO },
      children: [new ImageRun({ type: 'png', data: png, transformation: { width: 620, height }, altText: { name: `Рисунок ${n}`, title, description: title } })],
    }),
    centred(`Рисунок ${n} — ${title}`, { size: GOST.tableSize, after: 200 }),
  ];
}

export async function reportDocx(snap: Snap, v: ReportView, built: Built): Promise<FileResult> {
  const org = snap.get('settings', 'settings')?.organisation;
  const next = nextOf(v.period);
  let tables = 0;
  let figuresN = 0;
  const chart = (id: string, tall = false) => {
    const c = v.charts.find((x) => x.id === id);
    return c ? chartImage(c.option, ++figuresN, c.title, tall) : [];
  };
  const cur = colLabel(v, 'period');
  const prev = colLabel(v, 'previous');
  const figureTable = (rows: ReportView['sections'][number]['figures']) => table(FIGURE_COLUMNS(cur, prev), rows.map(figureRow));

  const main: Numbered = { number: '1.', title: `Что наиболее значительное удалось сделать в области информационной политики ${inPeriod(v.period).replace(/^В /, 'в ')}` };
  const dataSections = v.sections.filter((s) => s.id !== 'intro');
  const toc: Numbered[] = [main, ...dataSections.map((s, i) => ({ number: `1.${i + 1}.`, title: s.title }))];
  const tasksDone: Numbered = { number: '2.', title: `Выполнение задач, поставленных на ${v.period.period === 'year' ? `${v.period.year} год` : v.period.label}` };
  const tasksNext: Numbered = { number: '3.', title: `Какие задачи стоят ${inPeriod(next).replace(/^В /, 'в ')}` };
  const appendices = [
    { number: 'Приложение 1.', title: 'Сводная таблица показателей' },
    ...(built.build.cur.site || built.build.prev.site ? [{ number: 'Приложение 2.', title: 'Публикации на официальном сайте по месяцам' }] : []),
  ];
  const body: FileChild[] = [heading(`${main.number} ${main.title}`, 1, true)];
  if (v.asOf) body.push(note(`Период ещё не завершён: данные приведены по состоянию на ${dmy(v.asOf)}.`));
  const intro = v.sections.find((s) => s.id === 'intro');
  if (intro?.narrative) body.push(...paragraphs(intro.narrative));
  if (v.empty) body.push(para(`Данных ${forPeriod(v.period)} в программе нет: ни публикаций, ни мероприятий, ни показателей. Отчёт не может быть составлен по цифрам — внесите данные или выберите другой период.`));

  dataSections.forEach((s, i) => {
    body.push(heading(`1.${i + 1}. ${s.title}`, 2));
    const paras: string[] = [];
    for (const x of s.sentences) if (x.text) x.key.endsWith('.platforms') && paras.length ? (paras[paras.length - 1] += ` ${x.text}`) : paras.push(x.text);
    body.push(...paras.map(para));
    if (s.narrative) body.push(...paragraphs(s.narrative));
    if (!s.noData && s.figures.length) {
      body.push(caption(`Таблица ${++tables} — ${s.title}: ${cur} в сравнении с ${prev}`), figureTable(s.figures));
    }
    if (s.id === 'site') body.push(...chart('site-by-month'), ...chart('site-by-project', true));
    if (s.id === 'social') body.push(...chart('subscribers'));
  });

  body.push(heading(`${tasksDone.number} ${tasksDone.title}`));
  body.push(...paragraphs(v.taskNarratives.done));
  if (v.tasksDone.length === 0) body.push(para(`Задачи ${forPeriod(v.period).replace(/^за /, 'на ')} в программе не ставились.`));
  v.tasksDone.forEach((t, i) => {
    const mark = t.done === true ? 'выполнено' : t.done === false ? 'не выполнено' : 'отметка о выполнении не поставлена';
    body.push(para(`${i + 1}. ${t.text.replace(/[.;]\s*$/, '')} — ${mark}.${t.comment ? ` ${t.comment}` : ''}`));
  });

  body.push(heading(`${tasksNext.number} ${tasksNext.title}`));
  body.push(...paragraphs(v.taskNarratives.next));
  if (v.tasksNext.length === 0 && !v.taskNarratives.next) body.push(para('Задачи пока не сформулированы.'));
  v.tasksNext.forEach((t, i, all) => body.push(para(`– ${t.text.replace(/[.;]\s*$/, '')}${i === all.length - 1 ? '.' : ';'}`)));

  // ---- appendices
  body.push(heading(`${appendices[0]!.number} ${appendices[0]!.title}`, 1, true));
  body.push(
    table(
      FIGURE_COLUMNS(cur, prev),
      dataSections.flatMap((s) => [[s.title.toUpperCase(), '', '', ''], ...s.figures.map((f) => { const r = figureRow(f); r[0] = `   ${r[0]}`; return r; })]),
    ),
    note(`«${NO_DATA}» — в программе нет записей за период; нули показаны только там, где данные есть.`),
  );
  const { cur: mc, prev: mp } = built.build;
  if (appendices[1]) {
    const names = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
    const rows = mc.months.map((m, i) => {
      const a = mc.site ? mc.site.byMonth[i]! : null;
      const b = mp.site ? mp.site.byMonth[i]! : null;
      return [names[m.month - 1]!, display({}, a), display({}, b), change(a, b) ?? '—'];
    });
    const ta = mc.site?.pubs.length ?? null;
    const tb = mp.site?.pubs.length ?? null;
    rows.push(['Итого', display({}, ta), display({}, tb), change(ta, tb) ?? '—']);
    body.push(
      heading(`${appendices[1].number} ${appendices[1].title}`),
      table(
        [
          { title: 'Месяц', width: 40 },
          { title: cur, width: 20, align: 'right' },
          { title: prev, width: 20, align: 'right' },
          { title: 'Изменение', width: 20, align: 'right' },
        ],
        rows,
      ),
    );
  }
  const end = mc.subscribers?.end;
  if (end) {
    const start = mc.subscribers?.start;
    const before = new Map(start?.rows.map((r) => [`${r.platform}|${r.page}`, r.count]));
    const n = appendices.length + 1;
    appendices.push({ number: `Приложение ${n}.`, title: 'Подписчики официальных страниц' });
    body.push(
      heading(`Приложение ${n}. Подписчики официальных страниц`),
      table(
        [
          { title: 'Площадка', width: 20 },
          { title: 'Страница', width: 26 },
          { title: start ? `на ${dmy(start.asOf)}` : 'ранее', width: 15, align: 'right' },
          { title: `на ${dmy(end.asOf)}`, width: 15, align: 'right' },
          { title: 'Прирост', width: 24, align: 'right' },
        ],
        end.rows.map((r) => {
          const b = before.get(`${r.platform}|${r.page}`);
          return [platforms[r.platform], r.page, b === undefined ? '—' : formatInt(b), formatInt(r.count), b === undefined ? '—' : change(r.count, b) ?? '—'];
        }),
      ),
    );
  }
  const votes = mc.votes;
  if (votes) {
    const n = appendices.length + 1;
    appendices.push({ number: `Приложение ${n}.`, title: 'Онлайн-голосования' });
    body.push(
      heading(`Приложение ${n}. Онлайн-голосования`),
      table(
        [
          { title: 'Дата', width: 15 },
          { title: 'Тема', width: 35 },
          { title: 'Площадка', width: 16 },
          { title: 'Участники', width: 15, align: 'right' },
          { title: 'Итог', width: 19 },
        ],
        votes.map((x) => [dmy(x.date), x.topic, platforms[x.platform], formatInt(x.participants), x.result]),
      ),
    );
  }

  const doc = gostDocument({
    title: `Отчёт о деятельности в области информационной политики ${forPeriod(v.period)}`,
    sections: [{ children: [...titlePage(v, org?.city ?? '', v.period.year + (v.period.period === 'year' || v.period.period === 'q4' || v.period.period === 'h2' ? 1 : 0)), ...contents([...toc, tasksDone, tasksNext, ...appendices]), ...body] }],
  });
  return toFileResult(doc, safeFileName(`Отчёт ${v.period.label}`, 'docx'));
}
