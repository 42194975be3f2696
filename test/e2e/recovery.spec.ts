/** Damaged data and crashed sessions: the app restores what it can and says what happened. */
import fs from 'node:fs';
import path from 'node:path';
import { cli, expect, makeDataDir, startServer, test } from './fixtures';

test('a corrupt data file is moved aside, restored from the backup, and a banner says so', async ({ page }) => {
  const dir = makeDataDir({ demo: true });
  cli(dir, 'backup');
  fs.writeFileSync(path.join(dir, 'data', 'outlets.json'), '{"format":1,"collection":"outl\u0000garbage');
  const server = await startServer(dir);
  try {
    await page.goto(server.url);
    const banner = page.getByTestId('recovery-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Данные восстановлены после повреждения файла');
    await expect(banner).toContainText('outlets.json');
    await expect(banner).toContainText('восстановлены из резервной копии');
    // The banner names where the damaged file went, and it really is there (never deleted).
    const movedTo = /перемещён в «([^»]+)»/.exec((await banner.textContent()) ?? '')?.[1];
    expect(movedTo, 'the banner says where the file was moved').toBeTruthy();
    expect(movedTo).toMatch(/outlets\.json$/);
    expect(fs.readFileSync(path.resolve(dir, movedTo!), 'utf8')).toContain('garbage');
    // The outlets are back.
    await page.getByRole('link', { name: 'СМИ', exact: true }).click(); // the start screen is Сводка
    await expect(page.getByRole('row', { name: /Газета «Маяк труда»/ })).toBeVisible();
    expect(await page.locator('.outlets-table tbody tr').count()).toBeGreaterThan(5);

    // Dismissed for this session: stays hidden after a reload.
    await banner.getByRole('button', { name: 'Понятно, скрыть' }).click();
    await expect(banner).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'СМИ', level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('after a crash the stale folder lock is taken over, with a banner', async ({ page }) => {
  const dir = makeDataDir({ demo: true });
  const crashed = await startServer(dir);
  await crashed.stop('SIGKILL'); // leaves its lock file behind
  expect(fs.existsSync(path.join(dir, 'press-desk.lock'))).toBe(true);
  const server = await startServer(dir);
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('stale-lock-banner')).toContainText('Предыдущий сеанс завершился аварийно; блокировка папки снята.');
    await expect(page.getByTestId('readonly-state')).toHaveCount(0);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
