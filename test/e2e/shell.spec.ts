/** The frame: all eight sections in order, honest pages for the ones not built, online/offline in the status bar. */
import { expect, test } from './fixtures';

test.use({ demo: true });

test('the sidebar lists every section; unbuilt ones say so plainly', async ({ app: page }) => {
  const links = page.getByRole('navigation', { name: 'Разделы' }).getByRole('link');
  await expect(links.locator('.nav-label')).toHaveText(['Календарь', 'Мероприятия', 'Релизы', 'Прямые линии', 'Контракты', 'СМИ', 'Отчёты', 'Настройки']);
  for (const title of ['Календарь', 'Мероприятия', 'Релизы', 'Прямые линии', 'Контракты', 'Отчёты']) {
    await links.getByText(title, { exact: true }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText('Этот раздел ещё не сделан.')).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0); // nothing pretends to be data
  }
});

test('the status bar shows online/offline and the data folder', async ({ app: page, context, server }) => {
  const online = page.getByTestId('online-state');
  await expect(online).toHaveText('В сети');
  await context.setOffline(true);
  await expect(online).toHaveText('Нет сети');
  await context.setOffline(false);
  await expect(online).toHaveText('В сети');
  await expect(page.locator('.statusbar')).toContainText(`Папка данных: ${server.dataDir}`);
  await expect(page.getByTestId('save-state')).toHaveText('Все изменения сохранены');
});
