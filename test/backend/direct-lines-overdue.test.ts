/**
 * Overdue and «done on time» are judged by calendar days in the organisation's time zone:
 * the same instant can be «overdue» in Barnaul (UTC+7) and not yet in Moscow (UTC+3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { doneOnTime, effectiveStatus, localDay, zonedIso } from '../../electron/backend/features/direct-lines/dates.js';
import type { Assignment } from '../../electron/backend/features/direct-lines/schema.js';
import { openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

const org = (timeZone: string) => ({
  organisation: { name: 'Администрация города Алейска', city: 'Алейск', timeZone, site: '', newspaper: '' },
  staff: [],
});

describe('direct lines: overdue logic', () => {
  let t: TestBackend | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('pure rules: deadline day passed in the zone → overdue; done by the end of the deadline day → on time', () => {
    const a: Assignment = { department: 'отдел ЖКХ', responsible: '', deadline: '2025-04-01', status: 'in_progress', assignedAt: '2025-03-07T05:00:00Z', doneAt: null, finalAnswer: '' };
    expect(effectiveStatus(a, '2025-04-01')).toBe('in_progress'); // due today is not overdue
    expect(effectiveStatus(a, '2025-04-02')).toBe('overdue');
    expect(effectiveStatus({ ...a, status: 'done', doneAt: '2025-05-01T00:00:00Z' }, '2025-06-01')).toBe('done');
    const lateInBarnaul = { ...a, status: 'done' as const, doneAt: '2025-04-01T20:00:00Z' }; // 02.04 03:00 in Barnaul, 01.04 23:00 in Moscow
    expect(doneOnTime(lateInBarnaul, 'Asia/Barnaul')).toBe(false);
    expect(doneOnTime(lateInBarnaul, 'Europe/Moscow')).toBe(true);
    expect(doneOnTime(a, 'Asia/Barnaul')).toBeNull();
    expect(localDay('2025-04-01T18:00:00Z', 'Asia/Barnaul')).toBe('2025-04-02');
    expect(localDay('2025-04-01T18:00:00Z', 'Europe/Moscow')).toBe('2025-04-01');
    expect(zonedIso('2025-03-07', '10:00', 'Asia/Barnaul')).toBe('2025-03-07T10:00:00+07:00');
    expect(zonedIso('2025-07-04', '10:00', 'Europe/Berlin')).toBe('2025-07-04T10:00:00+02:00');
    expect(zonedIso('2025-01-10', '10:00', 'Europe/Berlin')).toBe('2025-01-10T10:00:00+01:00');
  });

  it('the same instant: overdue in Barnaul, not yet in Moscow — in the card, the statistics and «Сегодня»', async () => {
    // 01.04.2025 18:00 UTC = 02.04 01:00 in Barnaul, 01.04 21:00 in Moscow.
    t = await openTestBackend('2025-04-01T18:00:00Z', 'Asia/Barnaul');
    const s = (await t.call('directLines.create', session())).id;
    const q = (await t.call('directLines.addQuestion', question(s, { text: 'Когда починят фонарь у школы?' }))).id;
    await t.call('directLines.assign', { questionId: q, department: 'отдел ЖКХ', responsible: 'Лукьянов С. В.', deadline: '2025-04-01' });

    const inBarnaul = await t.call('directLines.get', { id: s });
    expect(inBarnaul.questions[0]!.assignmentStatus).toBe('overdue');
    expect(inBarnaul.stats.overdue).toBe(1);
    const today = await t.call('today.get', {});
    const item = today.find((i) => i.section === 'direct-lines')!;
    expect(item).toMatchObject({ id: s, severity: 'danger', title: 'Просрочено поручение: отдел ЖКХ' });
    expect(item.detail).toContain('просрочено на 1 день');

    await t.call('settings.save', org('Europe/Moscow'));
    const inMoscow = await t.call('directLines.get', { id: s });
    expect(inMoscow.questions[0]!.assignmentStatus).toBe('assigned');
    expect(inMoscow.stats.overdue).toBe(0);
    const todayMoscow = (await t.call('today.get', {})).find((i) => i.section === 'direct-lines')!;
    expect(todayMoscow).toMatchObject({ severity: 'warning', title: 'Срок поручения сегодня: отдел ЖКХ' });
  });

  it('«Сегодня»: due soon (within 3 days), not later ones, not done ones, and today’s session', async () => {
    const b = (t = await openTestBackend('2025-04-10T02:00:00Z')); // 10.04 09:00 in Barnaul
    const past = (await b.call('directLines.create', session())).id;
    const add = async (text: string) => (await b.call('directLines.addQuestion', question(past, { text }))).id;
    const soon = await add('Срок через три дня');
    const later = await add('Срок через десять дней');
    const done = await add('Просрочено, но исполнено');
    await t.call('directLines.assign', { questionId: soon, department: 'отдел по благоустройству', deadline: '2025-04-13' });
    await t.call('directLines.assign', { questionId: later, department: 'отдел по благоустройству', deadline: '2025-04-20' });
    await t.call('directLines.assign', { questionId: done, department: 'отдел ЖКХ', deadline: '2025-04-01' });
    await t.call('directLines.updateAssignment', { questionId: done, status: 'done', doneAt: '2025-04-05T10:00:00+07:00' });
    const todays = (await t.call('directLines.create', session({ startsAt: '2025-04-10T11:00:00+07:00', format: 'radio', place: 'студия «Алейск FM»' }))).id;

    const items = (await t.call('today.get', {})).filter((i) => i.section === 'direct-lines');
    // Both warnings; the panel sorts them by when they are due.
    expect(items.map((i) => i.title)).toEqual(['Сегодня в 11:00 прямая линия: Сидоренко А. Н.', 'Срок поручения 13.04.2025: отдел по благоустройству']);
    expect(items[0]).toMatchObject({ id: todays, severity: 'warning' }); // no announcement sent yet
    expect(items[0]!.detail).toContain('анонс ещё не опубликован');
    expect(items[1]).toMatchObject({ id: past, due: '2025-04-13T23:59:00+07:00' });
    // Another day asked explicitly: 21.04 — both undone ones are overdue, no session that day.
    const on21 = (await t.call('today.get', { date: '2025-04-21' })).filter((i) => i.section === 'direct-lines');
    expect(on21.map((i) => i.severity)).toEqual(['danger', 'danger']);
  });
});
