/** Templates, «Подготовить анонс» from a calendar event, default contacts, and the demo year. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectImage } from '../../electron/backend/features/releases/photos.js';
import { plainText } from '../../electron/backend/features/releases/render.js';
import { hashContent, contentOf } from '../../electron/backend/features/releases/versions.js';
import { complete, openKit, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

describe('templates and defaults', () => {
  let kit: ReleasesKit;
  beforeAll(async () => (kit = await openKit('2026-05-12T03:00:00Z')));
  afterAll(() => kit.close());

  it('one template per type, with the organisation’s boilerplate from the settings', async () => {
    const templates = await kit.call('releases.templates', {});
    expect(templates.map((t) => t.label)).toEqual(['анонс', 'пост-релиз', 'официальное сообщение', 'новость', 'поздравление', 'предупреждение']);
    for (const t of templates) {
      const text = plainText(t.body);
      expect(text).toContain('Пресс-служба: Администрация города Алейска Алтайского края. Официальный сайт: https://aleysk.example.ru. Официальное печатное издание — газета «Маяк труда».');
    }
    expect(plainText(templates[0]!.body)).toContain('[Дата] в [время] в г. Алейск [где] состоится [мероприятие].');
  });

  it('a release from a template starts with its body, channels and the staff as contacts; placeholders are flagged', async () => {
    const r = await kit.call('releases.create', { type: 'announcement', by: SPEC });
    expect(r).toMatchObject({ status: 'draft', type: 'announcement', channels: ['site', 'media', 'social'], createdBy: SPEC });
    expect(r.contacts.map((c) => c.name)).toEqual(['Соколова Ирина Викторовна', 'Петров Андрей Сергеевич']);
    expect(r.checklist.warnings[0]).toMatch(/^В тексте остались заготовки шаблона: \[Дата\], \[время\]/);
    const bare = await kit.call('releases.create', { type: 'news', by: SPEC, template: false, headline: 'Сразу с заголовком' });
    expect(plainText(bare.body)).toBe('');
    expect(bare.headline).toBe('Сразу с заголовком');
  });

  it('contacts remember the phone and e-mail a staff member last gave', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, contacts: complete.contacts });
    const next = await kit.call('releases.create', { type: 'news', by: SPEC });
    expect(next.contacts[0]).toEqual({ name: 'Соколова Ирина Викторовна', position: 'начальник отдела по связям с общественностью и СМИ', phone: '+7 (38553) 2-11-00', email: 'press@aleysk.example.ru' });
  });

  it('counts against the targets: a site headline over 100 characters, a lead over 300', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const saved = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: 'Д'.repeat(101), lead: 'Л '.repeat(151).trim() });
    expect(saved.counts.headline).toEqual({ chars: 101, words: 1, target: 100, over: true });
    expect(saved.counts.lead).toMatchObject({ chars: 301, words: 151, target: 300, over: true });
    expect(saved.checklist.warnings).toContain('Заголовок длиннее 100 знаков: на сайте он будет обрезан.');
  });

  it('options list the types, statuses, channels, projects, tags in use and the staff', async () => {
    const o = await kit.call('releases.options', {});
    expect(o.channels.map((c) => c.label)).toEqual(['сайт', 'СМИ-рассылка', 'газета', 'соцсети']);
    expect(o.nationalProjects).toContain('Формирование комфортной городской среды');
    expect(o.staff.map((s) => s.id)).toEqual(['staff-head', 'staff-spec']);
    expect(o.calendar).toBe(true);
  });
});

describe('«Подготовить анонс» from a calendar event', () => {
  let kit: ReleasesKit;
  beforeAll(async () => (kit = await openKit('2026-05-12T03:00:00Z')));
  afterAll(() => kit.close());

  it('fills the date, place, participants, project and tags, and links the event', async () => {
    const event = await kit.call('calendar.create', {
      title: 'Пресс-конференция «Ремонт дорог 2026»',
      kindId: 'press-conference',
      start: '2026-06-05T10:00',
      place: 'Администрация города, ул. Сердюка, 97',
      officials: [{ name: 'Ткаченко Виктор Юрьевич', position: 'глава города Алейска' }, { name: 'Морозов Алексей Петрович', position: 'заместитель главы' }],
      projectId: 'roads',
      tags: ['roads'],
    });
    const eventId = event.event.id;
    const r = await kit.call('releases.fromEvent', { eventId, by: SPEC });
    expect(r).toMatchObject({
      type: 'announcement',
      headline: 'Пресс-конференция «Ремонт дорог 2026»',
      eventId,
      eventAt: '2026-06-05T10:00:00+07:00',
      place: 'Администрация города, ул. Сердюка, 97',
      nationalProject: 'Безопасные качественные дороги',
      tags: ['дороги'],
      plannedAt: '2026-06-04T10:00:00+07:00',
    });
    const text = plainText(r.body);
    expect(text).toContain('5 июня 2026 г. в 10:00 в г. Алейск, Администрация города, ул. Сердюка, 97, состоится мероприятие «Пресс-конференция «Ремонт дорог 2026»».');
    expect(text).toContain('В мероприятии примут участие: Ткаченко Виктор Юрьевич, глава города Алейска; Морозов Алексей Петрович, заместитель главы.');
    expect(r.event).toMatchObject({ id: eventId, title: 'Пресс-конференция «Ремонт дорог 2026»' });
    expect((await kit.call('releases.list', { eventId })).total).toBe(1);

    const post = await kit.call('releases.fromEvent', { eventId, type: 'postRelease', by: SPEC });
    expect(plainText(post.body)).toContain('В мероприятии приняли участие');
    expect(post.plannedAt).toBe('2026-06-05T17:00:00+07:00');
  });

  it('refuses a link to an event that is not in the calendar', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const err = await kit.fail('releases.saveDraft', { id: r.id, eventId: 'no-such-event' });
    expect(err.message).toBe('Поле «Мероприятие»: мероприятие не найдено в календаре (возможно, оно удалено)');
  });
});

describe('the demo year', () => {
  let kit: ReleasesKit;
  beforeAll(async () => {
    kit = await openKit('2026-11-22T05:00:00Z', { settings: false });
    await kit.call('system.fillDemo', { years: 1 });
  });
  afterAll(() => kit.close());

  it('hundreds of releases, mostly published, a few in approval and draft, tied to events and national projects', () => {
    const all = kit.backend.ctx.store.all('releases');
    expect(all.length).toBeGreaterThanOrEqual(300);
    const by = (f: (r: (typeof all)[number]) => string) => all.reduce<Record<string, number>>((m, r) => ((m[f(r)] = (m[f(r)] ?? 0) + 1), m), {});
    const statuses = by((r) => r.status);
    expect(statuses.published! / all.length).toBeGreaterThan(0.85);
    expect(statuses.review).toBeGreaterThan(0);
    expect(statuses.draft).toBeGreaterThan(0);
    expect(Object.keys(by((r) => r.type)).sort()).toEqual(['announcement', 'greeting', 'news', 'postRelease', 'statement', 'warning']);
    expect(by((r) => r.nationalProject)['Безопасные качественные дороги']).toBeGreaterThan(5);
    expect(by((r) => r.nationalProject)['Формирование комфортной городской среды']).toBeGreaterThan(5);
    expect(all.filter((r) => r.eventId).length).toBeGreaterThan(30);
    expect(new Set(all.map((r) => r.headline)).size).toBeGreaterThan(all.length * 0.6);
  });

  it('every release has a consistent history: versions exist, the newest is the content', () => {
    const store = kit.backend.ctx.store;
    const versions = new Map<string, number[]>();
    for (const v of store.all('releaseVersions')) versions.set(v.releaseId, [...(versions.get(v.releaseId) ?? []), v.number]);
    for (const r of store.all('releases')) {
      const numbers = (versions.get(r.id) ?? []).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: r.version.number }, (_, i) => i + 1));
      for (const h of r.history) if (h.version !== null) expect(numbers).toContain(h.version);
      expect(r.version.hash).toBe(hashContent(contentOf(r)));
      if (r.status === 'published') expect(r.publishedVersion).not.toBeNull();
    }
  });

  it('a few photos, drawn in code, stored as real PNG files with caption and author', () => {
    const photos = kit.backend.ctx.store.all('releases').flatMap((r) => r.photos);
    expect(photos.length).toBeGreaterThanOrEqual(3);
    for (const p of photos) {
      expect(p.caption && p.author).toBeTruthy();
      expect(detectImage(fs.readFileSync(path.join(kit.dir, p.file)))).toBe('image/png');
    }
  });

  it('the board, a search by word form and a year’s batch DOCX work on it', async () => {
    const board = await kit.call('releases.board', {});
    expect(board.columns.reduce((n, c) => n + c.total, 0)).toBe(kit.backend.ctx.store.count('releases'));
    expect((await kit.call('releases.list', { query: 'дорогами' })).total).toBeGreaterThan(10);
    const batch = await kit.call('releases.exportBatch', { from: '2026-10-01', to: '2026-10-31' });
    expect(batch.kind).toBe('file');
  });
});
