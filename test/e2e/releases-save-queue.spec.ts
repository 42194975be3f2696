/**
 * The release editor's one save queue (issue 13): text typed and a photo added at once, then the
 * editor closed, twenty times over — the text is never lost and never becomes a conflict version;
 * a save the backend refuses (an edit from outside to the same field, a headline too long) never
 * leaves the status bar saying «Все изменения сохранены»; an outside edit to another field merges.
 */
import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';

test.use({ demo: true });
// The machine running the suite may be busy: a demo town to set up, twenty editor visits.
test.describe.configure({ timeout: 120_000 });

interface Stored {
  revision: number;
  headline: string;
  lead: string;
  place: string;
  photos: { author: string }[];
}
const bodyText = (r: { body: unknown }) => JSON.stringify(r.body);

async function smallPng(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const g = c.getContext('2d')!;
    g.fillStyle = '#2a7';
    g.fillRect(0, 0, 64, 48);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

async function staffId(page: Page): Promise<string> {
  const options = await callApi<{ staff: { id: string }[] }>(page, 'releases.options', {});
  return options.staff[0]!.id;
}

const saveState = (page: Page) => page.getByTestId('save-state');

async function openFromBoard(page: Page, id: string) {
  await page.goto(page.url().replace(/#.*$/, '#/releases'));
  const card = page.locator('.rl-column[data-status="draft"]').locator(`[data-id="${id}"]`);
  await card.click();
  await expect(page.locator('#f-headline')).toBeVisible();
}

test('text typed, a photo added at once, the editor closed: twenty times, nothing lost', async ({ app: page }) => {
  test.setTimeout(240_000);
  const by = await staffId(page);
  const png = await smallPng(page);
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) ids.push((await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: `Черновик ${i}`, template: true })).id);

  const failures: string[] = [];
  for (const [i, id] of ids.entries()) {
    await openFromBoard(page, id);
    await page.locator('#f-headline').fill(`Заголовок номер ${i}`);
    await page.locator('#f-lead').fill(`Лид номер ${i}`);
    const body = page.getByTestId('rl-body');
    await body.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`Текст номер ${i}`);
    await page.locator('#f-photo-file').setInputFiles({ name: `foto${i}.png`, mimeType: 'image/png', buffer: png });
    await page.locator('#f-photo-author').fill('Пётр Снимков');
    // Closed while the photo is on its way to the backend (the user does not wait for «Загрузка…» to end).
    const sent = page.waitForRequest(/releases\.addPhoto/);
    await page.getByRole('button', { name: 'Добавить фото' }).click();
    await sent;
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Релизы', level: 1 })).toBeVisible();

    // Reopened from the board: what was typed is there, and so is the photo.
    await openFromBoard(page, id);
    await expect(page.getByTestId('rl-photo')).toHaveCount(1);
    const headline = await page.locator('#f-headline').inputValue();
    const lead = await page.locator('#f-lead').inputValue();
    const text = await page.getByTestId('rl-body').innerText();
    if (headline !== `Заголовок номер ${i}` || lead !== `Лид номер ${i}` || !text.includes(`Текст номер ${i}`)) failures.push(`run ${i}: «${headline}» / «${lead}» / «${text.slice(0, 40)}»`);
    const stored = await callApi<Stored & { body: unknown }>(page, 'releases.get', { id });
    expect(stored.photos.map((p) => p.author)).toEqual(['Пётр Снимков']);
    if (!bodyText(stored).includes(`Текст номер ${i}`)) failures.push(`run ${i}: body not stored`);
    const versions = await callApi<{ reason: string }[]>(page, 'releases.versions', { id });
    if (versions.some((v) => v.reason === 'conflict')) failures.push(`run ${i}: a conflict version in one window`);
    await page.keyboard.press('Escape');
  }
  expect(failures).toEqual([]);
});

test('an outside edit to the same field: a conflict the user sees and resolves, never «saved»', async ({ app: page }) => {
  const by = await staffId(page);
  const { id } = await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: 'Исходный заголовок', template: true });
  await openFromBoard(page, id);
  await expect(saveState(page)).toContainText('Все изменения сохранены');

  // Another window changes the headline; this editor still holds the old revision.
  await callApi(page, 'releases.saveDraft', { id, by, headline: 'Заголовок из другого окна' });
  await page.locator('#f-headline').fill('Мой заголовок');
  await expect(page.getByTestId('rl-save')).toContainText('Не сохранено');
  await expect(saveState(page)).toContainText('Не сохранено');
  await page.waitForTimeout(1500); // nothing turns it into «saved» on its own
  await expect(saveState(page)).not.toContainText('Все изменения сохранены');

  await page.getByRole('button', { name: 'Оставить мой вариант' }).click();
  await expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);
  await expect(saveState(page)).toContainText('Все изменения сохранены');
  expect((await callApi<Stored>(page, 'releases.get', { id })).headline).toBe('Мой заголовок');
});

