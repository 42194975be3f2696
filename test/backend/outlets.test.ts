/** The СМИ directory's handlers, through the same door the UI uses (backend.invoke → dispatch). */
import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, Method, Outlet, Output } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { removeTmpDirs, tmpDir } from './api-cases.js';

afterAll(removeTmpDirs);

let dir: string;
let backend: Backend;
let clock: Date;

async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const outcome = await backend.invoke(method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
  return outcome.result as Output<M>;
}
async function refused(method: Method, input: unknown) {
  const outcome = await backend.invoke(method, input);
  expect(outcome.ok).toBe(false);
  return (outcome as { ok: false; error: { code: string; message: string } }).error;
}
const names = (list: Outlet[]) => list.map((o) => o.name);

beforeEach(async () => {
  dir = tmpDir('outlets');
  clock = new Date('2026-06-04T18:30:00.000Z');
  backend = await openBackend({ dataDir: dir, now: () => clock });
});
afterEach(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('create, get, update, archive, restore', () => {
  it('create fills defaults, trims, stamps the times; get returns the same record', async () => {
    const o = await call('outlets.create', { name: '  Газета «Маяк труда»  ', kind: 'newspaper' });
    expect(o).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Газета «Маяк труда»',
      kind: 'newspaper',
      officialPublisher: false,
      address: '',
      website: '',
      contacts: [],
      notes: '',
      archived: false,
      createdAt: '2026-06-04T18:30:00.000Z',
      updatedAt: '2026-06-04T18:30:00.000Z',
    });
    expect(await call('outlets.get', { id: o.id })).toEqual(o);
  });

  it('update replaces the fields, keeps id and createdAt, moves updatedAt', async () => {
    const o = await call('outlets.create', { name: 'Газета', kind: 'newspaper' });
    clock = new Date('2026-06-05T09:00:00.000Z');
    const u = await call('outlets.update', {
      id: o.id,
      name: 'Газета «Маяк труда»',
      kind: 'newspaper',
      officialPublisher: true,
      website: 'https://маяк-труда.рф',
      contacts: [{ name: 'Кузнецова Галина Петровна', position: 'главный редактор', phone: '+7 (38553) 2-15-40', email: 'redaktor@mayak.ru' }],
    });
    expect(u).toMatchObject({ id: o.id, createdAt: o.createdAt, updatedAt: '2026-06-05T09:00:00.000Z', officialPublisher: true, website: 'https://маяк-труда.рф' });
    expect(u.contacts).toHaveLength(1);
    expect(await call('outlets.get', { id: o.id })).toEqual(u);
  });

  it('archive and restore move an outlet between the scopes', async () => {
    const a = await call('outlets.create', { name: 'Алейская жизнь', kind: 'newspaper' });
    await call('outlets.create', { name: 'Маяк труда', kind: 'newspaper' });
    const archived = await call('outlets.archive', { id: a.id, archived: true });
    expect(archived.archived).toBe(true);
    expect(names(await call('outlets.list', {}))).toEqual(['Маяк труда']);
    expect(names(await call('outlets.list', { archived: 'archived' }))).toEqual(['Алейская жизнь']);
    expect(names(await call('outlets.list', { archived: 'all' }))).toEqual(['Алейская жизнь', 'Маяк труда']);
    const restored = await call('outlets.archive', { id: a.id, archived: false });
    expect(restored.archived).toBe(false);
    expect(names(await call('outlets.list', {}))).toEqual(['Алейская жизнь', 'Маяк труда']);
    expect(await call('outlets.list', { archived: 'archived' })).toEqual([]);
  });

  it('an unknown id: not_found, in Russian, and nothing written', async () => {
    for (const [method, input] of [
      ['outlets.get', { id: 'нет-такого' }],
      ['outlets.update', { id: 'нет-такого', name: 'Газета', kind: 'newspaper' }],
      ['outlets.archive', { id: 'нет-такого', archived: true }],
    ] as [Method, unknown][]) {
      const error = await refused(method, input);
      expect(error).toEqual({ code: 'not_found', message: 'СМИ не найдено. Возможно, запись удалена в другом окне.' });
    }
    expect(await call('outlets.list', { archived: 'all' })).toEqual([]);
    expect(backend.ctx.store.currentSeq).toBe(0);
  });

  it('the saved data survives a restart', async () => {
    const o = await call('outlets.create', { name: 'Радио «Алейск FM»', kind: 'radio', contacts: [{ name: 'Белова Анна', phone: '+7 913 210-45-67' }] });
    await backend.close();
    backend = await openBackend({ dataDir: dir, now: () => clock });
    expect(await call('outlets.get', { id: o.id })).toEqual(o);
  });
});

