/**
 * A small data folder counted by hand for the report tests (Asia/Barnaul, UTC+7; report 2025 vs 2024).
 * See the table in `seedFixture` for what every figure must be.
 */
import { openBackend, type Backend } from '../../electron/backend/app.js';
import type { Method } from '../../electron/backend/api.js';
import type { SitePublication } from '../../electron/backend/features/sync/site-publications.js';
import { tempDir } from '../helpers/tmp.js';
import { complete, photoBase64 } from '../helpers/releases-kit.js';

export interface ReportKit {
  dir: string;
  backend: Backend;
  call: (method: Method, input?: unknown) => Promise<any>;
  fail: (method: Method, input?: unknown) => Promise<{ code: string; message: string; issues?: { field: string; label: string; message: string }[] }>;
  setNow(iso: string): void;
}

export async function openReportKit(now = '2026-02-10T05:00:00Z', dir = tempDir('pd-reports-')): Promise<ReportKit> {
  let clock = new Date(now);
  const backend = await openBackend({ dataDir: dir, backups: false, now: () => clock });
  const call = async (method: Method, input?: unknown) => {
    const o = await backend.invoke(method, input);
    if (!o.ok) throw new Error(`${method}: ${o.error.message}`);
    return o.result as any;
  };
  const fail = async (method: Method, input?: unknown) => {
    const o = await backend.invoke(method, input);
    if (o.ok) throw new Error(`${method} was expected to fail`);
    return o.error;
  };
  return { dir, backend, call, fail, setNow: (iso) => (clock = new Date(iso)) };
}

export const settings = {
  organisation: { name: 'Администрация города Алейска Алтайского края', city: 'Алейск', timeZone: 'Asia/Barnaul', site: 'https://aleysk.example.ru', newspaper: 'Маяк труда' },
  staff: [
    { id: 'staff-head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела', role: 'head' as const },
    { id: 'staff-spec', name: 'Петров Андрей Сергеевич', position: 'главный специалист', role: 'specialist' as const },
  ],
};

let seq = 0;
export function post(date: string, over: Partial<SitePublication> = {}): SitePublication {
  const id = `post-${++seq}`;
  return { id, source: 'wordpress', remoteId: id, date, modified: date, title: `Новость ${id}`, link: `https://aleysk.example.ru/${id}`, categories: [], tags: [], nationalProject: null, hasPhoto: false, hasVideo: false, releaseId: null, createdAt: date, updatedAt: date, ...over };
}

export const A = 'Жильё и городская среда';
export const B = 'Безопасные качественные дороги';

/*
 * Site (local day in Asia/Barnaul):
 *   p1 10.01.2025 photo, A      p2 05.03.2025 photo+video    p3 30.06.2025 18:00Z → 01.07.2025 local
 *   p4 31.12.2024 18:30Z → 01.01.2025 local (counts in 2025)  p5 31.12.2025 17:30Z → 01.01.2026 (not 2025)
 *   p6 11.11.2025 photo, A      p7 12.11.2025 B
 *   2024: q1 05.05.2024 photo; q2 06.06.2024 A.
 *   2025: total 6, photo 3, video 1, A 2, B 1; by month Jan 2, Mar 1, Jul 1, Nov 2; H1 3, H2 3. 2024: 2, photo 1, video 0, A 1, B 0.
 * Releases: postRelease published 01.03.2025; announcement published 31.12.2025 20:00 local; news published
 *   01.06.2024; a draft. 2025: 2 (1 + 1); 2024: 1 (news).
 * Events 2025: briefing held 10.02 (radio invited, declined); field day held 15.04 (TV accredited); meeting with
 *   residents held 20.05; press conference postponed 01.06; briefing cancelled 01.07; briefing planned 01.08.
 *   → held 3, field days 1, residents 1, postponed 1, cancelled 1. 2024: field day held 01.03.2024 → held 1, field days 1, residents 0.
 * Direct lines: 07.03.2025 with the radio as partner; 3 questions: live; assigned due 21.03 done 20.03; assigned due
 *   31.03 done 02.04 → sessions 1, received 3, live 1, assigned 2, on time 1. 2024: none (нет данных).
 * Newspaper 2025, flat 10 ₽ per cm²: 05.02 № 5 act №1 (signed 01.02, on time) 100 cm²; 05.02 № 5 news 50 cm²; 12.03 № 10
 *   act №2 (signed 01.02, late) 200 cm² → issues 2, publications 3, 350 cm², 3 500,00 ₽. Collection № 1 of 01.04.2025 with
 *   acts №3, №4 (signed 25.03) → acts 4, on time 3, collections 1. 2024: none.
 * Media 2025: paper (contract), TV (held event), radio (direct line; declined the briefing) → 3.
 * Subscribers: vk 01.01.2025 1 000, 01.01.2026 1 500; ok 01.01.2025 200, 01.07.2025 260; telegram 01.01.2024 50.
 *   2025: on 01.01.2026 1 810, growth 560 (from 1 250 on 01.01.2025). 2024: 1 250, growth 1 200.
 * Votes 2025: 1 + 20 participants = 21; 2024: one vote, 5. Incidents 2025: Jan 10/9/8, Feb 5/5/5 → 15/14/13; a span
 *   15.12.2024–15.01.2025 counts in neither year.
 */
