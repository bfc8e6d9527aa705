import { expect, test } from '@playwright/test';

test.describe('a table page', () => {
  test('lists every row, each linking to its code page and carrying its own anchor', async ({
    page,
  }) => {
    await page.goto('/codes/access/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('MSDK接続層エラーコード');
    const rows = page.locator('.row-table tbody tr');
    await expect(rows).toHaveCount(24);
    const row = page.locator('tr#code-303');
    await expect(row).toContainText('このappidはmsdkでは権限がありません');
    await expect(row.getByRole('link', { name: '-303', exact: true })).toHaveAttribute(
      'href',
      '/codes/access/-303/',
    );
    await expect(row.getByRole('link', { name: '設定・権限を確認' })).toHaveAttribute(
      'href',
      '/actions/check-config/',
    );
  });

  test('filters its rows by text and by action without a reload', async ({ page }) => {
    await page.goto('/codes/qq-game-center/');
    const rows = page.locator('.row-table tbody tr:visible');
    await expect(rows).toHaveCount(39);
    const filter = page.getByRole('search', { name: 'この表を絞り込む' });
    await filter.getByLabel('絞り込み').fill('タイムスタンプ');
    await expect(rows).toHaveCount(4);
    await expect(filter.getByRole('status')).toHaveText('39 件中 4 件を表示');
    await filter.getByLabel('絞り込み').fill('');
    await filter.getByLabel('対応').selectOption({ label: '頻度を下げる' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('-4009');
    await filter.getByLabel('絞り込み').fill('－４００９');
    await expect(rows).toHaveCount(1);
  });

  test('reads fully without JavaScript, filter controls hidden', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/codes/qq-game-center/');
    await expect(page.locator('.row-table tbody tr:visible')).toHaveCount(39);
    await expect(page.getByRole('search', { name: 'この表を絞り込む' })).toBeHidden();
    await context.close();
  });

  test('the logic table lists its ranges', async ({ page }) => {
    await page.goto('/codes/logic/');
    const ranges = page.locator('#ranges + ul li');
    await expect(ranges).toHaveCount(6);
    await expect(ranges.nth(2)).toContainText('-2000~-9999以下はサーバから戻されたエラーです');
  });
});

test.describe('a code page', () => {
  test('shows the row verbatim, its action, err_type and table', async ({ page }) => {
    await page.goto('/codes/access/-303/');
    await expect(page).toHaveTitle(/^-303 このappidはmsdkでは権限がありません/);
    await expect(page.locator('.code-description')).toHaveText(
      'このappidはmsdkでは権限がありません',
    );
    await expect(page.locator('.code-handling')).toContainText(
      'このサービスは当該インターフェースの権限があるか確認してください。',
    );
    await expect(page.locator('.code-facts')).toContainText('設定・権限を確認');
    await expect(page.locator('.code-facts')).toContainText('未知エラー');
    await expect(page.getByRole('link', { name: 'MSDK接続層' }).first()).toHaveAttribute(
      'href',
      '/codes/access/',
    );
  });

  test('a QQ platform code says it arrives inside ret -10000 and links that row', async ({
    page,
  }) => {
    await page.goto('/codes/qq-platform/-73/');
    const arrival = page.locator('[data-route="msg-of-10000"]');
    await expect(arrival).toContainText('{"ret":-10000,"msg":"-73,…"}');
    await arrival.getByRole('link', { name: 'ret: -10000' }).click();
    await expect(page).toHaveURL(/\/codes\/logic\/-10000\/$/);
  });

  test('reads fully without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/codes/qq-platform/-73/');
    await expect(page.locator('.code-description')).toHaveText(
      '0x47 access tokenパスワード変更が無効です',
    );
    await expect(page.locator('.code-handling')).toHaveText('再授権');
    await page.getByRole('link', { name: 'ret: -10000' }).click();
    await expect(page).toHaveURL(/\/codes\/logic\/-10000\/$/);
    await context.close();
  });

  test('a logic code names the range it falls in', async ({ page }) => {
    await page.goto('/codes/logic/-2004/');
    await expect(page.locator('#range + p')).toContainText(
      '-2000~-9999以下はサーバから戻されたエラーです',
    );
    await expect(page.locator('#range + p').getByRole('link', { name: '-2000' })).toHaveAttribute(
      'href',
      '/codes/logic/-2000/',
    );
  });

  test('links the same number in the other tables', async ({ page }) => {
    await page.goto('/codes/qq-platform/-1/');
    const others = page.locator('#same-number ~ ul li a');
    await expect(others).toHaveText(['ウィーチャットプラットフォーム -1', 'モバイルQQ青ダイヤ -1']);
    await expect(page.getByRole('link', { name: '並べて比較' })).toHaveAttribute(
      'href',
      '/codes/-1/',
    );
  });
});

