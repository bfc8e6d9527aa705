/**
 * The decoder page against the built site (DESIGN §3, "Browser contract"): one textarea,
 * results in a live region without a reload, candidates as links in ranking order, errors
 * as visible text, nothing pasted ever sent anywhere.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DecoderPage } from '../support/decoder.ts';
import { tabTo } from '../support/keyboard.ts';

/** Real pastes: an MSDK envelope, a WeChat body, a QQ OAuth JSONP body, log lines. */
const QQ_73 = '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}';
const WECHAT_42001 =
  '{"errcode":42001,"errmsg":"access_token expired, rid: 6650a1f3-1c2d3e4f-5a6b7c8d"}';
const ACCESS_303 =
  '2024-05-13 10:21:07.482 WARN [msdk] /relation/qqfriends_detail resp={"ret":-303,"msg":"appid has no permission"}';
const UNKNOWN_2011 = 'ret=-2011&msg=internal error';

test.describe('the decoder', () => {
  let decoder: DecoderPage;

  test.beforeEach(async ({ page }) => {
    decoder = new DecoderPage(page);
    await decoder.open();
  });

  test('has one labelled textarea and a live region for results', async ({ page }) => {
    await expect(page.locator('textarea')).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: /MSDK の応答/ })).toBeVisible();
    await expect(decoder.output).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByRole('heading', { level: 2, name: '結果' })).toBeVisible();
    await expect(page.locator('msdk-decoder')).toHaveAttribute('data-pagefind-ignore', /.*/);
  });

  test('typing an MSDK -10000 response ranks the QQ platform row -73 first', async () => {
    await decoder.input.pressSequentially(QQ_73);
    await expect(decoder.candidates.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
    // The best candidate is also the first link of the live region.
    await expect(decoder.output.getByRole('link').first()).toHaveAttribute(
      'href',
      '/codes/qq-platform/-73/',
    );
    await expect(decoder.candidates.first()).toContainText('モバイルQQプラットフォーム');
    await expect(decoder.output).toContainText('0x47 access tokenパスワード変更が無効です');
    await expect(decoder.output.getByRole('link', { name: /-10000 の包み/ })).toHaveAttribute(
      'href',
      '/codes/logic/-10000/',
    );
    await expect(decoder.output.getByRole('link', { name: /-10000 の包み/ })).toContainText(
      'ロジック層',
    );
    // err_type 2 is what -73's action (再授権) implies.
    await expect(decoder.output.locator('[data-agrees]')).toHaveAttribute('data-agrees', 'true');
    await expect(decoder.output.locator('[data-agrees] strong')).toHaveText('✓ 一致');
    await expect(decoder.records).toHaveCount(1);
    await expect(decoder.records.first()).toContainText('1 行目');
  });

  test('candidates are links to their code pages in ranking order, each with its action', async () => {
    await decoder.paste('{"ret":-10000,"msg":"-1,param error"}');
    const hrefs = await decoder.candidates.evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(hrefs.length).toBeGreaterThan(1);
    expect(hrefs[0]).toBe('/codes/qq-platform/-1/');
    for (const href of hrefs) expect(href).toMatch(/^\/codes\/[a-z-]+\/-1\/$/);
    const items = decoder.output.locator('.decoder-candidate');
    await expect(items).toHaveCount(hrefs.length);
    for (const item of await items.all()) {
      await expect(item.locator('a.action-badge')).toHaveAttribute(
        'href',
        /^\/actions\/[a-z-]+\/$/,
      );
    }
  });

  test('a WeChat body from the example button links to the WeChat row 40001', async () => {
    await decoder.example(/ウィーチャットの応答/).click();
    await expect(decoder.input).toHaveValue(/"errcode":40001/);
    await expect(decoder.candidates.first()).toHaveAttribute(
      'href',
      '/codes/wechat-platform/40001/',
    );
  });

  test('every example button fills the textarea and shows a result', async () => {
    for (const button of await decoder.page.locator('[data-example]').all()) {
      await button.click();
      await expect(decoder.input).not.toHaveValue('');
      await expect(decoder.records.first()).toBeVisible();
    }
  });

  test('an unknown code shows its range, the nearest codes and the message', async () => {
    await decoder.example(/未知のコード/).click();
    await expect(decoder.input).toHaveValue(UNKNOWN_2011);
    await expect(decoder.candidates).toHaveCount(0);
    await expect(decoder.output.getByRole('link', { name: /-2000/ })).toHaveAttribute(
      'href',
      '/codes/logic/-2000/',
    );
    await expect(decoder.output.locator('.decoder-nearest a').first()).toHaveAttribute(
      'href',
      /^\/codes\/[a-z-]+\/-?\d+\/$/,
    );
    await expect(decoder.output).toContainText('internal error');
  });

  test('a WeChat code pasted as ret points to the table that has it, without ranking it', async () => {
    await decoder.paste('{"ret":40001,"msg":"invalid credential"}');
    await expect(decoder.output).toContainText('この届き方で引く表にはありません');
    await expect(decoder.candidates).toHaveCount(0);
    await expect(decoder.output.locator('.decoder-elsewhere a')).toHaveAttribute(
      'href',
      '/codes/wechat-platform/40001/',
    );
  });

  test('pasting many lines shows a summary first, with counts, most frequent first', async () => {
    const paste = [
      QQ_73,
      ACCESS_303,
      QQ_73,
      WECHAT_42001,
      ACCESS_303,
      QQ_73,
      // Cut off: a record that cannot be read.
      '{"ret":-10000,"msg":"-7',
      // No code at all: a context line, counted apart.
      'これはログではありません',
    ];
    await decoder.paste(paste.join('\n'));
    const summary = decoder.output.locator('.decoder-summary');
    await expect(summary).toBeVisible();
    expect(await decoder.summaryRows()).toEqual([
      [expect.stringContaining('-73'), '3'],
      [expect.stringContaining('-303'), '2'],
      [expect.stringContaining('42001'), '1'],
    ]);
    await expect(summary.locator('tbody a').first()).toHaveAttribute(
      'href',
      '/codes/qq-platform/-73/',
    );
    // The summary comes before the per-record details, which are folded.
    const order = await decoder.output
      .locator('.decoder-summary, .decoder-details')
      .evaluateAll((sections: Element[]) => sections.map((section) => section.className));
    expect(order).toEqual(['decoder-summary', 'decoder-details']);
    await expect(decoder.output.locator('details.decoder-record')).toHaveCount(7);
    // The unreadable line is counted and can be listed.
    await expect(summary).toContainText('7 件のレコード、コード 3 種類、読み取れない行 1 件。');
    await summary.getByText('読み取れない行（1 件）').click();
    await expect(summary.locator('.decoder-unreadable li')).toContainText('7 行目');
    await expect(summary.locator('[data-context]')).toHaveText(
      'コードのない行 1 件（HTTP ヘッダー、スタックトレースなど）は省きました。',
    );
    // A record's details open on demand, with its candidates as links.
    await decoder.output.locator('details.decoder-record summary').nth(1).click();
    await expect(
      decoder.output.locator('details.decoder-record').nth(1).locator('a[data-candidate]').first(),
    ).toHaveAttribute('href', '/codes/access/-303/');
  });

  test('garbage, truncated JSON and binary junk show a visible error', async () => {
    for (const bad of [
      'hello world',
      '{"ret":-10000,"msg":"-73,',
      '\u0000\u0001\u0002\uFFFD\uFFFD PK\u0003\u0004',
    ]) {
      await decoder.paste(bad);
      await expect(decoder.output.locator('[data-error]').first()).toBeVisible();
      await expect(decoder.output.locator('[data-error]').first()).not.toBeEmpty();
    }
  });

  test('empty and whitespace-only input say what to paste', async () => {
    await decoder.paste('   \n\t \n');
    await expect(decoder.output).toContainText('空白しかありません');
    await decoder.paste('');
    await expect(decoder.output).toContainText('貼り付けると');
  });

  test('pasted HTML is shown as text, never as markup', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const html = '<img src=x onerror=alert(1)>';
    // In a record's message and input, and in a line of its own (context, left out).
    await decoder.paste(`${html}\n{"ret":-303,"msg":"${html}"}\n${html} ret=-303`);
    await expect(decoder.output.locator('.decoder-summary')).toContainText('2 件のレコード');
    for (const summary of await decoder.output.locator('details.decoder-record summary').all()) {
      await summary.click();
    }
    await expect(decoder.output.locator('details.decoder-record').first()).toContainText(html);
    await expect(decoder.output.locator('details.decoder-record').nth(1)).toContainText(html);
    await expect(page.locator('msdk-decoder img')).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('nothing is requested from the network while typing, pasting and decoding', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await decoder.input.pressSequentially('-303');
    await expect(decoder.candidates.first()).toHaveAttribute('href', '/codes/access/-303/');
    await decoder.paste([QQ_73, WECHAT_42001, ACCESS_303, UNKNOWN_2011, 'garbage'].join('\n'));
    await expect(decoder.output.locator('.decoder-summary')).toBeVisible();
    await decoder.output.locator('details.decoder-record summary').first().click();
    for (const button of await page.locator('[data-example]').all()) await button.click();
    await page.getByRole('button', { name: 'クリア' }).click();
    expect(requests).toEqual([]);
  });

  test('the main path works with the keyboard alone', async ({ page }) => {
    // Tab from the top of the page to the textarea.
    await tabTo(page, decoder.input);
    await page.keyboard.type(QQ_73);
    await expect(decoder.candidates.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
    // Onwards to the first example button, which Enter presses.
    await page.keyboard.press('Tab');
    await expect(decoder.example(/MSDK の応答/)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(decoder.example(/ウィーチャットの応答/)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(decoder.candidates.first()).toHaveAttribute(
      'href',
      '/codes/wechat-platform/40001/',
    );
    // Then on to the best candidate, which Enter follows.
    await tabTo(page, decoder.candidates.first(), { limit: 20 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/codes\/wechat-platform\/40001\/$/);
  });

  test('a 10,000-line paste shows a summary and a bounded list at once', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 === 0 ? QQ_73 : i % 3 === 1 ? ACCESS_303 : WECHAT_42001,
    );
    await decoder.pasteLarge(lines.join('\n'));
    await expect(decoder.output.locator('.decoder-summary')).toBeVisible();
    await expect(decoder.output.locator('.decoder-summary')).toContainText('10,000 件のレコード');
    expect(await decoder.summaryRows()).toEqual([
      [expect.stringContaining('-73'), '3,334'],
      [expect.stringContaining('-303'), '3,333'],
      [expect.stringContaining('42001'), '3,333'],
    ]);
    await expect(decoder.records).toHaveCount(200);
    await decoder.page.getByRole('button', { name: /さらに 200 件を表示/ }).click();
    await expect(decoder.records).toHaveCount(400);
  });

  test('a real Ctrl+V of 10,000 lines decodes first, then fills the textarea at the caret', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? QQ_73 : ACCESS_303));
    const pasted = lines.join('\n');
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await decoder.input.fill('before\nafter');
    // Put the caret at the start of the second line, then paste there.
    await decoder.input.evaluate((input: HTMLTextAreaElement) => input.setSelectionRange(7, 7));
    await page.keyboard.press('Control+V');
    // "before" holds no code: a context line, not a record.
    await expect(decoder.output.locator('.decoder-summary')).toContainText(
      '10,000 件のレコード、コード 2 種類、読み取れない行 0 件',
    );
    await expect(decoder.output.locator('[data-context]')).toHaveAttribute('data-context', '1');
    expect(await decoder.summaryRows()).toEqual([
      [expect.stringContaining('-303'), '5,000'],
      [expect.stringContaining('-73'), '5,000'],
    ]);
    await expect(decoder.input).toHaveValue(`before\n${pasted}after`);
    expect(await decoder.input.evaluate((input: HTMLTextAreaElement) => input.selectionStart)).toBe(
      7 + pasted.length,
    );
  });

  test('a small Ctrl+V goes in the native way', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate((text) => navigator.clipboard.writeText(text), QQ_73);
    await decoder.input.focus();
    await page.keyboard.press('Control+V');
    await expect(decoder.input).toHaveValue(QQ_73);
    await expect(decoder.candidates.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
  });

  test('a 5 MB paste gets a clear message and the page stays responsive', async ({ page }) => {
    const line = `${ACCESS_303} ${'x'.repeat(400)}\n`;
    await decoder.pasteLarge(line.repeat(Math.ceil(5_000_000 / line.length)));
    await expect(decoder.output.locator('[data-error]').first()).toContainText('大きすぎます');
    await expect(decoder.output.locator('.decoder-summary')).toContainText('件のレコード', {
      timeout: 20_000,
    });
    // The page answers while the paste is decoded in chunks: clearing stops the run at once.
    await page.getByRole('button', { name: 'クリア' }).click();
    await expect(decoder.input).toHaveValue('');
    await expect(decoder.output).toContainText('結果が表示されます');
    await expect(decoder.output.locator('.decoder-summary')).toHaveCount(0);
  });

  test('the clear button empties the input and the results', async ({ page }) => {
    await decoder.paste(QQ_73);
    await expect(decoder.candidates.first()).toBeVisible();
    await page.getByRole('button', { name: 'クリア' }).click();
    await expect(decoder.input).toHaveValue('');
    await expect(decoder.input).toBeFocused();
    await expect(decoder.candidates).toHaveCount(0);
  });
});

