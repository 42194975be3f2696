/**
 * «Обезличить» reaches the free text (issue 13): the resident's name in its word forms, the phone in
 * any writing, the e-mail and the street + house typed into the question, answers, assignment or the
 * session's notes are shown first (previewAnonymise) and replaced by «[обезличено]» — in the data,
 * the journal, every backup (rewritten, unpacked here to check) and the moved-aside copies in corrupt/.
 * Another person's name and a different phone stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unpackArchive } from '../../electron/backend/store/archive.js';
import { personalDataMatcher } from '../../electron/backend/features/direct-lines/personal-data.js';
import { openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

const RESIDENT = { name: 'Сидорова Анна Ивановна', address: 'г. Алейск, ул. Ленина, д. 5, кв. 12', contact: '+7 913 555-66-77, anna.sid@mail.ru' };
const TEXT =
  'Сидорова А. И. спрашивает: когда у дома ул. Ленина, 5 починят крышу? Звонила с 8(913)5556677, ' +
  'пишите на Anna.Sid@mail.ru. Соседка Петрова Анна (тел. 8 923 555-66-77) подтверждает.';
const ANSWER = 'Уважаемая Анна Ивановна! Крышу дома на ул. Ленина, д. 5 отремонтируют в мае. Перезвоним на 89135556677.';
const LIVE_NOTE = 'Ответили Сидоровой Анне в эфире, перезвонить на 913-555-66-77';
const FINAL = 'А. И. Сидорова извещена письмом по адресу Ленина 5-12.';
const NOTES = 'Анна Сидорова просила не называть её в эфире; телефон +7 913 555 66 77.';
/** Every form typed above, and the resident's own values: none may stay in any file. */
const ERASED_FORMS = [
  'Сидорова', 'Сидоровой', 'Анна Ивановна', 'Анне', '8(913)5556677', '89135556677', '913-555-66-77', '+7 913 555 66 77',
  'Anna.Sid@mail.ru', 'anna.sid@mail.ru', 'ул. Ленина, 5', 'ул. Ленина, д. 5', 'Ленина 5-12', ...Object.values(RESIDENT),
];
const KEPT = ['Петрова Анна', '8 923 555-66-77', 'починят крышу', 'отремонтируют в мае'];

/** [name, text] of every file under the data folder, each backup unpacked with the app's own unpackArchive. */
function everyFile(dir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.pdbackup')) out.push([rel, JSON.stringify(unpackArchive(fs.readFileSync(full)).collections)]);
      else out.push([rel, fs.readFileSync(full, 'utf8')]);
    }
  };
  walk(dir);
  return out;
}
const holding = (dir: string, value: string) => everyFile(dir).filter(([, text]) => text.includes(value)).map(([name]) => name);

async function fixture(t: TestBackend) {
  const s = (await t.call('directLines.create', session({ notes: NOTES }))).id;
  const q = await t.call('directLines.addQuestion', question(s, { text: TEXT, resident: RESIDENT, answer: ANSWER }));
  await t.call('directLines.markAnsweredLive', { id: q.id, note: LIVE_NOTE });
  await t.call('directLines.assign', { questionId: q.id, department: 'отдел ЖКХ', responsible: 'Кравченко Игорь Петрович', deadline: '2025-03-20' });
  await t.call('directLines.updateAssignment', { questionId: q.id, status: 'done', finalAnswer: FINAL, doneAt: '2025-03-15T10:00:00+07:00' });
  // Another resident of another session with the same first name and the same local number: not in scope.
  const s2 = (await t.call('directLines.create', session({ startsAt: '2025-04-04T10:00:00+07:00' }))).id;
  await t.call('directLines.addQuestion', question(s2, { text: 'Анна Петрова: 8 923 555-66-77, ул. Гагарина, 5.', resident: { name: 'Петрова Анна', contact: '8 923 555-66-77' } }));
  return { s, q: q.id };
}