describe('search, filters, order', () => {
  beforeEach(async () => {
    const add = (input: Input<'outlets.create'>) => call('outlets.create', input);
    await add({
      name: 'Газета «Маяк труда»',
      kind: 'newspaper',
      officialPublisher: true,
      address: 'г. Алейск, ул. Победы, 52',
      contacts: [
        { name: 'Кузнецова Галина Петровна', position: 'главный редактор', phone: '+7 (38553) 2-15-40', email: 'redaktor@mayak-truda.ru' },
        { name: 'Фёдоров Пётр', position: 'корреспондент', phone: '+7 913 000-11-22' },
      ],
      notes: 'Выходит по средам и пятницам',
    });
    await add({ name: 'Газета «Алейская жизнь»', kind: 'newspaper', contacts: [{ name: 'Федорова Елена', phone: '8-913-555-44-33' }] });
    await add({ name: 'Телекомпания «Алейск-ТВ»', kind: 'tv', website: 'https://aleysk-tv.ru', contacts: [{ name: 'Фролов Дмитрий', email: 'tv@aleysk-tv.ru' }] });
    await add({ name: 'Радио «Алейск FM» 101,4', kind: 'radio', notes: 'Эфир «Час прямого провода» — первая пятница месяца' });
    const archived = await add({ name: 'Газета «Ёлочка»', kind: 'newspaper', contacts: [{ name: 'Ёлкин Семён' }] });
    await call('outlets.archive', { id: archived.id, archived: true });
  });

  it.each([
    ['маяк', ['Газета «Маяк труда»']],
    ['МАЯК', ['Газета «Маяк труда»']],
    ['МаЯк ТрУдА', ['Газета «Маяк труда»']],
    ['газета алейская', ['Газета «Алейская жизнь»']],
    ['газета алейск', ['Газета «Алейская жизнь»', 'Газета «Маяк труда»']], // «г. Алейск» in the address
    ['газета', ['Газета «Алейская жизнь»', 'Газета «Маяк труда»']],
    ['газета пятницам', ['Газета «Маяк труда»']],
    ['газета тв', []],
    ['  алейск   тв  ', ['Телекомпания «Алейск-ТВ»']],
    ['федоров', ['Газета «Алейская жизнь»', 'Газета «Маяк труда»']],
    ['Фёдоров', ['Газета «Алейская жизнь»', 'Газета «Маяк труда»']],
    ['фёдорова', ['Газета «Алейская жизнь»']],
    ['петр', ['Газета «Маяк труда»']],
    ['кузнецова', ['Газета «Маяк труда»']],
    ['главный редактор', ['Газета «Маяк труда»']],
    ['redaktor@mayak', ['Газета «Маяк труда»']],
    ['2-15-40', ['Газета «Маяк труда»']],
    ['21540', ['Газета «Маяк труда»']],
    ['(38553) 21540', ['Газета «Маяк труда»']],
    ['913 555-44-33', ['Газета «Алейская жизнь»']],
    ['9135554433', ['Газета «Алейская жизнь»']],
    ['913', ['Газета «Алейская жизнь»', 'Газета «Маяк труда»']],
    ['победы 52', ['Газета «Маяк труда»']],
    ['aleysk-tv.ru', ['Телекомпания «Алейск-ТВ»']],
    ['101,4', ['Радио «Алейск FM» 101,4']],
    ['прямого провода', ['Радио «Алейск FM» 101,4']],
    ['ёлочка', []], // archived: not in the default scope
    ['нет такого', []],
  ] as [string, string[]][])('«%s» → %j', async (query, expected) => {
    expect(names(await call('outlets.list', { query }))).toEqual(expected);
  });

  it('«ё» and «е» are the same letter both ways, also in archived records', async () => {
    expect(names(await call('outlets.list', { query: 'елочка', archived: 'all' }))).toEqual(['Газета «Ёлочка»']);
    expect(names(await call('outlets.list', { query: 'ЕЛКИН СЕМЕН', archived: 'archived' }))).toEqual(['Газета «Ёлочка»']);
  });

  it('filter by kind, alone and with a query and a scope', async () => {
    expect(names(await call('outlets.list', { kind: 'newspaper' }))).toEqual(['Газета «Алейская жизнь»', 'Газета «Маяк труда»']);
    expect(names(await call('outlets.list', { kind: 'newspaper', archived: 'all' }))).toEqual(['Газета «Алейская жизнь»', 'Газета «Ёлочка»', 'Газета «Маяк труда»']);
    expect(names(await call('outlets.list', { kind: 'newspaper', query: 'маяк' }))).toEqual(['Газета «Маяк труда»']);
    expect(names(await call('outlets.list', { kind: 'tv', query: 'маяк' }))).toEqual([]);
    expect(names(await call('outlets.list', { kind: 'radio' }))).toEqual(['Радио «Алейск FM» 101,4']);
    expect(await call('outlets.list', { kind: 'social' })).toEqual([]);
  });

  it('sorts by Russian collation: Cyrillic first, ё beside е, case and quotes ignored, numbers by value', async () => {
    for (const name of ['яхта', '«Эфир»', 'Радио 10', 'Радио 9', 'ёжик', 'Ель', 'Жизнь', 'алейск FM', '«Маяк»', 'Zeta']) await call('outlets.create', { name, kind: 'online' });
    expect(names(await call('outlets.list', { kind: 'online' }))).toEqual([
      'алейск FM',
      'ёжик',
      'Ель',
      'Жизнь',
      '«Маяк»',
      'Радио 9',
      'Радио 10',
      '«Эфир»',
      'яхта',
      'Zeta',
    ]);
  });
});

