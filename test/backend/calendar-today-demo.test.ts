/** The «Сегодня» panel's calendar lines, the global search hits, and the demo town's year of events. */
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { listOccurrences, lookupOf } from '../../electron/backend/features/calendar/model.js';
import { checkSeries } from '../../electron/backend/features/calendar/recurrence.js';
import { CalEvent } from '../../electron/backend/features/calendar/schema.js';
import { openCalendar, tmpDir, type CalendarFixture } from './calendar-fixture.js';

let f: CalendarFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

describe('«Сегодня»', () => {
  it("shows today's events and this week's overdue and due coverage tasks; skips done tasks and cancelled events", async () => {
    // Wednesday 3 June 2026, 10:00 in Барнаул.
    f = await openCalendar({ now: '2026-06-03T03:00:00Z' });
    const past = await f.call('calendar.create', {
      title: 'Выездной день: микрорайон Заречный',
      kindId: 'field-day',
      start: '2026-06-01T14:00',
      end: '2026-06-01T17:00',
      coverage: [
        { kindId: 'photo', assigneeId: 'staff-spec', done: true },
        { kindId: 'site', assigneeId: 'staff-spec' },
        { kindId: 'newspaper', assigneeId: 'staff-head', offsetDays: 2 },
      ],
    });
    await f.call('calendar.create', {
      title: 'Пресс-конференция о ремонте дорог',
      kindId: 'press-conference',
      start: '2026-06-03T15:00',
      end: '2026-06-03T16:00',
      place: 'Администрация города',
      responsibleId: 'staff-head',
      coverage: [{ kindId: 'release', assigneeId: 'staff-spec' }],
    });
    await f.call('calendar.create', { title: 'Торжественная линейка', kindId: 'ceremony', start: '2026-06-05T09:00', coverage: [{ kindId: 'announce', assigneeId: 'staff-spec' }] });
    const cancelled = await f.call('calendar.create', { title: 'Отменённая встреча', kindId: 'residents', start: '2026-06-03T18:00', coverage: [{ kindId: 'announce' }] });
    await f.call('calendar.setStatus', { id: cancelled.event.id, status: 'cancelled', reason: 'Болезнь главы' });
    await f.call('calendar.create', { title: 'Следующая неделя', kindId: 'session', start: '2026-06-11T10:00', coverage: [{ kindId: 'announce', offsetDays: -3 }] });

    const items = (await f.call('today.get', {})).filter((i) => i.section === 'calendar');
    expect(items.map((i) => [i.severity, i.title])).toEqual([
      ['danger', 'Публикация на сайте: Выездной день: микрорайон Заречный'],
      ['warning', 'Материал в газете: Выездной день: микрорайон Заречный'],
      ['warning', 'Пресс-релиз: Пресс-конференция о ремонте дорог'],
      ['warning', 'Анонс: Торжественная линейка'],
      ['info', '15:00–16:00: Пресс-конференция о ремонте дорог'],
    ]);
    const overdue = items[0]!;
    expect(overdue).toMatchObject({ id: past.event.id, detail: 'просрочено, срок был пн 01.06 · Петров\u00a0А.С. · мероприятие 01.06', due: '2026-06-01T23:59:59' });
    expect(items[4]!.detail).toBe('пресс-конференция · Администрация города · Соколова Ирина Викторовна');

    // Another day can be asked for.
    const friday = (await f.call('today.get', { date: '2026-06-05' })).filter((i) => i.section === 'calendar');
    expect(friday.map((i) => i.title)).toContain('09:00–10:00: Торжественная линейка');
  });

  it('series occurrences carry their uid', async () => {
    f = await openCalendar({ now: '2026-06-08T01:00:00Z' });
    const { event } = await f.call('calendar.create', { title: 'Брифинг', kindId: 'briefing', start: '2026-06-01T09:00', recurrence: { freq: 'weekly', byWeekday: ['MO'], count: 4 }, coverage: [] });
    const items = (await f.call('today.get', {})).filter((i) => i.section === 'calendar');
    expect(items).toEqual([expect.objectContaining({ id: `${event.id}/2026-06-08T09:00`, title: '09:00–10:00: Брифинг' })]);
  });
});

