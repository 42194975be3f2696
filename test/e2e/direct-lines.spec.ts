/**
 * Прямые линии, end to end over the demo town: announce a session two weeks ago (partner outlet,
 * announcement), questions before it (one with a resident's personal data), merge a duplicate,
 * find a question by the global search, the live screen by keyboard (answered on air with a note,
 * a question from the air, next, end), assignments (refused before the session and without a
 * department; one deadline already past), one done with a final answer, the statistics, the list's
 * counts and filters, the overdue one on «Сегодня», the Q&A (refused, then «Опубликовать без них»;
 * the XML has the questions and none of the resident's data), the assignments DOCX, «Обезличить».
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ demo: true });

const TZ = 'Asia/Barnaul'; // the demo town's zone: every day below is a day there
const dayIn = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));
const ru = (day: string) => day.split('-').reverse().join('.');

const SESSION_DAY = dayIn(-14);
const OFFICIAL = 'Иванов Сергей Петрович';
const Q1 = 'В доме на ул. Сердюка, 12 вторую неделю чуть тёплые батареи. Когда дадут нормальное отопление?';
const Q2 = 'Когда отремонтируют дорогу на ул. Ширшова от рынка до вокзала?';
const Q3 = 'Во дворе дома на ул. Победы, 20 не горят фонари, вечером темно.';
const Q4 = 'Ширшова вся в ямах, будет ли ремонт дороги в этом году?';
const Q5 = 'Когда на стадионе Труд зальют каток для детей?';
const RESIDENT = { name: 'Петрова Анна Ивановна', address: 'ул. Сердюка, д. 12, кв. 57', contact: '+7 913 555-12-34' };
const A1 = 'Управляющая компания промыла систему отопления дома, температура батарей проверена 12 ноября.';
const FINAL2 = 'Ремонт ул. Ширшова включён в план дорожных работ на следующий год.';

async function docXml(download: Download): Promise<string> {
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  return strFromU8(files['word/document.xml']!);
}

/** Adds a question through the side panel (Ctrl+N) and waits for its card to open. */
async function addQuestion(page: Page, q: { text: string; topic: string; channel: string; district?: string; day: string; time: string }, expectedNumber: number) {
  await page.keyboard.press('Control+N');
  const panel = page.locator('.dl-side');
  await expect(panel.getByRole('heading', { name: 'Новый вопрос' })).toBeVisible();
  await page.locator('#f-receivedAt').fill(q.day);
  await page.locator('#f-receivedAt-time').fill(q.time);
  await page.locator('#f-channel').selectOption({ label: q.channel });
  await page.locator('#f-topic').selectOption(q.topic);
  if (q.district) await page.locator('#f-district').selectOption(q.district);
  await page.locator('#f-text').fill(q.text);
  await page.keyboard.press('Control+S');
  await expect(panel.getByRole('heading', { name: `Вопрос № ${expectedNumber}` })).toBeVisible();
}

const row = (page: Page, text: string) => page.locator('.dl-questions tbody tr', { hasText: text });

