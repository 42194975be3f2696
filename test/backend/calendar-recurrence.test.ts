/**
 * Recurring events: expansion for a month view, and edits to "this one / this and following / all",
 * exceptions (EXDATE), moved and cancelled occurrences, per-occurrence coverage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCalendar, weeklyBriefing, type CalendarFixture } from './calendar-fixture.js';

let f: CalendarFixture;
beforeEach(async () => {
  f = await openCalendar();
});
afterEach(async () => {
  await f.close();
});

const june = { from: '2026-06-01', to: '2026-06-30' };
const summer = { from: '2026-06-01', to: '2026-07-31' };
const starts = (list: { localStart: string }[]) => list.map((o) => o.localStart);

describe('expansion', () => {
  it('a weekly series gives one occurrence a week in the month, with its series id and occurrence key', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    expect(event.recurrence).toMatchObject({ freq: 'weekly', byWeekday: ['MO'], until: '2026-07-20', interval: 1 });
    const list = await f.call('calendar.list', june);
    expect(starts(list)).toEqual(['2026-06-01T10:00', '2026-06-08T10:00', '2026-06-15T10:00', '2026-06-22T10:00', '2026-06-29T10:00']);
    expect(list[1]).toMatchObject({
      eventId: event.id,
      occurrenceKey: '2026-06-08T10:00',
      uid: `${event.id}/2026-06-08T10:00`,
      recurring: true,
      overridden: false,
      start: '2026-06-08T10:00:00+07:00',
      end: '2026-06-08T11:00:00+07:00',
      recurrenceText: 'еженедельно по понедельникам, до 20 июля 2026 г.',
    });
    expect(list[1]!.labels).toMatchObject({ kind: 'брифинг', time: '10:00–11:00', when: 'пн, 8 июня 2026 г., 10:00–11:00', responsible: 'Соколова Ирина Викторовна' });
    expect(await f.call('calendar.list', summer)).toHaveLength(8);
    // Without an occurrence: the series itself.
    const series = await f.call('calendar.get', { id: event.id });
    expect(series.occurrence).toMatchObject({ uid: event.id, occurrenceKey: null, recurring: true, start: '2026-06-01T10:00:00+07:00' });
  });

  it('monthly rules: the second Thursday, the last Thursday except in summer; and an RRULE text', async () => {
    await f.call('calendar.create', {
      title: 'Выездной день администрации',
      kindId: 'field-day',
      start: '2026-01-08T14:00',
      end: '2026-01-08T17:00',
      recurrence: { freq: 'monthly', byWeekday: ['2TH'], until: '2026-12-31' },
    });
    await f.call('calendar.create', {
      title: 'Сессия городского Собрания',
      kindId: 'session',
      start: '2026-01-29T10:00',
      recurrence: { rule: 'RRULE:FREQ=MONTHLY;BYDAY=-1TH;BYMONTH=1,2,3,4,5,6,9,10,11,12;COUNT=10' },
    });
    const year = await f.call('calendar.list', { from: '2026-01-01', to: '2026-12-31' });
    const field = year.filter((o) => o.kindId === 'field-day');
    expect(field.map((o) => o.localStart.slice(0, 10))).toEqual([
      '2026-01-08', '2026-02-12', '2026-03-12', '2026-04-09', '2026-05-14', '2026-06-11',
      '2026-07-09', '2026-08-13', '2026-09-10', '2026-10-08', '2026-11-12', '2026-12-10',
    ]);
    expect(field[0]!.recurrenceText).toBe('ежемесячно, во второй четверг, до 31 декабря 2026 г.');
    const sessions = year.filter((o) => o.kindId === 'session');
    expect(sessions).toHaveLength(10);
    expect(sessions.map((o) => o.localStart.slice(5, 7))).not.toContain('07');
    expect(sessions[4]!.localStart).toBe('2026-05-28T10:00');
    expect(sessions[0]!.recurrence).toMatchObject({ freq: 'monthly', byWeekday: ['-1TH'], count: 10 });
  });

  it('an all-day series spanning two days shows in a range that only touches its second day', async () => {
    await f.call('calendar.create', {
      title: 'Ярмарка выходного дня',
      kindId: 'other',
      allDay: true,
      start: '2026-06-06',
      end: '2026-06-07',
      recurrence: { freq: 'weekly', byWeekday: ['SA'], count: 4 },
    });
    const sunday = await f.call('calendar.list', { from: '2026-06-14', to: '2026-06-14' });
    expect(sunday).toHaveLength(1);
    expect(sunday[0]).toMatchObject({ allDay: true, start: '2026-06-13', end: '2026-06-14', endExclusive: '2026-06-15', occurrenceKey: '2026-06-13' });
  });
});

describe('editing one occurrence ("this")', () => {
  it('changes only that occurrence; the series and the others stay', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    const got = await f.call('calendar.get', { id: `${event.id}/2026-06-15T10:00` });
    const { recurrence: _r, ...form } = { ...weeklyBriefing };
    const result = await f.call('calendar.update', { ...form, id: event.id, occurrence: '2026-06-15T10:00', scope: 'this', title: 'Брифинг о подготовке к Дню города', start: got.occurrence.start, end: got.occurrence.end });
    expect(result.occurrence).toMatchObject({ title: 'Брифинг о подготовке к Дню города', overridden: true, moved: false });
    expect(result.event.overrides).toEqual([{ key: '2026-06-15T10:00', title: 'Брифинг о подготовке к Дню города' }]);
    const list = await f.call('calendar.list', june);
    expect(list.map((o) => o.title)).toEqual([
      weeklyBriefing.title, weeklyBriefing.title, 'Брифинг о подготовке к Дню города', weeklyBriefing.title, weeklyBriefing.title,
    ]);
  });

  it('moves one occurrence (drag): it leaves its Monday, shows on Tuesday, and keeps its key', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    const moved = await f.call('calendar.move', { id: `${event.id}/2026-06-08T10:00`, start: '2026-06-09T15:00' });
    expect(moved.occurrence).toMatchObject({ localStart: '2026-06-09T15:00', localEnd: '2026-06-09T16:00', moved: true, occurrenceKey: '2026-06-08T10:00' });
    expect(moved.occurrence.history).toHaveLength(1);
    expect(moved.occurrence.history[0]).toMatchObject({ fromStart: '2026-06-08T10:00:00+07:00', toStart: '2026-06-09T15:00:00+07:00' });
    const week = await f.call('calendar.list', { from: '2026-06-08', to: '2026-06-14' });
    expect(starts(week)).toEqual(['2026-06-09T15:00']);
    // Moved into another month: found even though its regular date is outside the range.
    await f.call('calendar.move', { id: `${event.id}/2026-06-29T10:00`, start: '2026-07-02T10:00' });
    expect(starts(await f.call('calendar.list', { from: '2026-07-01', to: '2026-07-05' }))).toEqual(['2026-07-02T10:00']);
    expect(starts(await f.call('calendar.list', june))).not.toContain('2026-06-29T10:00');
  });

  it('cancels one occurrence with a reason: it stays visible as cancelled, keeps the reason and history', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    const r = await f.call('calendar.setStatus', { id: event.id, occurrence: '2026-06-22T10:00', status: 'cancelled', reason: 'Глава города в командировке' });
    expect(r.occurrence).toMatchObject({ status: 'cancelled', statusReason: 'Глава города в командировке', overridden: true });
    expect(r.occurrence.history.at(-1)).toMatchObject({ status: 'cancelled', reason: 'Глава города в командировке' });
    const list = await f.call('calendar.list', june);
    expect(list.map((o) => o.status)).toEqual(['planned', 'planned', 'planned', 'cancelled', 'planned']);
    expect(await f.call('calendar.list', { ...june, statuses: ['cancelled'] })).toHaveLength(1);
  });

  it('postpones one occurrence to a new date: the history keeps where it was', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    const r = await f.call('calendar.setStatus', { id: `${event.id}/2026-06-15T10:00`, status: 'postponed', reason: 'Сессия городского Собрания', start: '2026-06-16T11:00' });
    expect(r.occurrence).toMatchObject({ status: 'postponed', localStart: '2026-06-16T11:00', localEnd: '2026-06-16T12:00', moved: true });
    expect(r.occurrence.history).toEqual([
      expect.objectContaining({ status: 'postponed', reason: 'Сессия городского Собрания', fromStart: '2026-06-15T10:00:00+07:00', toStart: '2026-06-16T11:00:00+07:00' }),
    ]);
  });

  it('deletes one occurrence as an exception (EXDATE)', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    await f.call('calendar.delete', { id: `${event.id}/2026-06-08T10:00` });
    expect(starts(await f.call('calendar.list', june))).toEqual(['2026-06-01T10:00', '2026-06-15T10:00', '2026-06-22T10:00', '2026-06-29T10:00']);
    const again = await f.call('calendar.get', { id: event.id });
    expect(again.event.recurrence!.exdates).toEqual(['2026-06-08T10:00']);
    // A deleted occurrence can no longer be opened.
    const err = await f.fail('calendar.get', { id: event.id, occurrence: '2026-06-08T10:00' });
    expect(err.code).toBe('not_found');
  });

  it('ticks coverage in one occurrence only', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    const item = event.coverage.find((c) => c.kindId === 'release')!;
    expect(event.coverage.map((c) => c.kindId)).toEqual(['announce', 'release', 'photo', 'site', 'social']);
    expect(item.assigneeId).toBe('staff-head');
    const r = await f.call('calendar.toggleCoverage', { id: `${event.id}/2026-06-08T10:00`, itemId: item.id, done: true });
    expect(r.occurrence.coverage.find((c) => c.id === item.id)).toMatchObject({ done: true, doneAt: '2026-06-03T03:00:00.000Z', due: '2026-06-08' });
    expect(r.occurrence.coverageDone).toBe(1);
    const list = await f.call('calendar.list', june);
    expect(list.map((o) => o.coverageDone)).toEqual([0, 1, 0, 0, 0]);
    // Overdue: announce for 1 June was due on 30 May (today is 3 June).
    expect(list[0]!.coverage.find((c) => c.kindId === 'announce')).toMatchObject({ due: '2026-05-30', overdue: true });
    expect(list[0]!.coverageOverdue).toBe(5);
    // A series needs to know which occurrence.
    const err = await f.fail('calendar.toggleCoverage', { id: event.id, itemId: item.id, done: true });
    expect(err.issues?.[0]).toMatchObject({ field: 'occurrence', label: 'Повторение' });
  });
});

describe('editing the series ("all") and splitting it ("following")', () => {
  it('"all": a new place and a new time reach every occurrence; exceptions and moved ones follow the shift', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    await f.call('calendar.delete', { id: `${event.id}/2026-06-22T10:00` });
    await f.call('calendar.move', { id: `${event.id}/2026-06-08T10:00`, start: '2026-06-09T10:00' });
    await f.call('calendar.update', { ...weeklyBriefing, id: event.id, occurrence: '2026-06-15T10:00', scope: 'this', title: 'Особый брифинг', start: '2026-06-15T10:00', end: '2026-06-15T11:00' });

    const { recurrence: _r, ...form } = weeklyBriefing;
    const r = await f.call('calendar.update', { ...form, id: `${event.id}/2026-06-01T10:00`, scope: 'all', place: 'Малый зал администрации', start: '2026-06-01T09:30', end: '2026-06-01T10:30' });
    expect(r.event.start).toBe('2026-06-01T09:30:00+07:00');
    expect(r.event.recurrence!.exdates).toEqual(['2026-06-22T09:30']);
    const list = await f.call('calendar.list', june);
    expect(starts(list)).toEqual(['2026-06-01T09:30', '2026-06-09T09:30', '2026-06-15T09:30', '2026-06-29T09:30']);
    expect(list.every((o) => o.place === 'Малый зал администрации')).toBe(true);
    // The occurrence's own title survives an edit of other fields of the series.
    expect(list[2]!.title).toBe('Особый брифинг');
    expect(list[1]).toMatchObject({ moved: true, occurrenceKey: '2026-06-08T09:30' });
  });

  it('"all" with a title change overrides the occurrences\' own titles', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    await f.call('calendar.update', { ...weeklyBriefing, id: event.id, occurrence: '2026-06-15T10:00', title: 'Особый брифинг', start: '2026-06-15T10:00', end: '2026-06-15T11:00' });
    await f.call('calendar.update', { ...weeklyBriefing, id: event.id, scope: 'all', title: 'Брифинг для СМИ' });
    const titles = new Set((await f.call('calendar.list', june)).map((o) => o.title));
    expect([...titles]).toEqual(['Брифинг для СМИ']);
  });

  it('"following": splits the series; the first part ends before, the new part carries the changes and later exceptions', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    await f.call('calendar.delete', { id: `${event.id}/2026-07-06T10:00` });
    await f.call('calendar.setStatus', { id: `${event.id}/2026-06-29T10:00`, status: 'cancelled', reason: 'Праздничные мероприятия' });
    await f.call('calendar.setStatus', { id: `${event.id}/2026-06-08T10:00`, status: 'cancelled', reason: 'Командировка' });

    const r = await f.call('calendar.update', {
      ...weeklyBriefing,
      id: event.id,
      occurrence: '2026-06-22T10:00',
      scope: 'following',
      start: '2026-06-24T16:00',
      end: '2026-06-24T17:00',
      place: 'Городской Дом культуры',
      recurrence: { freq: 'weekly', byWeekday: ['WE'], until: '2026-07-22' },
    });
    expect(r.event.splitFrom).toBe(event.id);
    expect(r.event.id).not.toBe(event.id);
    const head = await f.call('calendar.get', { id: event.id });
    expect(head.event.recurrence!.until).toBe('2026-06-15');
    expect(head.event.overrides.map((o) => o.key)).toEqual(['2026-06-08T10:00']);

    const list = await f.call('calendar.list', summer);
    expect(starts(list)).toEqual([
      '2026-06-01T10:00', '2026-06-08T10:00', '2026-06-15T10:00',
      '2026-06-24T16:00', '2026-07-01T16:00', '2026-07-08T16:00', '2026-07-15T16:00', '2026-07-22T16:00',
    ]);
    expect(list.slice(3).every((o) => o.place === 'Городской Дом культуры' && o.eventId === r.event.id)).toBe(true);
    expect(list.slice(0, 3).every((o) => o.place === weeklyBriefing.place && o.eventId === event.id)).toBe(true);
    // Exceptions and own changes after the split point do not fit the new Wednesday rule and are dropped.
    expect(r.event.recurrence!.exdates).toEqual([]);
    expect(list[1]!.status).toBe('cancelled');
  });

  it('"following" on an unchanged rule with COUNT: the two parts together keep the count', async () => {
    const { event } = await f.call('calendar.create', { ...weeklyBriefing, recurrence: { freq: 'weekly', byWeekday: ['MO'], count: 6 } });
    await f.call('calendar.setStatus', { id: `${event.id}/2026-06-29T10:00`, status: 'cancelled', reason: 'Праздник' });
    // The form shows the occurrence opened: its own dates.
    const opened = await f.call('calendar.get', { id: `${event.id}/2026-06-15T10:00` });
    const r = await f.call('calendar.update', {
      ...weeklyBriefing,
      recurrence: opened.occurrence.recurrence,
      id: opened.occurrence.uid,
      scope: 'following',
      title: 'Брифинг (новый формат)',
      start: opened.occurrence.start,
      end: opened.occurrence.end,
    });
    expect(r.event.recurrence).toMatchObject({ count: 4, until: null });
    const list = await f.call('calendar.list', summer);
    expect(list.map((o) => o.title)).toEqual([
      weeklyBriefing.title, weeklyBriefing.title,
      'Брифинг (новый формат)', 'Брифинг (новый формат)', 'Брифинг (новый формат)', 'Брифинг (новый формат)',
    ]);
    // The cancelled occurrence moved with its series.
    expect(list[4]).toMatchObject({ status: 'cancelled', eventId: r.event.id, occurrenceKey: '2026-06-29T10:00' });
  });

  it('dragging with scope "all" to another weekday moves the weekly rule along', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    const r = await f.call('calendar.move', { id: `${event.id}/2026-06-08T10:00`, scope: 'all', start: '2026-06-10T10:00' });
    expect(r.event.recurrence!.byWeekday).toEqual(['WE']);
    expect(r.event.start).toBe('2026-06-03T10:00:00+07:00');
    expect(starts(await f.call('calendar.list', { from: '2026-06-01', to: '2026-06-14' }))).toEqual(['2026-06-03T10:00', '2026-06-10T10:00']);
  });

  it('"all" status and checklist changes keep what belongs to each occurrence: held stays held, done marks stay', async () => {
    f.setNow('2026-06-10T03:00:00Z'); // Wednesday 10 June: 1 and 8 June are past
    const { event } = await f.call('calendar.create', weeklyBriefing);
    await f.call('calendar.setStatus', { id: `${event.id}/2026-06-01T10:00`, status: 'held' });
    const release = event.coverage.find((c) => c.kindId === 'release')!;
    await f.call('calendar.toggleCoverage', { id: `${event.id}/2026-06-08T10:00`, itemId: release.id, done: true });

    // Open 15 June, cancel "this and all": the past held one stays held.
    await f.call('calendar.setStatus', { id: `${event.id}/2026-06-15T10:00`, scope: 'all', status: 'cancelled', reason: 'Формат брифингов отменён' });
    let list = await f.call('calendar.list', june);
    expect(list.map((o) => o.status)).toEqual(['held', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    const series = await f.call('calendar.get', { id: event.id });
    expect(series.event.history.at(-1)).toMatchObject({ status: 'cancelled', reason: 'Формат брифингов отменён' });
    expect(list[2]!.history).toEqual(series.event.history);

    // A new task and a new assignee in the series' checklist: 8 June keeps its done mark.
    await f.call('calendar.setStatus', { id: event.id, status: 'confirmed' });
    const shown = (await f.call('calendar.get', { id: `${event.id}/2026-06-22T10:00` })).occurrence;
    const { recurrence: _r, ...form } = weeklyBriefing;
    await f.call('calendar.update', {
      ...form,
      id: shown.uid,
      scope: 'all',
      start: shown.start,
      end: shown.end,
      status: shown.status,
      coverage: [...shown.coverage.map((c) => ({ ...c, assigneeId: 'staff-spec' })), { kindId: 'video', assigneeId: 'staff-spec' }],
    });
    list = await f.call('calendar.list', june);
    expect(list.map((o) => o.coverageTotal)).toEqual([6, 6, 6, 6, 6]);
    expect(list.map((o) => o.coverageDone)).toEqual([0, 1, 0, 0, 0]);
    expect(list.every((o) => o.coverage.every((c) => c.assigneeId === 'staff-spec'))).toBe(true);
    expect(list.map((o) => o.status)).toEqual(['held', 'confirmed', 'confirmed', 'confirmed', 'confirmed']);
  });

  it('an all-day drag with an exclusive end (as FullCalendar gives it) stores the last day', async () => {
    const one = await f.call('calendar.create', { title: 'Ярмарка', kindId: 'other', allDay: true, start: '2026-06-06' });
    const r = await f.call('calendar.move', { id: one.event.id, start: '2026-06-13', end: '2026-06-15', exclusiveEnd: true });
    expect(r.occurrence).toMatchObject({ start: '2026-06-13', end: '2026-06-14', endExclusive: '2026-06-15' });
    const timed = await f.call('calendar.move', { id: one.event.id, allDay: false, start: '2026-06-13T11:00' });
    expect(timed.occurrence).toMatchObject({ allDay: false, localStart: '2026-06-13T11:00', localEnd: '2026-06-13T12:00' });
  });

  it('"following" delete ends the series; "all" delete removes it; a single event can become a series and back', async () => {
    const { event } = await f.call('calendar.create', weeklyBriefing);
    await f.call('calendar.delete', { id: `${event.id}/2026-06-15T10:00`, scope: 'following' });
    expect(starts(await f.call('calendar.list', summer))).toEqual(['2026-06-01T10:00', '2026-06-08T10:00']);
    await f.call('calendar.delete', { id: event.id, scope: 'all' });
    expect(await f.call('calendar.list', summer)).toEqual([]);

    const { recurrence: _r, ...single } = weeklyBriefing;
    const one = await f.call('calendar.create', single);
    expect(one.occurrence.recurring).toBe(false);
    const made = await f.call('calendar.update', { ...single, id: one.event.id, recurrence: { freq: 'weekly', byWeekday: ['MO'], count: 3 } });
    expect(made.occurrence.recurring).toBe(true);
    expect(await f.call('calendar.list', summer)).toHaveLength(3);
    const back = await f.call('calendar.update', { ...single, id: `${one.event.id}/2026-06-08T10:00`, scope: 'all', recurrence: null, start: '2026-06-08T10:00', end: '2026-06-08T11:00' });
    expect(back.event.recurrence).toBeNull();
    expect(starts(await f.call('calendar.list', summer))).toEqual(['2026-06-08T10:00']);
  });
});
