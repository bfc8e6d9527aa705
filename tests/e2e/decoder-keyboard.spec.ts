/**
 * The decoder by keyboard alone, the way a support engineer uses it under pressure: paste a
 * log line, read the result, check and copy its ticket (only what was decoded), follow the best link.
 */
import { expect, test } from '@playwright/test';
import { tabTo } from '../support/keyboard.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const PASTE =
  '2026-11-20 10:01:02 ERROR [pay] /v1/login resp={"ret":-10000,"msg":"100013,access token is illegal","err_type":2} access_token=9F2C31AB77 openid=4A1B2C3D4E5F';

test('keyboard only: paste, read, copy for ticket, follow the link', async ({ page }) => {
  await page.goto('/decoder/');
  // Tab from the top of the page until the textarea has focus.
  const textarea = page.getByRole('textbox', { name: /MSDK の応答/ });
  await tabTo(page, textarea, { limit: 40 });
  await page.keyboard.insertText(PASTE);

  const output = page.locator('output, [aria-live]').filter({ hasText: '100013' }).first();
  await expect(output.getByRole('link').first()).toHaveAttribute(
    'href',
    '/codes/qq-platform/100013/',
  );
  await expect(output).toContainText('access tokenが不適切です');
  // err_type 2 is what the row's action (再授権) implies: the verdict is agreement.
  await expect(output.locator('[data-agrees]')).toHaveAttribute('data-agrees', 'true');
  await expect(output.locator('[data-agrees] strong')).toHaveText('✓ 一致');

  // Tab on to "copy for ticket" and press it: the dialog shows the ticket before copying it.
  const open = page.getByRole('button', { name: 'チケット用にコピー…' });
  await tabTo(page, open, { limit: 40 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '共有する内容の確認' });
  await expect(dialog).toBeVisible();
  const preview = dialog.locator('[data-share-preview]');
  await expect(preview).toContainText('**MSDK エラーコード 100013**（モバイルQQプラットフォーム）');
  const copy = dialog.getByRole('button', { name: 'コピー', exact: true });
  await tabTo(page, copy, { limit: 10 });
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').last()).toHaveText('チケット用の文面をコピーしました。');
  const ticket = await page.evaluate(() => navigator.clipboard.readText());
  expect(ticket).toBe(await preview.textContent());
  expect(ticket).toContain('**MSDK エラーコード 100013**（モバイルQQプラットフォーム）');
  expect(ticket).toContain('対応：再授権');
  expect(ticket).toMatch(/\/codes\/qq-platform\/100013\/\n/);
  // Only the record as decoded, rebuilt: nothing else of the log line.
  expect(ticket).toContain('{"ret":-10000,"msg":"100013,access token is illegal","err_type":2}');
  expect(ticket).not.toContain('9F2C31AB77');
  expect(ticket).not.toContain('4A1B2C3D4E5F');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // Back to the best candidate with Shift+Tab, and open it with Enter.
  const best = output.getByRole('link', { name: /100013/ }).first();
  await tabTo(page, best, { back: true, limit: 40 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/codes\/qq-platform\/100013\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('100013');
});