export async function seedFixture(kit: ReportKit): Promise<{ paper: string; tv: string; radio: string }> {
  const { call } = kit;
  await call('settings.save', settings);
  const paper = (await call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper', officialPublisher: true })).id;
  const tv = (await call('outlets.create', { name: 'Телекомпания «Алейск-ТВ»', kind: 'tv' })).id;
  const radio = (await call('outlets.create', { name: 'Радио «Алейск FM»', kind: 'radio' })).id;
  await kit.backend.ctx.store.mutate((tx) => {
    const posts = [
      post('2025-01-10T03:00:00.000Z', { hasPhoto: true, nationalProject: A }),
      post('2025-03-05T03:00:00.000Z', { hasPhoto: true, hasVideo: true }),
      post('2025-06-30T18:00:00.000Z'),
      post('2024-12-31T18:30:00.000Z'),
      post('2025-12-31T17:30:00.000Z'),
      post('2025-11-11T03:00:00.000Z', { hasPhoto: true, nationalProject: A }),
      post('2025-11-12T03:00:00.000Z', { nationalProject: B }),
      post('2024-05-05T03:00:00.000Z', { hasPhoto: true }),
      post('2024-06-06T03:00:00.000Z', { nationalProject: A }),
    ];
    for (const p of posts) tx.put('sitePublications', p);
  });

  const release = async (type: string, at: string | null) => {
    const r = await call('releases.create', { type, by: 'staff-spec' });
    if (at === null) return;
    await call('releases.save', { id: r.id, by: 'staff-spec', ...complete });
    await call('releases.addPhoto', { id: r.id, by: 'staff-spec', fileName: 'a.png', base64: photoBase64(), caption: 'Подпись', author: 'Автор' });
    await call('releases.submit', { id: r.id, by: 'staff-spec' });
    await call('releases.approve', { id: r.id, by: 'staff-head' });
    await call('releases.publish', { id: r.id, by: 'staff-head', at });
  };
  await release('postRelease', '2025-03-01T10:00:00+07:00');
  await release('announcement', '2025-12-31T20:00:00+07:00');
  await release('news', '2024-06-01T10:00:00+07:00');
  await release('news', null);

  const event = (title: string, kindId: string, start: string, status: string, media: unknown[] = []) =>
    call('calendar.create', { title, kindId, start, status, statusReason: status === 'postponed' || status === 'cancelled' ? 'по погодным условиям' : '', media, coverage: [] });
  await event('Брифинг главы', 'briefing', '2025-02-10T10:00', 'held', [{ outletId: radio, accreditation: 'declined' }]);
  await event('Выездной день в микрорайоне', 'field-day', '2025-04-15T10:00', 'held', [{ outletId: tv, accreditation: 'accredited' }]);
  await event('Встреча с жителями', 'residents', '2025-05-20T18:00', 'held');
  await event('Пресс-конференция', 'press-conference', '2025-06-01T11:00', 'postponed');
  await event('Брифинг', 'briefing', '2025-07-01T10:00', 'cancelled');
  await event('Брифинг', 'briefing', '2025-08-01T10:00', 'planned');
  await event('Выездной день 2024', 'field-day', '2024-03-01T10:00', 'held');

  const s = await call('directLines.create', { startsAt: '2025-03-07T10:00:00+07:00', format: 'radio', official: { name: 'Сидоренко Алексей Николаевич', position: 'глава города' }, outletId: radio });
  const q = (text: string) => call('directLines.addQuestion', { sessionId: s.id, receivedAt: '2025-03-05T09:00:00+07:00', channel: 'phone', topic: 'ЖКХ', text });
  const q1 = await q('Когда дадут воду?');
  const q2 = await q('Когда уберут снег?');
  const q3 = await q('Когда починят дорогу?');
  await call('directLines.markAnsweredLive', { id: q1.id, note: 'Ответил' });
  await call('directLines.assign', { questionId: q2.id, department: 'отдел ЖКХ', deadline: '2025-03-21' });
  await call('directLines.updateAssignment', { questionId: q2.id, status: 'done', doneAt: '2025-03-20T10:00:00+07:00' });
  await call('directLines.assign', { questionId: q3.id, department: 'отдел ЖКХ', deadline: '2025-03-31' });
  await call('directLines.updateAssignment', { questionId: q3.id, status: 'done', doneAt: '2025-04-02T10:00:00+07:00' });

  const c = await call('contracts.create', {
    number: 'МК-2025/01',
    date: '2024-12-25',
    outletId: paper,
    subject: 'Официальное опубликование',
    method: 'single',
    price: 10_000_000,
    unitId: 'cm2',
    volume: 10_000,
    tariff: { kind: 'flat', price: 1000 },
    termStart: '2025-01-01',
    termEnd: '2025-12-31',
  });
  const act = (number: string, signedOn: string) => ({ kind: 'resolution', number, signedOn, title: `Постановление ${number}` });
  await call('contracts.addPublication', { contractId: c.id, date: '2025-02-05', issue: '№ 5', kind: 'act', title: 'Постановление № 1', act: act('1', '2025-02-01'), volume: 100 });
  await call('contracts.addPublication', { contractId: c.id, date: '2025-02-05', issue: '№ 5', kind: 'news', title: 'Новость', volume: 50 });
  await call('contracts.addPublication', { contractId: c.id, date: '2025-03-12', issue: '№ 10', kind: 'act', title: 'Постановление № 2', act: act('2', '2025-02-01'), volume: 200 });
  await call('contracts.collections.save', { number: '1', date: '2025-04-01', acts: [act('3', '2025-03-25'), act('4', '2025-03-25')] });

  const save = (kind: string, row: unknown) => call('reports.indicators.save', { kind, row });
  await save('subscribers', { platform: 'vk', page: 'Администрация', date: '2025-01-01', count: 1000 });
  await save('subscribers', { platform: 'vk', page: 'Администрация', date: '2026-01-01', count: 1500 });
  await save('subscribers', { platform: 'ok', page: 'Администрация', date: '2025-01-01', count: 200 });
  await save('subscribers', { platform: 'ok', page: 'Администрация', date: '2025-07-01', count: 260 });
  await save('subscribers', { platform: 'telegram', page: 'Канал', date: '2024-01-01', count: 50 });
  await save('votes', { date: '2025-03-01', topic: 'Выбор сквера', platform: 'gosp', participants: 1 });
  await save('votes', { date: '2025-09-01', topic: 'Название парка', platform: 'vk', participants: 20 });
  await save('votes', { date: '2024-09-01', topic: 'Выбор двора', platform: 'vk', participants: 5 });
  await save('incidents', { from: '2025-01-01', to: '2025-01-31', received: 10, answered: 9, answeredOnTime: 8 });
  await save('incidents', { from: '2025-02-01', to: '2025-02-28', received: 5, answered: 5, answeredOnTime: 5 });
  await save('incidents', { from: '2024-12-15', to: '2025-01-15', received: 100, answered: 100, answeredOnTime: 100 });
  return { paper, tv, radio };
}

/** figure key → [value, previous] of a report view. */
export function figuresOf(view: { sections: { figures: { key: string; value: number | null; previous: number | null }[] }[] }): Record<string, [number | null, number | null]> {
  return Object.fromEntries(view.sections.flatMap((s) => s.figures.map((f) => [f.key, [f.value, f.previous]])));
}
export const sentenceOf = (view: { sections: { sentences: { key: string; text: string }[] }[] }, key: string) => view.sections.flatMap((s) => s.sentences).find((s) => s.key === key)?.text;
