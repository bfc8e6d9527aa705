/**
 * Cross-table topics in the browser: the list of topics, a topic page gathering rows from
 * several tables, a code page listing its topics and the related rows of other tables, and
 * the map of the layers on the home page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { parseTopicsFile } from '../../src/lib/catalog/topics.ts';
import { ROOT, loadCatalog } from '../support/catalog.ts';
import { searchHrefs } from '../support/search.ts';
import { tabTo } from '../support/keyboard.ts';

const catalog = loadCatalog();
const topics = parseTopicsFile(
  'content/topics.yaml',
  readFileSync(join(ROOT, 'content', 'topics.yaml'), 'utf8'),
  catalog,
);

test.describe('the topics index', () => {
  test('lists every topic with its summary and row count, linking to its page', async ({
    page,
  }) => {
    await page.goto('/topics/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('トピック');
    const rows = page.locator('.topic-index tbody tr');
    await expect(rows).toHaveCount(topics.length);
    for (const [i, topic] of topics.entries()) {
      const row = rows.nth(i);
      await expect(row.getByRole('link', { name: topic.title })).toHaveAttribute(
        'href',
        `/topics/${topic.slug}/`,
      );
      await expect(row).toContainText(topic.summary);
      await expect(row).toContainText(`${topic.rows.length} 件`);
      // Counted here from the file's rows, not by the site's own topicTables().
      await expect(row).toContainText(`${new Set(topic.rows.map((r) => r.table)).size} 表`);
    }
  });

  test('is in the sidebar', async ({ page }) => {
    await page.goto('/codes/access/');
    await page
      .locator('nav[aria-label="メイン"], .sidebar')
      .getByRole('link', { name: 'トピック' })
      .first()
      .click();
    await expect(page).toHaveURL(/\/topics\/$/);
  });
});

test.describe('a topic page', () => {
  test('shows its summary, then its rows grouped by table, each linking to its code page', async ({
    page,
  }) => {
    await page.goto('/topics/rate-limit/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'トピック：呼び出し頻度の制限',
    );
    const rateLimit = topics.find((t) => t.slug === 'rate-limit')!;
    await expect(page.locator('.topic-summary')).toHaveText(rateLimit.summary);

    const groups = page.locator('section[data-table]');
    await expect(groups).toHaveCount(6);
    await expect(groups.first()).toHaveAttribute('data-table', 'access');
    await expect(
      groups.first().getByRole('heading', { level: 2 }).getByRole('link', { name: 'MSDK接続層' }),
    ).toHaveAttribute('href', '/codes/access/');

    const wechat = page.locator('section[data-table="wechat-platform"]');
    await expect(wechat.locator('tbody tr')).toHaveCount(2);
    await expect(wechat).toContainText('api freq out of limit');

    await page
      .locator('section[data-table="qq-platform"]')
      .getByRole('link', { name: '-6', exact: true })
      .click();
    await expect(page).toHaveURL(/\/codes\/qq-platform\/-6\/$/);
    await expect(page.locator('.code-description')).toHaveText(
      'clientリクエストのappからapiへのアクセスは限界を超えました',
    );
  });

  test('every topic page shows all its rows', async ({ page }) => {
    for (const topic of topics) {
      await page.goto(`/topics/${topic.slug}/`);
      await expect(page.locator('section[data-table] tbody tr'), topic.slug).toHaveCount(
        topic.rows.length,
      );
    }
  });

  test('the topics pass axe in both themes', async ({ page }) => {
    for (const theme of ['light', 'dark']) {
      await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      for (const path of ['/topics/', '/topics/signature/']) {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).include('main').analyze();
        expect(violations.map((v) => `${theme} ${path} ${v.id}`)).toEqual([]);
      }
    }
  });
});

test.describe('a code page', () => {
  test('lists its topics and, per topic, the related rows in other tables', async ({ page }) => {
    await page.goto('/codes/access/-502/');
    const section = page.locator('section.topic-list');
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('関連トピック');
    await expect(section.getByRole('heading', { level: 3 })).toHaveText([
      '署名（sig）の検証',
      'タイムスタンプ・nonce・有効期限',
    ]);
    await expect(section.getByRole('link', { name: '署名（sig）の検証' })).toHaveAttribute(
      'href',
      '/topics/signature/',
    );
    const signature = section.locator('h3#topic-signature + ul > li');
    await expect(signature).toHaveText([
      'モバイルQQプラットフォーム -5：署名の確認に失敗しました',
      'モバイルQQゲームセンター -4016：リクエストパラメータsigの確認エラー',
      'モバイルQQ青ダイヤ -2：署名エラー',
    ]);
    // Its own row is not listed among the related ones.
    await expect(section.getByRole('link', { name: /MSDK接続層 -502/ })).toHaveCount(0);

    await signature.getByRole('link', { name: 'モバイルQQ青ダイヤ -2' }).click();
    await expect(page).toHaveURL(/\/codes\/qq-blue-diamond\/-2\/$/);
    await page
      .locator('section.topic-list')
      .getByRole('link', { name: '署名（sig）の検証' })
      .click();
    await expect(page).toHaveURL(/\/topics\/signature\/$/);
  });

  test('a row in no topic has no topic section', async ({ page }) => {
    await page.goto('/codes/access/0/');
    await expect(page.locator('.code-description')).toHaveText('成功');
    await expect(page.locator('section.topic-list')).toHaveCount(0);
  });

  test('the related rows stay out of search: a phrase finds its own row, not its neighbours', async ({
    page,
  }) => {
    // /codes/access/-503/ shows "api freq out of limit" (WeChat 45009) in its topic list.
    const hrefs = await searchHrefs(page, 'api freq out of limit');
    expect(hrefs[0]).toBe('/codes/wechat-platform/45009/');
    expect(hrefs).not.toContain('/codes/access/-503/');
  });

  test('a topic is found by its title', async ({ page }) => {
    const hrefs = await searchHrefs(page, '共有回数の上限');
    expect(hrefs.slice(0, 3)).toContain('/topics/share-quota/');
  });
});

test.describe('the map of the layers on the home page', () => {
  test('is a described figure whose boxes link to every table and both envelopes', async ({
    page,
  }) => {
    await page.goto('/');
    const map = page.locator('.layer-map');
    const svg = map.locator('svg');
    await expect(svg).toHaveAttribute('aria-labelledby', 'layer-map-title');
    await expect(map.locator('svg title')).toHaveText(/MSDK の層/);
    await expect(map.locator('svg desc')).toContainText('ret: -10000');
    await expect(map.locator('figcaption')).toContainText('ret: -20000');

    const hrefs = await svg
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        ...catalog.tables.map((table) => `/codes/${table.slug}/`),
        '/codes/logic/-10000/',
        '/codes/logic/-20000/',
        '#err-type',
      ]),
    );
    await expect(svg.getByRole('link', { name: /ウィーチャットプラットフォーム/ })).toHaveAttribute(
      'href',
      '/codes/wechat-platform/',
    );
  });

  test('its links are reachable with the keyboard and open their table', async ({ page }) => {
    await page.goto('/');
    await page.locator('#layer-map').scrollIntoViewIfNeeded();
    // Tab from the start of the page until focus enters the map, at its first link.
    await tabTo(page, page.locator('.layer-map svg a').first(), { limit: 80 });
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${focused!.replace(/[#/]/g, '\\$&')}$`));
  });

  test('is drawn with theme colours and scales to a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/');
    const svg = page.locator('.layer-map svg');
    const box = await svg.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    expect(box!.width).toBeGreaterThan(250);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
      const { violations } = await new AxeBuilder({ page }).include('.layer-map').analyze();
      expect(violations.map((v) => `${theme} ${v.id}`)).toEqual([]);
    }
  });
});