describe('global search', () => {
  it('finds events and series by title, place, officials; section «calendar»', async () => {
    f = await openCalendar();
    const { event } = await f.call('calendar.create', { title: 'Открытие сквера «Молодёжный»', kindId: 'opening', start: '2026-08-20T17:00', place: 'ул. Первомайская', officials: [{ name: 'Ткаченко Виктор Юрьевич', position: 'глава города' }] });
    await f.call('calendar.create', { title: 'Брифинг', kindId: 'briefing', start: '2026-06-01T09:00', recurrence: { freq: 'weekly', byWeekday: ['MO'], count: 4 } });
    const hits = await f.call('search.global', { query: 'сквер молодежный' });
    expect(hits).toContainEqual({ section: 'calendar', id: event.id, title: 'Открытие сквера «Молодёжный»', subtitle: 'Мероприятие · открытие объекта · чт, 20 августа 2026 г., 17:00–18:00' });
    expect((await f.call('search.global', { query: 'ткаченко' })).map((h) => h.id)).toContain(event.id);
    expect((await f.call('search.global', { query: 'брифинг' })).find((h) => h.section === 'calendar')?.subtitle).toBe('Мероприятие · брифинг · еженедельно по понедельникам, 4 раза');
  });
});

describe('the demo town', () => {
  it('fills a realistic year of events that pass every rule', async () => {
    const dir = tmpDir('calendar-demo');
    const now = new Date('2026-06-03T03:00:00Z');
    const backend = await openBackend({ dataDir: dir, now: () => now });
    try {
      const outcome = await backend.invoke('system.fillDemo', { years: 1 });
      expect(outcome.ok).toBe(true);
      const store = backend.ctx.store;
      const events = store.all('events');
      expect((outcome as { result: { counts: Record<string, number> } }).result.counts.events).toBe(events.length);
      expect(events.length).toBeGreaterThan(60);
      for (const e of events) {
        expect(CalEvent.safeParse(e).success).toBe(true);
        if (e.recurrence) expect(checkSeries(e, 'Asia/Barnaul').length).toBeLessThanOrEqual(1000);
      }
      const lk = lookupOf(store, now);
      const year = listOccurrences(events, { from: '2025-06-03', to: '2026-10-01', kinds: [], staff: [], statuses: [], projects: [], tags: [], query: '' }, lk);
      expect(year.length).toBeGreaterThan(150);
      expect(new Set(year.map((o) => o.kindId))).toEqual(new Set(['briefing', 'field-day', 'session', 'interview', 'press-conference', 'residents', 'ceremony', 'opening', 'other']));
      expect(new Set(year.map((o) => o.projectId).filter(Boolean))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
      for (const p of ['comfort-environment', 'roads', 'demography', 'education']) expect(year.some((o) => o.projectId === p)).toBe(true);
      expect(year.filter((o) => o.recurring).length).toBeGreaterThan(70);

      const pastOnes = year.filter((o) => o.localEnd < '2026-06-03');
      const tasks = pastOnes.filter((o) => o.status !== 'cancelled').flatMap((o) => o.coverage);
      expect(tasks.filter((c) => c.done).length / tasks.length).toBeGreaterThan(0.85);
      expect(pastOnes.filter((o) => o.status === 'held').length / pastOnes.length).toBeGreaterThan(0.9);
      const cancelled = year.filter((o) => o.status === 'cancelled');
      expect(cancelled.length).toBeGreaterThanOrEqual(2);
      expect(cancelled.every((o) => o.statusReason.length > 5)).toBe(true);
      const postponed = year.filter((o) => o.history.some((h) => h.status === 'postponed'));
      expect(postponed.length).toBeGreaterThanOrEqual(2);
      expect(postponed.every((o) => o.moved && o.history[0]!.fromStart !== o.history[0]!.toStart)).toBe(true);
      const future = year.filter((o) => o.localStart > '2026-06-10');
      expect(future.every((o) => ['planned', 'confirmed'].includes(o.status))).toBe(true);
      expect(future.flatMap((o) => o.coverage).every((c) => !c.done)).toBe(true);
      expect(year.filter((o) => o.media.length > 0).length).toBeGreaterThan(100);
      expect(year.every((o) => !o.responsibleId || lk.staff.has(o.responsibleId))).toBe(true);
      // Something for the «Сегодня» panel on the demo's day.
      const today = await backend.invoke('today.get', {});
      expect(today.ok && (today.result as { section: string }[]).some((i) => i.section === 'calendar')).toBe(true);
    } finally {
      await backend.close();
    }
  });
});
