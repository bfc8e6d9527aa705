import { expect, test } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: import('@playwright/test').Page) =>
  page.evaluate(() => navigator.clipboard.readText());

test('a code page copies its permanent link and a ticket snippet, and says so', async ({
  page,
}) => {
  await page.goto('/codes/wechat-platform/40001/');
  const status = page.getByRole('status').filter({ hasText: 'コピーしました' });
  await page.getByRole('button', { name: '40001 のリンクをコピー' }).click();
  await expect(status).toHaveText('40001 のリンクをコピーしました。');
  expect(await clipboard(page)).toMatch(/^https?:\/\/[^/]+\/codes\/wechat-platform\/40001\/$/);

  await page.getByRole('button', { name: '40001 をチケット用にコピー' }).click();
  await expect(status).toHaveText('40001 のチケット用の文面をコピーしました。');
  const ticket = await clipboard(page);
  expect(ticket.split('\n').slice(0, 3)).toEqual([
    '**MSDK エラーコード 40001**（ウィーチャットプラットフォーム）',
    'invalid credential',
    '対応：再授権',
  ]);
  expect(ticket.split('\n')[3]).toMatch(/\/codes\/wechat-platform\/40001\/$/);
});

test('a table row copies for a ticket from the keyboard', async ({ page }) => {
  await page.goto('/codes/access/');
  const button = page.getByRole('button', { name: '-303 をチケット用にコピー' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'コピーしました' })).toHaveText(
    '-303 のチケット用の文面をコピーしました。',
  );
  const ticket = await clipboard(page);
  expect(ticket).toContain('**MSDK エラーコード -303**（MSDK接続層）');
  expect(ticket).toContain('このappidはmsdkでは権限がありません');
  expect(ticket).toContain('対応：設定・権限を確認');
});
