/** Every bad input through the real dispatch: a clear Russian error naming the field, and nothing written. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../electron/backend/api.js';
import { doc, HEAD, openKit, p, readyRelease, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

let kit: ReleasesKit;
let id: string;
let published: string;

beforeAll(async () => {
  kit = await openKit('2026-05-12T03:00:00Z');
  id = (await kit.call('releases.create', { type: 'news', by: SPEC })).id;
  const r = await readyRelease(kit);
  await kit.call('releases.submit', { id: r.id, by: SPEC });
  await kit.call('releases.approve', { id: r.id, by: HEAD });
  published = (await kit.call('releases.publish', { id: r.id, by: SPEC })).id;
});
afterAll(() => kit.close());

const journal = () => {
  const f = path.join(kit.dir, 'journal.ndjson');
  return fs.existsSync(f) ? fs.statSync(f).size : 0;
};

const long = (n: number) => 'ж'.repeat(n);
const cases: [string, Method, () => unknown, string, string][] = [
  // [what, method, input, field, message]
  ['unknown type', 'releases.create', () => ({ type: 'press', by: SPEC }), 'type', 'Поле «Вид релиза»: допустимые значения: announcement, postRelease, statement, news, greeting, warning'],
  ['headline over 500', 'releases.saveDraft', () => ({ id, headline: long(501) }), 'headline', 'Поле «Заголовок»: слишком длинно: не более 500 символов'],
  ['lead over 5000', 'releases.saveDraft', () => ({ id, lead: long(5001) }), 'lead', 'Поле «Лид»: слишком длинно: не более 5\u00a0000 символов'],
  ['headline not text', 'releases.saveDraft', () => ({ id, headline: 42 }), 'headline', 'Поле «Заголовок»: ожидается текст'],
  ['quote too long', 'releases.saveDraft', () => ({ id, quotes: [{ text: long(3001), speaker: 'А' }] }), 'quotes.0.text', 'Поле «Текст цитаты № 1»: слишком длинно: не более 3\u00a0000 символов'],
  ['too many quotes', 'releases.saveDraft', () => ({ id, quotes: Array(21).fill({ text: 'а' }) }), 'quotes', 'Поле «Цитаты»: слишком много элементов: не более 20'],
  ['bad planned date', 'releases.saveDraft', () => ({ id, plannedAt: '32.13.2026' }), 'plannedAt', 'Поле «Планируемая публикация»: неверная дата и время (пример: 2026-05-12T10:00)'],
  ['impossible planned date', 'releases.saveDraft', () => ({ id, plannedAt: '2026-02-31T10:00' }), 'plannedAt', 'Поле «Планируемая публикация»: неверная дата и время (пример: 2026-05-12T10:00)'],
  ['bad event date', 'releases.saveDraft', () => ({ id, eventAt: 'завтра' }), 'eventAt', 'Поле «Дата события»: неверная дата (пример: 2026-05-12 или 2026-05-12T10:00)'],
  ['unknown channel', 'releases.saveDraft', () => ({ id, channels: ['site', 'tv'] }), 'channels.1', 'Поле «Канал № 2»: допустимые значения: site, media, newspaper, social'],
  ['too many tags', 'releases.saveDraft', () => ({ id, tags: Array.from({ length: 31 }, (_, i) => `тег ${i}`) }), 'tags', 'Поле «Теги»: слишком много элементов: не более 30'],
  ['unknown body node', 'releases.saveDraft', () => ({ id, body: doc(p('a'), { type: 'image', attrs: { src: 'x' } }) }), 'body', 'Поле «Текст релиза»: блок № 2: элемент «image» не поддерживается (допустимы: абзац, заголовок, маркированный и нумерованный список, цитата)'],
  ['unsafe link', 'releases.saveDraft', () => ({ id, body: doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:void(0)' } }] }] }) }), 'body', 'Поле «Текст релиза»: блок № 1 (абзац): ссылка «javascript:void(0)» не принята: допустимы только адреса http://, https:// и mailto:'],
  ['unknown staff member', 'releases.saveDraft', () => ({ id, by: 'nobody', headline: 'x' }), 'by', 'Поле «Сотрудник»: сотрудник «nobody» не найден в настройках'],
  ['negative revision', 'releases.saveDraft', () => ({ id, expectedRevision: -1 }), 'expectedRevision', 'Поле «Ревизия»: не меньше 0'],
  ['no release id', 'releases.saveDraft', () => ({ headline: 'x' }), 'id', 'Поле «Релиз»: обязательное поле'],
  ['unknown field in a nested quote is dropped, a missing id is not', 'releases.save', () => ({ quotes: [] }), 'id', 'Поле «Релиз»: обязательное поле'],
  ['return without a comment', 'releases.returnForRework', () => ({ id, by: HEAD, comment: '  \u0007 ' }), 'comment', 'Поле «Комментарий к возврату»: обязательное поле'],
  ['unpublish without a reason', 'releases.unpublish', () => ({ id: published, by: HEAD }), 'reason', 'Поле «Причина снятия с публикации»: обязательное поле'],
  ['empty comment', 'releases.comment', () => ({ id, by: SPEC, text: '' }), 'text', 'Поле «Комментарий»: обязательное поле'],
  ['step without who', 'releases.submit', () => ({ id }), 'by', 'Поле «Сотрудник»: обязательное поле'],
  ['publish with a bad date', 'releases.publish', () => ({ id: published, by: SPEC, at: '2026-13-01T10:00' }), 'at', 'Поле «Дата публикации»: неверная дата и время (пример: 2026-05-12T10:00)'],
  ['restore version 0', 'releases.restoreVersion', () => ({ id, by: SPEC, number: 0 }), 'number', 'Поле «Номер версии»: не меньше 1'],
  ['restore a missing version', 'releases.restoreVersion', () => ({ id, by: SPEC, number: 99 }), 'number', 'Поле «Номер версии»: у релиза нет версии № 99'],
  ['batch period backwards', 'releases.exportBatch', () => ({ from: '2026-05-10', to: '2026-05-01' }), 'to', 'Поле «По»: дата «по» раньше даты «с»'],
  ['batch without dates', 'releases.exportBatch', () => ({}), 'from', 'Поле «С»: обязательное поле (и ещё ошибок: 1)'],
  ['photo caption too long', 'releases.updatePhoto', () => ({ id, photoId: 'x', caption: long(1001) }), 'caption', 'Поле «Подпись к фото»: слишком длинно: не более 1\u00a0000 символов'],
];

describe('refused at the door or by a rule, nothing written', () => {
  it.each(cases)('%s', async (_what, method, input, field, message) => {
    const seq = kit.seq();
    const size = journal();
    const err = await kit.fail(method, input());
    expect(err.code).toBe('validation');
    expect(err.message).toBe(message);
    expect(err.issues?.[0]?.field).toBe(field);
    expect(kit.seq()).toBe(seq);
    expect(journal()).toBe(size);
  });

  it.each<[Method, Record<string, unknown>]>([
    ['releases.get', {}],
    ['releases.saveDraft', { headline: 'x' }],
    ['releases.save', { headline: 'x' }],
    ['releases.submit', { by: SPEC }],
    ['releases.approve', { by: HEAD }],
    ['releases.returnForRework', { by: HEAD, comment: 'x' }],
    ['releases.publish', { by: SPEC }],
    ['releases.unpublish', { by: HEAD, reason: 'x' }],
    ['releases.comment', { by: SPEC, text: 'x' }],
    ['releases.versions', {}],
    ['releases.restoreVersion', { by: SPEC, number: 1 }],
    ['releases.addPhoto', { by: SPEC, fileName: 'a.png', base64: 'iVBORw0KGgo=' }],
    ['releases.removePhoto', { photoId: 'p' }],
    ['releases.exportDocx', {}],
  ])('%s of a release that does not exist: «не найден», nothing written', async (method, input) => {
    const seq = kit.seq();
    const err = await kit.fail(method, { id: 'no-such-release', ...input });
    expect(err).toMatchObject({ code: 'not_found', message: 'Релиз не найден. Возможно, запись удалена в другом окне.' });
    expect(kit.seq()).toBe(seq);
  });

  it('a photo that does not exist', async () => {
    const err = await kit.fail('releases.removePhoto', { id, photoId: 'nope', by: SPEC });
    expect(err).toMatchObject({ code: 'not_found', message: 'Фотография не найдена. Возможно, запись удалена в другом окне.' });
  });

  it('«Подготовить анонс» from an event that does not exist', async () => {
    const err = await kit.fail('releases.fromEvent', { eventId: 'no-such-event', by: SPEC });
    expect(err.code).toBe('not_found');
  });
});

describe('accepted and cleaned, not refused', () => {
  it('control characters in every text field are stripped; emoji and long words are kept', async () => {
    const word = 'Сверхдлинноеслово'.repeat(40);
    const saved = await kit.call('releases.save', {
      id,
      by: SPEC,
      headline: 'Заголовок\u0000 с\u0008 мусором 🎉',
      lead: 'Лид\u000b\r\nвторая строка',
      quotes: [{ text: 'Цитата\u001f', speaker: 'Виктор\u0007 Ткаченко', position: 'глава\u0085 города' }],
      place: 'ул.\tПобеды',
      tags: ['дороги\u0000', 'Дороги', ''],
      body: doc(p(`${word} 👍`)),
    });
    expect(saved).toMatchObject({ headline: 'Заголовок с мусором 🎉', lead: 'Лид\nвторая строка', place: 'ул. Победы', tags: ['Дороги'] });
    expect(saved.quotes).toEqual([{ text: 'Цитата', speaker: 'Виктор Ткаченко', position: 'глава города' }]);
    expect(JSON.stringify(saved.body)).toContain(`${word} 👍`);
    const docx = await kit.call('releases.exportDocx', { id });
    expect(docx.kind).toBe('file');
  });
});
