/** Two copies on one data folder: the second one only reads, says who holds the folder, and refuses to save. */
import os from 'node:os';
import { expect, startServer, test } from './fixtures';

test.use({ demo: true });

test('a second copy opens read-only and a save shows the Russian read-only error', async ({ page, server: holder }) => {
  const second = await startServer(holder.dataDir);
  try {
    await page.goto(second.url);
    const indicator = page.getByTestId('readonly-state');
    await expect(indicator).toContainText('Только чтение');
    await expect(indicator).toContainText(`папку использует ${os.userInfo().username} на компьютере ${os.hostname()}`);
    await expect(page.getByTestId('readonly-banner')).toContainText('Открыто только для чтения.');
    await expect(page.getByTestId('save-state')).toHaveText('Изменения не сохраняются');

    // Reading works…
    await page.getByRole('link', { name: 'СМИ', exact: true }).click(); // the start screen is Сводка
    const row = page.locator('.outlets-table tbody tr', { hasText: 'Маяк труда' });
    await row.click();
    await expect(page.locator('#f-name')).toHaveValue(/Маяк труда/); // the card shows its form once the outlet is in
    await page.locator('#f-notes').fill('Попытка записи');
    // …saving does not.
    await page.keyboard.press('Control+S');
    const error = page.locator('.card-panel .error-summary');
    await expect(error).toContainText('Открыто только для чтения: изменения не сохраняются.');
    await expect(error).toContainText('Папку данных сейчас использует');

    // The holder never saw the change.
    await page.goto(holder.url);
    await expect(page.getByTestId('readonly-state')).toHaveCount(0);
    await page.getByRole('link', { name: 'СМИ', exact: true }).click();
    await page.locator('.outlets-table tbody tr', { hasText: 'Маяк труда' }).click();
    await expect(page.locator('#f-notes')).not.toHaveValue('Попытка записи');
  } finally {
    await second.stop();
  }
});
