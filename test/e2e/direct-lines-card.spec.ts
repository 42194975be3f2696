/**
 * The session card on the demo town's last held session: editing the session's fields, a new date
 * after its assignments' deadlines refused (nothing written), unsaved question edits guarded when
 * switching questions or leaving, a merged duplicate split off again.
 */
import { expect, test } from './fixtures';

test.use({ demo: true });

const dayIn = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Barnaul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));

test('the card: edit the session, a move past its deadlines refused, unsaved edits guarded, a duplicate split off', async ({ app: page }) => {
  const panel = page.locator('.dl-side');
  const summary = page.locator('.dl-summary');
  const fieldError = (id: string) => page.locator('.field', { has: page.locator(`#${id}`) }).locator('.field-error');

  await page.keyboard.press('Control+5'); // Прямые линии
  await page.locator('.dl-sessions tbody tr', { hasText: 'проведена' }).first().click();
  await expect(page.getByTestId('session-status')).toHaveText('проведена');
  const when = (await page.getByTestId('session-when').textContent())!;

  // The session's fields beside the questions: Ctrl+S saves.
  await summary.getByRole('button', { name: 'Изменить' }).click();
  await expect(panel.getByRole('heading', { name: 'Сведения о прямой линии' })).toBeVisible();
  await expect(page.locator('#f-startsAt')).toBeFocused();
  await page.locator('#f-place').fill('малый зал администрации, ул. Сердюка, 97');
  await page.keyboard.press('Control+S');
  await expect(summary).toContainText('малый зал администрации, ул. Сердюка, 97');
  await expect(panel.getByText('Не сохранено')).toHaveCount(0);

  // Moving it two months on would put its assignments' deadlines before it: refused, nothing written.
  await page.locator('#f-startsAt').fill(dayIn(60));
  await page.keyboard.press('Control+S');
  await expect(fieldError('f-startsAt')).toContainText('срок исполнения раньше этой даты');
  await expect(page.getByTestId('session-when')).toHaveText(when);
  await page.keyboard.press('Escape');
  const guard = page.getByRole('dialog', { name: 'Изменения не сохранены' });
  await guard.getByRole('button', { name: 'Продолжить без сохранения' }).click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('session-when')).toHaveText(when);

  // Unsaved question edits: switching to another question or leaving the section asks first.
  const mainRows = page.locator('.dl-questions tbody tr:not(.dup-row)');
  await mainRows.nth(0).click();
  await expect(panel.getByRole('heading', { name: 'Вопрос № 1' })).toBeVisible();
  const text = await page.locator('#f-text').inputValue();
  await page.locator('#f-text').fill(`${text} Уточнение жителя.`);
  await mainRows.nth(1).click();
  await guard.getByRole('button', { name: 'Остаться' }).click();
  await expect(panel.getByRole('heading', { name: 'Вопрос № 1' })).toBeVisible();
  await expect(page.locator('#f-text')).toHaveValue(`${text} Уточнение жителя.`);
  await page.getByRole('link', { name: 'СМИ' }).click();
  await guard.getByRole('button', { name: 'Остаться' }).click();
  await expect(page).toHaveURL(/#\/direct-lines\/[\w-]+$/);
  await mainRows.nth(1).click();
  await guard.getByRole('button', { name: 'Продолжить без сохранения' }).click();
  await expect(panel.getByRole('heading', { name: 'Вопрос № 2' })).toBeVisible();
  await mainRows.nth(0).click();
  await expect(page.locator('#f-text')).toHaveValue(text); // the edit was dropped, not saved

  // A merged duplicate becomes a question of its own again.
  const dups = page.locator('.dl-questions tbody tr.dup-row');
  const before = await dups.count();
  expect(before).toBeGreaterThan(0);
  const questionsBefore = Number(await page.locator('[data-stat="received"] .dl-tile-value').textContent());
  await dups.first().click();
  await expect(panel.getByRole('heading', { name: /^Дубликат вопроса № \d+$/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Разъединить' }).click();
  await expect(dups).toHaveCount(before - 1);
  await expect(page.locator('[data-stat="received"] .dl-tile-value')).toHaveText(String(questionsBefore)); // still received once
  await expect(panel.getByRole('heading', { name: /^Вопрос № \d+$/ })).toBeVisible();
});
