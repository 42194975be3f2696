/** Every bad input goes through dispatch, gets a Russian message naming the field, and writes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

describe('direct lines: bad input', () => {
  let t: TestBackend;
  let s: string;
  let q: string;
  let bytes: number;
  let seq: number;
  beforeAll(async () => {
    t = await openTestBackend('2025-03-20T05:00:00Z');
    s = (await t.call('directLines.create', session())).id;
    q = (await t.call('directLines.addQuestion', question(s))).id;
    await t.call('directLines.addQuestion', question(s, { text: 'Второй вопрос без ответа' }));
    await t.call('directLines.assign', { questionId: q, department: 'отдел ЖКХ', deadline: '2025-03-31' });
    await t.backend.ctx.store.compact();
    bytes = t.journalBytes();
    seq = t.backend.ctx.store.currentSeq;
  });
  afterAll(() => t.close());

  const nothingWritten = () => {
    expect(t.journalBytes()).toBe(bytes);
    expect(t.backend.ctx.store.currentSeq).toBe(seq);
  };

  const cases: [string, () => [string, unknown], { field: string; message: RegExp }][] = [
    ['a question without text', () => ['directLines.addQuestion', { ...question(s), text: undefined }], { field: 'text', message: /^Поле «Текст вопроса»: обязательное поле/ }],
    ['a question of blanks', () => ['directLines.addQuestion', question(s, { text: '   \n ' })], { field: 'text', message: /^Поле «Текст вопроса»: обязательное поле/ }],
    ['an edit that empties the text', () => ['directLines.updateQuestion', { id: q, ...question(s), text: '' }], { field: 'text', message: /«Текст вопроса»/ }],
    ['a topic not in the dictionary', () => ['directLines.addQuestion', question(s, { topic: 'Космос' })], { field: 'topic', message: /^Поле «Тема»: «Космос» нет в списке тем/ }],
    ['a channel that does not exist', () => ['directLines.addQuestion', question(s, { channel: 'fax' })], { field: 'channel', message: /^Поле «Канал»: выберите одно из значений: «телефон».*«в эфире»/ }],
    ['an assignment without a department', () => ['directLines.assign', { questionId: q, deadline: '2025-03-31' }], { field: 'department', message: /^Поле «Исполнитель \(отдел\)»: обязательное поле/ }],
    ['an assignment with a blank department', () => ['directLines.assign', { questionId: q, department: ' ', deadline: '2025-03-31' }], { field: 'department', message: /«Исполнитель \(отдел\)»: обязательное поле/ }],
    ['an assignment without a deadline', () => ['directLines.assign', { questionId: q, department: 'отдел ЖКХ' }], { field: 'deadline', message: /^Поле «Срок исполнения»: обязательное поле/ }],
    ['a deadline that is not a date', () => ['directLines.assign', { questionId: q, department: 'отдел ЖКХ', deadline: '31.03.2025' }], { field: 'deadline', message: /^Поле «Срок исполнения»: неверная дата/ }],
    ['a deadline before the session', () => ['directLines.assign', { questionId: q, department: 'отдел ЖКХ', deadline: '2025-03-06' }], { field: 'deadline', message: /^Поле «Срок исполнения»: срок не может быть раньше дня прямой линии \(07\.03\.2025\)/ }],
    ['moving the session after its deadlines', () => ['directLines.update', { id: s, ...session({ startsAt: '2025-04-04T10:00:00+07:00' }) }], { field: 'startsAt', message: /^Поле «Дата и время»: у 1 поручений срок исполнения раньше/ }],
    ['Q&A with unanswered questions, no flag', () => ['directLines.exportQa', { id: s }], { field: 'publishWithoutUnanswered', message: /ещё нет письменного ответа на 2 вопроса \(№ 1, № 2\)\. Дайте ответы или явно выберите «опубликовать без них»/ }],
    ['an unknown partner outlet', () => ['directLines.create', session({ outletId: 'no-such-outlet' })], { field: 'outletId', message: /^Поле «СМИ-партнёр»: такого СМИ нет в справочнике/ }],
    ['a session without who answers', () => ['directLines.create', session({ official: { name: '' } })], { field: 'official.name', message: /^Поле «Кто отвечает»: обязательное поле/ }],
    ['a session without a date', () => ['directLines.create', session({ startsAt: '7 марта' })], { field: 'startsAt', message: /^Поле «Дата и время»: неверная дата/ }],
    ['anonymising without confirm', () => ['directLines.anonymise', { sessionId: s }], { field: 'confirm', message: /необратимо/ }],
    ['a dictionary with a topic twice', () => ['directLines.dictionaries.save', { topics: ['ЖКХ', 'жкх'] }], { field: 'topics', message: /^Поле «Темы вопросов»: «жкх» повторяется/ }],
    ['a dictionary without topics', () => ['directLines.dictionaries.save', { topics: [] }], { field: 'topics', message: /^Поле «Темы вопросов»: нужно не меньше 1/ }],
    ['a done date that is not a date', () => ['directLines.updateAssignment', { questionId: q, status: 'done', doneAt: 'вчера' }], { field: 'doneAt', message: /«Дата исполнения»: неверная дата/ }],
    ['«просрочено» set by hand (it is computed)', () => ['directLines.updateAssignment', { questionId: q, status: 'overdue' }], { field: 'status', message: /^Поле «Состояние поручения»: выберите одно из значений: «поручено»[^«]*«в работе»[^«]*«исполнено»[^«]*$/ }],
  ];

  it.each(cases)('%s', async (_name, make, expected) => {
    const [method, input] = make();
    const error = await t.fail(method as never, input);
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(expected.message);
    expect(error.issues?.map((i) => i.field)).toContain(expected.field);
    nothingWritten();
  });

  it('unknown records: not found, nothing written', async () => {
    expect((await t.fail('directLines.addQuestion', question('no-such-session'))).code).toBe('not_found');
    expect((await t.fail('directLines.assign', { questionId: 'nope', department: 'отдел ЖКХ', deadline: '2025-03-31' })).message).toMatch(/^Вопрос не найден/);
    expect((await t.fail('directLines.get', { id: 'nope' })).message).toMatch(/^Прямая линия не найден/);
    nothingWritten();
  });

  it('the session day is the organisation’s: a 06:00 Barnaul session (23:00 UTC the day before) takes a deadline on its own day', async () => {
    const early = (await t.call('directLines.create', session({ startsAt: '2025-03-07T06:00:00+07:00' }))).id;
    const eq = (await t.call('directLines.addQuestion', question(early))).id;
    const ok = await t.call('directLines.assign', { questionId: eq, department: 'отдел ЖКХ', deadline: '2025-03-07' });
    expect(ok.assignment!.deadline).toBe('2025-03-07');
    const e = await t.fail('directLines.assign', { questionId: eq, department: 'отдел ЖКХ', deadline: '2025-03-06' });
    expect(e.issues![0]!.field).toBe('deadline');
  });
});
