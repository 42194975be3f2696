/**
 * Релизы through the UI: a «новость» drafted from its template (headline, lead, formatted text pasted
 * from Word, a photo with caption and author), sent for approval, returned with a comment by the second
 * staff member, fixed, approved (with a reason: the checklist still fails), seen in the «согласовано»
 * column, exported to DOCX (formatting, numbering, caption, author and the image checked in the XML) and
 * found by another word form. And: text typed into the body survives the server being killed.
 */
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, startServer, test } from './fixtures';

test.use({ demo: true });

const WORD_HTML =
  '<p><b>Жирный</b> и <i>курсив</i></p><ul><li>пункт один</li><li>пункт два</li></ul>' +
  '<p style="mso-x:1"><o:p></o:p><u>дороги</u> <span style="color:red">ремонт</span></p><table><tr><td>ячейка</td></tr></table>';

async function pasteHtml(page: Page, html: string) {
  const body = page.getByTestId('rl-body');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await body.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', html.replace(/<[^>]+>/g, ' '));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function newRelease(page: Page, typeLabel: string): Promise<string> {
  await page.getByRole('link', { name: 'Релизы' }).click();
  await expect(page.getByRole('heading', { name: 'Релизы', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+N');
  await page.getByRole('dialog', { name: 'Новый релиз' }).getByRole('button', { name: typeLabel, exact: true }).click();
  await expect(page.locator('#f-headline')).toBeVisible();
  const id = /#\/releases\/([^/]+)/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

const saved = (page: Page) => expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);

async function pngBuffer(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const g = c.getContext('2d')!;
    g.fillStyle = '#2a7';
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#fff';
    g.fillRect(10, 10, 20, 20);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

test('a news release: template, paste, photo, return, fix, approve, board, DOCX, stemmed search', async ({ app: page }) => {
  test.setTimeout(120_000);
  const id = await newRelease(page, 'Новость');
  // The template filled the body with the organisation's boilerplate.
  await expect(page.getByTestId('rl-body')).toContainText('Пресс-служба');

  const headline = 'В Квазарово обновят освещение набережной';
  await page.locator('#f-headline').fill(headline);
  await expect(page.locator('.rl-counter').first()).toHaveText(/^\d+ \/ 100 зн\./);
  await page.locator('#f-lead').fill('x'.repeat(301));
  await expect(page.locator('.rl-counter.rl-over')).toContainText('301 / 300');
  await page.locator('#f-lead').fill('Работы начнутся в понедельник и займут две недели.');
  await expect(page.locator('.rl-counter.rl-over')).toHaveCount(0);

  await pasteHtml(page, WORD_HTML);
  const body = page.getByTestId('rl-body');
  await expect(body.locator('strong', { hasText: 'Жирный' })).toBeVisible();
  await expect(body.locator('em', { hasText: 'курсив' })).toBeVisible();
  await expect(body.locator('ul > li')).toHaveText(['пункт один', 'пункт два']);
  await expect(body.locator('p', { hasText: 'Жирный' })).not.toContainText('Пресс-служба'); // its own paragraph
  await expect(body).toContainText('дороги ремонт');
  await expect(body.locator('u, table, span[style]')).toHaveCount(0); // garbage dropped, text kept
  await expect(body).toContainText('ячейка');
  await saved(page);

  // A photo with its caption and author.
  await page.locator('#f-photo-file').setInputFiles({ name: 'naberezhnaya.png', mimeType: 'image/png', buffer: await pngBuffer(page) });
  await page.locator('#f-photo-caption').fill('Набережная до ремонта');
  await page.locator('#f-photo-author').fill('Пётр Снимков');
  await page.getByRole('button', { name: 'Добавить фото' }).click();
  await expect(page.getByTestId('rl-photo')).toHaveCount(1);
  await expect(page.getByTestId('rl-photo').locator('img')).toBeVisible();

  // Sent for approval by the author (the first staff member).
  const me = page.getByLabel('Я — сотрудник');
  await me.selectOption({ index: 0 });
  await page.getByRole('button', { name: 'На согласование' }).click();
  await expect(page.getByTestId('rl-status')).toHaveText('на согласовании');

  // The approver returns it; a comment is required.
  await me.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Вернуть на доработку' }).click();
  const back = page.getByRole('dialog', { name: 'Вернуть на доработку' });
  await back.getByRole('button', { name: 'Вернуть' }).click();
  await expect(back.locator('.field-error')).toHaveText('Заполните поле.');
  await back.getByLabel('Что исправить').fill('Уточните сроки работ в лиде.');
  await back.getByRole('button', { name: 'Вернуть' }).click();
  await expect(page.getByTestId('rl-status')).toHaveText('черновик');
  await expect(page.locator('.rl-comment-return')).toContainText('Уточните сроки работ в лиде.');

  // The author fixes the lead (autosaved) and sends it again.
  await me.selectOption({ index: 0 });
  await page.locator('#f-lead').fill('Работы начнутся 1 июня и продлятся до 14 июня.');
  await saved(page);
  await page.getByRole('button', { name: 'На согласование' }).click();
  await expect(page.getByTestId('rl-status')).toHaveText('на согласовании');

  // Approval with the checklist failing (no place, no date, no quote) asks for a reason.
  await me.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Согласовать' }).click();
  const why = page.getByRole('dialog', { name: /невыполненным чек-листом/ });
  await expect(why).toContainText('Место');
  await why.getByLabel('Причина').fill('Срочная новость, место и дату уточним на сайте.');
  await why.getByRole('button', { name: 'Согласовать' }).click();
  await expect(page.getByTestId('rl-status')).toHaveText('согласовано');
  await expect(page.locator('.rl-steps')).toContainText('согласован');

  // On the board, in the «согласовано» column.
  await page.getByRole('link', { name: '← Релизы' }).click();
  await expect(page.locator('.rl-column[data-status="approved"]').locator(`[data-id="${id}"]`)).toContainText(headline);
  await expect(page.locator('.rl-column[data-status="draft"]').locator(`[data-id="${id}"]`)).toHaveCount(0);

  // DOCX: bold and italic runs, list numbering, the photo with its caption and author.
  await page.locator(`[data-id="${id}"]`).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Экспорт в Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const docx = fs.readFileSync((await download.path())!);
  if (process.env.SHOTS_DIR) fs.writeFileSync(`${process.env.SHOTS_DIR}/rel-release.docx`, docx); // for people to look at
  const files = unzipSync(new Uint8Array(docx));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Жирный/s);
  expect(xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*<w:t[^>]*>курсив/s);
  expect(xml).toContain('<w:numPr>');
  expect(xml).toContain('пункт один');
  expect(xml).toContain('Набережная до ремонта');
  expect(xml).toContain('Пётр Снимков');
  expect(xml).toContain(headline);
  expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(true);

  // Found by another word form: the text says «дороги», the search «дорогам».
  await page.getByRole('link', { name: '← Релизы' }).click();
  await page.getByRole('link', { name: 'Список' }).click();
  await page.getByLabel('Поиск релизов').fill('Квазарово дорогам');
  const rows = page.locator('.rl-list tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(headline);
  await expect(rows.first().locator('.rl-snippet')).toContainText('дороги ремонт');
  await expect(rows.first().locator('.rl-snippet')).not.toContainText('дорогам');
});

test('text typed into the body survives the server being killed', async ({ app: page, server }) => {
  test.setTimeout(90_000);
  const id = await newRelease(page, 'Анонс');
  await page.locator('#f-headline').fill('Проверка аварийного сохранения');
  const body = page.getByTestId('rl-body');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Текст, набранный перед сбоем.');
  await saved(page);

  await server.stop('SIGKILL');
  const second = await startServer(server.dataDir);
  try {
    await page.goto(second.url);
    await expect(page.locator('.loading')).toHaveCount(0);
    await page.evaluate((id) => (window.location.hash = `#/releases/${id}`), id);
    await expect(page.locator('#f-headline')).toHaveValue('Проверка аварийного сохранения');
    await expect(page.getByTestId('rl-body')).toContainText('Текст, набранный перед сбоем.');
  } finally {
    await second.stop();
  }
});

test('Ctrl+S keeps a version; the history shows the change and restores it', async ({ app: page }) => {
  const id = await newRelease(page, 'Пост-релиз');
  await page.locator('#f-headline').fill('Субботник прошёл в парке Победы');
  await saved(page);
  await page.keyboard.press('Control+S');
  await expect(page.getByText(/Сохранена версия \d+/)).toBeVisible();

  await page.locator('#f-headline').fill('Субботник прошёл в сквере Молодёжном');
  await saved(page);
  await page.getByRole('link', { name: 'История версий' }).click();
  await expect(page).toHaveURL(new RegExp(`#/releases/${id}/history$`));
  const save = page.locator('.rl-version', { hasText: 'сохранение' }).first();
  await save.click();
  const headlineDiff = page.locator('.rl-diff-field', { has: page.getByRole('heading', { name: 'Заголовок' }) });
  await expect(headlineDiff.locator('del').first()).toContainText('парке');
  await expect(headlineDiff.locator('ins').first()).toContainText('сквере');
  await expect(headlineDiff.locator('del').first()).toHaveCSS('text-decoration-line', 'line-through');

  await page.getByRole('button', { name: 'Восстановить' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Восстановить' }).click();
  await expect(page.locator('#f-headline')).toHaveValue('Субботник прошёл в парке Победы');
  await page.reload();
  await expect(page.locator('#f-headline')).toHaveValue('Субботник прошёл в парке Победы');
});
