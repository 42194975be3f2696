/** Photos: checked by their bytes, at most 20 MB, stored as files in the data folder, with caption and author. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectImage } from '../../electron/backend/features/releases/photos.js';
import { scenePng } from '../../electron/backend/features/releases/png.js';
import { openKit, photoBase64, SPEC, type ReleasesKit } from '../helpers/releases-kit.js';

let kit: ReleasesKit;
beforeEach(async () => (kit = await openKit()));
afterEach(() => kit.close());

const attachments = (dir: string) => {
  const root = path.join(dir, 'attachments');
  const out: string[] = [];
  const walk = (d: string) => fs.existsSync(d) && fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : out.push(path.relative(root, path.join(d, e.name)))));
  walk(root);
  return out.sort();
};

/** The smallest files of each kind that image-size reads. */
const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0000b080020004001011100ffd9', 'hex');
const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([0x20, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00]), Buffer.from([0x3b])]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8X'), Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 0x3f, 0, 0, 0x1f, 0, 0])]);

describe('what is a photo', () => {
  it('recognises JPEG, PNG, WebP and GIF by their first bytes, whatever the file is called', () => {
    expect(detectImage(jpeg)).toBe('image/jpeg');
    expect(detectImage(scenePng(4, 4, 1))).toBe('image/png');
    expect(detectImage(gif)).toBe('image/gif');
    expect(detectImage(webp)).toBe('image/webp');
    expect(detectImage(Buffer.from('%PDF-1.7 …'))).toBeNull();
    expect(detectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it.each([
    ['jpeg', jpeg, 'image/jpeg', 64, 32],
    ['gif', gif, 'image/gif', 32, 16],
    ['webp', webp, 'image/webp', 64, 32],
  ])('stores a %s with its size read from the file', async (_name, bytes, mime, width, height) => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const saved = await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'photo.bin', base64: bytes.toString('base64'), caption: 'Подпись', author: 'Автор' });
    expect(saved.photos[0]).toMatchObject({ mime, width, height, size: bytes.length, originalName: 'photo.bin', addedBy: SPEC });
  });
});

describe('adding, editing, removing', () => {
  it('writes the file under attachments/releases/<id>/ before the release refers to it; returns the bytes back', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const base64 = photoBase64(120, 80, 3);
    const saved = await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'Двор.png', base64: `data:image/png;base64,${base64}`, caption: '  Двор на ул. Первомайской\u0007 ', author: 'Андрей Петров' });
    const photo = saved.photos[0]!;
    expect(photo).toMatchObject({ mime: 'image/png', width: 120, height: 80, caption: 'Двор на ул. Первомайской', author: 'Андрей Петров' });
    expect(photo.file).toBe(`attachments/releases/${r.id}/${photo.id}.png`);
    expect(attachments(kit.dir)).toEqual([`releases/${r.id}/${photo.id}.png`]);
    expect(fs.readFileSync(path.join(kit.dir, photo.file)).toString('base64')).toBe(base64);
    const back = await kit.call('releases.photo', { id: r.id, photoId: photo.id });
    expect(back).toMatchObject({ kind: 'file', name: 'Двор.png', mime: 'image/png', base64, width: 120, height: 80 });
    expect(saved.checklist.items.find((i) => i.key === 'photo')!.ok).toBe(true);
  });

  it('caption and author are edited (and checked by the checklist), photos are reordered and removed', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'a.png', base64: photoBase64(), caption: '', author: '' });
    const two = await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'b.png', base64: photoBase64(50, 50, 2), caption: 'Б', author: 'Автор Б' });
    expect(two.checklist.photoProblems).toEqual(['у фото № 1 нет подписи и автора']);
    const [a, b] = two.photos;
    const moved = await kit.call('releases.updatePhoto', { id: r.id, photoId: b!.id, position: 1, by: SPEC });
    expect(moved.photos.map((x) => x.id)).toEqual([b!.id, a!.id]);
    const captioned = await kit.call('releases.updatePhoto', { id: r.id, photoId: a!.id, caption: 'Подпись А', author: 'Автор А', by: SPEC });
    expect(captioned.checklist.photoProblems).toEqual([]);
    const removed = await kit.call('releases.removePhoto', { id: r.id, photoId: b!.id, by: SPEC });
    expect(removed.photos.map((x) => x.caption)).toEqual(['Подпись А']);
    expect((await kit.call('releases.versions', { id: r.id })).map((v) => v.note).filter(Boolean)).toEqual(['удалено фото «b.png»', 'добавлено фото «b.png»', 'добавлено фото «a.png»']);
  });
});

describe('bad photos: a clear error, nothing written', () => {
  const refused = async (base64: string, message: string) => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const seq = kit.seq();
    const before = attachments(kit.dir);
    const err = await kit.fail('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'file', base64, caption: 'x', author: 'y' });
    expect(err).toMatchObject({ code: 'validation', issues: [{ field: 'base64', label: 'Фотография' }] });
    expect(err.message).toContain(message);
    expect(kit.seq()).toBe(seq);
    expect(attachments(kit.dir)).toEqual(before);
    expect((await kit.call('releases.get', { id: r.id })).photos).toEqual([]);
  };

  it('a PDF, a text file, an SVG are not photos', async () => {
    await refused(Buffer.from('%PDF-1.7\n1 0 obj').toString('base64'), 'это не изображение: подойдут фотографии JPEG, PNG, WebP или GIF');
    await refused(Buffer.from('Привет, это текст').toString('base64'), 'это не изображение');
    await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'), 'это не изображение');
  });

  it('a file that starts like a PNG but is broken is refused', async () => {
    await refused(scenePng(10, 10, 1).subarray(0, 12).toString('base64'), 'файл повреждён');
  });

  it('an empty file and garbage that is not base64 are refused', async () => {
    await refused('', 'файл не выбран');
    await refused('это не base64!', 'файл передан в неверной кодировке');
  });

  it('a photo over 20 MB is refused with its size, at the door when it is far over', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1);
    scenePng(10, 10, 1).copy(big);
    await refused(big.toString('base64'), 'файл больше 20 МБ (20,1 МБ)');
    const huge = 'A'.repeat(40 * 1024 * 1024);
    await refused(huge, 'файл больше 20 МБ');
  });

  it('a 31st photo is refused', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    for (let i = 0; i < 30; i++) await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: `${i}.png`, base64: photoBase64(8, 8, i), caption: 'x', author: 'y' });
    const err = await kit.fail('releases.addPhoto', { id: r.id, by: SPEC, fileName: '31.png', base64: photoBase64(8, 8, 31), caption: 'x', author: 'y' });
    expect(err.message).toBe('Поле «Фотографии»: у релиза уже 30 фотографий — больше нельзя');
  });

  it('a stored path outside attachments/ (a tampered archive) is never read', async () => {
    const r = await kit.call('releases.create', { type: 'news', by: SPEC });
    const saved = await kit.call('releases.addPhoto', { id: r.id, by: SPEC, fileName: 'a.png', base64: photoBase64(), caption: 'x', author: 'y' });
    const stored = kit.backend.ctx.store.get('releases', r.id)!;
    await kit.backend.ctx.store.mutate((tx) => tx.put('releases', { ...stored, photos: [{ ...stored.photos[0]!, file: '../../../etc/passwd' }] }));
    const err = await kit.fail('releases.photo', { id: r.id, photoId: saved.photos[0]!.id });
    expect(err.message).toContain('вне папки вложений');
  });
});
