/**
 * Input the door must refuse or clean (issue 13): names made only of invisible characters, dates outside
 * 1990–2100, NUL and lone surrogates, a year before 100 in today.get, the message for Infinity. And what it
 * must not do: refuse records stored before these rules existed (a folder written by an older version opens).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { dispatch } from '../../electron/backend/dispatch.js';
import { startWebServer, TOKEN_HEADER } from '../../electron/backend/web.js';
import { type ErrorLike, folderState, removeTmpDirs, tmpDir } from './api-cases.js';

afterAll(removeTmpDirs);

/** Every kind of white space, zero-width and joiner characters, NUL and lone (high) surrogates: nothing a reader sees. */
const INVISIBLE = [
  ' ', '\t', '\n', '\r', '\u00a0', '\u1680', '\u2000', '\u2003', '\u2007', '\u2009', '\u200a', '\u200b', '\u200c', '\u200d',
  '\u2028', '\u2029', '\u202f', '\u205f', '\u2060', '\u3000', '\ufeff', '\u180e', '\u0000', '\ud800', '\udbff',
];
const invisibleOnly = fc.string({ unit: fc.constantFrom(...INVISIBLE), minLength: 1, maxLength: 12 });

const settings = {
  organisation: { name: 'Администрация города Алейска', city: 'Алейск', timeZone: 'Asia/Barnaul' },
  staff: [{ id: 'staff-head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела', role: 'head' }],
};

let dir: string;
let backend: Backend;
let releaseId: string;
let sessionId: string;

