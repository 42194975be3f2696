/**
 * Screenshots for people to look at: test-results/screens/*.png (and SHOTS_DIR too, if set).
 * Welcome (clean and with errors), the media list, an open card (and one with errors), Настройки,
 * Сводка (the start screen), the recovery banner, and a read-only second copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, makeDataDir, root, startServer, test, type Server } from './fixtures';

const outDirs = [path.join(root, 'test-results', 'screens'), ...(process.env.SHOTS_DIR ? [process.env.SHOTS_DIR] : [])];

async function shoot(page: Page, name: string) {
  await page.mouse.move(1300, 780); // no hover effects in the pictures
  const buffer = await page.screenshot();
  for (const dir of outDirs) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), buffer);
  }
}

async function withServer(dir: string, job: (server: Server) => Promise<void>) {
  const server = await startServer(dir);
  try {
    await job(server);
  } finally {
    await server.stop();
  }
}

test('screenshots of the main screens', async ({ page }) => {
  test.setTimeout(120_000);
  const dirs: string[] = [];
  try {
    const emptyDir = makeDataDir();
    dirs.push(emptyDir);
    await withServer(emptyDir, async (server) => {
      await page.goto(server.url);
      await expect(page.getByRole('heading', { name: 'Добро пожаловать в Пресс-деск' })).toBeVisible();
      await shoot(page, '1-welcome');
      await page.getByLabel('Официальный сайт').fill('aleysk');
      await page.getByRole('button', { name: 'Начать работу' }).click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await shoot(page, '1b-welcome-errors');
    });

    const demoDir = makeDataDir({ demo: true });
    dirs.push(demoDir);
    await withServer(demoDir, async (server) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'СМИ', exact: true }).click(); // the start screen is Сводка
      await expect(page.locator('.outlets-table tbody tr').first()).toBeVisible();
      await shoot(page, '2-outlets-list');

      await page.locator('.outlets-table tbody tr', { hasText: 'Маяк труда' }).click();
      await expect(page.locator('#outlet-card-title')).toHaveText('Газета «Маяк труда»');
      await shoot(page, '3-outlet-card');

      await page.keyboard.press('Control+N');
      await page.locator('#f-name').fill('Газета «Новая»');
      await page.getByRole('button', { name: '+ Добавить контакт' }).click();
      // The new row focuses its name field a tick later; typing before that would land there.
      await expect(page.locator('#f-contacts-0-name')).toBeFocused();
      await page.locator('#f-contacts-0-name').fill('Иванова Мария');
      await page.locator('#f-contacts-0-email').fill('не-почта');
      await page.keyboard.press('Control+S');
      await expect(page.locator('.card-panel .error-summary')).toBeVisible();
      await shoot(page, '3b-outlet-card-errors');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Уйти без сохранения' }).click();

      await page.getByRole('link', { name: 'Настройки' }).click();
      await page.getByRole('button', { name: 'Проверить данные' }).click();
      await expect(page.getByTestId('check-report')).toBeVisible();
      await shoot(page, '4-settings');

      await page.getByRole('link', { name: 'Сводка' }).click();
      await expect(page.getByTestId('summary-figures')).toBeVisible();
      await shoot(page, '5-summary');

      // A second copy on the same folder: read-only.
      await withServer(demoDir, async (second) => {
        await page.goto(second.url);
        await page.getByRole('link', { name: 'СМИ', exact: true }).click();
        await page.locator('.outlets-table tbody tr', { hasText: 'Маяк труда' }).click();
        await page.locator('#f-notes').fill('Правка');
        await page.keyboard.press('Control+S');
        await expect(page.locator('.card-panel .error-summary')).toBeVisible();
        await shoot(page, '7-read-only');
      });
    });

    const damagedDir = makeDataDir({ demo: true });
    dirs.push(damagedDir);
    cli(damagedDir, 'backup');
    fs.writeFileSync(path.join(damagedDir, 'data', 'outlets.json'), 'garbage');
    await withServer(damagedDir, async (server) => {
      await page.goto(server.url);
      await expect(page.getByTestId('recovery-banner')).toBeVisible();
      await shoot(page, '6-recovery-banner');
    });
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('screenshots of «Прямые линии» and the «Сегодня» panel', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = makeDataDir({ demo: true });
  try {
    await withServer(dir, async (server) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Прямые линии' }).click();
      const rows = page.locator('.dl-sessions tbody tr');
      await expect(rows.first()).toBeVisible();
      await shoot(page, 'dl-list');

      // A held session with open assignments: the card with its totals, then scrolled to the statistics.
      await rows.filter({ hasText: 'проведена' }).first().click();
      await expect(page.locator('.dl-questions tbody tr').first()).toBeVisible();
      await shoot(page, 'dl-card');
      await page.locator('.dl-breakdown').scrollIntoViewIfNeeded();
      await shoot(page, 'dl-card-stats');
      // Prefer a question whose assignment is still open; older sessions may have every one done.
      const questions = page.locator('.dl-questions tbody tr');
      const open = questions.filter({ has: page.locator('.dl-pill-info, .dl-pill-danger') });
      await ((await open.count()) > 0 ? open : questions).first().click();
      await expect(page.locator('.dl-side')).toBeVisible();
      await shoot(page, 'dl-question');

      // The announced one goes on air.
      await page.getByRole('button', { name: '← Прямые линии' }).click();
      await rows.filter({ hasText: 'анонсирована' }).first().click();
      await page.getByRole('button', { name: /Экран эфира/ }).click();
      await page.getByRole('button', { name: /Начать эфир/ }).click();
      await expect(page.getByTestId('live-status')).toHaveText('идёт');
      await page.locator('#dl-live-note').fill('Обещал проверить до пятницы');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('live-progress')).toContainText('1');
      await shoot(page, 'dl-live');
      await page.keyboard.press('Control+N');
      await expect(page.locator('.dl-live-add')).toBeVisible();
      await shoot(page, 'dl-live-add');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Календарь' }).click();
      await expect(page.getByTestId('today-panel').locator('.today-item').first()).toBeVisible();
      await shoot(page, 'dl-calendar-today');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('screenshots of «Контракты»', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = makeDataDir({ demo: true });
  try {
    await withServer(dir, async (server) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Контракты' }).click();
      const rows = page.locator('.ct-register tbody tr');
      await expect(rows.first()).toBeVisible();
      await shoot(page, 'ct-register');

      // The contract with warnings: control block, then the publications tab with the add form and its live quote.
      await rows.filter({ has: page.locator('.ct-badge-warning') }).first().click();
      await expect(page.getByTestId('ct-control')).toBeVisible();
      await shoot(page, 'ct-card');
      await page.keyboard.press('Control+N');
      await page.locator('#f-pub-volume').fill('5');
      await expect(page.getByTestId('ct-quote')).toContainText('₽');
      await page.locator('.tab-strip').scrollIntoViewIfNeeded();
      await shoot(page, 'ct-card-publications');
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: /Акты/ }).click();
      await shoot(page, 'ct-card-acts');
      await page.getByRole('tab', { name: /Условия/ }).click();
      await shoot(page, 'ct-card-terms');

      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Опубликованные акты' }).click();
      await expect(page.getByTestId('acts-summary')).toBeVisible();
      await shoot(page, 'ct-acts-register');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('screenshots of «Календарь» and «Мероприятия»', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = makeDataDir({ demo: true });
  try {
    await withServer(dir, async (server) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Календарь' }).click();
      const grid = page.getByTestId('calendar-grid');
      await expect(grid).toHaveAttribute('data-painted', /\d+/);
      await expect(page.getByTestId('today-panel').locator('.today-item, .today-empty').first()).toBeVisible();
      await shoot(page, 'cal-month'); // the month beside the «Сегодня» panel

      await page.getByRole('button', { name: 'Неделя', exact: true }).click();
      await expect(page.locator('.fc-timegrid')).toBeVisible();
      await shoot(page, 'cal-week');
      await page.getByRole('button', { name: 'Список', exact: true }).click();
      await expect(page.locator('.fc-list')).toBeVisible();
      await shoot(page, 'cal-agenda');

      // A repeating event's occurrence: the card beside the grid, then the scope question on saving it.
      await page.getByRole('button', { name: 'Месяц', exact: true }).click();
      await page.locator('.fc-event.ev-recurring').first().click();
      const card = page.getByTestId('event-card');
      await expect(card.getByTestId('series-note')).toBeVisible();
      await shoot(page, 'cal-card');
      await page.locator('#f-place').fill('Администрация города, малый зал');
      await page.keyboard.press('Control+S');
      await expect(page.getByRole('dialog', { name: 'Сохранить изменения' })).toBeVisible();
      await shoot(page, 'cal-scope-dialog');
      await page.getByRole('dialog', { name: 'Сохранить изменения' }).getByRole('button', { name: 'Отмена' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Уйти без сохранения' }).click();

      // A new event refused: no title, a cancellation without a reason.
      await page.keyboard.press('Control+N');
      await page.locator('#f-status').selectOption({ label: 'отменено' });
      await page.keyboard.press('Control+S');
      await expect(card.locator('.error-summary')).toBeVisible();
      await shoot(page, 'cal-card-errors');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Уйти без сохранения' }).click();

      await page.getByRole('link', { name: 'Мероприятия' }).click();
      await expect(page.locator('.events-table tbody tr').first()).toBeVisible();
      await shoot(page, 'cal-events');
      await page.locator('.events-table tbody tr').first().click();
      await expect(card.getByTestId('event-when')).toBeVisible();
      await shoot(page, 'cal-events-card');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('screenshots of «Релизы»', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = makeDataDir({ demo: true });
  try {
    await withServer(dir, async (server) => {
      await page.goto(server.url);
      await page.getByRole('link', { name: 'Релизы' }).click();
      await expect(page.locator('.rl-card').first()).toBeVisible();
      await shoot(page, 'rel-board');

      await page.getByRole('link', { name: 'Список' }).click();
      await page.getByLabel('Поиск релизов').fill('дорогам');
      await expect(page.locator('.rl-snippet').first()).toBeVisible();
      await shoot(page, 'rel-list-search');

      // A release waiting for approval whose checklist fails: approving asks for a reason.
      await page.getByLabel('Поиск релизов').fill('');
      await page.getByLabel('Статус').selectOption('review');
      // The list reloads after the filter changes: wait until only releases under review are shown.
      await expect(page.locator('.rl-list tbody .rl-status:not(.rl-status-review)')).toHaveCount(0);
      await expect(page.locator('.rl-list tbody .rl-status-review').first()).toBeVisible();
      await page.locator('.rl-list tbody tr').filter({ hasNot: page.locator('td.rl-ok') }).first().click();
      await expect(page.locator('#f-headline')).toBeVisible();
      await expect(page.getByTestId('rl-body')).toBeVisible();
      await shoot(page, 'rel-editor');
      await page.getByLabel('Я — сотрудник').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Согласовать' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await shoot(page, 'rel-approve-dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

      await page.locator('#f-lead').fill('Очень длинный лид. '.repeat(18));
      await expect(page.getByTestId('rl-save')).toHaveText(/Сохранено/);
      await page.locator('.rl-section[aria-label="Фотографии"]').scrollIntoViewIfNeeded();
      await shoot(page, 'rel-editor-photos');
      await page.getByRole('link', { name: 'История версий' }).click();
      await expect(page.locator('.rl-version').first()).toBeVisible();
      await page.locator('.rl-version').nth(1).click();
      await expect(page.locator('.rl-diff-text').first()).toBeVisible();
      await shoot(page, 'rel-history');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('screenshots of «Сводка» and «Отчёты»', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = makeDataDir({ demo: true });
  try {
    await withServer(dir, async (server) => {
      await page.goto(server.url);
      await expect(page.getByTestId('summary-figures').locator('.sm-figure').first()).toBeVisible();
      await shoot(page, 'rp-summary');

      await page.getByRole('link', { name: 'Отчёты', exact: true }).click();
      await expect(page.locator('.rp-figures').first()).toBeVisible();
      await shoot(page, 'rp-report');
      await page.locator('.rp-sentence textarea').first().fill('Правка предложения, сделанная вручную.');
      await page.locator('.rp-sentence').first().scrollIntoViewIfNeeded();
      await shoot(page, 'rp-report-edited');
      await page.locator('button.rp-figure').first().click();
      await expect(page.locator('dialog.rp-drill tbody tr').first()).toBeVisible();
      await shoot(page, 'rp-drill');
      await page.keyboard.press('Escape');
      await page.locator('#rp-charts').scrollIntoViewIfNeeded();
      await expect(page.locator('[data-testid^="chart-"] svg').first()).toBeVisible();
      await shoot(page, 'rp-charts');
      await page.locator('#rp-h-done').scrollIntoViewIfNeeded();
      await shoot(page, 'rp-tasks');

      await page.getByRole('link', { name: 'Показатели' }).click();
      await expect(page.locator('.rp-ind-table tbody tr').first()).toBeVisible();
      await shoot(page, 'rp-indicators');
      await page.locator('.rp-csv input[type="file"]').setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Дата;Площадка;Страница;Подписчиков\n01.12.2025;ВКонтакте;Администрация;1200\n31.13.2025;ОК;Администрация;300\n'),
      });
      await expect(page.getByTestId('csv-error')).toBeVisible();
      await page.getByTestId('csv-error').scrollIntoViewIfNeeded();
      await shoot(page, 'rp-indicators-csv-error');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
