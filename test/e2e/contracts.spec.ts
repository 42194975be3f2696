/**
 * Контракты through the UI: a contract with banded tariffs made in the form, publications logged (live
 * quote) until the 80 % warning shows on the card and in the register, an act prefilled from its period,
 * a payment larger than owed refused at the field, a good one accepted, and the statement's DOCX carrying
 * the totals shown on screen.
 */
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ demo: true });

const year = new Date().getFullYear();
const NUMBER = `E2E-${year}-77`;

async function addPublication(page: Page, p: { date: string; title: string; volume: string; kind?: 'act' | 'news'; quote: string; act?: { number: string; signedOn: string } }) {
  const form = page.getByRole('form', { name: 'Новая публикация' });
  await form.locator('#f-pub-date').fill(p.date);
  await form.locator('#f-pub-kind').selectOption(p.kind ?? 'news');
  await form.locator('#f-pub-title').fill(p.title);
  if (p.act) {
    await form.locator('#f-pub-act-number').fill(p.act.number);
    await form.locator('#f-pub-act-signedOn').fill(p.act.signedOn);
  }
  await form.locator('#f-pub-volume').fill(p.volume);
  // The live preview prices the typed volume by the contract's bands before anything is saved.
  await expect(page.getByTestId('ct-quote')).toContainText(p.quote);
  await form.getByRole('button', { name: 'Добавить публикацию' }).click();
  await expect(page.locator('.ct-pubs tbody tr', { hasText: p.title })).toBeVisible();
}

