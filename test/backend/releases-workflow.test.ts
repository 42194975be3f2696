/** The approval workflow: every transition allowed or refused, who and when, edits after approval and publication. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReleaseView } from '../../electron/backend/features/releases/api-types.js';
import type { ReleaseStatus } from '../../electron/backend/features/releases/schema.js';
import { complete, doc, HEAD, openKit, p, readyRelease, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

let kit: ReleasesKit;
beforeEach(async () => (kit = await openKit('2026-05-12T03:00:00Z')));
afterEach(() => kit.close());

/** A ready release walked to `status` through the real methods. */
async function releaseIn(status: ReleaseStatus): Promise<ReleaseView> {
  let r = await readyRelease(kit);
  if (status === 'draft') return r;
  r = await kit.call('releases.submit', { id: r.id, by: SPEC });
  if (status === 'review') return r;
  r = await kit.call('releases.approve', { id: r.id, by: HEAD });
  if (status === 'approved') return r;
  r = await kit.call('releases.publish', { id: r.id, by: SPEC });
  if (status === 'published') return r;
  return kit.call('releases.unpublish', { id: r.id, by: HEAD, reason: 'мероприятие перенесено' });
}

type Step = 'submit' | 'approve' | 'returnForRework' | 'publish' | 'unpublish';
const inputOf = (step: Step, id: string) =>
  ({
    submit: { id, by: SPEC },
    approve: { id, by: HEAD },
    returnForRework: { id, by: HEAD, comment: 'Уточните сроки' },
    publish: { id, by: SPEC },
    unpublish: { id, by: HEAD, reason: 'ошибка в дате' },
  })[step];

/** [from, step, to | null (refused)] — the whole table. */
const table: [ReleaseStatus, Step, ReleaseStatus | null][] = [
  ['draft', 'submit', 'review'],
  ['draft', 'approve', null],
  ['draft', 'returnForRework', null],
  ['draft', 'publish', null],
  ['draft', 'unpublish', null],
  ['review', 'submit', null],
  ['review', 'approve', 'approved'],
  ['review', 'returnForRework', 'draft'],
  ['review', 'publish', null],
  ['review', 'unpublish', null],
  ['approved', 'submit', null],
  ['approved', 'approve', null],
  ['approved', 'returnForRework', 'draft'],
  ['approved', 'publish', 'published'],
  ['approved', 'unpublish', null],
  ['published', 'submit', null],
  ['published', 'approve', null],
  ['published', 'returnForRework', null],
  ['published', 'publish', null], // not changed since publication: nothing to republish
  ['published', 'unpublish', 'withdrawn'],
  ['withdrawn', 'submit', 'review'],
  ['withdrawn', 'approve', null],
  ['withdrawn', 'returnForRework', null],
  ['withdrawn', 'publish', null],
  ['withdrawn', 'unpublish', null],
];

describe('transitions', () => {
  it.each(table)('%s → %s → %s', async (from, step, to) => {
    const r = await releaseIn(from);
    expect(r.status).toBe(from);
    kit.advance(5);
    if (to === null) {
      const seq = kit.seq();
      const err = await kit.fail(`releases.${step}`, inputOf(step, r.id));
      expect(err.code).toBe('conflict');
      expect(err.message).toMatch(/^Нельзя .+: релиз сейчас в статусе «/);
      expect(kit.seq()).toBe(seq);
      expect((await kit.call('releases.get', { id: r.id })).status).toBe(from);
    } else {
      const after = await kit.call(`releases.${step}` as 'releases.submit', inputOf(step, r.id) as never);
      expect(after.status).toBe(to);
      const last = after.history[after.history.length - 1]!;
      expect(last).toMatchObject({ from, to, by: inputOf(step, r.id).by, at: '2026-05-12T03:05:00.000Z' });
      expect(last.version).toBe(after.version.number);
    }
  });
});

