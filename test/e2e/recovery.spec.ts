/** Damaged data and crashed sessions: the app restores what it can and says what happened. */
import fs from 'node:fs';
import path from 'node:path';
import { cli, expect, makeDataDir, startServer, test } from './fixtures';

test('a corrupt data file is moved aside, rebuilt from the backup and the journal history, and a banner says so', async ({ page }) => {
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
    await expect(banner).toContainText('По резервной копии «press-desk-');
    await expect(banner).toContainText('Все сохранённые записи на месте.');
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

test('a record that fails its checks is set aside, listed in Настройки → Данные, and can be discarded', async ({ page }) => {
  const dir = makeDataDir({ demo: true });
  const file = path.join(dir, 'data', 'outlets.json');
  const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
  const spoilt = snap.records[0];
  spoilt.kind = 'hologram'; // a value only a newer version knows
  fs.writeFileSync(file, JSON.stringify(snap));
  const server = await startServer(dir);
  try {
    await page.goto(server.url);
    const banner = page.getByTestId('recovery-banner');
    await expect(banner).toContainText(`Не прошли проверку и отложены (Настройки → Данные → Отложенные записи) — 1 запись: «${spoilt.name}»`);
    await page.getByRole('link', { name: 'Настройки' }).click();
    const box = page.getByTestId('quarantine');
    await expect(box).toContainText(spoilt.name);
    await expect(box).toContainText('Вид СМИ');
    // Putting it back is refused while it still fails, and it stays listed.
    await box.getByRole('button', { name: 'Восстановить' }).click();
    await expect(page.locator('.toast', { hasText: 'Запись всё ещё не проходит проверку' })).toBeVisible();
    await expect(box).toContainText(spoilt.name);
    await box.getByRole('button', { name: 'Удалить' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
    await expect(page.locator('.toast', { hasText: 'Отложенная запись удалена.' })).toBeVisible();
    await expect(box).toHaveCount(0);
    expect(fs.readdirSync(path.join(dir, 'quarantine'))).toEqual([]);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder written by a newer version opens read-only and says to update; nothing in it changes', async ({ page }) => {
  const dir = makeDataDir({ demo: true });
  const file = path.join(dir, 'data', 'outlets.json');
  const newer = JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), format: 7 });
  fs.writeFileSync(file, newer);
  const server = await startServer(dir);
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('readonly-banner')).toContainText('Папка создана более новой версией Пресс-деска (формат 7): обновите программу.');
    await expect(page.getByTestId('recovery-banner')).toHaveCount(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(newer);
    expect(fs.existsSync(path.join(dir, 'corrupt'))).toBe(false);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
