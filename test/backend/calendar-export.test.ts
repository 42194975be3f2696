/**
 * Exports: the week's / month's plan as a ГОСТ DOCX (XML read back), the calendar as .ics (parsed back
 * with ical.js), and the CLI commands `export plan` and `export ics`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli.js';
import { openCalendar, tmpDir, weeklyBriefing, type CalendarFixture } from './calendar-fixture.js';

let f: CalendarFixture;
let seriesId = '';
beforeAll(async () => {
  f = await openCalendar();
  seriesId = (await f.call('calendar.create', { ...weeklyBriefing, media: [{ outletId: f.outlets.mayak, accreditation: 'accredited' }] })).event.id;
  await f.call('calendar.setStatus', { id: `${seriesId}/2026-06-15T10:00`, status: 'cancelled', reason: 'Глава города в командировке' });
  await f.call('calendar.move', { id: `${seriesId}/2026-06-22T10:00`, start: '2026-06-23T14:00' });
  await f.call('calendar.delete', { id: `${seriesId}/2026-07-06T10:00` });
  await f.call('calendar.create', {
    title: 'Пресс-конференция «Ремонт дорог 2026: улицы, сроки, подрядчики»',
    kindId: 'press-conference',
    start: '2026-06-03T11:00',
    end: '2026-06-03T12:00',
    place: 'Администрация города, зал заседаний',
    responsibleId: 'staff-spec',
    officials: [{ name: 'Ткаченко Виктор Юрьевич', position: 'глава города' }],
    media: [{ outletId: f.outlets.mayak, accreditation: 'accredited' }, { outletId: f.outlets.tv, accreditation: 'applied' }],
    projectId: 'roads',
    tags: ['roads'],
    notes: 'Раздаточный материал: схема ремонта; «ёлочки» и ё — в тексте.',
  });
  await f.call('calendar.create', { title: 'День защиты детей', kindId: 'ceremony', allDay: true, start: '2026-06-01', place: 'Городской парк' });
  const cancelled = await f.call('calendar.create', { title: 'Встреча с жителями (отменена)', kindId: 'residents', start: '2026-06-04T18:00' });
  await f.call('calendar.setStatus', { id: cancelled.event.id, status: 'cancelled', reason: 'Аварийное отключение электроснабжения' });
});
afterAll(async () => {
  await f.close();
});

const documentXml = (base64: string) => strFromU8(unzipSync(new Uint8Array(Buffer.from(base64, 'base64')))['word/document.xml']!);
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);

describe('the plan (DOCX)', () => {
  it('a week: the title with dates, a landscape ГОСТ table, one row per event, cancelled ones left out', async () => {
    const file = await f.call('calendar.exportPlan', { from: '2026-06-01', to: '2026-06-07' });
    expect(file).toMatchObject({ kind: 'file', name: 'План мероприятий 01.06.2026-07.06.2026.docx' });
    const xml = documentXml((file as { base64: string }).base64);
    const t = texts(xml);
    expect(t).toContain('План мероприятий на неделю с 1 по 7 июня 2026 г.');
    expect(t).toContain('Администрация города Алейска Алтайского края');
    expect(xml).toContain('w:orient="landscape"');
    for (const header of ['Дата и время', 'Мероприятие', 'Место проведения', 'Участники']) expect(t).toContain(header);
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(1 + 3); // header + briefing 1 June + children's day + press conference
    expect(t).toContain('Пресс-конференция «Ремонт дорог 2026: улицы, сроки, подрядчики»');
    expect(t).toContain('Нацпроект / программа: «Безопасные качественные дороги»');
    expect(t).toContain('Ткаченко\u00a0В.Ю., глава города');
    expect(t).toContain('СМИ: Газета «Маяк труда»; Телекомпания «Алейск-ТВ» (подана заявка)');
    expect(t).toContain('в течение дня');
    expect(t).toContain('11:00–12:00');
    expect(t).toContain('Петров\u00a0А.С.');
    expect(t.some((s) => s.startsWith('01.06 анонс — Петров'))).toBe(true);
    expect(t.join(' ')).not.toContain('отменена');
    expect(t).toContain('Всего в плане: 3 мероприятия.');
    expect(t).toContain('И.В.\u00a0Соколова');
  });

  it('a month: «на июнь 2026 г.»; cancelled ones on request, with the reason', async () => {
    const file = await f.call('calendar.exportPlan', { from: '2026-06-01', to: '2026-06-30', includeCancelled: true });
    const t = texts(documentXml((file as { base64: string }).base64));
    expect(t).toContain('План мероприятий на июнь 2026 г.');
    expect(t).toContain('ОТМЕНЕНО: Глава города в командировке');
    expect(t).toContain('ОТМЕНЕНО: Аварийное отключение электроснабжения');
  });

  it('an empty period says so', async () => {
    const file = await f.call('calendar.exportPlan', { from: '2027-03-01', to: '2027-03-07' });
    const t = texts(documentXml((file as { base64: string }).base64));
    expect(t).toContain('План мероприятий на неделю с 1 по 7 марта 2027 г.');
    expect(t).toContain('Мероприятий на этот период не запланировано');
  });
});

describe('the calendar (.ics)', () => {
  it('parses back with ical.js: zone, Russian text, RRULE, EXDATE for the cancelled and deleted ones, the moved one as RECURRENCE-ID', async () => {
    const file = (await f.call('calendar.exportIcs', {})) as { name: string; mime: string; base64: string };
    expect(file.mime).toBe('text/calendar; charset=utf-8');
    expect(file.name).toMatch(/\.ics$/);
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Asia/Barnaul']);
    for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
    const vevents = cal.getAllSubcomponents('vevent');
    const summaries = vevents.map((v) => v.getFirstPropertyValue('summary'));
    expect(summaries).not.toContain('Встреча с жителями (отменена)');

    const press = new ICAL.Event(vevents.find((v) => String(v.getFirstPropertyValue('summary')).startsWith('Пресс-конференция'))!);
    expect(press.summary).toBe('Пресс-конференция «Ремонт дорог 2026: улицы, сроки, подрядчики»');
    expect(press.location).toBe('Администрация города, зал заседаний');
    expect(press.description).toContain('«ёлочки» и ё');
    expect(press.description).toContain('Нацпроект / программа: Безопасные качественные дороги');
    expect(press.startDate.zone?.tzid).toBe('Asia/Barnaul');
    expect(press.startDate.toString()).toBe('2026-06-03T11:00:00');
    expect(press.startDate.toJSDate().toISOString()).toBe('2026-06-03T04:00:00.000Z');

    const allDay = new ICAL.Event(vevents.find((v) => v.getFirstPropertyValue('summary') === 'День защиты детей')!);
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2026-06-01');
    expect(allDay.endDate.toString()).toBe('2026-06-02');

    const [master, ...exceptions] = vevents.filter((v) => v.getFirstPropertyValue('summary') === weeklyBriefing.title);
    expect(exceptions).toHaveLength(1);
    const series = new ICAL.Event(master!);
    expect(String(master!.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
    expect(series.isRecurring()).toBe(true);
    series.relateException(exceptions[0]!);
    const it = series.iterator();
    const seen: string[] = [];
    for (let next = it.next(); next; next = it.next()) {
      const details = series.getOccurrenceDetails(next);
      seen.push(details.startDate.toString());
    }
    expect(seen).toEqual(['2026-06-01T10:00:00', '2026-06-08T10:00:00', '2026-06-23T14:00:00', '2026-06-29T10:00:00', '2026-07-13T10:00:00', '2026-07-20T10:00:00']);
    ICAL.TimezoneService.reset();
  });

  it('with a range: only events touching it', async () => {
    const file = (await f.call('calendar.exportIcs', { from: '2026-06-03', to: '2026-06-03' })) as { base64: string };
    const cal = new ICAL.Component(ICAL.parse(Buffer.from(file.base64, 'base64').toString('utf8')));
    expect(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('summary'))).toEqual(['Пресс-конференция «Ремонт дорог 2026: улицы, сроки, подрядчики»']);
  });
});

describe('the command line', () => {
  it('export plan and export ics write the files', async () => {
    const dir = tmpDir('calendar-cli');
    const g = await openCalendar({ dir });
    await g.call('calendar.create', { title: 'Брифинг', kindId: 'briefing', start: '2026-06-02T10:00' });
    await g.backend.close();
    const lines: string[] = [];
    const out = path.join(dir, 'out');
    expect(await runCli(['--data-dir', dir, 'export', 'plan', '--from', '2026-06-01', '--to', '2026-06-07', '--out', path.join(out, 'plan.docx')], (l) => lines.push(l))).toBe(0);
    expect(await runCli(['--data-dir', dir, 'export', 'ics', '--out', path.join(out, 'calendar.ics')], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/План мероприятий сохранён: .*plan\.docx/);
    expect(texts(documentXml(fs.readFileSync(path.join(out, 'plan.docx')).toString('base64')))).toContain('План мероприятий на неделю с 1 по 7 июня 2026 г.');
    expect(fs.readFileSync(path.join(out, 'calendar.ics'), 'utf8')).toContain('SUMMARY:Брифинг');
    await expect(runCli(['--data-dir', dir, 'export', 'plan', '--out', path.join(out, 'x.docx')], () => {})).rejects.toThrow(/Укажите период/);
    const help: string[] = [];
    await runCli(['--help'], (l) => help.push(l));
    expect(help.join('\n')).toContain('export plan --from ДАТА --to ДАТА --out ФАЙЛ.docx');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