describe('who and when', () => {
  it('records every step with the staff member and the time, and keeps comments', async () => {
    const r = await readyRelease(kit);
    kit.setNow('2026-05-12T04:00:00Z');
    await kit.call('releases.submit', { id: r.id, by: SPEC, comment: 'Прошу согласовать до обеда' });
    kit.setNow('2026-05-12T05:00:00Z');
    const returned = await kit.call('releases.returnForRework', { id: r.id, by: HEAD, comment: 'Добавьте сроки работ в лид' });
    expect(returned.status).toBe('draft');
    kit.setNow('2026-05-12T06:00:00Z');
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, lead: complete.lead + ' Работы завершат до 1 сентября.' });
    await kit.call('releases.comment', { id: r.id, by: SPEC, text: 'Сроки добавил' });
    await kit.call('releases.submit', { id: r.id, by: SPEC });
    kit.setNow('2026-05-12T07:00:00Z');
    await kit.call('releases.approve', { id: r.id, by: HEAD, comment: 'Хорошо' });
    kit.setNow('2026-05-12T08:00:00Z');
    const published = await kit.call('releases.publish', { id: r.id, by: SPEC, channels: ['site', 'newspaper'] });

    expect(published.history.map((h) => [h.action, h.by, h.at])).toEqual([
      ['create', SPEC, '2026-05-12T03:00:00.000Z'],
      ['submit', SPEC, '2026-05-12T04:00:00.000Z'],
      ['return', HEAD, '2026-05-12T05:00:00.000Z'],
      ['submit', SPEC, '2026-05-12T06:00:00.000Z'],
      ['approve', HEAD, '2026-05-12T07:00:00.000Z'],
      ['publish', SPEC, '2026-05-12T08:00:00.000Z'],
    ]);
    expect(published.comments.map((c) => [c.kind, c.by, c.text])).toEqual([
      ['submit', SPEC, 'Прошу согласовать до обеда'],
      ['return', HEAD, 'Добавьте сроки работ в лид'],
      ['comment', SPEC, 'Сроки добавил'],
      ['approve', HEAD, 'Хорошо'],
    ]);
    expect(published.steps.approve).toMatchObject({ by: HEAD, byName: 'Соколова Ирина Викторовна', at: '2026-05-12T07:00:00.000Z' });
    expect(published.steps.return?.comment).toBe('Добавьте сроки работ в лид');
    expect(published.publications).toEqual([{ at: '2026-05-12T08:00:00.000Z', by: SPEC, channels: ['site', 'newspaper'], version: published.version.number, republish: false }]);
    expect(published.publishedVersion).toBe(published.version.number);
    expect(published.approvedVersion).toBe(published.version.number - 1);
  });

  it('a publication recorded after the fact keeps its own time (wall clock in the org zone)', async () => {
    const r = await releaseIn('approved');
    const pub = await kit.call('releases.publish', { id: r.id, by: SPEC, at: '2026-05-11T18:30' });
    expect(pub.publications[0]!.at).toBe('2026-05-11T11:30:00.000Z'); // Барнаул is UTC+7
  });

  it('refuses a step by someone who is not on the staff, and writes nothing', async () => {
    const r = await releaseIn('review');
    const seq = kit.seq();
    const err = await kit.fail('releases.approve', { id: r.id, by: 'stranger' });
    expect(err).toMatchObject({ code: 'validation', issues: [{ field: 'by', label: 'Сотрудник' }] });
    expect(err.message).toBe('Поле «Сотрудник»: сотрудник «stranger» не найден в настройках');
    expect(kit.seq()).toBe(seq);
  });

  it('a step needs a headline to be sent', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const err = await kit.fail('releases.submit', { id: r.id, by: SPEC });
    expect(err.message).toBe('Поле «Заголовок»: нельзя отправить на согласование релиз без заголовка');
  });
});

