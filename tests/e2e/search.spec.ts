/**
 * Search in Starlight's dialog, as a reader uses it (DESIGN §3, Search): the exact (table,
 * code) rows of a code typed in any form above Pagefind's results, as the reader types; a
 * paste offered to the decoder; Pagefind's ranking on phrases; the keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../support/catalog.ts';
import { PHRASES, SearchDialog, TYPED_CODES, search } from '../support/search.ts';

const catalog = loadCatalog();

test.describe('exact codes in the dialog', () => {
  test('every number of the catalog, typed with its sign, puts its number page or one of its code pages first', async ({
    page,
  }) => {
    // One page and one open dialog for the whole catalog: each number is typed into it.
    const dialog = await new SearchDialog(page).open();
    await dialog.type('-303');
    await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/access/-303/');
    expect(catalog.numbers.length).toBeGreaterThan(200);
    const firsts = await dialog.firstPages(catalog.numbers.map(String), { count: 1 });
    catalog.numbers.forEach((code, n) => {
      const pages = [
        `/codes/${code}/`,
        ...catalog.rowsWithCode(code).map((row) => `/codes/${row.table}/${row.code}/`),
      ];
      expect.soft(pages, `${code}: first result ${firsts[n]?.[0]}`).toContain(firsts[n]?.[0]);
    });
  });

  test('a code typed with another minus sign, full-width digits or a prefix finds its row first', async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    // Typed key by key, as a reader does, for one of them.
    await dialog.input.pressSequentially('－３０３');
    await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/access/-303/');
    const firsts = await dialog.firstPages(
      TYPED_CODES.map((typed) => typed.query),
      { count: 1 },
    );
    TYPED_CODES.forEach(({ query, first }, n) => expect.soft(firsts[n], query).toEqual([first]));
  });

  test('the typed forms that name how a code arrives reach its page through the text search too', async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    const typed = TYPED_CODES.filter((code) => code.viaText);
    const firsts = await dialog.firstPages(
      typed.map((code) => code.query),
      { text: true, count: 1 },
    );
    typed.forEach(({ query, first }, n) => expect.soft(firsts[n], query).toEqual([first]));
  });

  test('the exact rows follow the classification: errcode is WeChat, a bare -1 is in three tables', async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    await dialog.type('-1');
    await expect(dialog.exactStatus).toHaveText('番号 -1 に一致する行：3 件');
    expect(await SearchDialog.hrefs(dialog.exactLinks, 4)).toEqual([
      '/codes/qq-platform/-1/',
      '/codes/wechat-platform/-1/',
      '/codes/qq-blue-diamond/-1/',
      '/codes/-1/',
    ]);
    // Each row says its table and its description.
    await expect(dialog.exactLinks.nth(1)).toContainText('ウィーチャットプラットフォーム');
    await expect(dialog.exactLinks.nth(1)).toContainText('system error');

    await dialog.type('errcode -1');
    expect(await SearchDialog.hrefs(dialog.exactLinks, 2)).toEqual([
      '/codes/wechat-platform/-1/',
      '/codes/-1/',
    ]);
    await dialog.type('ret -10000');
    await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/logic/-10000/');
    await expect(dialog.exactLinks.first()).toContainText('MSDKロジック層');
  });

  test("emptying the box with Pagefind's clear button or Escape empties the exact results", async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    await dialog.type('-303');
    await expect(dialog.exactLinks).toHaveCount(1);
    await dialog.dialog.getByRole('button', { name: /Clear|クリア/ }).click();
    await expect(dialog.input).toHaveValue('');
    await expect(dialog.exactLinks).toHaveCount(0);
    await dialog.type('-1');
    await expect(dialog.exactLinks).toHaveCount(4);
    await dialog.input.press('Escape');
    // Escape empties Pagefind's box and closes Starlight's dialog; reopened, it is empty.
    await page.getByRole('button', { name: '検索' }).first().click();
    await expect(dialog.input).toHaveValue('');
    await expect(dialog.exactLinks).toHaveCount(0);
  });

  test('a code no table has says so, and offers the number with the other sign', async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    await dialog.type('10001');
    await expect(dialog.exactStatus).toHaveText('番号 10001 はどの表にもありません。');
    await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/logic/-10001/');
    await dialog.type('ret -73');
    await expect(dialog.exactStatus).toContainText('は、この届き方で引く表にはありません');
    await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
  });

  test("the exact rows stand above Pagefind's results, and go when the query is words", async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    await dialog.type('-303');
    await expect(dialog.textLinks.first()).toBeVisible();
    const exact = (await dialog.exactLinks.first().boundingBox())!;
    const text = (await dialog.textLinks.first().boundingBox())!;
    expect(exact.y).toBeLessThan(text.y);
    await dialog.searchText('ホワイトリスト');
    await expect(dialog.exactLinks).toHaveCount(0);
  });

  test('the arrow keys reach the exact rows and Enter opens one', async ({ page }) => {
    await page.goto('/codes/access/');
    // `/` opens the dialog, as Ctrl+K does.
    await page.locator('body').press('/');
    const dialog = new SearchDialog(page);
    await expect(dialog.dialog).toBeVisible();
    await dialog.input.focus();
    await page.keyboard.type('-1');
    await expect(dialog.exactLinks).toHaveCount(4);
    await page.keyboard.press('ArrowDown');
    await expect(dialog.exactLinks.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dialog.exactLinks.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(dialog.input).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/codes\/wechat-platform\/-1\/$/);
  });

  test('Enter in the box opens the first exact row; Ctrl+K opens the dialog', async ({ page }) => {
    await page.goto('/');
    const dialog = new SearchDialog(page);
    await expect(page.getByRole('button', { name: '検索' }).first()).toBeEnabled();
    await page.keyboard.press('Control+k');
    await expect(dialog.dialog).toBeVisible();
    await dialog.type('ｅｒｒｃｏｄｅ：４０００１');
    await expect(dialog.exactLinks.first()).toHaveAttribute(
      'href',
      '/codes/wechat-platform/40001/',
    );
    await dialog.input.press('Enter');
    await expect(page).toHaveURL(/\/codes\/wechat-platform\/40001\/$/);
  });

  test('the lookup and its data load when the dialog opens, not with the page', async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const lookup = (path: string) =>
      path === '/search/lookup.json' || /\/_astro\/(exact-results|paste)[.-]/.test(path);
    await page.goto('/codes/qq-platform/-73/', { waitUntil: 'networkidle' });
    // Starlight loads Pagefind's UI when the page is idle; the lookup must still not load.
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    expect(requests.filter(lookup)).toEqual([]);
    const dialog = await new SearchDialog(page).open('/codes/qq-platform/-73/');
    await dialog.type('-73');
    await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
    expect(requests).toContain('/search/lookup.json');
    // The decoder's code is loaded for a paste only.
    expect(requests.filter((path) => /\/_astro\/paste/.test(path))).toEqual([]);
  });
});

test.describe('a paste in the dialog', () => {
  const paste = '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}';

  test("shows the decoder's best candidate and opens the decoder with the text, in the fragment", async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    await dialog.type(paste);
    await expect(dialog.exactStatus).toHaveText(
      'MSDK の応答のようです。デコーダーの最上位候補は モバイルQQプラットフォーム -73 です。',
    );
    const offer = dialog.exact.getByRole('link', { name: /デコーダーで開く/ });
    await expect(offer).toHaveAttribute('href', `/decoder/#q=${encodeURIComponent(paste)}`);
    await expect(dialog.exactLinks.nth(1)).toHaveAttribute('href', '/codes/qq-platform/-73/');
    await offer.click();
    await expect(page).toHaveURL(/\/decoder\/#q=/);
    const url = new URL(page.url());
    expect(url.search).toBe('');
    await expect(page.locator('textarea')).toHaveValue(paste);
    await expect(page.locator('output a[data-candidate]').first()).toHaveAttribute(
      'href',
      '/codes/qq-platform/-73/',
    );
  });

  test('key=value pairs and log lines are pastes too; Enter opens the decoder', async ({
    page,
  }) => {
    const dialog = await new SearchDialog(page).open();
    await dialog.type('2024-05-01 12:00:03 ERROR [auth] login failed ret=-303 msg=no right');
    await expect(dialog.exactStatus).toContainText('最上位候補は MSDK接続層 -303');
    await dialog.type('ret=-10000&msg=-73,password changed');
    await expect(dialog.exactStatus).toContainText('key=value の組のようです');
    await expect(dialog.exactLinks.nth(1)).toHaveAttribute('href', '/codes/qq-platform/-73/');
    await dialog.input.press('Enter');
    await expect(page).toHaveURL(/\/decoder\/#q=ret%3D-10000%26msg%3D-73%2Cpassword%20changed$/);
    await expect(page.locator('textarea')).toHaveValue('ret=-10000&msg=-73,password changed');
  });
});

test.describe('Pagefind on phrases', () => {
  test(`${PHRASES.length} phrases (table names, topics, rows, mixed; Japanese and English) put the page a reader wants first`, async ({
    page,
  }) => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(40);
    const dialog = await new SearchDialog(page).open();
    await dialog.searchText('WeChat');
    const firsts = await dialog.firstPages(
      PHRASES.map((phrase) => phrase.query),
      { text: true },
    );
    PHRASES.forEach(({ query, first, known }, n) => {
      if (known) expect.soft(firsts[n], `${query} (${known})`).toContain(first);
      else expect.soft(firsts[n]?.[0], query).toBe(first);
    });
  });

  test('a Japanese topic word finds its topic, then the rows that say it', async ({ page }) => {
    const pages = await SearchDialog.pages(await search(page, 'ホワイトリスト'), 4);
    expect(pages[0]).toBe('/topics/whitelist/');
    expect(pages).toEqual(expect.arrayContaining(['/codes/logic/-10010/', '/codes/logic/-10011/']));
  });

  test('the common contact-support sentence does not drown a description match', async ({
    page,
  }) => {
    // 内部エラー is the description of many rows, and the support sentence is in most handlings:
    // the first results must be rows whose description says it.
    const results = await search(page, '内部エラー');
    for (const href of await SearchDialog.pages(results, 5)) {
      await page.goto(href);
      await expect(
        page.locator('.code-description, .number-meaning .code-description').first(),
      ).toContainText('内部');
    }
  });

  test("a table page shows its search words as the site's own, apart from the source text", async ({
    page,
  }) => {
    await page.goto('/codes/wechat-platform/');
    const words = page.getByRole('complementary', { name: '検索語' });
    await expect(words).toContainText('このサイトが付けた言い換え');
    await expect(words.getByRole('listitem')).toContainText(['WeChat', '微信']);
    await page.goto('/topics/rate-limit/');
    await expect(page.getByRole('complementary', { name: '検索語' })).toContainText('レート制限');
  });
});

test('the open dialog with exact rows and a paste offer passes axe', async ({ page }) => {
  const dialog = await new SearchDialog(page).open();
  await dialog.type('-1');
  await expect(dialog.exactLinks).toHaveCount(4);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const found = async () =>
    (await new AxeBuilder({ page }).include('dialog').withTags(tags).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
  expect(await found()).toEqual([]);
  await dialog.type('ret=-303&msg=x');
  await expect(dialog.exact.getByRole('link', { name: /デコーダーで開く/ })).toBeVisible();
  expect(await found()).toEqual([]);
});