describe('direct lines: anonymisation reaches the free text', () => {
  let t: TestBackend | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('name forms, phone writings, e-mail and street + house typed into any text are erased from every file of the data folder', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s, q } = await fixture(t);
    const backup = await t.call('system.backupNow', {});
    fs.mkdirSync(path.join(t.dir, 'corrupt'));
    const corrupt = path.join(t.dir, 'corrupt', '2025-04-19T00-00-00-000Z-data_directLineQuestions.json');
    fs.writeFileSync(corrupt, fs.readFileSync(path.join(t.dir, 'journal.ndjson'), 'utf8').slice(0, -40)); // a cut-off copy
    await t.call('directLines.updateQuestion', { id: q, ...question(s), text: `${TEXT} Повторно: Сидоровой Анны Ивановны.`, resident: RESIDENT, answer: ANSWER });
    expect(holding(t.dir, 'Сидоровой Анны Ивановны')).toContain('journal.ndjson');
    for (const form of ['8(913)5556677', 'ул. Ленина, 5']) expect(holding(t.dir, form).length).toBeGreaterThanOrEqual(3);

    const result = await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    for (const form of ERASED_FORMS) expect(holding(t.dir, form), form).toEqual([]);
    for (const kept of KEPT) expect(holding(t.dir, kept).some((f) => f.startsWith('data')), kept).toBe(true);

    const card = await t.call('directLines.get', { id: s });
    const x = card.questions[0]!;
    expect(x.text).toBe(
      '[обезличено] спрашивает: когда у дома [обезличено] починят крышу? Звонила с [обезличено], пишите на [обезличено]. ' +
        'Соседка Петрова Анна (тел. 8 923 555-66-77) подтверждает. Повторно: [обезличено].',
    );
    expect(x.answer).toBe('Уважаемая [обезличено]! Крышу дома на [обезличено] отремонтируют в мае. Перезвоним на [обезличено].');
    expect(x.liveNote).toBe('Ответили [обезличено] в эфире, перезвонить на [обезличено]');
    expect(x.assignment).toMatchObject({ finalAnswer: '[обезличено] извещена письмом по адресу [обезличено].', responsible: 'Кравченко Игорь Петрович' });
    expect(card.session.notes).toBe('[обезличено] просила не называть её в эфире; телефон [обезличено].');

    expect(fs.statSync(path.join(t.dir, 'journal.ndjson')).size).toBe(0);
    expect(fs.existsSync(backup.file)).toBe(true);
    expect(result.backups!.rewritten).toEqual([path.relative(t.dir, backup.file)]);
    expect(result.looseCopies.rewritten).toEqual([path.relative(t.dir, corrupt)]);
    expect(result.check.stillFoundIn).toEqual([]);
    expect(result.textsErased).toBeGreaterThanOrEqual(12);
    expect(result.notice).toContain(`Переписаны без этих данных резервные копии: ${path.relative(t.dir, backup.file)}`);
    expect(result.notice).toContain('Переписаны отложенные повреждённые копии: corrupt/');
    expect(result.notice).toContain('журнал изменений очищен');
    // The other session's resident and text are untouched.
    const other = (await t.call('directLines.list', {})).find((x) => x.id !== s)!;
    expect((await t.call('directLines.get', { id: other.id })).questions[0]).toMatchObject({ text: 'Анна Петрова: 8 923 555-66-77, ул. Гагарина, 5.', resident: { name: 'Петрова Анна' } });
  });

  it('the preview shows every hit, field by field, and writes nothing', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const { s, q } = await fixture(t);
    const bytes = t.journalBytes();
    const preview = await t.call('directLines.previewAnonymise', { sessionId: s });
    expect(t.journalBytes()).toBe(bytes);
    expect(preview).toMatchObject({ questions: 1, residents: 1 });
    const seen = preview.hits.map((h) => [h.questionId === q ? 'q' : h.questionId, h.field, h.kind, h.match]);
    expect(seen).toEqual([
      [null, 'notes', 'name', 'Анна Сидорова'],
      [null, 'notes', 'phone', '+7 913 555 66 77'],
      ['q', 'text', 'name', 'Сидорова А. И.'],
      ['q', 'text', 'address', 'ул. Ленина, 5'],
      ['q', 'text', 'phone', '8(913)5556677'],
      ['q', 'text', 'email', 'Anna.Sid@mail.ru'],
      ['q', 'answer', 'name', 'Анна Ивановна'],
      ['q', 'answer', 'address', 'ул. Ленина, д. 5'],
      ['q', 'answer', 'phone', '89135556677'],
      ['q', 'liveNote', 'name', 'Сидоровой Анне'],
      ['q', 'liveNote', 'phone', '913-555-66-77'],
      ['q', 'assignment.finalAnswer', 'name', 'А. И. Сидорова'],
      ['q', 'assignment.finalAnswer', 'address', 'Ленина 5-12'],
    ]);
    expect(preview.hits[2]).toMatchObject({ label: 'Текст вопроса', before: '' });
    expect(preview.hits[2]!.after).toMatch(/^ спрашивает: когда у дома ул\. Ленина, 5/);
    expect(preview.hits[6]).toMatchObject({ label: 'Письменный ответ', before: 'Уважаемая ', after: '! Крышу дома на ул. Ленина, д. 5 отремон' });
    const bad = await t.fail('directLines.previewAnonymise', { sessionId: s, questionIds: ['nope'] });
    expect(bad.issues![0]!.field).toBe('questionIds');
  });

  it('word forms and writings: what is the person, and what is not', () => {
    const m = personalDataMatcher([RESIDENT]);
    const erased = (text: string) => m.erase(text);
    for (const text of ['Сидоровой Анны', 'СИДОРОВОЙ анны', 'Сидорова А. И.', 'Анна Сидорова', 'А. И. Сидорова', 'А.И.Сидорова', 'Сидоровой', 'Анной Ивановной', 'Сидорова Анна Ивановна'])
      expect(erased(text), text).toBe('[обезличено]');
    for (const text of ['+7 913 555-66-77', '8(913)5556677', '89135556677', '913-555-66-77', '+7 (913) 555 66 77', '555-66-77', 'ANNA.SID@MAIL.RU'])
      expect(erased(text), text).toBe('[обезличено]');
    for (const text of ['ул. Ленина, д. 5', 'ул. Ленина, 5', 'улица Ленина, дом 5, кв. 12', 'Ленина 5-12']) expect(erased(text), text).toBe('[обезличено]');
    expect(personalDataMatcher([{ name: 'Сидорова Анна Ивановна' }]).erase('Сидорёва Анна')).toBe('Сидорёва Анна');
    expect(personalDataMatcher([{ name: 'Алёна Фёдорова' }]).erase('Алена Федоровой')).toBe('[обезличено]');
    // Not this person, not this phone, not this house.
    for (const text of [
      'Сидоров звонил',
      'Анна сказала',
      'Петрова Анна',
      'Сидоровка',
      '8 923 555-66-77',
      '+7 913 555-66-78',
      '(923) 555-66-77',
      'ул. Ленина, 57',
      'ул. Ленина, 5а',
      'на ул. Ленина',
      'Иванов',
    ])
      expect(erased(text), text).toBe(text);
    const male = personalDataMatcher([{ name: 'Толстой Андрей Васильевич' }]);
    expect(male.erase('Андрея Васильевича')).toBe('[обезличено]');
    expect(male.erase('Толстому А. В.')).toBe('[обезличено]');
    expect(male.erase('с толстой папкой')).toBe('с толстой папкой');
  });

  it('two phones in one contact are two numbers, each erased (not one 22-digit run)', () => {
    const text = 'Звонить 8 (913) 123-45-67 или 89237654321, днём 765-43-21.';
    for (const contact of ['8 913 123 45 67 8 923 765 43 21', '89131234567 89237654321', '+7 913 123-45-67 +7 923 765-43-21'])
      expect(personalDataMatcher([{ contact }]).erase(text), contact).toBe('Звонить [обезличено] или [обезличено], днём [обезличено].');
  });

  it('a label left of the contact («телефон», «e-mail», «WhatsApp») is not erased from every text', () => {
    const text = 'Оставила телефон и почту, пишет в WhatsApp и Telegram: 8 913 123-45-67, anna@mail.ru.';
    for (const contact of ['телефон 89131234567 anna@mail.ru', 'тел.: 89131234567; эл. почта: anna@mail.ru', 'моб. 89131234567, e-mail anna@mail.ru', 'WhatsApp/Telegram 89131234567, почта anna@mail.ru'])
      expect(personalDataMatcher([{ contact }]).erase(text), contact).toBe('Оставила телефон и почту, пишет в WhatsApp и Telegram: [обезличено], [обезличено].');
    // What still looks like personal data stays erased: a profile, a second person's name.
    const m = personalDataMatcher([{ contact: 'вк: vk.com/anna_sid, дочь Ольга Сидорова' }]);
    expect(m.erase('Страница vk.com/anna_sid; звонить: дочь Ольга Сидорова')).toBe('Страница [обезличено]; звонить: [обезличено]');
    expect(m.erase('Написала в ВК, оставила телефон')).toBe('Написала в ВК, оставила телефон');
  });

  it('a text at its maximum length is still erased: «[обезличено]» never makes it too long to save', async () => {
    t = await openTestBackend('2025-04-20T05:00:00Z');
    const s = (await t.call('directLines.create', session())).id;
    const text = `${'Когда починят крышу? '.repeat(240)}Пишите: a@b.ru`.slice(-5000);
    expect(text).toHaveLength(5000);
    await t.call('directLines.addQuestion', question(s, { text, resident: { name: 'Сидорова Анна', contact: 'a@b.ru' } }));
    const result = await t.call('directLines.anonymise', { sessionId: s, confirm: true });
    expect(result.textsErased).toBe(1);
    const x = (await t.call('directLines.get', { id: s })).questions[0]!;
    expect(x.resident).toBeNull();
    expect(x.text).toHaveLength(5000);
    expect(x.text).toBe(`${text.slice(0, 5000 - 12)}[обезличено]`);
  });
});