describe('approval and the checklist', () => {
  it('approval with the checklist failing needs a reason; the reason and what failed are kept', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: 'Новость без фото', lead: 'Коротко.' });
    await kit.call('releases.submit', { id: r.id, by: SPEC });
    const seq = kit.seq();
    const err = await kit.fail('releases.approve', { id: r.id, by: HEAD });
    expect(err.issues?.[0]?.field).toBe('overrideReason');
    expect(err.message).toContain('не выполнены пункты чек-листа: Дата, Место, Цитата, Фото с автором, Контакты для СМИ');
    expect(kit.seq()).toBe(seq);
    const approved = await kit.call('releases.approve', { id: r.id, by: HEAD, overrideReason: 'Срочная новость, фото пришлём позже' });
    expect(approved.status).toBe('approved');
    expect(approved.history.at(-1)!.override).toEqual({ reason: 'Срочная новость, фото пришлём позже', failing: ['Дата', 'Место', 'Цитата', 'Фото с автором', 'Контакты для СМИ'] });
    expect(approved.comments.at(-1)).toMatchObject({ kind: 'override', by: HEAD });
  });

  it('a passing checklist approves without a reason; items a type does not need never fail', async () => {
    const ready = await releaseIn('review');
    expect(ready.checklist.passed).toBe(true);
    expect((await kit.call('releases.approve', { id: ready.id, by: HEAD })).status).toBe('approved');

    const statement = await kit.call('releases.create', { type: 'statement', by: SPEC });
    const s = await kit.call('releases.save', { id: statement.id, by: SPEC, headline: 'Об отопительном сезоне', lead: 'Сезон начнётся 1 октября.', plannedAt: '2026-09-28T10:00', contacts: complete.contacts });
    expect(s.checklist.passed).toBe(true);
    expect(s.checklist.items.filter((i) => !i.applies).map((i) => i.key)).toEqual(['place', 'quote', 'photo']);
  });

  it('every photo needs a caption and an author before approval — a reason does not help', async () => {
    const r = await readyRelease(kit);
    const photo = r.photos[0]!;
    await kit.call('releases.updatePhoto', { id: r.id, photoId: photo.id, by: SPEC, author: '' });
    await kit.call('releases.submit', { id: r.id, by: SPEC });
    const err = await kit.fail('releases.approve', { id: r.id, by: HEAD, overrideReason: 'очень надо' });
    expect(err.issues?.[0]?.field).toBe('photos');
    expect(err.message).toBe('Поле «Фотографии»: у фото № 1 нет автора. Подпись и автор каждого фото обязательны перед согласованием');
  });
});

describe('edits after approval and publication', () => {
  it('an approved release that is edited goes back to approval (autosave too), with a version and a history line', async () => {
    const r = await releaseIn('approved');
    kit.advance(1);
    const saved = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: 'Исправленный заголовок' });
    expect(saved).toMatchObject({ status: 'review', versionCreated: true });
    const after = await kit.call('releases.get', { id: r.id });
    expect(after.history.at(-1)).toMatchObject({ action: 'reopen', from: 'approved', to: 'review', by: SPEC });
    expect(after.approvedVersion).toBe(r.approvedVersion); // which version was approved stays known
  });

  it('saving identical content does not reopen an approved release', async () => {
    const r = await releaseIn('approved');
    const saved = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, headline: r.headline, lead: r.lead });
    expect(saved).toMatchObject({ status: 'approved', versionCreated: false, revision: r.revision });
  });

  it('an edit to a published release makes a new version and marks it «нужно переопубликовать»; publishing again clears it', async () => {
    const r = await releaseIn('published');
    kit.advance(10);
    const saved = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, lead: r.lead + ' Уточнение.' });
    expect(saved).toMatchObject({ status: 'published', needsRepublish: true, versionCreated: true, version: r.version.number + 1 });
    const versions = await kit.call('releases.versions', { id: r.id });
    expect(versions[0]).toMatchObject({ reason: 'editPublished', status: 'published' });
    expect(versions.find((v) => v.published)!.number).toBe(r.version.number);
    // Further typing within the autosave window makes no more versions.
    kit.advance(1);
    expect((await kit.call('releases.saveDraft', { id: r.id, by: SPEC, lead: r.lead + ' Уточнение 2.' })).versionCreated).toBe(false);

    const list = await kit.call('releases.list', { needsRepublish: true });
    expect(list.items.map((i) => i.id)).toEqual([r.id]);
    const again = await kit.call('releases.publish', { id: r.id, by: SPEC });
    expect(again).toMatchObject({ status: 'published', needsRepublish: false });
    expect(again.history.at(-1)!.action).toBe('republish');
    expect(again.publications.map((x) => x.republish)).toEqual([false, true]);
    expect(again.publishedVersion).toBe(again.version.number);
  });

  it('a withdrawn release keeps the reason, can be edited and sent for approval again', async () => {
    const r = await releaseIn('withdrawn');
    expect(r.comments.at(-1)).toMatchObject({ kind: 'unpublish', text: 'мероприятие перенесено', by: HEAD });
    const edited = await kit.call('releases.save', { id: r.id, by: SPEC, body: doc(p('Новая дата — 20 мая.')) });
    expect(edited.status).toBe('withdrawn');
    expect((await kit.call('releases.submit', { id: r.id, by: SPEC })).status).toBe('review');
  });
});