test('a banded contract: publications to the 80 % warning, an act, a payment, the statement', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Контракты' }).click();
  await expect(page.getByRole('heading', { name: 'Контракты', level: 1 })).toBeVisible();
  await expect(page.locator('.ct-register tbody tr').first()).toBeVisible(); // the demo town's contracts
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('heading', { name: 'Новый контракт' })).toBeVisible();

  // Empty numbers are refused in the browser, at their fields, before any call.
  await page.getByRole('button', { name: 'Создать контракт' }).click();
  await expect(page.locator('#f-price-error')).toHaveText('укажите сумму');
  await expect(page.locator('#f-volume-error')).toHaveText('укажите число');

  await page.locator('#f-number').fill(NUMBER);
  await page.locator('#f-date').fill(`${year}-01-09`);
  await page.locator('#f-outletId').selectOption({ label: 'Газета «Маяк труда»' });
  await page.locator('#f-price').fill('100 000,00');
  await page.locator('#f-volume').fill('1 000');
  await page.getByRole('button', { name: 'Диапазоны' }).click();
  await page.locator('#f-tariff-bands-0-upTo').fill('200');
  await page.locator('#f-tariff-bands-0-price').fill('19,00');
  await page.locator('#f-tariff-bands-1-price').fill('15');
  await page.locator('#f-termStart').fill(`${year}-01-01`);
  await page.locator('#f-termEnd').fill(`${year}-12-31`);
  await page.keyboard.press('Control+S');

  await expect(page.getByRole('heading', { name: `Контракт № ${NUMBER} от 09.01.${year}` })).toBeVisible();
  await expect(page.locator('.ct-card-sub')).toContainText('19,00');
  await expect(page.locator('.ct-card-sub')).toContainText('15,00');
  await expect(page.getByTestId('ct-money-left')).toHaveText('100 000,00 ₽');

  // Ctrl+N on the card opens the publication form.
  await page.keyboard.press('Control+N');
  await addPublication(page, {
    date: `${year}-01-20`,
    kind: 'act',
    title: 'О бюджете города на текущий год',
    act: { number: '15-п', signedOn: `${year}-01-12` },
    volume: '200',
    quote: '3 800,00 ₽', // 200 см² ≤ 200: 19 ₽
  });
  await expect(page.locator('.ct-pubs tbody tr', { hasText: 'О бюджете' })).toContainText('Постановление администрации от 12.01.' + year + ' № 15-п');
  await addPublication(page, { date: `${year}-02-10`, title: 'Итоги года в ЖКХ', volume: '300', quote: '4 500,00 ₽' }); // 300 > 200: 15 ₽
  await expect(page.getByTestId('ct-volume-used')).toHaveText('500 см²');
  await expect(page.locator('.ct-warnings [data-code="volumeWarn"]')).toHaveCount(0);

  await addPublication(page, { date: `${year}-03-10`, title: 'Объявление о публичных слушаниях', volume: '300', quote: '4 500,00 ₽' });
  await expect(page.getByTestId('ct-volume-used')).toHaveText('800 см²');
  await expect(page.locator('.ct-warnings [data-code="volumeWarn"]')).toContainText('Использовано 80 % объёма');
  await expect(page.getByTestId('ct-money-used')).toHaveText('12 800,00 ₽');
  await expect(page.locator('.ct-pubs tbody tr').first()).toContainText('нет акта');
  await page.keyboard.press('Escape'); // closes the add form first …
  await expect(page.getByRole('form', { name: 'Новая публикация' })).toHaveCount(0);

  // … then the card: the register shows the same warning as a badge on this contract's row.
  await page.keyboard.press('Escape');
  const row = page.locator('.ct-register tbody tr', { hasText: NUMBER });
  await expect(row).toBeVisible();
  await expect(row.locator('.ct-badge[data-code="volumeWarn"]')).toHaveText('Объём 80 %');
  await expect(row).toContainText('800 / 200 см²');
  await expect(row).toContainText('12 800,00 ₽ / 87 200,00 ₽');
  await row.click();

  // An act for the first quarter: volume and amount come from the period's publications.
  await page.getByRole('tab', { name: /Акты/ }).click();
  await page.locator('#f-act-number').fill('1');
  await page.locator('#f-act-date').fill(`${year}-03-31`);
  await page.locator('#f-act-periodFrom').fill(`${year}-01-01`);
  await page.locator('#f-act-periodTo').fill(`${year}-03-31`);
  await expect(page.locator('#f-act-amount')).toHaveValue(/^12\s800,00$/);
  await expect(page.locator('#f-act-volume')).toHaveValue('800');
  await page.getByRole('button', { name: 'Добавить акт' }).click();
  await expect(page.locator('.ct-acts tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('ct-owed')).toHaveText('12 800,00 ₽');

  // A payment larger than owed: the Russian error at the amount field, nothing added.
  await page.getByRole('tab', { name: /Оплаты/ }).click();
  await page.locator('#f-pay-date').fill(`${year}-04-10`);
  await page.locator('#f-pay-amount').fill('20 000,00');
  await page.locator('#f-pay-order').fill('101');
  await page.getByRole('button', { name: 'Внести платёж' }).click();
  await expect(page.locator('#f-pay-amount-error')).toHaveText('20 000,00 ₽ больше задолженности по актам (12 800,00 ₽)');
  await expect(page.locator('#f-pay-amount')).toBeFocused();
  await expect(page.locator('.ct-payments')).toHaveCount(0);
  await expect(page.getByTestId('ct-paid')).toHaveText('0,00 ₽');

  await page.locator('#f-pay-amount').fill('10 000,50');
  await page.getByRole('button', { name: 'Внести платёж' }).click();
  await expect(page.locator('.ct-payments tbody tr')).toHaveCount(1);
  await expect(page.locator('#f-pay-amount-error')).toHaveCount(0);
  await expect(page.getByTestId('ct-paid')).toHaveText('10 000,50 ₽');
  await expect(page.getByTestId('ct-owed')).toHaveText('2 799,50 ₽');

  // The statement: the totals on screen are the totals in the document.
  const onScreen = {
    used: await page.getByTestId('ct-money-used').innerText(),
    paid: await page.getByTestId('ct-paid').innerText(),
    owed: await page.getByTestId('ct-owed').innerText(),
  };
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Выписка по контракту (Word)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml).toContain(NUMBER);
  for (const [what, text] of Object.entries(onScreen)) {
    const figure = text.replace(/\s*₽$/, '').replace(/ /g, '\u00a0'); // the document's tables leave «₽» to the column head
    expect(xml, `${what} ${text}`).toContain(`>${figure}<`);
  }
});
