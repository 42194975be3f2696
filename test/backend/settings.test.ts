/** Settings: save / get, and the organisation's time zone. */
import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { folderState, removeTmpDirs, tmpDir } from './api-cases.js';

afterAll(removeTmpDirs);

let dir: string;
let backend: Backend;
const at = new Date('2026-06-04T18:30:00.000Z');

const settings = (over: Partial<Input<'settings.save'>['organisation']> = {}): Input<'settings.save'> => ({
  organisation: { name: 'Администрация города Алейска Алтайского края', city: 'Алейск', timeZone: 'Asia/Barnaul', ...over },
  staff: [{ id: 'head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела', role: 'head' }],
});

beforeEach(async () => {
  dir = tmpDir('settings');
  backend = await openBackend({ dataDir: dir, now: () => at });
});
afterEach(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings', () => {
  it('get is null before the first save; save returns the stored settings; get returns them', async () => {
    expect(await backend.invoke('settings.get', {})).toEqual({ ok: true, result: null });
    expect(await backend.invoke('settings.get', undefined)).toEqual({ ok: true, result: null });
    const saved = await backend.invoke('settings.save', settings({ site: 'https://aleysk.ru', newspaper: '  Маяк труда ' }));
    expect(saved).toEqual({
      ok: true,
      result: {
        id: 'settings',
        updatedAt: '2026-06-04T18:30:00.000Z',
        organisation: {
          name: 'Администрация города Алейска Алтайского края',
          city: 'Алейск',
          timeZone: 'Asia/Barnaul',
          site: 'https://aleysk.ru',
          newspaper: 'Маяк труда',
        },
        staff: [{ id: 'head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела', role: 'head' }],
      },
    });
    expect(await backend.invoke('settings.get', {})).toEqual(saved);
    // and after a restart
    await backend.close();
    backend = await openBackend({ dataDir: dir, now: () => at });
    expect(await backend.invoke('settings.get', {})).toEqual(saved);
  });

  it('a second save replaces the first (staff list included)', async () => {
    await backend.invoke('settings.save', settings());
    const again = await backend.invoke('settings.save', { organisation: { name: 'Администрация Бийска', city: 'Бийск', timeZone: 'Asia/Barnaul' } });
    expect(again.ok).toBe(true);
    const got = await backend.invoke('settings.get', {});
    expect(got.ok && got.result).toMatchObject({ organisation: { name: 'Администрация Бийска', site: '', newspaper: '' }, staff: [] });
  });

  it.each(['Asia/Barnaul', 'Europe/Moscow', 'Asia/Novosibirsk', 'Europe/Kaliningrad', 'Asia/Kamchatka', 'UTC'])('time zone %s is accepted', async (timeZone) => {
    const r = await backend.invoke('settings.save', settings({ timeZone }));
    expect(r.ok).toBe(true);
  });

  it.each(['Mars/Olympus', 'Asia/Барнаул', 'GMT+25', 'Europe/Moscow; rm -rf', ''])('time zone «%s» is refused with the field named «Часовой пояс», nothing written', async (timeZone) => {
    const state = folderState(dir);
    const r = await backend.invoke('settings.save', settings({ timeZone }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.issues?.[0]).toMatchObject({ field: 'organisation.timeZone', label: 'Часовой пояс' });
    expect(r.error.message).toMatch(/^Поле «Часовой пояс»: /);
    if (timeZone) expect(r.error.message).toBe('Поле «Часовой пояс»: неизвестный часовой пояс (пример: Asia/Barnaul)');
    expect(folderState(dir)).toEqual(state);
    expect(await backend.invoke('settings.get', {})).toEqual({ ok: true, result: null });
  });

  it('the official site: .рф and punycode accepted, other schemes refused', async () => {
    for (const site of ['https://алейск.рф', 'https://xn--80aihfjcshcbin9q.xn--p1ai/', 'http://aleysk22.ru/news?id=1']) {
      const r = await backend.invoke('settings.save', settings({ site }));
      expect(r.ok, site).toBe(true);
    }
    for (const site of ['javascript:alert(1)', 'ftp://aleysk.ru', 'aleysk.ru']) {
      const r = await backend.invoke('settings.save', settings({ site }));
      expect(r.ok, site).toBe(false);
      if (!r.ok) expect(r.error.message).toBe('Поле «Официальный сайт»: это не адрес сайта (пример: https://admin.ru)');
    }
  });

  it('staff: each member is named by number in the message', async () => {
    const r = await backend.invoke('settings.save', {
      ...settings(),
      staff: [
        { id: 'a', name: 'Соколова И. В.', role: 'head' },
        { id: 'b', name: '', role: 'specialist' },
      ],
    });
    expect(!r.ok && r.error.message).toBe('Поле «ФИО сотрудника № 2»: обязательное поле');
  });
});
