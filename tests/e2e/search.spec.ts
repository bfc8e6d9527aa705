import { expect, test } from '@playwright/test';
import { search } from '../support/search.ts';

const exactCodes: [string, RegExp][] = [
  ['-303', /\/codes\/access\/-303\/$/],
  ['40001', /\/codes\/wechat-platform\/40001\/$/],
  ['-10000', /\/codes\/logic\/-10000\/$/],
  ['100013', /\/codes\/qq-platform\/100013\/$/],
  ['-7', /\/codes\/-7\/$/],
  ['-1', /\/codes\/-1\/$/],
  ['10001', /\/codes\/logic\/-10001\/$/],
];

for (const [query, url] of exactCodes) {
  test(`searching ${query} puts that code's page (or its number page) first`, async ({ page }) => {
    const results = await search(page, query);
    await expect(results.first()).toHaveAttribute('href', url);
  });
}

test('a Japanese phrase finds the rows that say it', async ({ page }) => {
  const results = await search(page, 'ホワイトリスト');
  const hrefs = await results.evaluateAll((links) =>
    links.slice(0, 3).map((a) => a.getAttribute('href')),
  );
  expect(hrefs).toEqual(expect.arrayContaining(['/codes/logic/-10010/', '/codes/logic/-10011/']));
});

test('パスワード finds the password-change row', async ({ page }) => {
  const results = await search(page, 'パスワード');
  await expect(results.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
});

test('an English phrase from a WeChat row finds it', async ({ page }) => {
  const results = await search(page, 'invalid credential');
  await expect(results.first()).toHaveAttribute('href', '/codes/wechat-platform/40001/');
});

test('the common contact-support sentence does not drown a description match', async ({ page }) => {
  // 内部エラー is the description of many rows, and the support sentence is in most handlings:
  // the first results must be rows whose description says it.
  const results = await search(page, '内部エラー');
  for (const href of await results.evaluateAll((links) =>
    links.slice(0, 5).map((a) => a.getAttribute('href')),
  )) {
    await page.goto(href!);
    await expect(
      page.locator('.code-description, .number-meaning .code-description').first(),
    ).toContainText('内部');
  }
});
