/**
 * Statistics against a fixture counted by hand (see the table in the comment below), per session
 * and for a period whose boundary falls differently in UTC and in the organisation's zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

/*
 * Session A, 07.03.2025 (Asia/Barnaul). asOf 10.04.2025.
 *  q  topic            district      channel  live  assignment                               answer
 *  1  ЖКХ              Центральный   phone    yes   —                                        live note
 *  2  ЖКХ              Центральный   site     yes   отдел ЖКХ, 21.03, done 20.03 (on time)   live note
 *  3  Дороги           Заречье       pos      no    управление, 31.03, done 02.04 (late)     final answer
 *  4  Дороги           —             letter   no    управление, 01.04, not done (overdue)    —
 *  5  Транспорт        Заречье       live     yes   отдел транспорта, 30.04, в работе        live note
 *  6  ЖКХ              Центральный   phone    —     duplicate of 1
 *  7  Транспорт        Центральный   social   no    —                                        written
 *  8  Благоустройство  Заречье       phone    no    —                                        —
 */
describe('direct lines: statistics', () => {
  let t: TestBackend;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await openTestBackend('2025-04-10T05:00:00Z');
    await t.call('directLines.dictionaries.save', { topics: ['ЖКХ', 'Дороги', 'Транспорт', 'Благоустройство'], districts: ['Центральный', 'Заречье'], departments: [] });
    a = (await t.call('directLines.create', session())).id;
    const add = async (over: Record<string, unknown>) => (await t.call('directLines.addQuestion', question(a, over))).id;
    const q1 = await add({ topic: 'ЖКХ', district: 'Центральный', channel: 'phone' });
    const q2 = await add({ topic: 'ЖКХ', district: 'Центральный', channel: 'site' });
    const q3 = await add({ topic: 'Дороги', district: 'Заречье', channel: 'pos' });
    const q4 = await add({ topic: 'Дороги', district: '', channel: 'letter' });
    const q5 = await add({ topic: 'Транспорт', district: 'Заречье', channel: 'live' });
    const q6 = await add({ topic: 'ЖКХ', district: 'Центральный', channel: 'phone' });
    await add({ topic: 'Транспорт', district: 'Центральный', channel: 'social', answer: 'Рейс восстановлен.' });
    await add({ topic: 'Благоустройство', district: 'Заречье', channel: 'phone' });
    for (const id of [q1, q2, q5]) await t.call('directLines.markAnsweredLive', { id, note: 'Ответил в эфире' });
    await t.call('directLines.mergeQuestions', { targetId: q1, sourceIds: [q6] });
    await t.call('directLines.assign', { questionId: q2, department: 'отдел ЖКХ', deadline: '2025-03-21' });
    await t.call('directLines.updateAssignment', { questionId: q2, status: 'done', doneAt: '2025-03-20T10:00:00+07:00' });
    await t.call('directLines.assign', { questionId: q3, department: 'управление по строительству', deadline: '2025-03-31' });
    await t.call('directLines.updateAssignment', { questionId: q3, status: 'done', doneAt: '2025-04-02T10:00:00+07:00', finalAnswer: 'Яма заделана.' });
    await t.call('directLines.assign', { questionId: q4, department: 'управление по строительству', deadline: '2025-04-01' });
    await t.call('directLines.assign', { questionId: q5, department: 'отдел транспорта', deadline: '2025-04-30' });
    await t.call('directLines.updateAssignment', { questionId: q5, status: 'in_progress' });

    // Session B: 31.03.2025 20:30 UTC is already 01.04.2025 03:30 in Barnaul: an April session.
    b = (await t.call('directLines.create', session({ startsAt: '2025-03-31T20:30:00Z' }))).id;
    await t.call('directLines.addQuestion', question(b, { topic: 'ЖКХ', district: 'Заречье' }));
    await t.call('directLines.addQuestion', question(b, { topic: 'Дороги', district: 'Заречье', channel: 'site', answer: 'Ответ.' }));
  });
  afterAll(() => t.close());

  it('counts one session as counted by hand', async () => {
    const s = await t.call('directLines.stats', { sessionId: a });
    expect(s).toMatchObject({
      sessions: 1,
      received: 8,
      questions: 7,
      duplicates: 1,
      answeredLive: 3,
      answeredInWriting: 2,
      unanswered: 2,
      notWrittenUp: 5, // 1, 2, 5 answered on air only; 4, 8 not at all
      assigned: 4,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      inWork: 1,
      overdue: 1,
      asOf: '2025-04-10',
    });
    const byKey = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));
    expect(byKey(s.byTopic)).toEqual({ ЖКХ: 3, Дороги: 2, Транспорт: 2, Благоустройство: 1 });
    expect(byKey(s.byDistrict)).toEqual({ Центральный: 4, Заречье: 3, 'не указан': 1 });
    expect(byKey(s.byChannel)).toEqual({ phone: 3, site: 1, pos: 1, letter: 1, live: 1, social: 1 });
    expect(s.byChannel.find((c) => c.key === 'pos')!.label).toBe('ПОС «Решаем вместе»');
    expect(s.byDepartment).toEqual([
      { department: 'управление по строительству', assigned: 2, done: 1, doneOnTime: 0, overdue: 1 },
      { department: 'отдел ЖКХ', assigned: 1, done: 1, doneOnTime: 1, overdue: 0 },
      { department: 'отдел транспорта', assigned: 1, done: 0, doneOnTime: 0, overdue: 0 },
    ]);
  });

  it('the session card carries the same statistics and the list its counts', async () => {
    const card = await t.call('directLines.get', { id: a });
    expect(card.stats.received).toBe(8);
    expect(card.questions.map((q) => q.assignmentStatus)).toEqual([null, 'done', 'done', 'overdue', 'in_progress', null, null, null]);
    const list = await t.call('directLines.list', {});
    expect(list.find((s) => s.id === a)!.counts).toEqual({ received: 8, questions: 7, answeredLive: 3, assigned: 4, overdue: 1, unanswered: 2, notWrittenUp: 5 });
  });

  it('a period takes sessions by their day in the organisation’s zone, not in UTC', async () => {
    const march = await t.call('directLines.stats', { from: '2025-03-01', to: '2025-03-31' });
    expect(march.sessions).toBe(1);
    expect(march.received).toBe(8);
    const april = await t.call('directLines.stats', { from: '2025-04-01', to: '2025-04-30' });
    expect(april.sessions).toBe(1);
    expect(april.received).toBe(2);
    expect(april.unanswered).toBe(1);
    const both = await t.call('directLines.stats', { from: '2025-03-01', to: '2025-04-30' });
    expect(both).toMatchObject({ sessions: 2, received: 10, questions: 9, unanswered: 3, notWrittenUp: 6 });
    expect(both.byDistrict.find((d) => d.key === 'Заречье')!.count).toBe(5);
    const list2025 = await t.call('directLines.list', { year: 2025 });
    expect(list2025).toHaveLength(2);
  });

  it('overdue is judged on the asked day', async () => {
    expect((await t.call('directLines.stats', { sessionId: a, asOf: '2025-04-01' })).overdue).toBe(0);
    expect((await t.call('directLines.stats', { sessionId: a, asOf: '2025-04-02' })).overdue).toBe(1);
    // 30.04 passes too: the one in work becomes overdue.
    expect((await t.call('directLines.stats', { sessionId: a, asOf: '2025-05-01' })).overdue).toBe(2);
  });
});