test('the decoder throws nothing, and its results break no CSP rule', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const decoder = new DecoderPage(page);
  await decoder.open();
  // Console errors are recorded from here on: what the page itself logs while loading is not
  // the decoder's, but anything rendering a result triggers (a CSP violation, say) is.
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await decoder.example(/ログの抜粋/).click();
  await expect(decoder.output.locator('.decoder-summary')).toBeVisible();
  await decoder.output.locator('details.decoder-record summary').first().click();
  await decoder.example(/未知のコード/).click();
  await expect(decoder.output.locator('.decoder-nearest')).toBeVisible();
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the decoder and its results pass axe checks in the ${colorScheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const decoder = new DecoderPage(page);
    await decoder.open();
    await decoder.paste([QQ_73, UNKNOWN_2011, '{"ret":-10000,"msg":"-7', 'hello'].join('\n'));
    await decoder.output.getByText('読み取れない行（1 件）').click();
    for (const summary of await decoder.output.locator('details.decoder-record summary').all()) {
      await summary.click();
    }
    await expect(decoder.output.locator('.decoder-nearest')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('msdk-decoder').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the decoder says it needs JavaScript and links to the tables', async ({ page }) => {
    await page.goto('/decoder/');
    // Playwright's text and role engines skip <noscript>, so CSS locators find its content.
    const notice = page.locator('msdk-decoder noscript');
    await expect(notice.locator('p')).toBeVisible();
    await expect(notice.locator('p')).toContainText('デコーダーは JavaScript で動きます');
    await expect(notice.locator('a[href="/codes/access/"]')).toBeVisible();
    await expect(notice.locator('a')).toHaveCount(9);
    // The controls that would do nothing without JavaScript are not shown.
    await expect(page.locator('textarea')).toBeHidden();
  });
});

test('the decoder script and catalog data load only on /decoder/', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/decoder/');
  await expect(page.locator('msdk-decoder[data-ready]')).toBeAttached();
  const decoderScripts = [...scripts];
  scripts.length = 0;
  await page.goto('/codes/access/-303/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('msdk-decoder')).toHaveCount(0);
  // The decoder page loads scripts of its own, which a code page does not.
  expect(decoderScripts.filter((url) => !scripts.includes(url)).length).toBeGreaterThan(0);
});
