import { expect, test } from '@playwright/test';

test('the home page shows the overview', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MSDKバックグラウンドのエラーコード');
});