test('an outside edit to another field merges: both changes kept, no conflict shown', async ({ app: page }) => {
  const by = await staffId(page);
  const { id } = await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: 'Исходный заголовок', template: true });
  await openFromBoard(page, id);
  await callApi(page, 'releases.saveDraft', { id, by, place: 'Дом культуры' });
  await page.locator('#f-headline').fill('Заголовок после слияния');
  await expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);
  await expect(page.locator('#f-place')).toHaveValue('Дом культуры');
  const stored = await callApi<Stored>(page, 'releases.get', { id });
  expect([stored.headline, stored.place]).toEqual(['Заголовок после слияния', 'Дом культуры']);
});

test('a save refused at the door (headline too long) shows as not saved in the status bar', async ({ app: page }) => {
  const by = await staffId(page);
  const { id } = await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: 'Короткий', template: true });
  await openFromBoard(page, id);
  await page.locator('#f-headline').fill('д'.repeat(501));
  await expect(page.getByTestId('rl-save')).toContainText('Не сохранено');
  await expect(saveState(page)).toContainText('Не сохранено');
  // Leaving the editor does not make the refused text «saved» either.
  await page.getByRole('link', { name: '← Релизы' }).click();
  await expect(saveState(page)).toContainText('Не сохранено');
  await page.locator('.rl-column[data-status="draft"]').locator(`[data-id="${id}"]`).click();
  await page.locator('#f-headline').fill('Короткий и верный');
  await expect(saveState(page)).toContainText('Все изменения сохранены');
});

test('a field waiting behind a save in flight, changed in another window meanwhile: the conflict prompt, not an overwrite', async ({ app: page }) => {
  const by = await staffId(page);
  const { id } = await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: 'Исходный заголовок', lead: 'Исходный лид', template: true });
  await openFromBoard(page, id);
  // The editor's first save is held in the browser until the other window has written.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let first = true;
  await page.route('**/api/releases.saveDraft', async (route) => {
    if (!first) return route.continue();
    first = false;
    await held;
    await route.continue();
  });
  const sent = page.waitForRequest(/releases\.saveDraft/);
  await page.locator('#f-headline').fill('Мой заголовок');
  await sent;
  await callApi(page, 'releases.saveDraft', { id, by, lead: 'Лид из другого окна' });
  await page.locator('#f-lead').fill('Мой лид');
  release();
  await expect(page.getByTestId('rl-save')).toContainText('Не сохранено');
  await expect(page.getByTestId('rl-save')).toContainText('лид');
  await page.waitForTimeout(1500);
  expect((await callApi<Stored>(page, 'releases.get', { id })).lead).toBe('Лид из другого окна');
});

test('an outside edit, then Ctrl+S with nothing typed: the version is saved, and again on the next Ctrl+S', async ({ app: page }) => {
  const by = await staffId(page);
  const { id } = await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: 'Исходный заголовок', template: true });
  await openFromBoard(page, id);
  await callApi(page, 'releases.saveDraft', { id, by, place: 'Дом культуры' });
  await page.locator('#f-headline').click();
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/Сохранена версия \d+/)).toBeVisible();
  await expect(page.locator('.toast-error')).toHaveCount(0);
  await expect(page.locator('#f-place')).toHaveValue('Дом культуры');
  // The second save (nothing changed since, so no new version) goes out with the caught-up revision.
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/releases.save'));
  await page.keyboard.press('Control+s');
  expect(((await (await answer).json()) as { ok: boolean }).ok).toBe(true);
  await page.waitForTimeout(300);
  await expect(page.locator('.toast-error')).toHaveCount(0);
});

test('a photo still being read, nothing typed: the status bar says saving, and the first read is not «Сохранено»', async ({ app: page }) => {
  const by = await staffId(page);
  const { id } = await callApi<{ id: string }>(page, 'releases.create', { type: 'news', by, headline: 'Фото', template: true });
  await openFromBoard(page, id);
  await expect(page.getByTestId('rl-save')).toHaveText('Изменений нет');
  const png = await smallPng(page);
  // A slow disk: reading the picked file takes a few seconds.
  await page.evaluate(() => {
    const read = FileReader.prototype.readAsDataURL;
    FileReader.prototype.readAsDataURL = function (this: FileReader, blob: Blob) {
      setTimeout(() => read.call(this, blob), 3000);
    };
  });
  await page.locator('#f-photo-file').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: png });
  await page.locator('#f-photo-author').fill('Пётр Снимков');
  const uploads: string[] = [];
  page.on('request', (r) => r.url().includes('releases.addPhoto') && uploads.push(r.url()));
  await page.getByRole('button', { name: 'Добавить фото' }).click();
  await page.waitForTimeout(500);
  expect(uploads).toEqual([]); // still reading: no write call under way that would say «saving» by itself
  await expect(saveState(page)).toContainText('Сохранение…', { timeout: 1000 });
  await expect(page.getByTestId('rl-photo')).toHaveCount(1);
  await expect(saveState(page)).toContainText('Все изменения сохранены');
});
