/** A release's links to a direct line (and back to none): a line that is not there is refused, nothing written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKit, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

describe('the direct line of a release', () => {
  let kit: ReleasesKit;
  beforeAll(async () => (kit = await openKit('2026-05-12T03:00:00Z')));
  afterAll(() => kit.close());

  it('links an existing direct line, keeps it, and unlinks it', async () => {
    const line = await kit.call('directLines.create', {
      startsAt: '2026-06-10T15:00:00+07:00',
      format: 'radio',
      official: { name: 'Морозова Анна Игоревна', position: 'заместитель главы' },
    });
    const r = await kit.call('releases.create', { type: 'announcement', by: SPEC });
    const linked = await kit.call('releases.saveDraft', { id: r.id, by: SPEC, directLineId: line.id, expectedRevision: r.revision });
    expect((await kit.call('releases.get', { id: r.id })).directLineId).toBe(line.id);
    await kit.call('releases.saveDraft', { id: r.id, by: SPEC, directLineId: null, expectedRevision: linked.revision });
    expect((await kit.call('releases.get', { id: r.id })).directLineId).toBeNull();
  });

  it('refuses a direct line that is not there, naming the field, and writes nothing', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const before = kit.seq();
    const err = await kit.fail('releases.saveDraft', { id: r.id, directLineId: 'no-such-line', headline: 'Не сохранится' });
    expect(err.message).toBe('Поле «Прямая линия»: прямая линия не найдена (возможно, она удалена)');
    expect(kit.seq()).toBe(before);
    expect((await kit.call('releases.get', { id: r.id })).headline).toBe('');
  });
});
