/**
 * Bad input through dispatch: each gets a clear Russian error naming the field, and nothing is written
 * (the journal does not grow, the store's sequence and the events stay as they were).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCalendar, weeklyBriefing, type CalendarFixture } from './calendar-fixture.js';

let f: CalendarFixture;
let seriesId = '';
let singleId = '';
beforeAll(async () => {
  f = await openCalendar();
  seriesId = (await f.call('calendar.create', weeklyBriefing)).event.id;
  singleId = (await f.call('calendar.create', { title: 'Пресс-конференция', kindId: 'press-conference', start: '2026-06-10T11:00', end: '2026-06-10T12:00' })).event.id;
});
afterAll(async () => {
  await f.close();
});

const base = { title: 'Встреча с жителями', kindId: 'residents', start: '2026-06-10T18:00', end: '2026-06-10T19:30' };

/** Expects a validation error on `field` whose message names `label` and says `says`. */
async function refused(method: Parameters<CalendarFixture['fail']>[0], input: unknown, field: string, label: string, says: RegExp) {
  const err = await f.fail(method, input);
  expect(err.code).toBe('validation');
  expect(err.issues?.[0]?.field).toBe(field);
  expect(err.issues?.[0]?.label).toBe(label);
  expect(err.message).toContain(`«${label}»`);
  expect(err.message).toMatch(says);
  return err;
}

describe('dates', () => {
  it('end before start (timed and all-day)', async () => {
    await refused('calendar.create', { ...base, end: '2026-06-10T17:00' }, 'end', 'Окончание', /окончание раньше начала/);
    await refused('calendar.create', { ...base, allDay: true, start: '2026-06-10', end: '2026-06-09' }, 'end', 'Окончание', /раньше даты начала/);
  });
  it('a date that does not exist, a timed event without a time, a malformed value', async () => {
    await refused('calendar.create', { ...base, start: '2026-02-30T10:00', end: undefined }, 'start', 'Начало', /нет в календаре/);
    await refused('calendar.create', { ...base, start: '2026-06-10', end: undefined }, 'start', 'Начало', /укажите время/);
    await refused('calendar.create', { ...base, start: '10 июня' }, 'start', 'Начало', /неверная дата/);
  });
  it('a drag (move) that fails the same validation snaps back with the reason', async () => {
    await refused('calendar.move', { id: singleId, start: '2026-06-11T12:00', end: '2026-06-11T11:00' }, 'end', 'Окончание', /раньше начала/);
    await refused('calendar.move', { id: `${seriesId}/2026-06-08T10:00`, start: '2026-06-31T10:00' }, 'start', 'Начало', /нет в календаре/);
  });
});

describe('references', () => {
  it('an unknown staff member (responsible, coverage assignee)', async () => {
    await refused('calendar.create', { ...base, responsibleId: 'staff-nobody' }, 'responsibleId', 'Ответственный', /нет среди сотрудников/);
    await refused(
      'calendar.create',
      { ...base, coverage: [{ kindId: 'announce', assigneeId: 'ghost' }] },
      'coverage.0.assigneeId',
      'Исполнитель № 1',
      /нет среди сотрудников/,
    );
  });
  it('an unknown outlet, or the same one twice', async () => {
    await refused('calendar.create', { ...base, media: [{ outletId: f.outlets.mayak }, { outletId: 'no-such-outlet' }] }, 'media.1.outletId', 'Приглашённое СМИ № 2', /нет в справочнике СМИ/);
    await refused('calendar.create', { ...base, media: [{ outletId: f.outlets.tv }, { outletId: f.outlets.tv }] }, 'media.1.outletId', 'Приглашённое СМИ № 2', /уже приглашено/);
  });
  it('an unknown kind, national project, topic or kind of coverage', async () => {
    await refused('calendar.create', { ...base, kindId: 'party' }, 'kindId', 'Вид мероприятия', /нет в списке видов/);
    await refused('calendar.create', { ...base, projectId: 'moon' }, 'projectId', 'Нацпроект / программа', /нет в списке/);
    await refused('calendar.create', { ...base, tags: ['roads', 'astrology'] }, 'tags.1', 'Тема № 2', /нет в списке тем/);
    await refused('calendar.create', { ...base, coverage: [{ kindId: 'podcast' }] }, 'coverage.0.kindId', 'Вид материала № 1', /нет в списке видов материалов/);
  });
  it('an update of an event that is not there', async () => {
    const err = await f.fail('calendar.update', { ...base, id: 'no-such-event' });
    expect(err.code).toBe('not_found');
    expect(err.message).toMatch(/Мероприятие не найдено/);
  });
});

