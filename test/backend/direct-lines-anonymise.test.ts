/**
 * «Обезличить»: irreversible, needs confirm; afterwards no file in the data folder holds the
 * resident's name, address or contact — snapshot, journal, older backups (purged by default)
 * and backups made afterwards; question, answer and district stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { documentText, filesOf, openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

const NAME = 'Пантелеймонова Агриппина Евграфовна';
const ADDRESS = 'ул. Набережная, д. 7, кв. 12';
const CONTACT = '+7 913 555-01-77';
const OTHER = 'Вахрамеев Фрол Кузьмич';

const holding = (dir: string, value: string) => filesOf(dir).filter(([, text]) => text.includes(value)).map(([name]) => name);

async function fixture(t: TestBackend) {
  const s = (await t.call('directLines.create', session())).id;
  const q = await t.call(
    'directLines.addQuestion',
    question(s, {
      text: 'Когда на ул. Набережной уберут свалку за гаражами?',
      district: 'микрорайон Заречье',
      resident: { name: NAME, address: ADDRESS, contact: CONTACT, publishName: true },
      answer: 'Свалка ликвидирована 14 марта.',
    }),
  );
  const s2 = (await t.call('directLines.create', session({ startsAt: '2025-04-04T10:00:00+07:00' }))).id;
  await t.call('directLines.addQuestion', question(s2, { resident: { name: OTHER, contact: 'frol@example.ru' }, answer: 'Ответ.' }));
  return { s, q: q.id, s2 };
}

describe('direct lines: anonymisation', () => {
  let t: TestBackend | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('removes the resident from every file of the data folder, keeping question, answer and district', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s, q } = await fixture(t);
    const older = await t.call('system.backupNow', {});
    expect(holding(t.dir, NAME).some((f) => f.startsWith('backups/'))).toBe(true);

    // Without the explicit confirmation: refused, says it is irreversible, nothing written.
    await t.backend.ctx.store.compact();
    const bytes = t.journalBytes();
    const seq = t.backend.ctx.store.currentSeq;
    const refused = await t.fail('directLines.anonymise', { sessionId: s });
    expect(refused.code).toBe('validation');
    expect(refused.message).toContain('необратимо');
    expect(refused.issues![0]!.field).toBe('confirm');
    expect((await t.fail('directLines.anonymise', { sessionId: s, confirm: false })).message).toContain('необратимо');
    expect(t.journalBytes()).toBe(bytes);
    expect(t.backend.ctx.store.currentSeq).toBe(seq);

    // A write just before: the journal now holds a put with the name (not yet compacted away).
    await t.call('directLines.markAnsweredLive', { id: q, note: 'Уберут за неделю' });
    expect(holding(t.dir, NAME)).toContain('journal.ndjson');
    const result = await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    expect(result).toMatchObject({ questions: 1, residentsErased: 1, backups: { rewritten: [path.relative(t.dir, older.file)], removed: [], failed: [] }, check: { stillFoundIn: [] } });
    expect(result.check.filesScanned).toBeGreaterThan(3);
    expect(result.notice).toContain('безвозвратно');

    for (const value of [NAME, ADDRESS, CONTACT]) expect(holding(t.dir, value)).toEqual([]);
    expect(fs.existsSync(older.file)).toBe(true); // rewritten in place, not deleted
    expect(fs.statSync(path.join(t.dir, 'journal.ndjson')).size).toBe(0);
    const card = await t.call('directLines.get', { id: s });
    expect(card.session.anonymisedAt).toBe('2025-04-20T05:00:00.000Z');
    expect(card.questions[0]).toMatchObject({
      resident: null,
      anonymisedAt: '2025-04-20T05:00:00.000Z',
      text: 'Когда на ул. Набережной уберут свалку за гаражами?',
      answer: 'Свалка ликвидирована 14 марта.',
      liveNote: 'Уберут за неделю',
      district: 'микрорайон Заречье',
    });
    // The other session's resident was not in scope.
    expect(holding(t.dir, OTHER).length).toBeGreaterThan(0);

    // Backups made afterwards do not hold it either; the Q&A no longer names the resident.
    await t.call('system.backupNow', {});
    await t.call('system.exportArchive', {});
    expect(holding(t.dir, NAME)).toEqual([]);
    const qa = await t.call('directLines.exportQa', { id: s });
    if (qa.kind !== 'file') throw new Error('expected a file');
    expect(documentText(qa.base64)).not.toContain('Пантелеймонова');

    // The name cannot be typed back in; a reopened folder stays anonymised.
    const again = await t.fail('directLines.updateQuestion', { id: q, ...question(s), resident: { name: NAME } });
    expect(again.issues![0]).toMatchObject({ field: 'resident' });
    await t.backend.close();
    const reopened = await openBackend({ dataDir: t.dir, backups: false });
    expect(reopened.ctx.store.get('directLineQuestions', q)!.resident).toBeNull();
    t.backend = reopened;
  });

  it('one resident only (consent withdrawn), and older backups kept when asked — the notice says so', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s, q } = await fixture(t);
    const keep = await t.call('directLines.addQuestion', question(s, { resident: { name: 'Оставленный Житель Иванович' } }));
    await t.call('system.backupNow', {});
    const result = await t.call('directLines.anonymise', { sessionId: s, questionIds: [q], confirm: true, purgeOlderBackups: false });
    expect(result.backups).toBeNull();
    expect(result.notice).toContain('Прежние резервные копии');
    // Current data and journal are clean; the older backup (kept on purpose) still has it.
    expect(holding(t.dir, NAME).every((f) => f.startsWith('backups/'))).toBe(true);
    expect(holding(t.dir, NAME).length).toBeGreaterThan(0);
    const card = await t.call('directLines.get', { id: s });
    expect(card.session.anonymisedAt).toBeNull();
    expect(card.questions.find((x) => x.id === keep.id)!.resident!.name).toBe('Оставленный Житель Иванович');
    // A question of another session is refused by name.
    const e = await t.fail('directLines.anonymise', { sessionId: s, questionIds: ['nope'], confirm: true });
    expect(e.issues![0]!.field).toBe('questionIds');
    // Doing it again later with the purge cleans the old backup too.
    const second = await t.call('directLines.anonymise', { sessionId: s, questionIds: [q], confirm: true });
    expect(second.residentsErased).toBe(0);
    expect(second.backups!.rewritten).toHaveLength(1);
    expect(holding(t.dir, NAME)).toEqual([]);
  });

  it('damaged copies moved aside are rewritten; one it cannot rewrite (binary) is reported by the scan', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s } = await fixture(t);
    fs.mkdirSync(`${t.dir}/corrupt`, { recursive: true });
    fs.writeFileSync(`${t.dir}/corrupt/2025-04-01-directLineQuestions.json`, `{"records":[{"resident":{"name":"${NAME}"}}`);
    fs.writeFileSync(`${t.dir}/corrupt/2025-04-02-blob.bin`, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(CONTACT)]));
    const result = await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    expect(result.looseCopies.rewritten).toEqual(['corrupt/2025-04-01-directLineQuestions.json']);
    expect(fs.readFileSync(`${t.dir}/corrupt/2025-04-01-directLineQuestions.json`, 'utf8')).toBe('{"records":[{"resident":{"name":"[обезличено]"}}');
    expect(result.check.stillFoundIn).toEqual(['corrupt/2025-04-02-blob.bin']);
    expect(result.notice).toContain('Переписаны отложенные повреждённые копии: corrupt/2025-04-01-directLineQuestions.json');
    expect(result.notice).toContain('ещё встречаются в файлах: corrupt/2025-04-02-blob.bin');
  });

  it('in a moved-aside JSON copy a name after an escaped newline, tab or quote is erased too', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s } = await fixture(t);
    fs.mkdirSync(`${t.dir}/quarantine`, { recursive: true });
    const file = `${t.dir}/quarantine/2025-04-01-directLineQuestions.json`;
    const text = `Звонила:\n${NAME}\tпросила: «"${NAME}"»`;
    fs.writeFileSync(file, JSON.stringify({ records: [{ text, answer: 'Ответ\nготов' }] }, null, 2));
    const result = await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    expect(result.looseCopies.rewritten).toEqual(['quarantine/2025-04-01-directLineQuestions.json']);
    const back = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(back).toEqual({ records: [{ text: 'Звонила:\n[обезличено]\tпросила: «"[обезличено]"»', answer: 'Ответ\nготов' }] });
  });

  it('the district is kept even when it holds the same words as the address', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const s = (await t.call('directLines.create', session())).id;
    await t.call('directLines.addQuestion', question(s, { district: 'Заречный район', resident: { name: NAME, address: 'Заречный район' } }));
    await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    expect((await t.call('directLines.get', { id: s })).questions[0]).toMatchObject({ district: 'Заречный район', resident: null });
  });

  it('a backup that cannot be read is reported as failed, the others still rewritten', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s } = await fixture(t);
    const older = await t.call('system.backupNow', {});
    const unreadable = `${t.dir}/backups/press-desk-2025-04-19T00-00-00-000Z.pdbackup`;
    fs.mkdirSync(unreadable); // reading it fails (EISDIR), as a locked file would (EBUSY)
    const result = await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    expect(result.backups!.failed.map((f) => f.file)).toEqual(['backups/press-desk-2025-04-19T00-00-00-000Z.pdbackup']);
    expect(result.backups!.rewritten).toEqual([path.relative(t.dir, older.file)]);
    expect(result.notice).toContain('Не удалось изменить резервные копии (backups/press-desk-2025-04-19T00-00-00-000Z.pdbackup)');
    expect(holding(t.dir, NAME)).toEqual([]);
  });
});
