/**
 * Sharing from the decoder (DESIGN §3, "Sharing"): the dialog shows exactly what a link or a
 * ticket will contain, and how many values were masked, before anything reaches the
 * clipboard; by default only the decoded records go along, the original paste (masked) only
 * on request; a link opens to the same results; a broken link still opens what it can.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DecoderPage } from '../support/decoder.ts';
import { tabTo } from '../support/keyboard.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const QQ_73 = '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}';
const SECRETS = {
  openid: 'B3F9A0C4D2E1F0A9B8C7D6E5F4A3B2C1',
  openkey: '7D1E0C9B8A7F6E5D4C3B2A1F0E9D8C7B',
  wx_access_token: '83_Xr7bNqQwE3kL9mPzT2vY6hJd0aGsF1cU5nBx8RtWqLpZ4yKm',
  pf_key: 'f1e2d3c4b5a69788',
  p_skey: 'Xy9kLm2nOp3QrStU',
  password: 'Tx#9k!Lp2',
};
const PASTE = [
  `2024-05-13 10:21:07 WARN [msdk] /auth/verify_login?${Object.entries(SECRETS)
    .map(([key, value]) => `${key}=${value}`)
    .join('&')} resp=${QQ_73}`,
  `2024-05-13 10:21:08 WARN [msdk] {"ret":-303,"msg":"appid has no permission","openid":"${SECRETS.openid}"}`,
  // Cut off: a record that cannot be read, and is not shared.
  '2024-05-13 10:21:09 WARN [msdk] {"ret":-10000,"msg":"-7',
  // No code: context, neither a record nor shared.
  'hello',
].join('\n');

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (page: Page, text: string) =>
  page.evaluate((value) => navigator.clipboard.writeText(value), text);

/** The summary rows' links and counts. */
const summary = (decoder: DecoderPage) => decoder.summaryRows();

let decoder: DecoderPage;

test.beforeEach(async ({ page }) => {
  decoder = new DecoderPage(page);
  await decoder.open();
});