test('a direct line from the announcement to the published answers and the erased resident', async ({ app: page }) => {
  test.setTimeout(180_000);
  const panel = page.locator('.dl-side');
  const fieldError = (id: string) => page.locator('.field', { has: page.locator(`#${id}`) }).locator('.field-error');

  // ---- announce: a new session (Ctrl+N on the list), first without the one who answers ----
  await page.getByRole('link', { name: 'Прямые линии' }).click();
  await expect(page.locator('.dl-sessions tbody tr').first()).toBeVisible();
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('heading', { name: 'Новая прямая линия', level: 1 })).toBeVisible();
  await page.locator('#f-startsAt').fill(SESSION_DAY);
  await page.locator('#f-startsAt-time').fill('10:00');
  await page.locator('#f-format').selectOption({ label: 'радио' });
  await page.locator('#f-outletId').selectOption({ label: 'Газета «Маяк труда»' });
  await page.locator('#f-place').fill('редакция газеты «Маяк труда», ул. Победы, 52');
  await page.locator('#f-announcement').fill('Глава города ответит на вопросы жителей в прямом эфире. Телефон прямой линии 2-15-40.');
  await page.locator('#f-announcedAt').fill(dayIn(-17));
  await page.locator('#f-announcedAt-time').fill('12:00');
  await page.getByRole('button', { name: /Создать/ }).click();
  await expect(fieldError('f-official-name')).toHaveText('обязательное поле');
  await expect(page).toHaveURL(/#\/direct-lines\/new$/);

  await page.locator('#f-official-name').fill(OFFICIAL);
  await page.locator('#f-official-position').fill('Глава города Алейска');
  await page.keyboard.press('Control+S');
  await expect(page).toHaveURL(/#\/direct-lines\/[\w-]{36}$/);
  const sessionId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { name: `Прямая линия ${ru(SESSION_DAY)}, 10:00`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('session-status')).toHaveText('анонсирована');
  await expect(page.getByTestId('session-outlet')).toHaveText('Газета «Маяк труда»');
  await expect(page.locator('.dl-summary')).toContainText(`опубликован ${ru(dayIn(-17))}, 12:00`);
  await expect(page.locator('.dl-seg [aria-pressed="true"]')).toHaveText('анонсирована');

  // ---- questions before the hour; a question without a topic and text is refused ----
  await page.keyboard.press('Control+N');
  await expect(panel.getByRole('heading', { name: 'Новый вопрос' })).toBeVisible();
  await expect(panel.locator('.pd-box legend')).toContainText('персональные данные (152-ФЗ)');
  await page.keyboard.press('Control+S');
  await expect(fieldError('f-text')).toHaveText('обязательное поле');
  await expect(fieldError('f-topic')).toHaveText('обязательное поле');
  await expect(page.locator('.dl-questions')).toHaveCount(0);

  await page.locator('#f-receivedAt').fill(dayIn(-15));
  await page.locator('#f-receivedAt-time').fill('18:30');
  await page.locator('#f-channel').selectOption({ label: 'телефон' });
  await page.locator('#f-topic').selectOption('ЖКХ');
  await page.locator('#f-district').selectOption('микрорайон Центральный');
  await page.locator('#f-text').fill(Q1);
  await page.locator('#f-resident-name').fill(RESIDENT.name);
  await page.locator('#f-resident-address').fill(RESIDENT.address);
  await page.locator('#f-resident-contact').fill(RESIDENT.contact);
  await expect(page.locator('#f-resident-publishName')).not.toBeChecked();
  await page.keyboard.press('Control+S');
  await expect(panel.getByRole('heading', { name: 'Вопрос № 1' })).toBeVisible();
  await expect(row(page, Q1.slice(0, 30))).toContainText(RESIDENT.name);

  await addQuestion(page, { text: Q2, topic: 'Дороги', channel: 'сайт', district: 'микрорайон Вокзальный', day: dayIn(-16), time: '09:15' }, 2);
  await addQuestion(page, { text: Q3, topic: 'Уличное освещение', channel: 'ПОС «Решаем вместе»', day: dayIn(-15), time: '11:00' }, 3);
  await addQuestion(page, { text: Q4, topic: 'Дороги', channel: 'соцсети', day: dayIn(-15), time: '20:40' }, 4);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // ---- merge the duplicate: № 4 into № 2 ----
  await page.getByRole('checkbox', { name: 'Выбрать вопрос № 2' }).check();
  await page.getByRole('checkbox', { name: 'Выбрать вопрос № 4' }).check();
  await page.getByRole('button', { name: 'Объединить (2)' }).click();
  const mergeDialog = page.getByRole('dialog', { name: 'Объединить вопросы-дубликаты' });
  await expect(mergeDialog.getByRole('radio').first()).toBeChecked(); // № 2, the earlier one
  await mergeDialog.getByRole('button', { name: 'Объединить' }).click();
  await expect(row(page, Q4)).toContainText('дубликат № 2');
  await expect(row(page, Q2)).toContainText('+ дубликатов: 1');
  await expect(page.locator('[data-stat="received"]')).toContainText('из них дубликатов: 1');

  // ---- the global search finds a question and opens the card at it ----
  await page.getByRole('link', { name: 'СМИ' }).click();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('ширшова вокзала');
  await page.getByRole('option', { name: new RegExp(Q2.slice(0, 40)) }).click();
  await expect(page).toHaveURL(new RegExp(`#/direct-lines/${sessionId}$`));
  await expect(row(page, Q2)).toHaveClass(/highlight/);
  await expect(panel.getByRole('heading', { name: 'Вопрос № 2' })).toBeVisible();
  await expect(page.locator('#f-text')).toHaveValue(Q2);
  await page.keyboard.press('Escape');

  // ---- the live screen, by keyboard ----
  await page.getByRole('button', { name: /Экран эфира/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/direct-lines/${sessionId}/live$`));
  await page.getByRole('button', { name: /Начать эфир/ }).click();
  await expect(page.getByTestId('live-status')).toHaveText('идёт');
  const current = page.getByTestId('live-current');
  await expect(current).toContainText(Q1);
  await expect(page.getByTestId('timer-remaining')).toHaveText(/^(00:59|01:00):\d\d$/);
  await expect(page.getByTestId('timer-elapsed')).not.toHaveText('00:00:00', { timeout: 5_000 }); // it ticks
  await expect(page.getByTestId('live-progress')).toHaveText('Отвечено в эфире: 0 из 3');

  await page.locator('#dl-live-note').fill('Обещал проверить отопление до пятницы');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('live-progress')).toHaveText('Отвечено в эфире: 1 из 3');
  await expect(current).toContainText(Q2);
  await expect(page.locator('#dl-live-note')).toHaveValue('');

  await page.keyboard.press('Control+N');
  const addForm = page.locator('.dl-live-add');
  await expect(page.locator('#live-f-text')).toBeFocused();
  await page.keyboard.type(Q5);
  await page.locator('#live-f-topic').selectOption('Социальная сфера');
  await page.locator('#live-f-text').focus();
  await page.keyboard.press('Control+Enter');
  await expect(addForm).toHaveCount(0);
  await expect(page.locator('.dl-queue')).toContainText(Q5);
  await expect(page.getByTestId('live-progress')).toHaveText('Отвечено в эфире: 1 из 4');

  // «Следующий» with a note typed keeps the note on the question: taking it back from the queue shows it.
  await page.locator('#dl-live-note').fill('Уточнить сроки у дорожников');
  await page.keyboard.press('Control+ArrowDown');
  await expect(current).toContainText(Q3);
  await expect(page.locator('#dl-live-note')).toHaveValue('');
  await page.locator('.dl-queue li', { hasText: Q2 }).getByRole('button').click();
  await expect(current).toContainText(Q2);
  await expect(page.locator('#dl-live-note')).toHaveValue('Уточнить сроки у дорожников');
  await page.keyboard.press('Control+ArrowDown');
  await expect(current).toContainText(Q3);
  await expect(page.getByTestId('live-progress')).toHaveText('Отвечено в эфире: 1 из 4');
  await page.getByRole('button', { name: /Завершить эфир/ }).click();
  await page.getByRole('dialog', { name: 'Завершить эфир?' }).getByRole('button', { name: 'Завершить эфир' }).click();
  await expect(page.getByTestId('live-status')).toHaveText('проведена');
  await page.getByRole('button', { name: '← К карточке прямой линии' }).click();

  // ---- after the hour: the written answer to № 1, assignments for the rest ----
  await expect(row(page, Q1.slice(0, 30))).toContainText('отвечен в эфире');
  await expect(row(page, Q5)).toContainText('в эфире'); // its channel
  await row(page, Q1.slice(0, 30)).click();
  await expect(panel.locator('.dl-note')).toHaveText('Обещал проверить отопление до пятницы');
  await page.locator('#f-answer').fill(A1);
  await page.keyboard.press('Control+S');
  await expect(page.locator('.toast', { hasText: 'Вопрос сохранён.' })).toBeVisible();

  // № 2: refused before the session's day and without a department, then given.
  await row(page, Q2).click();
  await expect(panel.getByRole('heading', { name: 'Вопрос № 2' })).toBeVisible();
  await page.locator('#f-department').fill('управление по строительству и архитектуре');
  await page.locator('#f-deadline').fill(dayIn(-20));
  await panel.getByRole('button', { name: 'Поручить' }).click();
  await expect(fieldError('f-deadline')).toHaveText(`срок не может быть раньше дня прямой линии (${ru(SESSION_DAY)})`);
  await page.locator('#f-department').fill('');
  await page.locator('#f-deadline').fill(dayIn(10));
  await panel.getByRole('button', { name: 'Поручить' }).click();
  await expect(fieldError('f-department')).toHaveText('обязательное поле');
  await expect(row(page, Q2)).not.toContainText('поручено');
  await page.locator('#f-department').fill('управление по строительству и архитектуре');
  await page.locator('#f-responsible').fill('Кузнецов Павел Олегович');
  await panel.getByRole('button', { name: 'Поручить' }).click();
  await expect(panel.getByTestId('assignment-status')).toHaveText('поручено');
  await expect(row(page, Q2)).toContainText('поручено');

  // № 3: a deadline after the session but already past today → просрочено.
  await row(page, Q3).click();
  await page.locator('#f-department').fill('отдел по благоустройству');
  await page.locator('#f-deadline').fill(dayIn(-7));
  await panel.getByRole('button', { name: 'Поручить' }).click();
  await expect(panel.getByTestId('assignment-status')).toHaveText('просрочено');
  await expect(row(page, Q3)).toHaveClass(/overdue/);

  // № 4 (from the air).
  await row(page, Q5).click();
  await page.locator('#f-department').fill('комитет по социальной политике');
  await page.locator('#f-deadline').fill(dayIn(5));
  await panel.getByRole('button', { name: 'Поручить' }).click();
  await expect(panel.getByTestId('assignment-status')).toHaveText('поручено');

  // № 2 done, with the department's final answer.
  await row(page, Q2).click();
  await page.locator('#f-status').selectOption({ label: 'исполнено' });
  await page.locator('#f-finalAnswer').fill(FINAL2);
  await panel.getByRole('button', { name: 'Сохранить состояние' }).click();
  await expect(panel.getByTestId('assignment-status')).toHaveText('исполнено');
  await page.keyboard.press('Escape');

  // ---- the statistics of the session ----
  const stat = (id: string) => page.locator(`[data-stat="${id}"] .dl-tile-value`);
  await expect(stat('received')).toHaveText('5');
  await expect(stat('answered-live')).toHaveText('1');
  await expect(stat('assigned')).toHaveText('3');
  await expect(stat('done-on-time')).toHaveText('1');
  await expect(stat('overdue')).toHaveText('1');
  await expect(page.getByTestId('stats-channel')).toContainText('в эфире1');
  await expect(page.getByTestId('stats-topic').locator('li', { hasText: 'Дороги' })).toContainText('2'); // the duplicate counts
  await expect(page.locator('.dl-departments tbody tr', { hasText: 'отдел по благоустройству' }).locator('td').last()).toHaveText('1');

  // ---- the list: counts, year and status filters ----
  await page.getByRole('button', { name: '← Прямые линии' }).click();
  const ours = page.locator(`.dl-sessions tbody tr[data-id="${sessionId}"]`);
  await expect(ours.locator('[data-col="questions"]')).toContainText('4');
  await expect(ours.locator('[data-col="questions"]')).toContainText('всего 5');
  await expect(ours.locator('[data-col="answered-live"]')).toHaveText('1');
  await expect(ours.locator('[data-col="assigned"]')).toHaveText('3');
  await expect(ours.locator('[data-col="overdue"]')).toHaveText('1');
  await expect(ours).toContainText('Иванов С. П.');
  await expect(ours).toContainText('Газета «Маяк труда»');
  await expect(ours).not.toContainText(RESIDENT.name);
  const year = Number(SESSION_DAY.slice(0, 4));
  await page.getByRole('combobox', { name: 'Год' }).selectOption(String(year));
  await expect(ours).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Год' }).selectOption(String(year - 1));
  await expect(ours).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Год' }).selectOption('');
  await page.getByRole('combobox', { name: 'Статус' }).selectOption({ label: 'анонсирована' });
  await expect(ours).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Статус' }).selectOption({ label: 'проведена' });
  await expect(ours).toHaveCount(1);

  // ---- «Сегодня» on the Календарь page: the overdue one, and its link opens the session ----
  await page.getByRole('link', { name: 'Календарь' }).click();
  await expect(page.getByRole('heading', { name: 'Календарь', level: 1 })).toBeVisible();
  const item = page.getByTestId('today-panel').locator('.today-item', { hasText: Q3.slice(0, 40) });
  await expect(item).toHaveClass(/today-danger/);
  await expect(item).toContainText('Просрочено поручение: отдел по благоустройству');
  await expect(item).toContainText(`срок: ${ru(dayIn(-7))}`);
  await expect(page.getByTestId('today-panel').locator('.today-item', { hasText: Q5.slice(0, 30) })).toHaveCount(0); // due in 5 days: not yet
  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/direct-lines/${sessionId}$`));

  // ---- the Q&A: refused while two have no answer, then without them; no personal data in it ----
  await page.getByRole('button', { name: 'Вопросы и ответы (Word)' }).click();
  const refusal = page.getByRole('dialog', { name: 'Не на все вопросы есть ответ' });
  await expect(refusal).toContainText('Ещё нет письменного ответа на 2 вопроса (№ 3, № 4)');
  const [qa] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), refusal.getByRole('button', { name: 'Опубликовать без них' }).click()]);
  const xml = await docXml(qa);
  if (process.env.SHOTS_DIR) await qa.saveAs(path.join(process.env.SHOTS_DIR, 'dl-qa.docx')); // to render and look at
  expect(xml).toContain(Q1);
  expect(xml).toContain(A1);
  expect(xml).toContain(Q2);
  expect(xml).toContain(FINAL2);
  expect(xml).not.toContain(Q3);
  expect(xml).not.toContain(Q5);
  for (const value of [RESIDENT.name, 'Петрова', RESIDENT.address, 'кв. 57', RESIDENT.contact, '555-12-34']) expect(xml).not.toContain(value);

  const [assignments] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Поручения (Word)' }).click()]);
  const list = await docXml(assignments);
  for (const department of ['управление по строительству и архитектуре', 'отдел по благоустройству', 'комитет по социальной политике']) expect(list).toContain(department);

  // ---- the results are out; then «Обезличить» (irreversible, says what goes and what stays) ----
  await page.locator('.dl-seg').getByRole('button', { name: 'итоги опубликованы' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('итоги опубликованы');
  await page.getByRole('button', { name: 'Обезличить' }).click();
  const erase = page.getByRole('dialog', { name: 'Обезличить прямую линию?' });
  await expect(erase).toContainText('Это необратимо.');
  await expect(erase).toContainText('Удаляются: имена, адреса и контакты жителей — в 1 из 5 вопросов');
  await expect(erase).toContainText('Сохраняются: тексты вопросов, ответы, поручения, темы, районы и каналы');
  await expect(erase.getByTestId('anonymise-hits').locator('mark')).toHaveText(['ул. Сердюка, 12']); // the resident's address typed into Q1
  await erase.getByRole('button', { name: 'Отмена' }).click();
  await expect(row(page, Q1.slice(0, 30))).toContainText(RESIDENT.name); // cancelled: nothing erased

  await page.getByRole('button', { name: 'Обезличить' }).click();
  await erase.getByRole('button', { name: 'Обезличить безвозвратно' }).click();
  const notice = page.getByTestId('anonymise-notice');
  await expect(notice).toContainText('Персональные данные жителей удалены безвозвратно (1 вопрос). Вопросы, ответы и районы сохранены.');
  await expect(notice).not.toContainText('ещё встречаются');
  await expect(row(page, 'вторую неделю чуть тёплые')).toContainText('обезличено');
  await expect(page.locator('main')).not.toContainText(RESIDENT.name);
  await page.reload();
  await row(page, 'вторую неделю чуть тёплые').click();
  await expect(panel).toContainText('Данные жителя обезличены');
  await expect(page.locator('#f-resident-name')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('Петрова');
  await expect(page.locator('#f-text')).toHaveValue(Q1.replace('ул. Сердюка, 12', '[обезличено]')); // the question stays, the address erased
  await expect(page.locator('#f-answer')).toHaveValue(A1); // and its answer
});
