/**
 * Data never becomes markup: a site built from content whose rows hold `</title>`, `<script>`
 * and an `onerror=` attribute shows them as text everywhere (title, meta description, Open
 * Graph, code page, table page, number page, decoder, search, copied ticket), and no script
 * from the data runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import yaml from 'js-yaml';
import { buildWithContent, type BuildResult } from '../support/build.ts';
import { serveDist } from '../support/serve.ts';

/** A description that closes the title, runs a script and loads an image with a handler. */
const DESCRIPTION =
  '<b>権限</b>がありません</title><script>window.__pwned="title"</script><img src=x onerror="window.__pwned=\'img\'">';
/** A handling text that closes the table cell and the row, then runs a script. */
const HANDLING =
  '確認してください</td></tr><script>window.__pwned="handling"</script><svg onload="window.__pwned=1">';
/** A shared number's row (qq-platform -1, also in two other tables): its number page too. */
const SHARED = '<i>内部</i><script>window.__pwned="number"</script>';

let build: BuildResult;
let site: { origin: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  build = buildWithContent(
    (content) => {
      const edit = (slug: string, code: number, change: Record<string, string>) => {
        const file = join(content, 'tables', `${slug}.yaml`);
        const table = yaml.load(readFileSync(file, 'utf8')) as { rows: { code: number }[] };
        Object.assign(
          table.rows.find((row) => row.code === code)!,
          change,
        );
        writeFileSync(file, yaml.dump(table, { lineWidth: -1 }));
      };
      edit('access', -303, { description: DESCRIPTION, handling: HANDLING });
      edit('qq-platform', -1, { description: SHARED });
    },
    ['--site', 'http://localhost:4321'],
  );
  expect(build.status, build.output).toBe(0);
  // The build read content/ once, for the config, the collections and the decoder alike, and
  // printed no warning.
  expect(build.output).toContain('read and validated once');
  expect(build.output.split('\n').filter((line) => /\bWARN\b|warning/i.test(line))).toEqual([]);
  site = await serveDist(join(build.dir, 'dist'));
});

test.afterAll(async () => {
  await site?.close();
  build?.remove();
});

/** Opens a page of the markup build and checks that nothing from the data ran or was parsed. */
async function open(page: Page, path: string) {
  await page.goto(`${site.origin}${path}`);
  await expect(page.locator('main')).toBeVisible();
  // The element set the data would have injected.
  await expect(page.locator('main img[src="x"], main svg[onload], main b, main i')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

test('the code page shows the markup as text in the title, heading, meta tags and body', async ({
  page,
}) => {
  await open(page, '/codes/access/-303/');
  expect(await page.title()).toBe(`-303 ${DESCRIPTION} | MSDK エラーコード`);
  await expect(page.locator('h1')).toHaveText(`-303 ${DESCRIPTION}`);
  await expect(page.locator('.code-description')).toHaveText(DESCRIPTION);
  await expect(page.locator('.code-handling')).toHaveText(HANDLING);
  for (const selector of [
    'meta[name="description"]',
    'meta[property="og:description"]',
    'meta[property="og:title"]',
  ]) {
    expect(await page.locator(selector).getAttribute('content'), selector).toContain(DESCRIPTION);
  }
  // Only the site's own scripts are in the document: none with the data's text.
  const scripts = await page
    .locator('script')
    .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));
  expect(scripts.filter((text) => text.includes('__pwned'))).toEqual([]);
  // The policy is the first thing in <head> after the charset, before the title.
  const heads = await page.evaluate(() =>
    [...document.head.children].slice(0, 3).map((node) => node.outerHTML.slice(0, 60)),
  );
  expect(heads[1]).toMatch(/^<meta http-equiv="content-security-policy"/);
});

test('the table page and the number page show the markup as text', async ({ page }) => {
  await open(page, '/codes/access/');
  await expect(page.locator('tr#code-303 td').first()).toHaveText(DESCRIPTION);
  await expect(page.locator('tr#code-303 td').nth(1)).toHaveText(HANDLING);
  await open(page, '/codes/-1/');
  await expect(page.locator('.number-meaning .code-description').first()).toHaveText(SHARED);
});

test('the decoder shows the markup as text, and the copied ticket carries it as text', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await open(page, '/decoder/');
  await page.locator('textarea').fill('{"ret":-303,"msg":"appid has no permission"}');
  const output = page.locator('output');
  await expect(output.locator('[data-candidate]').first()).toHaveAttribute(
    'href',
    '/codes/access/-303/',
  );
  await expect(output).toContainText(DESCRIPTION);
  await expect(output.locator('img, svg[onload], b, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

  await open(page, '/codes/access/-303/');
  await page.getByRole('button', { name: 'チケット用にコピー' }).click();
  await expect(page.locator('.copy-status')).not.toBeEmpty();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(DESCRIPTION);
});

test('search results show the markup as text', async ({ page }) => {
  await open(page, '/');
  await page
    .getByRole('button', { name: /検索|Search/ })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('textbox').fill('権限');
  const results = page.getByRole('dialog').locator('.pagefind-ui__result-title a');
  await expect(results.first()).toBeVisible();
  const titles = await results.allTextContents();
  expect(titles.some((title) => title.includes('</title><script>'))).toBe(true);
  await expect(page.getByRole('dialog').locator('img[src="x"], b, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