test('the dialog shows the link first, copies nothing until asked, and shares no secret', async ({
  page,
}) => {
  await decoder.paste(PASTE);
  await expect(decoder.output.locator('.decoder-summary')).toBeVisible();
  await setClipboard(page, 'untouched');
  const link = await decoder.openShare();
  // Shown, not copied.
  expect(await clipboard(page)).toBe('untouched');
  expect(link).toMatch(/^http:\/\/localhost:4321\/decoder\/#q=/);
  expect(new URL(link).search).toBe('');
  const carried = decodeURIComponent(new URL(link).hash);
  for (const secret of Object.values(SECRETS)) expect(carried).not.toContain(secret);
  // Only what the decoding read: the two records, rebuilt.
  expect(carried).toBe(`#q=${QQ_73}\n{"ret":-303,"msg":"appid has no permission"}`);
  await expect(decoder.share.summary).toHaveText(
    '伏せた値：0 個。レコード 2 件。読み取れない 1 件は含めません。元の貼り付けは含めません。',
  );
  await decoder.share.copy.click();
  await expect(decoder.share.status).toHaveText('共有リンクをコピーしました。');
  expect(await clipboard(page)).toBe(link);
});

test('the original goes along only when asked, masked, and the preview says how much', async ({
  page,
}) => {
  await decoder.paste(PASTE);
  await decoder.openShare();
  await decoder.share.original.check();
  await expect(decoder.share.preview).toContainText('&o=');
  const link = (await decoder.share.preview.textContent())!;
  const original = decodeURIComponent(/&o=([^&]*)/.exec(link)![1]!);
  for (const secret of Object.values(SECRETS)) expect(original).not.toContain(secret);
  expect(original).toContain('[REDACTED]');
  expect(original).toContain('resp={"ret":-10000');
  const masked = Number(
    /伏せた値：(\d+) 個/.exec((await decoder.share.summary.textContent())!)![1],
  );
  expect(masked).toBe(original.split('[REDACTED]').length - 1);
  await expect(decoder.share.summary).not.toContainText('元の貼り付けは含めません');

  // The ticket text, with the original.
  await decoder.share.ticket.check();
  await expect(decoder.share.preview).toContainText('**MSDK デコーダーの結果**（2 件のレコード）');
  const ticket = (await decoder.share.preview.textContent())!;
  expect(ticket).toContain('モバイルQQプラットフォーム -73');
  expect(ticket).toContain('http://localhost:4321/codes/qq-platform/-73/');
  expect(ticket).toContain('元の貼り付け（伏せ字あり）');
  for (const secret of Object.values(SECRETS)) expect(ticket).not.toContain(secret);
  await decoder.share.copy.click();
  expect(await clipboard(page)).toBe(ticket);

  // Opened, the link shows the masked original as text beside the same results.
  const rows = await summary(decoder);
  const other = new DecoderPage(page);
  await page.goto('/');
  await page.goto(link.replace('http://localhost:4321', ''));
  await expect(other.output.locator('.decoder-summary')).toBeVisible();
  expect(await other.summaryRows()).toEqual(rows);
  const shown = page.locator('[data-shared-original]');
  await expect(shown).toBeVisible();
  await shown.locator('summary').click();
  await expect(shown.locator('pre')).toHaveText(original);
});

test('a share link opens to the same results in a fresh page', async ({ page, browser }) => {
  const paste = [QQ_73, '{"ret":-303,"msg":"appid has no permission"}', QQ_73].join('\n');
  await decoder.paste(paste);
  await expect(decoder.output.locator('.decoder-summary')).toBeVisible();
  await decoder.settled();
  const results = await decoder.output.innerText();
  const link = await decoder.openShare();
  await decoder.share.close.click();
  await expect(decoder.share.dialog).toBeHidden();

  const fresh = await browser.newContext();
  const other = new DecoderPage(await fresh.newPage());
  await other.page.goto(link.replace('http://localhost:4321', ''));
  await expect(other.input).toHaveValue(paste);
  await expect(other.output.locator('.decoder-summary')).toBeVisible();
  await other.settled();
  expect(await other.output.innerText()).toBe(results);
  await fresh.close();
  expect(page.url()).not.toContain('#q=');
});

test('a record’s ticket is shown before it is copied, and carries only that record', async ({
  page,
}) => {
  await decoder.paste(PASTE.split('\n')[0]!);
  await decoder.output.getByRole('button', { name: 'チケット用にコピー…' }).click();
  await expect(decoder.share.preview).toContainText('**MSDK エラーコード -73**');
  // A record shares a ticket only.
  await expect(decoder.share.link).toBeHidden();
  const ticket = (await decoder.share.preview.textContent())!;
  expect(ticket).toContain(QQ_73);
  for (const secret of Object.values(SECRETS)) expect(ticket).not.toContain(secret);
  await decoder.share.copy.click();
  expect(await clipboard(page)).toBe(ticket);
});

test('the dialog works from the keyboard, and passes axe', async ({ page }) => {
  await decoder.paste(PASTE);
  await decoder.share.open.focus();
  await page.keyboard.press('Enter');
  await expect(decoder.share.dialog).toBeVisible();
  await expect(decoder.share.preview).not.toBeEmpty();
  const results = await new AxeBuilder({ page }).include('dialog[data-share-dialog]').analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  // Tab to the checkbox and tick it with Space.
  await tabTo(page, decoder.share.original, { limit: 10 });
  await page.keyboard.press('Space');
  await expect(decoder.share.preview).toContainText('&o=');
  // Tab to copy and press it.
  await tabTo(page, decoder.share.copy, { limit: 10 });
  await page.keyboard.press('Enter');
  await expect(decoder.share.status).toHaveText('共有リンクをコピーしました。');
  expect(await clipboard(page)).toContain('&o=');
  // Escape closes it, and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(decoder.share.dialog).toBeHidden();
  await expect(decoder.share.open).toBeFocused();
});

test('opening and using the dialog sends nothing of the input', async ({ page }) => {
  await decoder.paste(PASTE);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await decoder.openShare();
  await decoder.share.original.check();
  await decoder.share.ticket.check();
  await decoder.share.copy.click();
  await expect(decoder.share.status).not.toBeEmpty();
  // At most the share module itself, from this site, with nothing in its URL but its name.
  for (const url of requests) {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_astro\/[\w.-]+\.js$/);
  }
});

test.describe('a broken share link', () => {
  test('with bad percent-encoding opens with what can be read, and says so', async () => {
    await decoder.open('#q=ret%3D-303%26msg%3D100%%20off%E3%81');
    await expect(decoder.input).toHaveValue('ret=-303&msg=100% off\uFFFD');
    await expect(decoder.candidates.first()).toHaveAttribute('href', '/codes/access/-303/');
    await expect(decoder.page.locator('[data-shared-notice]')).toContainText(
      'リンクの一部が正しくエンコードされていなかったため',
    );
  });

  test('with a lone % opens, decodes and stays usable', async () => {
    await decoder.open('#q=-303%');
    await expect(decoder.input).toHaveValue('-303%');
    await expect(decoder.page.locator('[data-shared-notice]')).toBeVisible();
    await expect(decoder.output).not.toBeEmpty();
    await decoder.paste(QQ_73);
    await expect(decoder.candidates.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
    // The note was about the link; once the input is edited it is gone.
    await expect(decoder.page.locator('[data-shared-notice]')).toBeHidden();
  });

  test('a grouped share shows the counts it carries', async () => {
    await decoder.open(`#q=${encodeURIComponent(`${QQ_73}\n-303`)}&n=4500,12`);
    await expect(decoder.page.locator('[data-shared-notice]')).toContainText(
      '異なるレコード 2 種類を件数つきで運んでいます（計 4,512 件）',
    );
    expect(await decoder.summaryRows()).toEqual([
      ['-73 モバイルQQプラットフォーム', '4,500'],
      ['-303 MSDK接続層', '12'],
    ]);
  });
});
