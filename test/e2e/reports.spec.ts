/**
 * Отчёты and Сводка over the demo town: the report for the demo year (figures, the records behind one,
 * an edited sentence, a task set in one report and marked in the next, Word export checked in its XML),
 * indicators by hand and from CSV (a bad file refused with its line and column, nothing imported),
 * and the home screen's figures and attention items.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';

test.use({ demo: true });

const YEAR = new Date().getFullYear() - 1; // the demo's last full year: the report opens on it
const EDITED = `В ${YEAR} году пресс-служба подготовила отчёт в Пресс-деске (правка для проверки).`;
const TASK = 'Запустить новую версию официального сайта';
const COMMENT = 'Перенесено: конкурс на разработку не состоялся';

const saved = (page: Page) => expect(page.getByTestId('rp-save')).toHaveText(/Сохранено в \d\d:\d\d/);

async function openReports(page: Page) {
  await page.getByRole('link', { name: 'Отчёты', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Отчёты', level: 1 })).toBeVisible();
}

test('the report for the demo year: drill into a figure, edit a sentence, mark a task, export to Word', async ({ app: page }) => {
  test.setTimeout(120_000);
  await openReports(page);
  await expect(page.getByRole('heading', { name: `Информационная политика: отчёт за ${YEAR} год` })).toBeVisible();
  await expect(page.locator('.rp-figures').first()).toBeVisible();
  expect(await page.locator('.rp-figures th', { hasText: `${YEAR - 1} год` }).count()).toBeGreaterThan(0); // the previous year beside it

  // A figure opens the records behind it; Esc closes the list.
  const figure = page.locator('button.rp-figure').first();
  await figure.click();
  const drill = page.locator('dialog.rp-drill');
  await expect(drill).toBeVisible();
  await expect(drill.locator('tbody tr').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drill).toHaveCount(0);

  // Set a task in the previous year's report, for this year.
  await page.getByLabel('Год', { exact: true }).selectOption(String(YEAR - 1));
  await expect(page.getByRole('heading', { name: `Информационная политика: отчёт за ${YEAR - 1} год` })).toBeVisible();
  await page.getByRole('button', { name: '+ Добавить задачу' }).click();
  const newTask = page.locator('.rp-next textarea').last();
  await expect(newTask).toBeFocused();
  await page.keyboard.type(TASK);
  // Ctrl+N adds another; Alt+↑ moves it above ours; × removes it, «Отменить» would bring it back.
  await page.keyboard.press('Control+N');
  await expect(page.locator('.rp-next textarea').last()).toBeFocused();
  await page.keyboard.type('Черновая задача');
  await page.keyboard.press('Alt+ArrowUp');
  const texts = page.locator('.rp-next textarea');
  const count = await texts.count();
  await expect(texts.nth(count - 2)).toHaveValue('Черновая задача');
  await expect(texts.nth(count - 1)).toHaveValue(TASK);
  await page.getByRole('button', { name: `Удалить задачу ${count - 1}` }).click();
  await expect(texts).toHaveCount(count - 1);
  await expect(page.getByRole('button', { name: 'Отменить' })).toBeVisible();
  await saved(page);

  // Back in the demo year: edit a sentence (it says it was edited), go back on another, mark the task.
  await page.getByLabel('Год', { exact: true }).selectOption(String(YEAR));
  await expect(page.getByRole('heading', { name: `Информационная политика: отчёт за ${YEAR} год` })).toBeVisible();
  const sentences = page.locator('.rp-sentence');
  await expect(sentences.first()).toBeVisible();
  const first = sentences.first().locator('textarea');
  await first.fill(EDITED);
  await expect(sentences.first().getByText('изменено вручную')).toBeVisible();

  const second = sentences.nth(1);
  const original = await second.locator('textarea').inputValue();
  await second.locator('textarea').fill('Временная правка.');
  await second.getByRole('button', { name: 'Вернуть как было' }).click();
  await expect(second.locator('textarea')).toHaveValue(original);
  await expect(second.getByText('изменено вручную')).toHaveCount(0);

  const task = page.locator('.rp-done', { hasText: TASK });
  await expect(task).toBeVisible();
  await task.getByLabel('не выполнена').check();
  await task.getByLabel(/комментарий/).fill(COMMENT);
  await page.keyboard.press('Control+S');
  await saved(page);

  // Everything is kept: after a reload the edits are there.
  await page.reload();
  await expect(page.locator('.rp-sentence').first().locator('textarea')).toHaveValue(EDITED);
  await expect(page.locator('.rp-sentence').first().getByText('изменено вручную')).toBeVisible();
  await expect(task.getByLabel('не выполнена')).toBeChecked();
  await expect(task.getByLabel(/комментарий/)).toHaveValue(COMMENT);
  await expect(page.locator('[data-testid^="chart-"] svg').first()).toBeVisible(); // ECharts drew the backend's option

  // The addressee is a setting; the title page shows it.
  const council = page.locator('.rp-council');
  await council.getByRole('button', { name: 'Изменить' }).click();
  await council.getByLabel('Кому адресован отчёт').fill('');
  await council.getByRole('button', { name: 'Сохранить' }).click();
  await expect(council.locator('.error-summary')).toBeVisible(); // an empty addressee is refused
  await council.getByLabel('Кому адресован отчёт').fill('Тестовскому городскому Собранию депутатов');
  await council.getByRole('button', { name: 'Сохранить' }).click();
  await expect(council.locator('.rp-council-name')).toHaveText('Тестовскому городскому Собранию депутатов');

  // Word: the edited sentence, the tables with the previous year, the charts as pictures.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Выгрузить в Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toContain(EDITED);
  expect(xml).toContain(COMMENT);
  expect(xml).toContain('Тестовскому городскому Собранию депутатов');
  expect(xml).toContain('<w:tbl>');
  expect(xml).toContain(`${YEAR - 1}`);
  const media = Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f));
  expect(media.length).toBeGreaterThan(0);
  expect(xml).toContain('<w:drawing>');

  // A record behind a figure opens in its own section (a release in Релизы).
  await page.locator('#rp-section-releases button.rp-figure').first().click();
  await drill.locator('tbody tr a').first().click();
  await expect(drill).toHaveCount(0);
  await expect(page).toHaveURL(/#\/releases\/[\w-]+$/);
  await page.goBack();
  await expect(page.getByRole('heading', { name: `Информационная политика: отчёт за ${YEAR} год` })).toBeVisible();

  // A period with no data says so instead of showing zeros.
  await page.getByLabel('Год', { exact: true }).selectOption(String(new Date().getFullYear() - 11));
  await expect(page.locator('.rp-empty')).toContainText('данных нет');
  await expect(page.locator('.rp-figures .rp-nodata').first()).toHaveText('нет данных');
});

test('indicators: a row by hand, removed and restored; a bad CSV refused by line and column, a good one imported', async ({ app: page }) => {
  await openReports(page);
  await page.getByRole('link', { name: 'Показатели' }).click();
  await expect(page.getByRole('tab', { name: 'Подписчики' })).toHaveAttribute('aria-selected', 'true');
  const rows = page.locator('.rp-ind-table tbody tr');

  // By hand: a negative count is refused at its field, then saved.
  await page.keyboard.press('Control+N');
  const form = page.locator('.rp-ind-form');
  await form.getByLabel('Страница').fill('Глава города (тест)');
  await form.getByLabel('Подписчиков').fill('-5');
  await page.keyboard.press('Control+S');
  await expect(form.locator('.field-error')).toContainText('не может быть отрицательным');
  await form.getByLabel('Подписчиков').fill('4 321');
  await page.keyboard.press('Control+S');
  await expect(form).toHaveCount(0);
  const mine = rows.filter({ hasText: 'Глава города (тест)' });
  await expect(mine).toContainText('4 321');
  await mine.getByRole('button', { name: 'Изменить' }).click();
  await expect(form.getByLabel('Подписчиков')).toHaveValue('4321');
  await form.getByLabel('Подписчиков').fill('4322');
  await page.keyboard.press('Control+S');
  await expect(mine).toContainText('4 322');
  const before = await rows.count();

  // Removed, then back with «Отменить».
  await mine.getByRole('button', { name: 'Удалить' }).click();
  await expect(mine).toHaveCount(0);
  await page.getByRole('button', { name: 'Отменить' }).click();
  await expect(mine).toHaveCount(1);
  await expect(rows).toHaveCount(before);

  // A CSV with a negative number on line 3: refused, naming the line and the column; nothing imported.
  const file = page.locator('.rp-csv input[type="file"]');
  const bad = 'Дата;Площадка;Страница;Подписчиков;Источник\n01.12.2025;ВКонтакте;Импорт CSV (тест);1200;стат\n01.12.2025;Telegram;Импорт CSV (тест);-3;стат\n';
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const error = page.getByTestId('csv-error');
  await expect(error).toContainText('Строка 3');
  await expect(error).toContainText('Подписчиков');
  await expect(rows.filter({ hasText: 'Импорт CSV (тест)' })).toHaveCount(0);
  await expect(rows).toHaveCount(before);

  const good = bad.replace('-3', '310');
  await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await expect(error).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Импорт CSV (тест)' })).toHaveCount(2);
  await expect(rows).toHaveCount(before + 2);

  // The other kinds are tabs of their own, with their columns.
  await page.getByRole('tab', { name: 'Онлайн-голосования' }).click();
  await expect(page.getByRole('columnheader', { name: 'Участников' })).toBeVisible();
  await page.getByRole('tab', { name: 'Инцидент-менеджмент' }).click();
  await expect(page.getByRole('columnheader', { name: 'Поступило' })).toBeVisible();
});

test('Сводка: the year to date beside last year, attention items, and the way into the sections', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Сводка', level: 1 })).toBeVisible(); // the start screen
  const figures = page.getByTestId('summary-figures').locator('.sm-figure');
  await expect(figures.first()).toBeVisible();
  expect(await figures.count()).toBeGreaterThan(3);
  await expect(figures.first().locator('.sm-figure-prev')).toContainText(`${new Date().getFullYear() - 1} г.`);

  const attention = page.getByTestId('summary-attention').locator('.today-item');
  await expect(attention.first()).toBeVisible();
  await attention.first().locator('.sm-attention-title').click();
  await expect(page).not.toHaveURL(/#\/summary$/);

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { name: 'Сводка', level: 1 })).toBeVisible();
  await page.locator('.sm-link', { hasText: 'Контракты' }).click();
  await expect(page.getByRole('heading', { name: 'Контракты', level: 1 })).toBeVisible();
});
