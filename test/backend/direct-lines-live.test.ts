/** The hour itself: announce → live (timer, queue) → answered on air → a question typed in live → next → held → published. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directLineCalendarEntries } from '../../electron/backend/features/direct-lines/calendar.js';
import { openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

describe('direct lines: the live screen', () => {
  let t: TestBackend;
  let s: string;
  let outlet: string;
  const q: string[] = [];
  beforeAll(async () => {
    t = await openTestBackend('2025-03-01T03:00:00Z');
    outlet = (await t.call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' })).id;
    const created = await t.call('directLines.create', session({ outletId: outlet, announcement: 'Глава города ответит на вопросы жителей.', announcedAt: '2025-02-28T09:00:00+07:00' }));
    s = created.id;
    expect(created).toMatchObject({ status: 'announced', outletId: outlet, durationMinutes: 60, currentQuestionId: null });
    for (const text of ['Первый вопрос', 'Второй вопрос', 'Третий вопрос']) q.push((await t.call('directLines.addQuestion', question(s, { text }))).id);
  });
  afterAll(() => t.close());

  it('goes on air with the first question current and the timer running', async () => {
    t.setNow('2025-03-07T03:00:00Z'); // 10:00 in Barnaul
    const live = await t.call('directLines.setStatus', { id: s, status: 'live' });
    expect(live).toMatchObject({ status: 'live', liveStartedAt: '2025-03-07T03:00:00.000Z', currentQuestionId: q[0] });
    t.setNow('2025-03-07T03:12:30Z');
    const state = await t.call('directLines.live', { id: s });
    expect(state).toMatchObject({ elapsedSeconds: 750, remainingSeconds: 3600 - 750, answeredLive: 0, total: 3 });
    expect(state.current!.text).toBe('Первый вопрос');
    expect(state.queue.map((x) => x.text)).toEqual(['Второй вопрос', 'Третий вопрос']);
  });

  it('marks answered on air with a note and moves on; a question typed in live joins the queue', async () => {
    const after = await t.call('directLines.markAnsweredLive', { id: q[0]!, note: 'Воду дадут 10 марта' });
    expect(after.answeredLive).toBe(1);
    expect(after.current!.text).toBe('Второй вопрос');
    const typed = await t.call('directLines.addQuestion', { sessionId: s, channel: 'live', topic: 'Дороги', text: 'Звонок в эфир: яма на ул. Победы' });
    expect(typed.receivedAt).toBe('2025-03-07T03:12:30.000Z');
    const skipped = await t.call('directLines.nextQuestion', { id: s });
    expect(skipped.current!.text).toBe('Третий вопрос');
    const picked = await t.call('directLines.nextQuestion', { id: s, questionId: typed.id });
    expect(picked.current!.id).toBe(typed.id);
    const done = await t.call('directLines.markAnsweredLive', { id: typed.id, note: 'Заделают на неделе' });
    // After the last in order it wraps round to the first still open.
    expect(done.current!.text).toBe('Второй вопрос');
    expect(done.queue.map((x) => x.text)).toEqual(['Третий вопрос']);
    // Un-marking (a mistaken click) puts it back in the queue.
    const undone = await t.call('directLines.markAnsweredLive', { id: typed.id, note: '', answered: false, next: false });
    expect(undone.answeredLive).toBe(1);
    expect(undone.queue.map((x) => x.id)).toContain(typed.id);
    expect((await t.call('directLines.get', { id: s })).questions.find((x) => x.id === typed.id)!.liveNote).toBe('');
  });

  it('ends the hour, stops the timer, and records publication', async () => {
    t.setNow('2025-03-07T04:05:00Z');
    const held = await t.call('directLines.setStatus', { id: s, status: 'held' });
    expect(held).toMatchObject({ status: 'held', liveEndedAt: '2025-03-07T04:05:00.000Z', currentQuestionId: null });
    t.setNow('2025-03-07T06:00:00Z');
    expect((await t.call('directLines.live', { id: s })).elapsedSeconds).toBe(65 * 60);
    const published = await t.call('directLines.setStatus', { id: s, status: 'published' });
    expect(published.publishedAt).toBe('2025-03-07T06:00:00.000Z');
  });

  it('lists, searches (never showing personal data) and shows in the calendar', async () => {
    await t.call('directLines.addQuestion', question(s, { text: 'Когда отремонтируют крышу?', district: 'микрорайон Заречье', resident: { name: 'Тихонова Валентина Григорьевна', contact: '+7 913 000-11-22' } }));
    const list = await t.call('directLines.list', { query: 'маяк' });
    expect(list.map((x) => x.id)).toEqual([s]);
    expect(list[0]!.outletName).toBe('Газета «Маяк труда»');
    expect(await t.call('directLines.list', { status: 'announced' })).toEqual([]);
    const hits = await t.call('search.global', { query: 'Тихонова' });
    const hit = hits.find((h) => h.section === 'direct-lines')!;
    expect(hit).toMatchObject({ id: s, title: 'Когда отремонтируют крышу?', subtitle: 'Вопрос прямой линии 07.03.2025 · ЖКХ · микрорайон Заречье' });
    for (const h of hits) expect(`${h.title} ${h.subtitle}`).not.toMatch(/Тихонова|Валентина|913/);
    expect((await t.call('search.global', { query: 'Сидоренко' })).find((h) => h.section === 'direct-lines')!.title).toBe('Прямая линия 07.03.2025');

    const entries = directLineCalendarEntries(t.backend.ctx, '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
    expect(entries).toEqual([
      {
        id: s,
        title: 'Прямая линия: Сидоренко А. Н. (телефон в редакции)',
        start: '2025-03-07T03:00:00.000Z',
        end: '2025-03-07T04:00:00.000Z',
        place: 'редакция газеты «Маяк труда»',
        kind: 'прямая линия',
        section: 'direct-lines',
      },
    ]);
    expect(directLineCalendarEntries(t.backend.ctx, '2025-03-07T04:00:00Z', '2025-03-08T00:00:00Z')).toEqual([]);
  });

  it('removing a session takes its questions with it, and needs confirming', async () => {
    expect((await t.fail('directLines.remove', { id: s })).issues![0]!.field).toBe('confirm');
    expect(await t.call('directLines.remove', { id: s, confirm: true })).toEqual({ removedQuestions: 5 });
    expect(t.backend.ctx.store.count('directLineQuestions')).toBe(0);
  });
});
