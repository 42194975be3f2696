/**
 * «Обезличить» with the resident typed into the question text: the dialog quotes the hits (name form,
 * phone) before the user confirms; afterwards the text reads «[обезличено]» and the other text stays.
 */
import { callApi, expect, test } from './fixtures';

test.use({ demo: true });

const TEXT = 'Пишет Сидоровой Анны сосед: у дома 3 по ул. Мира нет света. Перезвоните ей на 8(913)5556677.';

test('anonymise shows the name found in the question text, then erases it', async ({ app: page }) => {
  const s = await callApi<{ id: string }>(page, 'directLines.create', {
    startsAt: '2025-03-07T10:00:00+07:00',
    format: 'phone',
    official: { name: 'Иванов Сергей Петрович', position: 'Глава города' },
  });
  await callApi(page, 'directLines.addQuestion', {
    sessionId: s.id,
    receivedAt: '2025-03-05T09:00:00+07:00',
    channel: 'phone',
    topic: 'ЖКХ',
    text: TEXT,
    resident: { name: 'Сидорова Анна Ивановна', contact: '+7 913 555-66-77' },
  });
  await page.evaluate((id) => (location.hash = `#/direct-lines/${id}`), s.id);
  await expect(page.getByTestId('session-status')).toHaveText('анонсирована');

  await page.getByRole('button', { name: 'Обезличить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Обезличить прямую линию?' });
  const hits = dialog.getByTestId('anonymise-hits').locator('li');
  await expect(hits).toHaveCount(2);
  await expect(hits.nth(0)).toContainText('Вопрос № 1 · Текст вопроса · имя');
  await expect(hits.nth(0).locator('mark')).toHaveText('Сидоровой Анны');
  await expect(hits.nth(1)).toContainText('телефон');
  await expect(hits.nth(1).locator('mark')).toHaveText('8(913)5556677');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(page.locator('.dl-questions tbody tr').first()).toContainText('Сидорова Анна Ивановна'); // cancelled: nothing erased

  await page.getByRole('button', { name: 'Обезличить' }).click();
  await dialog.getByRole('button', { name: 'Обезличить безвозвратно' }).click();
  const notice = page.getByTestId('anonymise-notice');
  await expect(notice).toContainText('заменено на «[обезличено]»: 2 места', { timeout: 30_000 }); // backups rewritten and scanned
  await expect(notice).toContainText('Создана новая резервная копия без этих данных');
  await expect(notice).not.toContainText('ещё встречаются');
  await page.locator('.dl-questions tbody tr').first().click();
  await expect(page.locator('#f-text')).toHaveValue('Пишет [обезличено] сосед: у дома 3 по ул. Мира нет света. Перезвоните ей на [обезличено].');
  await expect(page.locator('main')).not.toContainText('Сидоров');
});