test.describe('a number page', () => {
  test('puts every meaning of a shared number side by side', async ({ page }) => {
    await page.goto('/codes/100000/');
    const meanings = page.locator('.number-meaning');
    await expect(meanings).toHaveCount(2);
    await expect(meanings.nth(0)).toContainText('response_typeがなく、又は間違っている');
    await expect(meanings.nth(1)).toContainText('権限確認エラー！uin,skeyエラー');
    await expect(meanings.nth(1).getByRole('link').first()).toHaveAttribute(
      'href',
      '/codes/qq-share/100000/',
    );
  });

  test('a number only one table uses redirects to its code page', async ({ page }) => {
    await page.goto('/codes/-303/');
    await expect(page).toHaveURL(/\/codes\/access\/-303\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('-303');
  });
});

test.describe('the rest of the contract', () => {
  test('the JSON export has every table and row with its URL', async ({ request }) => {
    const response = await request.get('/api/codes.json');
    expect(response.ok()).toBe(true);
    const data = (await response.json()) as {
      version: number;
      tables: { slug: string; rows: { code: number; url: string; action: string }[] }[];
    };
    expect(data.version).toBe(1);
    expect(data.tables).toHaveLength(8);
    expect(data.tables.flatMap((t) => t.rows)).toHaveLength(229);
    const wechat = data.tables.find((t) => t.slug === 'wechat-platform')!;
    expect(wechat.rows.find((r) => r.code === 40001)).toMatchObject({
      url: '/codes/wechat-platform/40001/',
      action: 'reauthorize',
    });
  });

  test('the 404 page turns a mistyped code address into a lookup', async ({ page }) => {
    const response = await page.goto('/codes/acess/-303/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
    await expect(page.getByLabel('エラーコード番号')).toHaveValue('-303');
    await page.getByRole('link', { name: 'MSDK接続層の -303 のページへ' }).click();
    await expect(page).toHaveURL(/\/codes\/access\/-303\/$/);
  });

  for (const [name, path] of [
    ['a Unicode minus', '/codes/access/%E2%88%92303/'],
    ['a full-width minus and digits', '/codes/access/%EF%BC%8D%EF%BC%93%EF%BC%90%EF%BC%93/'],
    ['broken percent-encoding around it', '/codes/acess%E3/-303%/'],
  ]) {
    test(`the 404 page reads a code typed with ${name}`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // A static host answers an unknown address with the 404 page (astro preview itself fails
      // on broken percent-encoding, so the page is served here as a host would serve it).
      await page.route(`**${path!}`, (route) =>
        route.fulfill({ status: 404, path: 'dist/404.html', contentType: 'text/html' }),
      );
      const response = await page.goto(path!);
      expect(response?.status()).toBe(404);
      await expect(page.getByLabel('エラーコード番号')).toHaveValue('-303');
      await expect(page.locator('.code-lookup__message a')).toHaveAttribute(
        'href',
        '/codes/access/-303/',
      );
      expect(errors).toEqual([]);
    });
  }

  test('the 404 page offers the nearest codes of the table for a mistyped code', async ({
    page,
  }) => {
    await page.goto('/codes/access/-330/');
    const message = page.locator('.code-lookup__message');
    await expect(message).toHaveText(
      'MSDK接続層に -330 はありません。近いコード：-312、-311、-310',
    );
    await expect(message.locator('a')).toHaveCount(3);
    await message.getByRole('link', { name: '-312' }).click();
    await expect(page).toHaveURL(/\/codes\/access\/-312\/$/);
  });

  test('the 404 lookup accepts full-width input and says when no table has the number', async ({
    page,
  }) => {
    await page.goto('/no-such-page/');
    const input = page.getByLabel('エラーコード番号');
    await input.fill('１２３４５');
    await input.press('Enter');
    await expect(page.locator('.code-lookup__message')).toHaveText(
      /^12345 はどの表にもありません。近いコード：/,
    );
    await input.fill('－７');
    await input.press('Enter');
    await expect(page).toHaveURL(/\/codes\/-7\/$/);
  });

  test('robots.txt lets every page be crawled and points to the sitemap', async ({ request }) => {
    const response = await request.get('/robots.txt');
    expect(response.headers()['content-type']).toContain('text/plain');
    expect((await response.text()).split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      '',
      'Sitemap: http://localhost:4321/sitemap-index.xml',
      '',
    ]);
    expect((await request.get('/sitemap-index.xml')).ok()).toBe(true);
  });

  test('pages are Japanese, canonical and listed in the sitemap', async ({ page, request }) => {
    await page.goto('/codes/wechat-platform/40001/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/codes\/wechat-platform\/40001\/$/,
    );
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    expect(sitemap).toContain('/codes/wechat-platform/40001/</loc>');
    expect(sitemap).not.toContain('/codes/-303/</loc>');
  });

  test('the sidebar lists the tables, not the codes', async ({ page }) => {
    await page.goto('/codes/access/-303/');
    const sidebar = page.getByRole('navigation', { name: 'メイン' });
    await expect(sidebar.locator('a[href^="/codes/"]')).toHaveCount(8);
    await expect(sidebar.locator('a[href^="/codes/access/-"]')).toHaveCount(0);
  });
});
