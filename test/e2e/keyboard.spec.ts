/** The keyboard: section keys, search keys, Ctrl+N / Ctrl+S / Esc, arrows in the list and in the search. */
import { expect, test } from './fixtures';

test.use({ demo: true });

test('Ctrl+K and «/» focus the search; Ctrl/Alt+digits switch sections', async ({ app: page }) => {
  const search = page.getByRole('combobox', { name: 'Поиск по всем разделам' });
  await expect(page.getByRole('heading', { name: 'Сводка', level: 1 })).toBeVisible(); // the start screen

  await page.keyboard.press('Control+K');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');

  const sections: [string, string, string][] = [
    ['Control+3', 'Мероприятия', 'events'],
    ['Control+2', 'Календарь', 'calendar'],
    ['Control+4', 'Релизы', 'releases'],
    ['Control+5', 'Прямые линии', 'direct-lines'],
    ['Control+6', 'Контракты', 'contracts'],
    ['Control+8', 'Отчёты', 'reports'],
    ['Control+9', 'Настройки', 'settings'],
    ['Alt+1', 'Сводка', 'summary'],
    ['Alt+7', 'СМИ', 'outlets'],
  ];
  for (const [keys, title, id] of sections) {
    await page.keyboard.press(keys);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/${id}$`));
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  // The place survives a reload.
  await page.keyboard.press('Control+8');
  await expect(page.getByRole('heading', { name: 'Отчёты', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Отчёты', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/reports$/);
});

test('global search: arrows and Enter open a hit; Ctrl+N, Ctrl+S and Esc work the card', async ({ app: page }) => {
  const search = page.getByRole('combobox', { name: 'Поиск по всем разделам' });
  await page.keyboard.press('Control+K');
  await page.keyboard.type('алейск');
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThan(1);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const title = (await options.nth(1).locator('.hit-title').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.locator('#outlet-card-title')).toHaveText(title);
  await expect(page).toHaveURL(/#\/outlets\/[\w-]+$/);
  await expect(search).toHaveValue('');

  // Esc closes the dropdown first, then the field; another Esc closes the card.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('zzzz-нет-такого');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.card-panel')).toHaveCount(0);
  await expect(page.locator('.outlets-table tbody tr.selected')).toHaveCount(0);

  // Staff members are found too, and open Настройки at their row.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Соколова');
  await expect(page.getByRole('option', { name: /Соколова Ирина Викторовна/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Настройки', level: 1 })).toBeVisible();
  await expect(page.locator('#f-staff-0-name')).toBeFocused();

  // Ctrl+N makes a new outlet in СМИ, Ctrl+S saves it, Esc closes it.
  await page.keyboard.press('Control+7');
  await page.keyboard.press('Control+N');
  await expect(page.locator('#outlet-card-title')).toHaveText('Новое СМИ');
  await expect(page.locator('#f-name')).toBeFocused();
  await page.keyboard.type('Газета «Клавиатурный вестник»');
  await page.keyboard.press('Control+S');
  await expect(page.locator('#outlet-card-title')).toHaveText('Газета «Клавиатурный вестник»');
  await page.keyboard.press('Escape');
  await expect(page.locator('.card-panel')).toHaveCount(0);
  const row = page.locator('.outlets-table tbody tr', { hasText: 'Клавиатурный вестник' });
  await expect(row).toBeFocused();

  // Arrows walk the rows, Enter opens one.
  await page.keyboard.press('ArrowDown');
  await expect(row).not.toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#outlet-card-title')).toHaveText('Газета «Клавиатурный вестник»');
});

test('Tab reaches the search, the sections and the list, with a visible focus ring', async ({ app: page }) => {
  await page.keyboard.press('Control+7'); // СМИ (the start screen is Сводка)
  await expect(page.locator('.outlets-table tbody tr').first()).toBeVisible();
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: 'Перейти к содержимому' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Поиск по всем разделам' })).toBeFocused();
  await page.keyboard.press('Tab');
  const first = page.getByRole('link', { name: 'Сводка' });
  await expect(first).toBeFocused();
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator('.outlets-table tbody tr').first().evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.locator('.outlets-table tbody tr').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.card-panel')).toBeVisible();
});
