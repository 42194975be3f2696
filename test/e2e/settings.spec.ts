/** Настройки: edit the organisation, and the data block: backup, check, export everything, import it back. */
import fs from 'node:fs';
import { expect, test } from './fixtures';

test.use({ demo: true });

test('settings save; backup, check, export and import of all data', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Настройки' }).click();
  const name = page.locator('#f-organisation-name');
  await expect(name).toHaveValue(/Администрация города Алейска/);
  const original = await name.inputValue();

  // Export everything first: this is what the import will bring back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Экспорт всех данных' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdbackup$/);
  const archive = (await download.path())!;
  expect(fs.statSync(archive).size).toBeGreaterThan(100);

  // A bad edit is refused at its field; a good one is saved.
  await name.fill('');
  await page.keyboard.press('Control+S');
  await expect(page.locator('.field', { has: name }).locator('.field-error')).toHaveText('обязательное поле');
  await name.fill('Администрация Тестового района');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.locator('.toast', { hasText: 'Настройки сохранены.' })).toBeVisible();
  await expect(page.locator('.topbar-org')).toHaveText('Администрация Тестового района');
  // Times are shown in the organisation's zone (the demo town is in Barnaul, UTC+7), not the computer's (Moscow here).
  const saveState = await page.getByTestId('save-state').textContent();
  const shown = /сохранены в (\d\d:\d\d)/.exec(saveState ?? '')?.[1];
  const barnaul = (ms: number) => new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Barnaul' }).format(ms);
  expect([barnaul(Date.now() - 60_000), barnaul(Date.now())]).toContain(shown);

  // Backup and check.
  await page.getByRole('button', { name: 'Создать резервную копию' }).click();
  await expect(page.locator('.toast', { hasText: 'Резервная копия создана' })).toBeVisible();
  await expect(page.locator('.facts')).not.toContainText('ещё не создавалась');
  await page.getByRole('button', { name: 'Проверить данные' }).click();
  await expect(page.getByTestId('check-report')).toContainText('Данные в порядке.');

  // Import: a confirmation first (cancel keeps everything), then the data is replaced.
  const dialog = page.getByRole('dialog', { name: 'Импорт из архива' });
  await page.getByTestId('import-file').setInputFiles(archive);
  await expect(dialog).toContainText('Все текущие данные будут заменены');
  await expect(dialog).toContainText('резервную копию');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(name).toHaveValue('Администрация Тестового района');

  await page.getByTestId('import-file').setInputFiles(archive);
  await dialog.getByRole('button', { name: 'Заменить данные' }).click();
  await expect(page.locator('.toast', { hasText: 'Данные импортированы' })).toBeVisible();
  await expect(name).toHaveValue(original);
  await expect(page.locator('.topbar-org')).toHaveText(original);
});

test('Настройки → Данные in browser mode: the data folder, where it came from, and how another is chosen', async ({ app: page, server }) => {
  await page.getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByTestId('data-dir')).toHaveText(server.dataDir);
  // The test server is started with --data-dir, as the page says.
  await expect(page.getByTestId('data-dir-source')).toHaveText('Папка задана при запуске параметром --data-dir.');
  await expect(page.getByTestId('data-dir-how')).toContainText('npm run web -- --data-dir ПАПКА');
  await expect(page.getByTestId('data-dir-how')).toContainText('PRESS_DESK_DATA_DIR');
  // No folder dialog in a browser: nothing offers one.
  await expect(page.getByRole('button', { name: 'Выбрать другую папку…' })).toHaveCount(0);
});
