/**
 * The Q&A for the newspaper carries no personal data, except the name of a resident who agreed;
 * the assignments list for the head; both through the API and the CLI.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/backend/cli.js';
import { documentText, openTestBackend, question, session, type TestBackend } from './direct-lines-fixture.js';

const AGREED = { name: 'Смирнова Анна Петровна', address: 'ул. Победы, д. 5, кв. 3', contact: '+7 913 111-22-33', publishName: true };
const REFUSED = { name: 'Ершова Людмила Фёдоровна', address: 'ул. Береговая, д. 17', contact: 'ershova@example.ru', publishName: false };

/** Every XML part of the DOCX (body, headers, properties), joined. */
const allParts = (base64: string) =>
  Object.entries(unzipSync(new Uint8Array(Buffer.from(base64, 'base64'))))
    .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
    .map(([, c]) => strFromU8(c))
    .join('\n');

const soffice = (() => {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('direct lines: documents', () => {
  let t: TestBackend;
  let s: string;
  let open: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-dl-docx-'));
  beforeAll(async () => {
    t = await openTestBackend('2025-04-10T05:00:00Z');
    const outlet = (await t.call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' })).id;
    s = (await t.call('directLines.create', session({ outletId: outlet }))).id;
    const agreed = await t.call('directLines.addQuestion', question(s, { text: 'Когда отремонтируют крышу дома на ул. Победы?', district: 'микрорайон Центральный', resident: AGREED, answer: 'Ремонт кровли начнётся в мае.' }));
    const refused = await t.call('directLines.addQuestion', question(s, { topic: 'Дороги', text: 'Почему не чистят снег на ул. Береговой?', district: 'микрорайон Заречный', resident: REFUSED }));
    await t.call('directLines.markAnsweredLive', { id: refused.id, note: 'почистят' });
    await t.call('directLines.updateQuestion', { id: refused.id, ...question(s), topic: 'Дороги', text: 'Почему не чистят снег на ул. Береговой?', district: 'микрорайон Заречный', resident: REFUSED, answer: 'Улица включена в маршрут снегоуборочной техники.' });
    await t.call('directLines.assign', { questionId: refused.id, department: 'отдел по благоустройству', responsible: 'Пономарёва Е. С.', deadline: '2025-03-21' });
    await t.call('directLines.assign', { questionId: agreed.id, department: 'отдел ЖКХ', deadline: '2025-05-15' });
    open = (await t.call('directLines.addQuestion', question(s, { topic: 'Транспорт', text: 'Верните рейс автобуса в 6:40', resident: { name: 'Безответный Пётр', publishName: true } }))).id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('refuses the Q&A while a question has no answer, unless told to publish without it', async () => {
    const e = await t.fail('directLines.exportQa', { id: s });
    expect(e.issues![0]!.field).toBe('publishWithoutUnanswered');
    const doc = await t.call('directLines.exportQa', { id: s, publishWithoutUnanswered: true });
    if (doc.kind !== 'file') throw new Error('expected a file');
    expect(doc.name).toBe('Прямая линия 2025-03-07 вопросы и ответы.docx');
    const text = documentText(doc.base64);
    expect(text).not.toContain('Верните рейс');
    expect(text).not.toContain('Безответный');
    expect(text).toContain('Ответ ещё на 1 вопрос будет опубликован позже.');
  });

  it('has no personal data but the name a resident agreed to publish', async () => {
    const doc = await t.call('directLines.exportQa', { id: s, publishWithoutUnanswered: true });
    if (doc.kind !== 'file') throw new Error('expected a file');
    const xml = allParts(doc.base64);
    const text = documentText(doc.base64);
    expect(text).toContain('Вопросы и ответы прямой линии главы города 7 марта 2025 г.');
    expect(text).toContain('На вопросы жителей отвечает глава города Алейска Сидоренко Алексей Николаевич');
    expect(text).toContain('(телефон в редакции, газета «Маяк труда»)');
    expect(text).toContain('Вопрос: Когда отремонтируют крышу дома на ул. Победы? (Смирнова Анна Петровна, микрорайон Центральный)');
    expect(text).toContain('Ответ: Ремонт кровли начнётся в мае.');
    expect(text).toContain('Вопрос: Почему не чистят снег на ул. Береговой? (микрорайон Заречный)');
    for (const value of [REFUSED.name, 'Ершова', 'Людмила', REFUSED.address, REFUSED.contact, AGREED.address, AGREED.contact, '913']) expect(xml).not.toContain(value);
    // The live note is a memo, never printed.
    expect(text).not.toContain('почистят');
  });

  it('the assignments list: a ГОСТ table with departments, deadlines and state, no personal data', async () => {
    const doc = await t.call('directLines.exportAssignments', { id: s });
    if (doc.kind !== 'file') throw new Error('expected a file');
    const text = documentText(doc.base64);
    const xml = allParts(doc.base64);
    expect(text).toContain('Перечень поручений по итогам прямой линии главы города 7 марта 2025 г.');
    expect(text).toContain('по состоянию на 10 апреля 2025 г.');
    expect(text).toContain('Всего поручений: 2; исполнено — 0 (в срок — 0), в работе — 1, просрочено — 1.');
    expect(text).toMatch(/отдел по благоустройству\s*Пономарёва Е\. С\./);
    expect(text).toContain('21.03.2025');
    expect(text).toContain('просрочено');
    expect(text).toContain('на 20 дней');
    expect(xml).toContain('w:tblHeader'); // the header row repeats on every page
    expect(xml).toContain('w:orient="landscape"');
    for (const value of [AGREED.name, REFUSED.name, AGREED.contact, REFUSED.address]) expect(xml).not.toContain(value);
  });

  it('nothing to publish at all is refused', async () => {
    const empty = (await t.call('directLines.create', session({ startsAt: '2025-04-04T10:00:00+07:00' }))).id;
    await t.call('directLines.addQuestion', question(empty));
    expect((await t.fail('directLines.exportQa', { id: empty, publishWithoutUnanswered: true })).message).toContain('Публиковать нечего');
  });

  it('the CLI exports both kinds by id or by date, and explains mistakes', async () => {
    const lines: string[] = [];
    const qa = path.join(tmp, 'qa.docx');
    const list = path.join(tmp, 'assignments.docx');
    await t.call('directLines.updateQuestion', { id: open, ...question(s), topic: 'Транспорт', text: 'Верните рейс автобуса в 6:40', answer: 'Рейс восстановлен.' });
    expect(await runCli(['--data-dir', t.dir, 'export', 'direct-line', s, '--kind', 'qa', '--out', qa], (l) => lines.push(l))).toBe(0);
    expect(await runCli(['--data-dir', t.dir, 'export', 'direct-line', '2025-03-07', '--kind', 'assignments', '--out', list], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('Вопросы и ответы сохранены');
    expect(lines.join('\n')).toContain('Перечень поручений сохранён');
    expect(documentText(fs.readFileSync(qa).toString('base64'))).toContain('Рейс восстановлен.');
    await expect(runCli(['--data-dir', t.dir, 'export', 'direct-line', s, '--kind', 'pdf', '--out', qa], () => undefined)).rejects.toThrow('--kind qa');
    await expect(runCli(['--data-dir', t.dir, 'export', 'direct-line', '2030-01-01', '--kind', 'qa', '--out', qa], () => undefined)).rejects.toThrow('не найдена');
    const help: string[] = [];
    await runCli(['--help'], (l) => help.push(l));
    expect(help.join('\n')).toContain('export direct-line ID|ДАТА --kind qa|assignments');
  });

  it('opens in LibreOffice', async (ctx) => {
    if (!soffice) return ctx.skip('LibreOffice (soffice) is not installed here');
    const doc = await t.call('directLines.exportAssignments', { id: s });
    if (doc.kind !== 'file') throw new Error('expected a file');
    const file = path.join(tmp, 'check.docx');
    fs.writeFileSync(file, Buffer.from(doc.base64, 'base64'));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, file], { env: { ...process.env, HOME: tmp }, timeout: 120_000, stdio: 'ignore' });
    expect(fs.statSync(path.join(tmp, 'check.pdf')).size).toBeGreaterThan(1000);
  });
});
