/** First start: the welcome form refuses bad input (errors at the fields, nothing saved), then lets the user in. */
import { expect, test } from './fixtures';

const fieldError = (page: import('@playwright/test').Page, id: string) => page.locator('.field', { has: page.locator(`#${id}`) }).locator('.field-error');

test('bad input is refused at the right fields, valid input opens the app', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в Пресс-деск' })).toBeVisible();

  // Bad: no organisation name, a site that is not an address, a staff member without a name.
  await page.getByLabel('Город').fill('Алейск');
  await page.getByLabel('Официальный сайт').fill('aleysk');
  await page.getByLabel('Должность').fill('начальник отдела');
  await page.getByRole('button', { name: 'Начать работу' }).click();

  await expect(fieldError(page, 'f-organisation-name')).toHaveText('обязательное поле');
  await expect(page.locator('#f-organisation-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-organisation-name')).toBeFocused();
  await expect(fieldError(page, 'f-organisation-site')).toContainText('это не адрес сайта');
  await expect(fieldError(page, 'f-staff-0-name')).toHaveText('обязательное поле');
  await expect(fieldError(page, 'f-organisation-city')).toHaveCount(0);
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('Проверьте данные');
  await expect(summary).toContainText('Организация');
  await expect(summary).toContainText('ФИО сотрудника № 1');

  // Nothing was saved: a reload still shows the welcome form.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в Пресс-деск' })).toBeVisible();

  // Valid.
  await page.getByLabel('Название организации').fill('Администрация города Алейска');
  await page.getByLabel('Город').fill('Алейск');
  await page.getByLabel('Часовой пояс').selectOption({ label: 'Барнаул (UTC+7)' });
  await page.getByLabel('Официальный сайт').fill('https://aleysk.ru');
  await page.getByLabel('Официальная газета').fill('Маяк труда');
  await page.getByLabel('ФИО').fill('Соколова Ирина Викторовна');
  await page.getByLabel('Должность').fill('начальник отдела');
  await page.getByLabel('Роль').selectOption({ label: 'руководитель' });
  await page.getByRole('button', { name: 'Начать работу' }).click();

  await expect(page.getByRole('heading', { name: 'Сводка', level: 1 })).toBeVisible(); // the start screen
  await expect(page.locator('.topbar-org')).toHaveText('Администрация города Алейска');
  await page.getByRole('link', { name: 'СМИ', exact: true }).click();
  await expect(page.getByText('Справочник пуст.')).toBeVisible();
  await expect(page.getByTestId('save-state')).toContainText(/Все изменения сохранены в \d\d:\d\d/);

  // Saved for real: after a reload the app opens, and Настройки shows what was entered.
  await page.reload();
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.locator('#f-organisation-name')).toHaveValue('Администрация города Алейска');
  await expect(page.locator('#f-organisation-timeZone')).toHaveValue('Asia/Barnaul');
  await expect(page.locator('#f-staff-0-name')).toHaveValue('Соколова Ирина Викторовна');
  await expect(page.locator('#f-staff-0-role')).toHaveValue('head');
});

test('staff rows can be added and removed; the demo town opens the app filled', async ({ app: page }) => {
  await page.getByRole('button', { name: '+ Добавить сотрудника' }).click();
  await expect(page.locator('#f-staff-1-name')).toBeFocused();
  await expect(page.locator('.staff-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Удалить сотрудника 2' }).click();
  await expect(page.locator('.staff-row')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Удалить сотрудника 1' })).toBeDisabled();

  await page.getByRole('button', { name: 'Открыть демонстрационный город' }).click();
  await expect(page.getByRole('heading', { name: 'Сводка', level: 1 })).toBeVisible(); // the start screen
  await page.getByRole('link', { name: 'СМИ', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'СМИ', level: 1 })).toBeVisible();
  await expect(page.locator('.outlets-table tbody tr').first()).toBeVisible();
  await expect(page.getByRole('row', { name: /Маяк труда/ })).toBeVisible();
});
