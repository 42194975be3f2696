/**
 * A release's links in the real UI: «Подготовить анонс» on a calendar event's card opens the editor with
 * the date and place filled and the event linked (and the card then lists the release); a direct line
 * chosen from the searchable list, opened, unlinked; the event unlinked and chosen again; photos moved
 * up and down with the keyboard; and text typed just before the tab closes is not lost.
 */
import type { Page } from '@playwright/test';
import type { EventDetails } from '../../electron/backend/features/calendar/schema';
import { addDays, localOf } from '../../electron/backend/features/calendar/time';
import { callApi as call, expect, test } from './fixtures';

test.use({ demo: true });

const TZ = 'Asia/Barnaul';
const today = () => localOf(Date.now(), TZ).slice(0, 10);
const shots = (name: string) => (process.env.SHOTS_DIR ? `${process.env.SHOTS_DIR}/${name}` : undefined);

const releaseIdOf = (page: Page) => /#\/releases\/([^/]+)$/.exec(page.url())?.[1] ?? '';
const saved = (page: Page) => expect(page.getByTestId('rl-save')).toHaveText(/^Сохранено \d\d:\d\d$/);

test('«Подготовить анонс» from an event; the event and a direct line linked, opened, unlinked, chosen again', async ({ app: page }) => {
  test.setTimeout(120_000);
  const day = addDays(today(), 5);
  const title = 'Пресс-конференция о ремонте Гоголевского моста';
  const place = 'Дом культуры «Юность», ул. Победы, 12';
  const { event } = await call<EventDetails>(page, 'calendar.create', {
    title,
    kindId: 'press-conference',
    start: `${day}T11:00`,
    place,
    officials: [{ name: 'Ткаченко Виктор Юрьевич', position: 'глава города' }],
  });
  const line = await call<{ id: string }>(page, 'directLines.create', {
    startsAt: `${addDays(today(), 9)}T15:00:00+07:00`,
    format: 'radio',
    official: { name: 'Морозова Анна Игоревна', position: 'заместитель главы' },
  });

  // The event's card: no releases yet; «Подготовить анонс» drafts one and opens it.
  await page.evaluate((id) => (window.location.hash = `#/events/${id}`), event.id);
  const card = page.getByTestId('event-card');
  const releases = card.getByTestId('event-releases');
  await expect(releases).toContainText('Релизов об этом мероприятии пока нет.');
  await releases.scrollIntoViewIfNeeded();
  if (shots('links-event-card-empty.png')) await card.screenshot({ path: shots('links-event-card-empty.png') });
  await releases.getByRole('button', { name: 'Подготовить анонс' }).click();
  await expect(page).toHaveURL(/#\/releases\/[^/]+$/);
  const id = releaseIdOf(page);
  await expect(page.locator('#f-headline')).toHaveValue(title);
  await expect(page.locator('#f-place')).toHaveValue(place);
  await expect(page.locator('#f-eventAt')).toHaveValue(`${day}T11:00`);
  await expect(page.locator('#f-type')).toHaveValue('announcement');
  const eventLink = page.getByTestId('rl-link-event');
  await expect(eventLink.getByRole('link', { name: title })).toHaveAttribute('href', `#/events/${event.id}`);
  await expect(page.getByTestId('rl-link-direct-line')).toContainText('Не связана');

  // A direct line from the searchable list: type, arrows, Enter.
  const dl = page.getByTestId('rl-link-direct-line');
  await dl.getByRole('button', { name: 'Выбрать…' }).click();
  const search = dl.getByRole('combobox', { name: 'Найти прямую линию' });
  await expect(search).toBeFocused();
  await search.fill('морозова');
  await expect(dl.getByRole('option')).toHaveCount(1);
  await expect(dl.getByRole('option').first()).toContainText('Прямая линия: Морозова Анна Игоревна');
  await expect(dl.getByRole('option').first()).toContainText('радио');
  if (shots('links-picker.png')) await page.screenshot({ path: shots('links-picker.png') });
  await search.press('Enter');
  const lineLink = dl.getByRole('link', { name: 'Прямая линия: Морозова Анна Игоревна' });
  await expect(lineLink).toHaveAttribute('href', `#/direct-lines/${line.id}`);
  if (shots('links-side.png')) await page.screenshot({ path: shots('links-side.png') });

  // Stored: after a reload both links are there. The direct line's link opens its card.
  await page.reload();
  await expect(lineLink).toBeVisible();
  await expect(eventLink.getByRole('link', { name: title })).toBeVisible();
  expect(await call<{ directLineId: string; eventId: string }>(page, 'releases.get', { id })).toMatchObject({ directLineId: line.id, eventId: event.id });
  await lineLink.click();
  await expect(page).toHaveURL(new RegExp(`#/direct-lines/${line.id}$`));
  await page.goBack();
  await expect(lineLink).toBeVisible();

  // Unlinked; Esc in the list closes it without a change.
  await dl.getByRole('button', { name: 'Отвязать: прямая линия' }).click();
  await expect(dl).toContainText('Не связана');
  await dl.getByRole('button', { name: 'Выбрать…' }).click();
  await dl.getByRole('combobox').press('Escape');
  await expect(dl.getByRole('combobox')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/releases/${id}$`)); // Esc did not close the editor
  expect((await call<{ directLineId: string | null }>(page, 'releases.get', { id })).directLineId).toBeNull();

  // The event unlinked and chosen again by a word of its title, with the mouse.
  await eventLink.getByRole('button', { name: 'Отвязать: мероприятие' }).click();
  await expect(eventLink).toContainText('Не связано');
  await eventLink.getByRole('button', { name: 'Выбрать…' }).click();
  await eventLink.getByRole('combobox', { name: 'Найти мероприятие' }).fill('гоголевского');
  await eventLink.getByRole('option', { name: new RegExp(title) }).click();
  await expect(eventLink.getByRole('link', { name: title })).toBeVisible();

  // The event card lists the release, with a link back to it.
  await eventLink.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`#/events/${event.id}$`));
  const listed = releases.getByRole('link', { name: title });
  await expect(listed).toHaveAttribute('href', `#/releases/${id}`);
  await expect(releases).toContainText('анонс · черновик');
  await releases.scrollIntoViewIfNeeded();
  if (shots('links-event-card.png')) await card.screenshot({ path: shots('links-event-card.png') });
  await listed.click();
  await expect(page.locator('#f-headline')).toHaveValue(title);
});

async function png(page: Page, color: string): Promise<Buffer> {
  const b64 = await page.evaluate((color) => {
    const c = document.createElement('canvas');
    c.width = 40;
    c.height = 30;
    const g = c.getContext('2d')!;
    g.fillStyle = color;
    g.fillRect(0, 0, 40, 30);
    return c.toDataURL('image/png').split(',')[1]!;
  }, color);
  return Buffer.from(b64, 'base64');
}

test('photos move up and down from the keyboard; the order is stored', async ({ app: page }) => {
  const r = await call<{ id: string }>(page, 'releases.create', { type: 'news', headline: 'Порядок фотографий' });
  await page.evaluate((id) => (window.location.hash = `#/releases/${id}`), r.id);
  for (const [name, color] of [['pervoe.png', '#c33'], ['vtoroe.png', '#3c3'], ['trete.png', '#33c']] as const) {
    await page.locator('#f-photo-file').setInputFiles({ name, mimeType: 'image/png', buffer: await png(page, color) });
    await page.locator('#f-photo-caption').fill(`Подпись ${name}`);
    await page.locator('#f-photo-author').fill('Пётр Снимков');
    await page.getByRole('button', { name: 'Добавить фото' }).click();
    await expect(page.getByTestId('rl-photo').last()).toContainText(name);
  }
  const names = async () => (await page.locator('[data-testid="rl-photo"] .muted').allTextContents()).map((t) => /(\w+\.png)/.exec(t)?.[1]);
  expect(await names()).toEqual(['pervoe.png', 'vtoroe.png', 'trete.png']);
  await expect(page.getByRole('button', { name: 'Фото № 1 выше' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Фото № 3 ниже' })).toBeDisabled();

  // The third up: Enter on the button; the focus follows the photo, so Enter again moves it on to the top.
  await page.getByRole('button', { name: 'Фото № 3 выше' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['pervoe.png', 'trete.png', 'vtoroe.png']);
  await expect(page.getByRole('button', { name: 'Фото № 2 выше' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['trete.png', 'pervoe.png', 'vtoroe.png']);
  await expect(page.getByTestId('rl-photo').first()).toContainText('(главное)');
  // At the top «выше» is disabled: the focus moved to «ниже»; Space moves it back down.
  await expect(page.getByRole('button', { name: 'Фото № 1 ниже' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(names).toEqual(['pervoe.png', 'trete.png', 'vtoroe.png']);
  if (shots('links-photos.png')) await page.getByRole('region', { name: 'Фотографии' }).screenshot({ path: shots('links-photos.png') });

  await page.reload();
  await expect.poll(names).toEqual(['pervoe.png', 'trete.png', 'vtoroe.png']);
  const stored = await call<{ photos: { originalName: string }[] }>(page, 'releases.get', { id: r.id });
  expect(stored.photos.map((p) => p.originalName)).toEqual(['pervoe.png', 'trete.png', 'vtoroe.png']);
});

test('what was typed just before the window is hidden or closed is saved at once', async ({ app: page, server }) => {
  const r = await call<{ id: string }>(page, 'releases.create', { type: 'news', headline: '' });
  await page.evaluate((id) => (window.location.hash = `#/releases/${id}`), r.id);
  await expect(page.locator('#f-headline')).toBeVisible();

  // Hidden (minimised, another tab): sent at once, not after the autosave pause.
  await page.locator('#f-headline').fill('Набрано перед сворачиванием');
  const sent = page.waitForRequest((req) => req.url().endsWith('/api/releases.saveDraft'), { timeout: 500 });
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect((await sent).postDataJSON().input.headline).toBe('Набрано перед сворачиванием');
  await saved(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  // Closed right after typing: the save goes out as the page unloads.
  await page.locator('#f-lead').fill('Лид, набранный за мгновение до закрытия вкладки.');
  await page.close({ runBeforeUnload: true });
  const again = await page.context().newPage();
  await again.goto(server.url);
  await expect(again.locator('.loading')).toHaveCount(0);
  await expect
    .poll(async () => (await call<{ lead: string }>(again, 'releases.get', { id: r.id })).lead, { timeout: 5_000 })
    .toBe('Лид, набранный за мгновение до закрытия вкладки.');
  await again.evaluate((id) => (window.location.hash = `#/releases/${id}`), r.id);
  await expect(again.locator('#f-headline')).toHaveValue('Набрано перед сворачиванием');
  await expect(again.locator('#f-lead')).toHaveValue('Лид, набранный за мгновение до закрытия вкладки.');
});