async function ok(method: Method, input: unknown): Promise<Record<string, unknown>> {
  const outcome = await dispatch(backend.ctx, method, input);
  if (!outcome.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${outcome.error.message}`);
  return outcome.result as Record<string, unknown>;
}

const counts = () => Object.fromEntries(['outlets', 'events', 'releases', 'actCollections', 'directLines', 'votes'].map((c) => [c, backend.ctx.store.all(c as never).length]));

/** Refused as bad input for `field` with `message`, a Russian label, and nothing written (files and record counts as before). */
async function refused(method: Method, input: unknown, field: string, message: string): Promise<void> {
  await backend.ctx.store.compact();
  const files = folderState(dir);
  const before = counts();
  const releaseBefore = JSON.stringify(backend.ctx.store.get('releases', releaseId));
  const outcome = await dispatch(backend.ctx, method, input);
  const what = `${method} ${JSON.stringify(input)}`;
  expect(outcome.ok, `${what} was accepted`).toBe(false);
  const error = (outcome as { error: ErrorLike }).error;
  expect(error.code, what).toBe('validation');
  const issue = error.issues?.find((i) => i.field === field);
  expect(issue, `${what}: ${JSON.stringify(error.issues)}`).toBeDefined();
  expect(issue!.message, what).toBe(message);
  expect(issue!.label, what).toMatch(/[А-Яа-яЁё]/);
  expect(error.message, what).toContain(`«${issue!.label}»`);
  expect(counts(), what).toEqual(before);
  expect(JSON.stringify(backend.ctx.store.get('releases', releaseId)), what).toBe(releaseBefore);
  expect(folderState(dir), what).toEqual(files);
}

beforeAll(async () => {
  dir = tmpDir('input-rules');
  backend = await openBackend({ dataDir: dir, now: () => new Date('2026-06-03T03:00:00Z') });
  await ok('settings.save', settings);
  releaseId = (await ok('releases.create', { type: 'news', by: 'staff-head', headline: 'Открытие сквера' })).id as string;
  sessionId = (await ok('directLines.create', { startsAt: '2026-06-10T10:00:00+07:00', format: 'phone', official: { name: 'Сидоренко А. Н.' } })).id as string;
});
afterAll(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a required text made only of invisible characters is empty', () => {
  it('zero-width, word joiner, BOM and narrow no-break spaces: «обязательное поле» for the field', async () => {
    for (const name of ['\u200b', '\u200b\u200c\u200d', '\u2060', '\ufeff\u2060', '\u00a0\u202f\u200b', ' \u3000\u200d ']) {
      await refused('outlets.create', { name, kind: 'tv' }, 'name', 'обязательное поле');
      await refused('outlets.create', { name: 'Газета', kind: 'tv', contacts: [{ name }] }, 'contacts.0.name', 'обязательное поле');
      await refused('calendar.create', { title: name, kindId: 'briefing', start: '2026-06-05', allDay: true }, 'title', 'обязательное поле');
      await refused('releases.comment', { id: releaseId, by: 'staff-head', text: name }, 'text', 'обязательное поле');
      await refused('directLines.addQuestion', { sessionId, channel: 'phone', topic: name, text: 'Когда дадут воду?' }, 'topic', 'обязательное поле');
      await refused('settings.save', { ...settings, organisation: { ...settings.organisation, city: name } }, 'organisation.city', 'обязательное поле');
    }
  });

  it('property: any string of invisible characters is refused for a required name (outlets, events, releases)', async () => {
    await fc.assert(
      fc.asyncProperty(invisibleOnly, async (name) => {
        await refused('outlets.create', { name, kind: 'radio' }, 'name', 'обязательное поле');
        await refused('calendar.create', { title: name, kindId: 'briefing', start: '2026-06-05', allDay: true }, 'title', 'обязательное поле');
        await refused('releases.comment', { id: releaseId, by: 'staff-head', text: name }, 'text', 'обязательное поле');
      }),
      { numRuns: 25 },
    );
  });

  it('a visible name keeps its inner characters and loses the invisible ends; an optional field of only invisibles is stored empty', async () => {
    const saved = await ok('outlets.create', { name: '\u200b\u00a0Газета «Маяк\u00a0труда»\u2060\ufeff ', kind: 'newspaper', address: '\u200b\u200d' });
    expect(saved.name).toBe('Газета «Маяк\u00a0труда»');
    expect(saved.address).toBe('');
    const emoji = await ok('outlets.create', { name: 'Паблик 👩‍💻 ❤️', kind: 'social' }); // ZWJ inside, a variation selector at the end
    expect(emoji.name).toBe('Паблик 👩‍💻 ❤️');
  });
});

describe('dates: the year from 1990 to 2100', () => {
  const YEAR = 'год должен быть от 1990 до 2100';
  const cases: { method: Method; field: string; input: (value: string) => unknown; time?: boolean }[] = [
    { method: 'today.get', field: 'date', input: (date) => ({ date }) },
    { method: 'calendar.create', field: 'start', input: (start) => ({ title: 'Приём граждан', kindId: 'briefing', start, allDay: true }) },
    { method: 'calendar.list', field: 'from', input: (from) => ({ from, to: from }) },
    { method: 'contracts.collections.save', field: 'date', input: (date) => ({ number: `С-${date}`, date }) },
    { method: 'reports.indicators.save', field: 'date', input: (date) => ({ kind: 'votes', row: { date, topic: 'Благоустройство сквера', platform: 'vk', participants: 10 } }) },
    { method: 'directLines.create', field: 'startsAt', time: true, input: (startsAt) => ({ startsAt, format: 'phone', official: { name: 'Сидоренко А. Н.' } }) },
    { method: 'releases.saveDraft', field: 'plannedAt', time: true, input: (plannedAt) => ({ id: releaseId, by: 'staff-head', plannedAt }) },
    { method: 'releases.saveDraft', field: 'eventAt', input: (eventAt) => ({ id: releaseId, by: 'staff-head', eventAt }) },
    { method: 'sync.publications.list', field: 'to', input: (to) => ({ to }) },
  ];
  const asTime = (day: string, time?: boolean) => (time ? `${day}T10:00:00+07:00` : day);

  it.each(cases)('$method $field refuses 1989-12-31, 2101-01-01 and year 0099, naming the field', async ({ method, field, input, time }) => {
    for (const day of ['1989-12-31', '2101-01-01', '0099-12-31', '0001-01-01']) await refused(method, input(asTime(day, time)), field, YEAR);
  });

  it.each(cases)('$method $field accepts 1990-01-01 and 2100-12-31', async ({ method, input, time }) => {
    for (const day of ['1990-01-01', '2100-12-31']) await ok(method, input(asTime(day, time)));
  });

  it('a date-time is judged by the year as written, with its offset', async () => {
    const at = (startsAt: string) => ({ startsAt, format: 'phone', official: { name: 'Сидоренко А. Н.' } });
    await refused('directLines.create', at('1989-12-31T23:59:00+07:00'), 'startsAt', YEAR);
    await refused('directLines.create', at('2101-01-01T00:00:00Z'), 'startsAt', YEAR);
    await ok('directLines.create', at('1990-01-01T00:00:00+07:00'));
    await ok('directLines.create', at('2100-12-31T23:59:00-05:00'));
  });

  it('a wrong format still gets its own message, once', async () => {
    const outcome = await dispatch(backend.ctx, 'today.get', { date: 'вчера' });
    expect(!outcome.ok && outcome.error.issues).toEqual([{ field: 'date', label: 'Дата', message: 'неверная дата' }]);
  });
});

describe('today.get with a year before 100 over HTTP (browser mode)', () => {
  it('is 400 naming «Дата», not a 500', async () => {
    // The demo town: with records to look at, such a day made date arithmetic throw (Date reads year 99 as 1999).
    const demo = await openBackend({ dataDir: tmpDir('input-rules-demo'), now: () => new Date('2026-06-03T03:00:00Z') });
    expect((await demo.invoke('system.fillDemo', { years: 1, scale: 0 })).ok).toBe(true);
    const server = await startWebServer({ backend: demo, port: 0 });
    try {
      const post = (input: unknown) =>
        fetch(`http://127.0.0.1:${server.port}/api/today.get`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
          body: JSON.stringify({ input }),
        });
      for (const date of ['0099-12-31', '0050-06-15']) {
        const res = await post({ date });
        const body = (await res.json()) as { ok: boolean; error: ErrorLike };
        expect(res.status, date).toBe(400);
        expect(body.error.code).toBe('validation');
        expect(body.error.issues).toEqual([{ field: 'date', label: 'Дата', message: 'год должен быть от 1990 до 2100' }]);
        expect(body.error.message).toBe('Поле «Дата»: год должен быть от 1990 до 2100');
      }
      expect((await post({ date: '2026-06-03' })).status).toBe(200);
    } finally {
      await server.close();
      await demo.close();
    }
  });
});

