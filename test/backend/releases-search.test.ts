/** Full-text search with Russian word forms, filters, sort, the board and the global search box. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stem, words } from '../../electron/backend/features/releases/search.js';
import { doc, HEAD, openKit, p, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

describe('stemming', () => {
  it('reduces Russian word forms to one stem', () => {
    expect(['дороги', 'дорог', 'дорогам', 'дорога', 'дорогами', 'ДОРОГАХ'].map((w) => stem(words(w)[0]!))).toEqual(Array(6).fill('дорог'));
    expect(new Set(['благоустройство', 'благоустройства', 'благоустройству'].map(stem)).size).toBe(1);
    expect(words('Ёлка, «Алейск-ТВ» и 12 дворов')).toEqual(['елка', 'алейск', 'тв', 'и', '12', 'дворов']);
  });
});

describe('releases.list and releases.board', () => {
  let kit: ReleasesKit;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    kit = await openKit('2026-05-12T03:00:00Z');
    const make = async (key: string, fields: Record<string, unknown>, at: string) => {
      kit.setNow(at);
      const r = await kit.call('releases.create', { type: (fields.type as 'news') ?? 'news', by: SPEC, template: false });
      await kit.call('releases.save', { id: r.id, by: SPEC, ...fields } as never);
      ids[key] = r.id;
      return r.id;
    };
    await make('roads', { headline: 'Ремонт дорог на улице Победы', lead: 'Подрядчик приступил к работам.', tags: ['ремонт'], nationalProject: 'Безопасные качественные дороги', plannedAt: '2026-05-20T10:00' }, '2026-05-01T03:00:00Z');
    await make('yards', { headline: 'Новые дворы', lead: 'Благоустройство дворов идёт по графику.', body: doc(p('Асфальт уложат и по дорогам к домам.')), nationalProject: 'Формирование комфортной городской среды', plannedAt: '2026-04-10T10:00' }, '2026-04-01T03:00:00Z');
    await make('quote', { headline: 'Встреча с жителями', lead: 'Прошла встреча.', quotes: [{ text: 'Все дороги микрорайона отремонтируем за два года.', speaker: 'Виктор Ткаченко', position: 'глава города' }], plannedAt: '2026-03-03T10:00' }, '2026-03-01T03:00:00Z');
    await make('tag', { type: 'warning', headline: 'Отключение воды', lead: 'Плановые работы.', tags: ['Дорога'], plannedAt: '2026-05-11T10:00' }, '2026-05-10T03:00:00Z');
    await make('other', { type: 'greeting', headline: 'С Днём Победы!', lead: 'Поздравление главы города.', plannedAt: '2026-05-09T08:00' }, '2026-05-05T03:00:00Z');
    kit.setNow('2026-05-12T03:00:00Z');
    await kit.call('releases.submit', { id: ids.other!, by: SPEC });
    await kit.call('releases.approve', { id: ids.other!, by: HEAD, overrideReason: 'поздравление' });
    await kit.call('releases.publish', { id: ids.other!, by: SPEC, at: '2026-05-09T08:00' });
    await kit.call('releases.submit', { id: ids.roads!, by: SPEC });
  });
  afterAll(() => kit.close());

  const found = async (input: Record<string, unknown>) => (await kit.call('releases.list', input as never)).items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)![0]);

  it('«дороги» finds «дорог», «дорогам», «дороги» and a tag «Дорога» — in headline, body, quotes and tags', async () => {
    expect(new Set(await found({ query: 'дороги' }))).toEqual(new Set(['roads', 'yards', 'quote', 'tag']));
    expect(new Set(await found({ query: 'ДОРОГАМИ' }))).toEqual(new Set(['roads', 'yards', 'quote', 'tag']));
  });

  it('ranks a headline match above a body match, and every word must match', async () => {
    expect((await found({ query: 'дороги', sort: 'relevance' }))[0]).toBe('roads');
    expect(await found({ query: 'дороги благоустройство' })).toEqual(['yards']);
    expect(await found({ query: 'дороги луна' })).toEqual([]);
  });

  it('matches the last word as it is being typed, and returns a snippet around the match', async () => {
    expect(await found({ query: 'благоустр' })).toEqual(['yards']);
    const list = await kit.call('releases.list', { query: 'асфальт' });
    expect(list.items[0]!.snippet).toContain('Асфальт уложат');
  });

  it('filters by status, type, tag, national project and period (org time zone), and pages', async () => {
    expect(await found({ statuses: ['published'] })).toEqual(['other']);
    expect(await found({ statuses: ['review'] })).toEqual(['roads']);
    expect(await found({ types: ['warning', 'greeting'], sort: 'headline', direction: 'asc' })).toEqual(['tag', 'other']);
    expect(await found({ tag: 'дорога' })).toEqual(['tag']);
    expect(await found({ nationalProject: 'безопасные качественные дороги' })).toEqual(['roads']);
    // The date is the publication (else the plan): 09.05 10:00 Барнаул is 09.05 in the org zone.
    expect(new Set(await found({ from: '2026-05-09', to: '2026-05-11' }))).toEqual(new Set(['other', 'tag']));
    const page = await kit.call('releases.list', { sort: 'date', direction: 'desc', offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)![0])).toEqual(['tag', 'other']);
  });

  it('sorts by date, planned, headline, status', async () => {
    expect(await found({ sort: 'date', direction: 'asc' })).toEqual(['quote', 'yards', 'other', 'tag', 'roads']);
    expect(await found({ sort: 'planned', direction: 'desc' })).toEqual(['roads', 'tag', 'other', 'yards', 'quote']);
    expect(await found({ sort: 'headline', direction: 'asc' })).toEqual(['quote', 'yards', 'tag', 'roads', 'other']);
    expect(await found({ sort: 'status', direction: 'asc' })).toEqual(['quote', 'yards', 'tag', 'roads', 'other']);
  });

  it('refuses a period that ends before it starts', async () => {
    const err = await kit.fail('releases.list', { from: '2026-05-10', to: '2026-05-01' });
    expect(err).toMatchObject({ code: 'validation', issues: [{ field: 'to', message: 'дата «по» раньше даты «с»' }] });
  });

  it('the board has a column per status, with totals and the search applied', async () => {
    const board = await kit.call('releases.board', {});
    expect(board.columns.map((c) => [c.label, c.total])).toEqual([
      ['черновик', 3],
      ['на согласовании', 1],
      ['согласовано', 0],
      ['опубликовано', 1],
      ['снято с публикации', 0],
    ]);
    const review = board.columns[1]!.items[0]!;
    expect(review).toMatchObject({ headline: 'Ремонт дорог на улице Победы', waitingSince: '2026-05-12T03:00:00.000Z', checklist: { total: 7 } });
    const searched = await kit.call('releases.board', { query: 'дорогам', limitPerColumn: 1 });
    expect(searched.columns[0]).toMatchObject({ total: 3 });
    expect(searched.columns[0]!.items).toHaveLength(1);
  });

  it('the global search box finds releases by another word form', async () => {
    const hits = await kit.call('search.global', { query: 'ремонтом дороги' });
    expect(hits.filter((h) => h.section === 'releases').map((h) => h.id)).toEqual([ids.roads]);
    expect(hits.find((h) => h.section === 'releases')!.subtitle).toBe('Релиз · новость · на согласовании · 20.05.2026');
  });

  it('the «Сегодня» panel shows what waits for approval and what is due', async () => {
    const items = (await kit.call('today.get', {})).filter((i) => i.section === 'releases');
    expect(items.map((i) => [i.severity, i.title])).toEqual([
      ['danger', 'Черновик не согласован, а публикация уже прошла: Отключение воды'],
      ['info', 'Ждёт согласования: Ремонт дорог на улице Победы'],
    ]);
  });
});
