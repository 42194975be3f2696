/** Autosave, version history, readable diff, restore, and a second window's edit. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTOSAVE_VERSION_MINUTES } from '../../electron/backend/features/releases/versions.js';
import { openBackend } from '../../electron/backend/app.js';
import { complete, doc, HEAD, openKit, p, readyRelease, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

let kit: ReleasesKit;
beforeEach(async () => (kit = await openKit('2026-05-12T03:00:00Z')));
afterEach(() => kit.close());

describe('autosave', () => {
  it('journals every save (nothing typed is lost) but keeps at most one autosave version per N minutes', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC, template: false });
    expect(r.version.number).toBe(1);
    const text = 'Администрация города сообщает о начале ремонта дорог на улице Победы';
    let seq = kit.seq();
    let versionsMade = 0;
    // Two keystrokes a second for 25 minutes.
    for (let i = 1; i <= text.length; i++) {
      kit.advance(25 / text.length);
      const saved = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, body: doc(p(text.slice(0, i))) });
      expect(kit.seq()).toBe(seq + 1); // every save is its own durable write
      seq = kit.seq();
      if (saved.versionCreated) versionsMade++;
      expect(saved.revision).toBe(i);
    }
    expect(versionsMade).toBe(Math.floor(25 / AUTOSAVE_VERSION_MINUTES));
    const versions = await kit.call('releases.versions', { id: r.id });
    expect(versions.map((v) => v.reason)).toEqual([...Array(versionsMade).fill('autosave'), 'create']);

    // What is stored is the last keystroke, versions or not; reopening the folder shows it.
    const dir = kit.dir;
    await kit.backend.close();
    const again = await openBackend({ dataDir: dir, backups: false });
    const o = await again.invoke('releases.get', { id: r.id });
    expect(o.ok && (o.result as { body: unknown }).body).toEqual(doc(p(text)));
    await again.close();
  });

  it('an unchanged autosave writes nothing at all', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: 'Заголовок' });
    const seq = kit.seq();
    const again = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: 'Заголовок' });
    expect(kit.seq()).toBe(seq);
    expect(again.versionCreated).toBe(false);
  });

  it('a partial save changes only the fields it names', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, ...complete });
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, lead: 'Новый лид' });
    const got = await kit.call('releases.get', { id: r.id });
    expect(got).toMatchObject({ headline: complete.headline, lead: 'Новый лид', place: complete.place, eventAt: '2026-06-01T10:00:00+07:00' });
    expect(got.quotes).toEqual(complete.quotes);
  });
});

describe('explicit saves and workflow steps make versions', () => {
  it('save makes a version whenever the content differs from the last one, with its note', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const a = await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Первый', note: 'после звонка в ЖКХ' });
    expect(a.version.number).toBe(2);
    const b = await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Первый' });
    expect(b.version.number).toBe(2); // nothing new to keep
    const c = await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Второй' });
    expect(c.version.number).toBe(3);
    const versions = await kit.call('releases.versions', { id: r.id });
    expect(versions.map((v) => [v.number, v.reason, v.note, v.headline, v.byName])).toEqual([
      [3, 'save', '', 'Второй', 'Петров Андрей Сергеевич'],
      [2, 'save', 'после звонка в ЖКХ', 'Первый', 'Петров Андрей Сергеевич'],
      [1, 'create', '', '', 'Петров Андрей Сергеевич'],
    ]);
  });

  it('every workflow step is a version, and the approved and published ones are marked', async () => {
    const r = await readyRelease(kit);
    await kit.call('releases.submit', { id: r.id, by: SPEC });
    await kit.call('releases.approve', { id: r.id, by: HEAD });
    await kit.call('releases.publish', { id: r.id, by: SPEC });
    const versions = await kit.call('releases.versions', { id: r.id });
    expect(versions.slice(0, 3).map((v) => [v.reason, v.status, v.approved, v.published])).toEqual([
      ['publish', 'published', false, true],
      ['approve', 'approved', true, false],
      ['submit', 'review', false, false],
    ]);
    const v = await kit.call('releases.version', { id: r.id, number: versions[0]!.number });
    expect(v.content.headline).toBe(complete.headline);
    expect(v.reasonLabel).toBe('публикация');
  });
});

describe('diff', () => {
  it('is word-level and readable for Russian text: headline, lead, body, quotes, and what else changed', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC, template: false });
    await kit.call('releases.save', {
      id: r.id,
      by: SPEC,
      headline: 'Ремонт дороги на улице Победы',
      lead: 'Работы завершат в августе.',
      body: doc(p('Подрядчик вышел на объект.'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('асфальт')] }] }),
      quotes: [{ text: 'Держим на контроле.', speaker: 'Виктор Ткаченко', position: 'глава города' }],
      tags: ['дороги'],
    });
    await kit.call('releases.save', {
      id: r.id,
      by: SPEC,
      headline: 'Ремонт дорог на улице Сердюка',
      lead: 'Работы завершат досрочно, в июле.',
      body: doc(p('Подрядчик вышел на объект.'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('асфальт')] }, { type: 'listItem', content: [p('тротуары')] }] }),
      tags: ['дороги', 'ремонт'],
    });
    const diff = await kit.call('releases.diff', { id: r.id, from: 2, to: 3 });
    const headline = diff.texts.find((t) => t.field === 'headline')!;
    expect(headline.parts).toEqual([
      { value: 'Ремонт ' },
      { value: 'дороги', removed: true },
      { value: 'дорог', added: true },
      { value: ' на улице ' },
      { value: 'Победы', removed: true },
      { value: 'Сердюка', added: true },
    ]);
    expect(headline).toMatchObject({ changed: true, added: 2, removed: 2 });
    const body = diff.texts.find((t) => t.field === 'body')!;
    expect(body.parts.filter((x) => x.added).map((x) => x.value.trim())).toEqual(['• тротуары']);
    expect(diff.texts.find((t) => t.field === 'quotes')!.changed).toBe(false);
    expect(diff.meta).toEqual([{ field: 'tags', label: 'Теги', before: 'дороги', after: 'дороги, ремонт' }]);
    expect(diff.added).toBeGreaterThan(0);

    // Without `to`: against the current text.
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: 'Совсем другой заголовок' });
    const current = await kit.call('releases.diff', { id: r.id, from: 3 });
    expect(current.to).toBeNull();
    expect(current.texts[0]!.parts.some((x) => x.added && x.value.includes('другой'))).toBe(true);
  });

  it('copes with a 200-page text with emoji (word diff without running out of memory)', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC, template: false });
    const page = (k: number) => `Страница ${k}: администрация города сообщает о ремонте дорог 🚧 и дворов. `.repeat(25);
    await kit.call('releases.save', { id: r.id, by: SPEC, body: doc(...Array.from({ length: 200 }, (_, k) => p(page(k)))) });
    await kit.call('releases.save', { id: r.id, by: SPEC, body: doc(...Array.from({ length: 200 }, (_, k) => p(k === 100 ? page(k).replace('дворов', 'скверов') : page(k)))) });
    const started = Date.now();
    const diff = await kit.call('releases.diff', { id: r.id, from: 2, to: 3 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const body = diff.texts.find((t) => t.field === 'body')!;
    expect(body.parts.filter((x) => x.added).map((x) => x.value)).toEqual(['скверов']);
    expect(body.parts.filter((x) => x.removed).map((x) => x.value)).toEqual(['дворов']);
  });

  it('names a version that does not exist', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const err = await kit.fail('releases.diff', { id: r.id, from: 1, to: 7 });
    expect(err).toMatchObject({ code: 'validation', issues: [{ field: 'to', label: 'Номер версии' }] });
    expect(err.message).toBe('Поле «Номер версии»: у релиза нет версии № 7');
  });
});

describe('restore', () => {
  it('restoring a version makes a new version with its content (history is never rewritten)', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Хороший заголовок', lead: 'Хороший лид' });
    await kit.call('releases.save', { id: r.id, by: SPEC, headline: 'Испорченный', lead: '' });
    const restored = await kit.call('releases.restoreVersion', { id: r.id, number: 2, by: HEAD });
    expect(restored).toMatchObject({ headline: 'Хороший заголовок', lead: 'Хороший лид', version: { number: 4 } });
    expect(restored.history.at(-1)).toMatchObject({ action: 'restore', by: HEAD, comment: 'восстановлена версия № 2', version: 4 });
    const versions = await kit.call('releases.versions', { id: r.id });
    expect(versions.map((v) => v.number)).toEqual([4, 3, 2, 1]);
    expect(versions[0]).toMatchObject({ reason: 'restore', note: 'восстановлена версия № 2' });
  });

  it('restoring into an approved release sends it back to approval; into a published one marks it to republish', async () => {
    const r = await readyRelease(kit);
    await kit.call('releases.submit', { id: r.id, by: SPEC });
    const approved = await kit.call('releases.approve', { id: r.id, by: HEAD });
    const back = await kit.call('releases.restoreVersion', { id: r.id, number: 1, by: SPEC });
    expect(back.status).toBe('review');
    await kit.call('releases.restoreVersion', { id: r.id, number: approved.version.number, by: SPEC });
    await kit.call('releases.approve', { id: r.id, by: HEAD });
    const published = await kit.call('releases.publish', { id: r.id, by: SPEC });
    const edited = await kit.call('releases.restoreVersion', { id: r.id, number: 1, by: SPEC });
    expect(edited).toMatchObject({ status: 'published', needsRepublish: true });
    expect(edited.version.number).toBeGreaterThan(published.version.number);
  });

  it('a removed photo comes back with its version: the file is kept', async () => {
    const r = await readyRelease(kit);
    const photo = r.photos[0]!;
    const removed = await kit.call('releases.removePhoto', { id: r.id, photoId: photo.id, by: SPEC });
    expect(removed.photos).toEqual([]);
    expect(fs.existsSync(path.join(kit.dir, photo.file))).toBe(true);
    const back = await kit.call('releases.restoreVersion', { id: r.id, number: r.version.number, by: SPEC });
    expect(back.photos.map((x) => x.id)).toEqual([photo.id]);
    expect((await kit.call('releases.photo', { id: r.id, photoId: photo.id })).mime).toBe('image/png');
  });
});

describe('a second window', () => {
  it('an autosave from a stale editor is kept as a version, not written over the newer text', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const a = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, expectedRevision: 0, headline: 'Окно А' });
    await kit.call('releases.saveDraft', { id: r.id, by: HEAD, expectedRevision: a.revision, headline: 'Окно Б' });
    const err = await kit.fail('releases.saveDraft', { id: r.id, by: SPEC, expectedRevision: a.revision, headline: 'Окно А, дальше' });
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/Релиз изменён в другом окне .* Ваш текст не потерян: он сохранён в истории как версия № \d+/);
    const now = await kit.call('releases.get', { id: r.id });
    expect(now.headline).toBe('Окно Б');
    const kept = (await kit.call('releases.versions', { id: r.id }))[0]!;
    expect(kept).toMatchObject({ reason: 'conflict', headline: 'Окно А, дальше' });
    // The kept text can be brought back.
    const restored = await kit.call('releases.restoreVersion', { id: r.id, number: kept.number, by: SPEC });
    expect(restored.headline).toBe('Окно А, дальше');
  });
});
