/**
 * The contract at the door (dispatch): every method refuses bad input with a Russian message naming the
 * field, and nothing is written. Also the building blocks of those messages (labelFor, url/email rules).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, type Method } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { dispatch } from '../../electron/backend/dispatch.js';
import { labelFor, validationError } from '../../electron/backend/errors.js';
import { email, webAddress } from '../../electron/backend/schema-kit.js';
import { packArchive } from '../../electron/backend/store/archive.js';
import { badInputs, complaints, type ErrorLike, folderState, journalSize, removeTmpDirs, tenMegabytes, textFieldCases, tmpDir, wrongTypeCases } from './api-cases.js';

afterAll(removeTmpDirs);

const methods = Object.keys(api) as Method[];

describe('every method has a bad-input case', () => {
  it.each(methods)('%s', (method) => {
    expect(badInputs[method], `add a bad-input case for ${method} to test/backend/api-cases.ts`).toBeDefined();
    expect(badInputs[method]!.length).toBeGreaterThan(0);
  });
  it('the map names no method that is not in the api table', () => {
    expect(Object.keys(badInputs).filter((m) => !(m in api))).toEqual([]);
  });
});

describe('bad input through dispatch', () => {
  let dir: string;
  let backend: Backend;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = tmpDir('api');
    backend = await openBackend({ dataDir: dir });
    // Something to protect: a saved outlet, compacted to a snapshot, plus one more change in the journal.
    const created = await backend.invoke('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
    expect(created.ok).toBe(true);
    expect((await backend.invoke('outlets.create', { name: 'Радио «Алейск FM»', kind: 'radio' })).ok).toBe(true);
    // Snapshot now, so no debounced snapshot write lands in the middle of a "nothing written" check.
    await backend.ctx.store.compact();
    before = folderState(dir);
    expect(journalSize(dir)).toBeGreaterThanOrEqual(0); // the journal exists; any write would grow it
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const method of methods) {
    const cases = badInputs[method] ?? [];
    it(`${method}: ${cases.length} bad input(s) refused in Russian, naming the field`, async () => {
      for (const c of cases) {
        const outcome = await dispatch(backend.ctx, method, c.input);
        expect(outcome.ok, `${method} accepted ${JSON.stringify(c.input).slice(0, 80)}`).toBe(false);
        if (outcome.ok) continue;
        expect(complaints(c, outcome.error as ErrorLike), `${method} ${JSON.stringify(c.input).slice(0, 80)}`).toEqual([]);
      }
      expect(folderState(dir)).toEqual(before);
    });
  }

  it('a wrong type in ANY top-level field of ANY method is reported for that field, by a Russian label', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const method of methods) {
      for (const c of wrongTypeCases(api[method].input)) {
        const outcome = await dispatch(backend.ctx, method, c.input);
        checked++;
        if (outcome.ok) {
          problems.push(`${method}.${c.field}: accepted ${JSON.stringify(c.input)}`);
          continue;
        }
        for (const p of complaints(c, outcome.error as ErrorLike)) problems.push(`${method}.${c.field}: ${p}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    expect(folderState(dir)).toEqual(before);
  });

  it('a 10 MB string in ANY top-level text field of ANY method is refused for that field', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const method of methods) {
      for (const c of textFieldCases(api[method].input, tenMegabytes())) {
        checked++;
        const outcome = await dispatch(backend.ctx, method, c.input);
        if (outcome.ok) problems.push(`${method}.${c.field}: accepted 10 MB`);
        else for (const p of complaints(c, outcome.error as ErrorLike)) problems.push(`${method}.${c.field}: ${p}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    expect(folderState(dir)).toEqual(before);
  });

  it('an unknown method is refused by name, also names that exist on every object', async () => {
    for (const name of ['outlets.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      const outcome = await dispatch(backend.ctx, name, {});
      expect(outcome).toEqual({ ok: false, error: { code: 'unknown_method', message: `Неизвестный метод «${name}».` } });
    }
    expect(folderState(dir)).toEqual(before);
  });

  it('the snapshot check can fail: a good write changes the folder', async () => {
    const scratch = tmpDir('api-control');
    const b = await openBackend({ dataDir: scratch });
    try {
      const state = folderState(scratch);
      const size = journalSize(scratch);
      expect((await dispatch(b.ctx, 'outlets.create', { name: 'Контроль', kind: 'tv' })).ok).toBe(true);
      expect(journalSize(scratch)).toBeGreaterThan(size);
      expect(folderState(scratch)).not.toEqual(state);
    } finally {
      await b.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('unknown extra keys are stripped, not stored and not an error', async () => {
    const outcome = await dispatch(backend.ctx, 'outlets.create', {
      name: 'Телеканал «Алейск-ТВ»',
      kind: 'tv',
      isAdmin: true,
      __proto__: { polluted: true },
      contacts: [{ name: 'Фролов Д. И.', role: 'admin' }],
    });
    expect(outcome.ok).toBe(true);
    const saved = (outcome as { result: Record<string, unknown> }).result;
    expect(saved).not.toHaveProperty('isAdmin');
    expect((saved.contacts as object[])[0]).not.toHaveProperty('role');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = backend.ctx.store.get('outlets', saved.id as string) as unknown as Record<string, unknown>;
    expect(stored).not.toHaveProperty('isAdmin');
    await backend.ctx.store.compact();
    before = folderState(dir);
  });

  it('a file that is no archive is refused before anything is written (no safety backup either)', async () => {
    const outcome = await dispatch(backend.ctx, 'system.importArchive', { fileName: 'x.pdbackup', base64: Buffer.from('это не архив').toString('base64') });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^Архив не принят: .*Текущие данные не изменены\.$/);
    const wrongRecords = packArchive({ outlets: [{ id: 'x', name: '' }] }, 1);
    const outcome2 = await dispatch(backend.ctx, 'system.importArchive', { base64: Buffer.from(wrongRecords).toString('base64') });
    expect(outcome2.ok).toBe(false);
    if (!outcome2.ok) expect(outcome2.error.message).toMatch(/^Архив не принят: раздел «outlets», запись № 1: Поле «Название СМИ»/);
    expect(folderState(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});

describe('read-only folder: writes refused naming the holder, reads work', () => {
  it('a second backend on a held folder', async () => {
    const dir = tmpDir('api-ro');
    const holder = await openBackend({ dataDir: dir });
    await holder.invoke('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
    await holder.ctx.store.compact();
    const second = await openBackend({ dataDir: dir });
    try {
      expect(second.ctx.store.readOnly).toBe(true);
      const state = folderState(dir);
      const refused = await second.invoke('outlets.create', { name: 'Новое', kind: 'tv' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('read_only');
        expect(refused.error.message).toMatch(/^Открыто только для чтения: изменения не сохраняются\. Папку данных сейчас использует .+ на компьютере .+/);
      }
      // bad input is still reported as bad input first (the user fixes the form before anything else)
      const bad = await second.invoke('outlets.create', {});
      expect(!bad.ok && bad.error.code).toBe('validation');
      const list = await second.invoke('outlets.list', {});
      expect(list.ok && (list.result as unknown[]).length).toBe(1);
      expect(folderState(dir)).toEqual(state);
    } finally {
      await second.close();
      await holder.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('labelFor walks wrappers, objects and arrays', () => {
  const schema = z.object({
    plain: z.string().describe('Простое'),
    optional: z.string().describe('Внутри optional').optional(),
    defaulted: z.string().default('').describe('Снаружи default'),
    innerDefault: z.string().describe('Внутри default').default(''),
    nullable: z.number().describe('Число').nullable().optional(),
    piped: z.string().transform((s) => s.length).describe('Через pipe'),
    list: z
      .array(z.object({ email: z.email().describe('E-mail контакта'), tags: z.array(z.string().describe('Тег')).default([]) }).describe('Контакт'))
      .default([])
      .describe('Контакты'),
    nested: z.object({ deep: z.object({ tz: z.string().describe('Часовой пояс') }) }).describe('Организация'),
    unlabelled: z.string(),
    byKey: z.record(z.string(), z.number().describe('Количество')).optional(),
    pair: z.tuple([z.string().describe('Начало'), z.string().describe('Конец')]).optional(),
    either: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('phone'), number: z.string().describe('Номер телефона') }),
        z.object({ kind: z.literal('mail'), address: z.string().describe('Адрес почты') }),
      ])
      .optional(),
    lazy: z.lazy(() => z.object({ inside: z.string().describe('Внутри lazy') })).optional(),
  });
  it.each([
    [['plain'], 'Простое'],
    [['optional'], 'Внутри optional'],
    [['defaulted'], 'Снаружи default'],
    [['innerDefault'], 'Внутри default'],
    [['nullable'], 'Число'],
    [['piped'], 'Через pipe'],
    [['list'], 'Контакты'],
    [['list', 0], 'Контакт'],
    [['list', 3, 'email'], 'E-mail контакта'],
    [['list', 0, 'tags', 2], 'Тег'],
    [['nested'], 'Организация'],
    [['nested', 'deep', 'tz'], 'Часовой пояс'],
    [['unlabelled'], 'unlabelled'],
    [['byKey', 'газеты'], 'Количество'],
    [['pair', 1], 'Конец'],
    [['either', 'number'], 'Номер телефона'],
    [['either', 'address'], 'Адрес почты'],
    [['lazy', 'inside'], 'Внутри lazy'],
    [['nope'], undefined],
  ] as [PropertyKey[], string | undefined][])('%j → %s', (p, label) => {
    expect(labelFor(schema, p)).toBe(label);
  });

  it('numbers every array level in the label: «Тег № 2» of «Контакт № 1»', () => {
    const r = schema.safeParse({
      plain: 'a',
      piped: 'b',
      nested: { deep: { tz: 'x' } },
      unlabelled: 'c',
      list: [{ email: 'a@b.ru', tags: ['ok', 5] }],
    });
    expect(r.success).toBe(false);
    const e = validationError(schema, r.error!);
    expect(e.issues).toEqual([{ field: 'list.0.tags.1', label: 'Тег № 2 (Контакт № 1)', message: 'ожидается текст' }]);
  });
});

describe('web addresses and e-mails', () => {
  const site = webAddress('Сайт');
  it.each(['https://vk.com/page', 'http://admin.ru', 'https://t.me/aleysk_news', 'https://xn--80aswg.xn--p1ai/', 'https://адм-алейск.рф/новости', ''])('accepts %s', (url) => {
    expect(site.safeParse(url).success).toBe(true);
  });
  it.each(['javascript:alert(1)', 'ftp://x', 'ftp://files.admin.ru', 'file:///etc/passwd', 'data:text/html,hi', 'vk.com', 'https://', 'http://localhost', 'https://10.0.0.1', 'просто текст'])(
    'refuses %s',
    (url) => {
      const r = site.safeParse(url);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('это не адрес сайта (пример: https://admin.ru)');
    },
  );
  const mail = email('E-mail');
  it.each(['press@admin.ru', 'a.b-c@mail.example.ru', ''])('e-mail accepts «%s»', (v) => expect(mail.safeParse(v).success).toBe(true));
  it.each(['press@', '@admin.ru', 'press admin.ru', 'a@b', 'пресс'])('e-mail refuses «%s»', (v) => {
    const r = mail.safeParse(v);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('это не адрес электронной почты (пример: press@admin.ru)');
  });
});
