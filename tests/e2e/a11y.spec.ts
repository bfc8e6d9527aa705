/**
 * Accessibility: axe (WCAG 2.2 AA rules) on every page of the sitemap, and on every page
 * kind in both the light and the dark theme (contrast). Zero violations allowed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DIST } from '../support/published.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const sitemap = [
  ...readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g),
].map(([, loc]) => new URL(loc!).pathname);

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')})`,
  );
}

// The crawl is split into chunks so the two workers share it.
const CHUNK = 20;
for (let start = 0; start < sitemap.length; start += CHUNK) {
  const paths = sitemap.slice(start, start + CHUNK);
  test(`sitemap pages ${start + 1}–${start + paths.length} of ${sitemap.length} have no axe violations`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      for (const violation of await violations(page)) found.push(`${path} ${violation}`);
    }
    expect(found).toEqual([]);
  });
}

const KINDS = [
  '/',
  '/codes/access/',
  '/codes/access/-303/',
  '/codes/-1/',
  '/actions/',
  '/decoder/',
  '/no-such-page/',
];
for (const theme of ['light', 'dark'] as const) {
  test(`every page kind passes axe (contrast included) in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
    const found: string[] = [];
    for (const path of KINDS) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const violation of await violations(page)) found.push(`${path} ${violation}`);
    }
    expect(found).toEqual([]);
  });
}

test('the sitemap covers every page kind', () => {
  expect(sitemap.length).toBeGreaterThan(250);
  for (const path of [
    '/',
    '/codes/access/',
    '/codes/access/-303/',
    '/codes/-1/',
    '/decoder/',
    '/actions/reauthorize/',
  ]) {
    expect(sitemap).toContain(path);
  }
});
