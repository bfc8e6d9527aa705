/**
 * The Content-Security-Policy (Astro's security.csp) holds on every page kind: no console
 * error, no CSP violation, and the features that run scripts (search, copy, filter,
 * lookup, decoder) still work under it.
 */
import { expect, test, type Page } from '@playwright/test';

const PAGE_KINDS = [
  '/',
  '/codes/access/',
  '/codes/access/-303/',
  '/codes/-1/',
  '/actions/reauthorize/',
  '/actions/',
  '/decoder/',
  '/no-such-page/',
];

/** Records console errors and CSP violations from the first script on. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportViolation: (t: string) => Promise<void> }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return problems;
}

for (const path of PAGE_KINDS) {
  test(`${path} loads under the CSP with no console error`, async ({ page }) => {
    const problems = await watch(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
    // The 404 page is served with status 404, which Chromium logs as a console error.
    expect(problems.filter((p) => !(path === '/no-such-page/' && p.includes('404')))).toEqual([]);
  });
}

test('search works under the CSP (Pagefind needs wasm-unsafe-eval)', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('/codes/access/', { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: '検索' }).first().click();
  await page.getByRole('dialog').getByRole('textbox', { name: '検索' }).fill('-303');
  await expect(page.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    '/codes/access/-303/',
  );
  expect(problems).toEqual([]);
});

test('the table filter and the theme switch work under the CSP', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('/codes/qq-game-center/', { waitUntil: 'networkidle' });
  await page.getByLabel('絞り込み').fill('-4009');
  await expect(page.locator('.row-table tbody tr:visible')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'テーマの選択' }).first().selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(problems).toEqual([]);
});
