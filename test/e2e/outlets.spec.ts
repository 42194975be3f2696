/** СМИ: create with a contact, field errors, edit, search, kind filter, archive with undo, Word export. */
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from './fixtures';

test.use({ demo: true });

const NAME = 'Радио «Заречье FM»';

test('media directory: create, edit, find, filter, archive, export', async ({ app: page }) => {
  const rows = page.locator('.outlets-table tbody tr');
  const ours = rows.filter({ hasText: 'Заречье' });
  const card = page.locator('.card-panel');
  const fieldError = (id: string) => card.locator('.field', { has: page.locator(`#${id}`) }).locator('.field-error');
  await page.getByRole('link', { name: 'СМИ', exact: true }).click(); // the start screen is Сводка
  await expect(rows.first()).toBeVisible();

  // Create, first with a bad e-mail in the contact.
  await page.getByRole('button', { name: '+ Новое СМИ' }).click();
  await expect(card.getByRole('heading', { name: 'Новое СМИ' })).toBeVisible();
  await expect(page.locator('#f-name')).toBeFocused();
  await page.locator('#f-name').fill(NAME);
  await page.locator('#f-kind').selectOption({ label: 'радио' });
  await card.getByRole('button', { name: '+ Добавить контакт' }).click();
  await expect(page.locator('#f-contacts-0-name')).toBeFocused();
  await page.locator('#f-contacts-0-name').fill('Смирнова Елена Павловна');
  await page.locator('#f-contacts-0-position').fill('главный редактор');
  await page.locator('#f-contacts-0-phone').fill('+7 (38553) 2-00-11');
  await page.locator('#f-contacts-0-email').fill('smirnova-at-zarechye');
  await card.getByRole('button', { name: 'Сохранить' }).click();

  await expect(fieldError('f-contacts-0-email')).toHaveText('это не адрес электронной почты (пример: press@admin.ru)');
  await expect(page.locator('#f-contacts-0-email')).toBeFocused();
  await expect(card.locator('.error-summary')).toContainText('E-mail контакта № 1');
  await expect(card.getByRole('heading', { name: 'Новое СМИ' })).toBeVisible();
  await expect(ours).toHaveCount(0);

  await page.locator('#f-contacts-0-email').fill('smirnova@zarechye.example.ru');
  await card.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(card.locator('.error-summary')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/outlets\/[\w-]+$/);
  await expect(ours).toHaveCount(1);
  await expect(ours).toHaveClass(/selected/);

  // Edit; the place and the changes survive a reload.
  await page.getByLabel('Официальный публикатор муниципальных правовых актов').check();
  await page.locator('#f-address').fill('658130, г. Алейск, ул. Сердюка, 97');
  await expect(card.getByText('Не сохранено')).toBeVisible();
  await page.keyboard.press('Control+S');
  await expect(card.getByText('Не сохранено')).toHaveCount(0);
  await page.reload();
  await expect(card.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(page.locator('#f-address')).toHaveValue('658130, г. Алейск, ул. Сердюка, 97');
  await expect(page.getByLabel('Официальный публикатор муниципальных правовых актов')).toBeChecked();
  await expect(page.locator('#f-contacts-0-email')).toHaveValue('smirnova@zarechye.example.ru');
  await card.getByRole('button', { name: 'Закрыть карточку (Esc)' }).click();
  await expect(card).toHaveCount(0);
  await expect(ours.locator('.mark')).toBeVisible(); // official publisher column
  await expect(ours).toContainText('Смирнова Елена Павловна');
  await expect(ours).toContainText('+7 (38553) 2-00-11');

  // Search: by the contact's name (not in the outlet's title), then a query that matches nothing.
  const search = page.getByRole('searchbox', { name: 'Поиск СМИ' });
  await search.fill('смирнова');
  await expect(rows).toHaveCount(1);
  await expect(ours).toHaveCount(1);
  await search.fill('заречье несуществующее');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('Ничего не найдено.')).toBeVisible();
  await search.fill('');
  await expect(ours).toHaveCount(1);

  // Filter by kind.
  const kind = page.locator('.toolbar').getByRole('combobox', { name: 'Вид СМИ' });
  await kind.selectOption({ label: 'радио' });
  await expect(ours).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Телекомпания' })).toHaveCount(0);
  await kind.selectOption({ label: 'ТВ' });
  await expect(rows.filter({ hasText: 'Телекомпания «Алейск-ТВ»' })).toHaveCount(1);
  await expect(ours).toHaveCount(0);
  await kind.selectOption({ label: 'Все виды' });

  // Archive: gone from Активные, present in Архив, undo brings it back.
  await ours.click();
  await card.getByRole('button', { name: 'В архив' }).click();
  const toast = page.locator('.toast', { hasText: 'СМИ перемещено в архив.' });
  await expect(toast).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(ours).toHaveCount(0);
  await page.getByRole('button', { name: 'Архив', exact: true }).click();
  await expect(ours).toHaveCount(1);
  await expect(ours.locator('.badge')).toHaveText('архив');
  await toast.getByRole('button', { name: 'Отменить' }).click();
  await expect(ours).toHaveCount(0);
  await page.getByRole('button', { name: 'Активные' }).click();
  await expect(ours).toHaveCount(1);

  // Export to Word: the document holds the table with our outlet.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Экспорт в Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toContain('Наименование СМИ');
  expect(xml).toContain(NAME);
  expect(xml).toContain('Смирнова Елена Павловна');
});

test('unsaved changes are guarded when leaving a card', async ({ app: page }) => {
  await page.getByRole('link', { name: 'СМИ', exact: true }).click(); // the start screen is Сводка
  const card = page.locator('.card-panel');
  await page.locator('.outlets-table tbody tr', { hasText: 'Маяк труда' }).click();
  await expect(card.getByRole('heading', { name: 'Газета «Маяк труда»' })).toBeVisible();
  await page.locator('#f-notes').fill('Черновик заметки');

  await page.getByRole('link', { name: 'Календарь' }).click();
  const dialog = page.getByRole('dialog', { name: 'Изменения не сохранены' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Остаться' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#f-notes')).toHaveValue('Черновик заметки');
  await expect(page).toHaveURL(/#\/outlets\//);

  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Уйти без сохранения' }).click();
  await expect(card).toHaveCount(0);
  await expect(page).toHaveURL(/#\/outlets$/);
  await page.locator('.outlets-table tbody tr', { hasText: 'Маяк труда' }).click();
  await expect(page.locator('#f-notes')).not.toHaveValue('Черновик заметки');
});