describe('recurrence', () => {
  it('a rule that never ends', async () => {
    await refused('calendar.create', { ...base, recurrence: { freq: 'weekly', byWeekday: ['WE'] } }, 'recurrence.until', 'Повторять до', /не заканчивается/);
    await refused('calendar.create', { ...base, recurrence: { rule: 'FREQ=DAILY' } }, 'recurrence.until', 'Повторять до', /не заканчивается/);
  });
  it('a rule that expands past 1,000 occurrences', async () => {
    await refused('calendar.create', { ...base, recurrence: { freq: 'daily', until: '2031-01-01' } }, 'recurrence.until', 'Повторять до', /больше 1000 повторений/);
    await refused('calendar.create', { ...base, recurrence: { freq: 'daily', count: 5000 } }, 'recurrence.count', 'Число повторений', /не больше 1[\s\u00a0\u202f]?000/);
  });
  it('a start that is not one of the rule\'s occurrences, an unreadable rule, a missing frequency', async () => {
    await refused('calendar.create', { ...base, recurrence: { freq: 'weekly', byWeekday: ['MO'], count: 3 } }, 'start', 'Начало', /не подходит под правило повторения: первое повторение — 15 июня 2026 г\./);
    await refused('calendar.create', { ...base, recurrence: { rule: 'каждый вторник' } }, 'recurrence.rule', 'Правило повторения', /не удалось разобрать/);
    await refused('calendar.create', { ...base, recurrence: { until: '2026-12-31' } }, 'recurrence.freq', 'Повторять', /обязательное поле/);
    await refused('calendar.create', { ...base, recurrence: { freq: 'weekly', byWeekday: ['ПН'], count: 2 } }, 'recurrence.byWeekday.0', 'Дни недели № 1', /день недели/);
  });
  it('"this" or "following" without saying which occurrence', async () => {
    await refused('calendar.update', { ...weeklyBriefing, id: seriesId, scope: 'following' }, 'occurrence', 'Повторение', /укажите, какое повторение/);
  });
  it('an occurrence the series does not have', async () => {
    const err = await f.fail('calendar.setStatus', { id: `${seriesId}/2026-06-09T10:00`, status: 'confirmed' });
    expect(err.code).toBe('not_found');
  });
});

describe('status', () => {
  it('cancelling or postponing without a reason', async () => {
    await refused('calendar.setStatus', { id: singleId, status: 'cancelled' }, 'reason', 'Причина', /укажите причину отмены/);
    await refused('calendar.setStatus', { id: `${seriesId}/2026-06-15T10:00`, status: 'postponed', reason: '   ', start: '2026-06-16T10:00' }, 'reason', 'Причина', /укажите причину переноса/);
    await refused('calendar.create', { ...base, status: 'cancelled' }, 'statusReason', 'Причина', /укажите причину отмены/);
  });
  it('«проведено» before the event has started', async () => {
    await refused('calendar.setStatus', { id: singleId, status: 'held' }, 'status', 'Статус', /ещё не началось/);
    await refused('calendar.create', { ...base, status: 'held' }, 'status', 'Статус', /ещё не началось/);
  });
  it('postponing to a date that ends before it starts', async () => {
    await refused('calendar.setStatus', { id: singleId, status: 'postponed', reason: 'Погода', start: '2026-06-12T11:00', end: '2026-06-12T10:00' }, 'end', 'Новое окончание', /раньше начала/);
  });
});

describe('lists, exports and dictionaries', () => {
  it('a period that ends before it starts, or is too long', async () => {
    await refused('calendar.list', { from: '2026-06-30', to: '2026-06-01' }, 'to', 'По дату', /раньше его начала/);
    await refused('calendar.exportPlan', { from: '2026-01-01', to: '2029-01-01' }, 'to', 'По дату', /слишком длинный период/);
  });
  it('removing a kind that events use, duplicate names, no active kind', async () => {
    const dict = await f.call('calendar.dictionaries.get', {});
    expect(dict.usage.kinds).toMatchObject({ briefing: 1, 'press-conference': 1 });
    await refused('calendar.dictionaries.save', { ...dict, kinds: dict.kinds.filter((k) => k.id !== 'briefing') }, 'kinds', 'Виды мероприятий', /«брифинг» используется \(1 мероприятие\)/);
    await refused('calendar.dictionaries.save', { ...dict, tags: [...dict.tags, { name: 'ЖКХ' }] }, `tags.${dict.tags.length}.name`, `Тема № ${dict.tags.length + 1}`, /повторяется/);
    await refused('calendar.dictionaries.save', { ...dict, coverage: dict.coverage.map((c) => ({ ...c, archived: true })) }, 'coverage', 'Виды материалов', /хотя бы один/);
  });
  it('a valid save adds a kind with a made-up code, and an archived kind is refused for new events', async () => {
    const dict = await f.call('calendar.dictionaries.get', {});
    const saved = await f.call('calendar.dictionaries.save', {
      ...dict,
      kinds: [...dict.kinds.map((k) => (k.id === 'interview' ? { ...k, archived: true } : k)), { name: 'прямая линия', color: '#123456' }],
    });
    const added = saved.kinds.find((k) => k.name === 'прямая линия')!;
    expect(added.id).toMatch(/^kind-[0-9a-f]{8}$/);
    const ok = await f.call('calendar.create', { ...base, kindId: added.id });
    expect(ok.occurrence.labels).toMatchObject({ kind: 'прямая линия', color: '#123456' });
    await refused('calendar.create', { ...base, kindId: 'interview' }, 'kindId', 'Вид мероприятия', /нет в списке/);
  });
});
