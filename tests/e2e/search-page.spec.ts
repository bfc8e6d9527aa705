/**
 * Search from outside the dialog: the `/search/` page that a browser's address bar reaches
 * through `/opensearch.xml`, and the files for machines.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SearchDialog } from '../support/search.ts';

test('every page links the OpenSearch description, whose template lands on /search/?q=', async ({
  page,
  request,
}) => {
  await page.goto('/codes/access/-303/');
  const link = page.locator('head link[rel="search"]');
  await expect(link).toHaveAttribute('type', 'application/opensearchdescription+xml');
  await expect(link).toHaveAttribute('href', '/opensearch.xml');
  const xml = await (await request.get('/opensearch.xml')).text();
  const template = /<Url type="text\/html" method="get" template="([^"]+)"/.exec(xml)?.[1];
  expect(template).toMatch(/^https?:\/\/[^/]+\/search\/\?q=\{searchTerms\}$/);
  // The browser puts the query where {searchTerms} is, percent-encoded.
  const path = new URL(template!.replace('{searchTerms}', encodeURIComponent('－３０３'))).pathname;
  expect(path).toBe('/search/');
});

test('/search/?q= runs the exact lookup above Pagefind results, as the dialog does', async ({
  page,
}) => {
  await page.goto(`/search/?q=${encodeURIComponent('ｅｒｒｃｏｄｅ：４０００１')}`);
  const box = page.locator('search-page');
  await expect(box.locator('input')).toHaveValue('ｅｒｒｃｏｄｅ：４０００１');
  const exact = box.locator('.exact-results a[href]');
  await expect(exact.first()).toHaveAttribute('href', '/codes/wechat-platform/40001/');
  // Typing there works as in the dialog, and Pagefind's results follow.
  await box.locator('input').fill('errcode 40001');
  await expect(box.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    '/codes/wechat-platform/40001/',
  );
  await box.locator('input').fill('-1');
  expect(await SearchDialog.hrefs(exact, 3)).toEqual([
    '/codes/qq-platform/-1/',
    '/codes/wechat-platform/-1/',
    '/codes/qq-blue-diamond/-1/',
  ]);
});

test('/search/ with a phrase shows Pagefind results and passes axe', async ({ page }) => {
  await page.goto('/search/?q=whitelist');
  const box = page.locator('search-page');
  await expect(box.locator('.pagefind-ui__result-link').first()).toHaveAttribute(
    'href',
    '/topics/whitelist/',
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
});

test('llms.txt and llms-full.txt are served as text, with the tables and every row', async ({
  request,
}) => {
  const llms = await request.get('/llms.txt');
  expect(llms.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await llms.text();
  expect(text.split('\n')[0]).toBe('# MSDK エラーコード');
  expect(text).toMatch(
    /\n- \[ウィーチャットプラットフォーム\]\(https?:\/\/[^)]+\/codes\/wechat-platform\/\)/,
  );
  const full = await (await request.get('/llms-full.txt')).text();
  expect(full.match(/^- URL: /gm)).toHaveLength(229);
  expect(full).toContain('- エラー記述: このappidはmsdkでは権限がありません');
});