describe('NUL and lone surrogates never reach the store', () => {
  /** Every data file as text: valid UTF-8, and no NUL or lone surrogate, raw or as a JSON escape. */
  function assertCleanFiles(): void {
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const file of walk(dir).filter((f) => /\.(json|ndjson)$/.test(f))) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
      expect(text, file).not.toMatch(/\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}|\u0000/i);
    }
  }

  it('are dropped from every string of a request, at any depth, before the schema; real pairs (emoji) stay', async () => {
    const saved = await ok('outlets.create', {
      name: 'Газета\u0000 «Заря\ud800»',
      kind: 'newspaper',
      notes: 'Заметка\u0000 с\udc00 эмодзи 😀 и\u0001 табуляцией\t',
      contacts: [{ name: 'Иванов\u0000 И. И.\udbff', position: '\ud83d' }],
    });
    expect(saved.name).toBe('Газета «Заря»');
    expect(saved.notes).toBe('Заметка с эмодзи 😀 и табуляцией\t');
    expect(saved.contacts).toEqual([{ name: 'Иванов И. И.', position: '', phone: '', email: '' }]);
    const stored = backend.ctx.store.get('outlets', saved.id as string)!;
    expect(stored.name).toBe('Газета «Заря»');
    await ok('releases.saveDraft', { id: releaseId, by: 'staff-head', headline: 'Заголовок\u0000\ud800', lead: 'Лид\udfff' });
    await ok('calendar.create', { title: 'Брифинг\u0000', kindId: 'briefing', start: '2026-06-05', allDay: true, place: 'Зал\ud800', notes: '\u0000' });
    await backend.ctx.store.compact();
    assertCleanFiles();
  });

  it('a name of NUL or lone surrogates only is empty', async () => {
    await refused('outlets.create', { name: '\u0000\u0000', kind: 'tv' }, 'name', 'обязательное поле');
    await refused('outlets.create', { name: '\ud800\udbff', kind: 'tv' }, 'name', 'обязательное поле');
    await refused('calendar.create', { title: '\udc00', kindId: 'briefing', start: '2026-06-05', allDay: true }, 'title', 'обязательное поле');
  });
});

describe('numbers', () => {
  it('Infinity reads «ожидается конечное число», NaN «ожидается число»', async () => {
    for (const [limit, message] of [
      [Infinity, 'ожидается конечное число'],
      [-Infinity, 'ожидается конечное число'],
      [NaN, 'ожидается число'],
    ] as const) {
      const outcome = await dispatch(backend.ctx, 'search.global', { query: 'газета', limit });
      expect(!outcome.ok && outcome.error.issues).toEqual([{ field: 'limit', label: 'Количество результатов', message }]);
      expect(!outcome.ok && outcome.error.message).toBe(`Поле «Количество результатов»: ${message}`);
    }
  });
});

describe('records stored before these rules still open', () => {
  it('an outlet named with a zero-width space and a collection dated 1989, put by an older version, load and re-save', async () => {
    const scratch = tmpDir('input-rules-old');
    const now = '2026-06-01T00:00:00.000Z';
    const old = await openBackend({ dataDir: scratch });
    await old.ctx.store.mutate((tx) => {
      tx.put('outlets', { id: 'old-outlet', name: '\u200b', kind: 'tv', officialPublisher: false, address: '', website: '', contacts: [], notes: '', archived: false, createdAt: now, updatedAt: now } as never);
      tx.put('actCollections', { id: 'old-collection', number: '1', date: '1989-12-31', title: '', acts: [], notes: '', createdAt: now, updatedAt: now } as never);
    });
    await old.close();
    const reopened = await openBackend({ dataDir: scratch });
    try {
      expect(reopened.ctx.store.get('outlets', 'old-outlet')?.name).toBe('\u200b');
      expect(reopened.ctx.store.get('actCollections', 'old-collection')?.date).toBe('1989-12-31');
      expect(reopened.ctx.store.recoveries).toEqual([]);
      // Another change to the old outlet is still saved; only what the user sends again is checked.
      expect((await reopened.invoke('outlets.archive', { id: 'old-outlet', archived: true })).ok).toBe(true);
    } finally {
      await reopened.close();
    }
  });
});