describe('search.global', () => {
  beforeEach(async () => {
    await call('settings.save', {
      organisation: { name: 'Администрация города Алейска', city: 'Алейск', timeZone: 'Asia/Barnaul' },
      staff: [
        { id: 'head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела', role: 'head' },
        { id: 'spec', name: 'Петров Андрей Сергеевич', position: 'главный специалист', role: 'specialist' },
      ],
    });
    await call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper', contacts: [{ name: 'Петрова Ольга' }] });
    const old = await call('outlets.create', { name: 'Газета «Петровский вестник»', kind: 'newspaper' });
    await call('outlets.archive', { id: old.id, archived: true });
  });

  it('finds outlets (archived marked) and staff, in that order', async () => {
    const hits = await call('search.global', { query: 'петров' });
    expect(hits.map((h) => [h.section, h.title, h.subtitle])).toEqual([
      ['outlets', 'Газета «Маяк труда»', 'СМИ · газета'],
      ['outlets', 'Газета «Петровский вестник»', 'СМИ · газета · в архиве'],
      ['settings', 'Петров Андрей Сергеевич', 'Сотрудник · главный специалист'],
    ]);
  });

  it('several words must all match, in staff too', async () => {
    expect((await call('search.global', { query: 'петров андрей' })).map((h) => h.title)).toEqual(['Петров Андрей Сергеевич']);
    expect((await call('search.global', { query: 'андрей петров' })).map((h) => h.title)).toEqual(['Петров Андрей Сергеевич']);
    expect((await call('search.global', { query: 'ирина начальник' })).map((h) => h.title)).toEqual(['Соколова Ирина Викторовна']);
  });

  it('respects the limit; an empty query finds nothing', async () => {
    expect(await call('search.global', { query: 'петров', limit: 1 })).toHaveLength(1);
    expect(await call('search.global', { query: '   ' })).toEqual([]);
  });
});
