/**
 * Accessibility: axe (WCAG 2.2 AA rules) on every page of the sitemap, and on every page
 * kind in both the light and the dark theme (contrast). Zero violations allowed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { findAll, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { DIST } from '../support/published.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const sitemap = findAll(
  (element) => element.name === 'loc',
  parseDocument(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8'), { xmlMode: true }).children,
).map((loc) => new URL(textContent(loc)).pathname);

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

/**
 * The pages crawled. The full crawl of every sitemap page took 2.5–4.5 minutes on a fast day
 * of this machine and over 10 on a slow one, more than the 5 minutes the suite may spend on
 * it. So by default the suite checks a sample that covers every kind of page: each kind (its
 * path with names as `*` and codes as `N`) spread over at most SAMPLE_PER_KIND pages. Where
 * the spread starts moves with the day (A11Y_OFFSET sets it, to repeat a run), so over a few
 * days every page is crawled, not only the first of each kind. `npm run test:a11y-full`
 * (A11Y_FULL=1) crawls every page.
 */
const SAMPLE_PER_KIND = 12;
const OFFSET = Number(process.env.A11Y_OFFSET ?? Math.floor(Date.now() / 86_400_000));
const kindOf = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((part, i) => (i === 0 ? part : /^-?\d+$/.test(part) ? 'N' : '*'))
    .join('/');
const byKind = Map.groupBy(sitemap, kindOf);
const crawled =
  process.env.A11Y_FULL === '1'
    ? sitemap
    : sitemap.filter((path) => {
        const kind = byKind.get(kindOf(path))!;
        const step = Math.ceil(kind.length / SAMPLE_PER_KIND);
        return (kind.indexOf(path) + OFFSET) % step === 0;
      });

test('the sample covers every kind of page in the sitemap', () => {
  expect(new Set(crawled.map(kindOf))).toEqual(new Set(byKind.keys()));
  expect(crawled.length).toBeGreaterThanOrEqual(50);
});

test(`the sample moves with its offset (today ${OFFSET})`, () => {
  // Another offset takes other code pages: the sample is not always the first of each kind.
  const codePages = byKind.get('codes/*/N')!;
  const step = Math.ceil(codePages.length / SAMPLE_PER_KIND);
  const at = (offset: number) => codePages.filter((_, i) => (i + offset) % step === 0);
  expect(at(OFFSET)).not.toEqual(at(OFFSET + 1));
  expect(crawled.filter((path) => kindOf(path) === 'codes/*/N')).toEqual(at(OFFSET));
});

// The crawl is split into chunks so the two workers share it.
const CHUNK = 10;
for (let start = 0; start < crawled.length; start += CHUNK) {
  const paths = crawled.slice(start, start + CHUNK);
  test(`pages ${start + 1}–${start + paths.length} of ${crawled.length} crawled (${sitemap.length} in the sitemap) have no axe violations`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
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
    // Seven axe runs: about 35 s on a slow day of this machine, more than the default 30 s.
    test.setTimeout(120_000);
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
