/**
 * The frame: all nine sections in order; each page agrees with sections.ts (a section marked not built
 * shows an honest page and no data, a built one never says it is not built); online/offline in the status bar.
 */
import { sections } from '../../renderer/shell/sections';
import { expect, test } from './fixtures';

test.use({ demo: true });

test('the sidebar lists every section; unbuilt ones say so plainly, built ones do not', async ({ app: page }) => {
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  const links = nav.getByRole('link');
  await expect(links.locator('.nav-label')).toHaveText(['Сводка', 'Календарь', 'Мероприятия', 'Релизы', 'Прямые линии', 'Контракты', 'СМИ', 'Отчёты', 'Настройки']);
  for (const section of sections) {
    const link = nav.getByRole('link', { name: section.title, exact: true });
    await link.click();
    await expect(page.getByRole('heading', { name: section.title, level: 1 })).toBeVisible();
    if (section.built) {
      await expect(link).not.toHaveClass(/not-built/);
      await expect(page.getByText('Этот раздел ещё не сделан.')).toHaveCount(0);
    } else {
      await expect(link).toHaveClass(/not-built/);
      await expect(page.getByText('Этот раздел ещё не сделан.')).toBeVisible();
      await expect(page.locator('table')).toHaveCount(0); // nothing pretends to be data
    }
  }

  // Прямые линии is built: it lists the demo town's sessions.
  expect(sections.find((s) => s.id === 'direct-lines')!.built).toBe(true);
  await nav.getByRole('link', { name: 'Прямые линии', exact: true }).click();
  await expect(page.getByRole('button', { name: /Новая прямая линия/ })).toBeVisible();
  await expect(page.locator('.dl-sessions tbody tr').first()).toBeVisible();

  // Контракты is built: the register lists the demo town's contracts.
  expect(sections.find((s) => s.id === 'contracts')!.built).toBe(true);
  await nav.getByRole('link', { name: 'Контракты', exact: true }).click();
  await expect(page.getByRole('button', { name: /Новый контракт/ })).toBeVisible();
  await expect(page.locator('.ct-register tbody tr').first()).toBeVisible();

  // Календарь and Мероприятия are built: the month grid with the demo town's events, the list of events.
  expect(sections.find((s) => s.id === 'calendar')!.built).toBe(true);
  expect(sections.find((s) => s.id === 'events')!.built).toBe(true);
  await nav.getByRole('link', { name: 'Мероприятия', exact: true }).click();
  await expect(page.locator('.events-table tbody tr').first()).toBeVisible();

  // The Календарь page holds the grid and, beside it, the real «Сегодня» panel: the demo town has overdue assignments.
  await nav.getByRole('link', { name: 'Календарь', exact: true }).click();
  await expect(page.getByTestId('calendar-grid').locator('.fc-event').first()).toBeVisible();
  const today = page.getByTestId('today-panel');
  await expect(today.getByRole('heading', { name: 'Сегодня' })).toBeVisible();
  await expect(today.locator('.today-item.today-danger', { hasText: 'Просрочено поручение' }).first()).toBeVisible();
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
