/**
 * Checks over the whole built site: every seed row verbatim on its code page, and every
 * URL ever published still answering.
 */
import { expect, test } from '@playwright/test';
import { builtPage, visibleText } from '../support/html.ts';
import { manifestUrls, publishedUrls } from '../support/published.ts';
import { squeezeSpaces, seedRows } from '../support/seed.ts';

/** The visible text of a built page (parsed as HTML), whitespace folded. */
const pageText = (path: string): string => squeezeSpaces(visibleText(builtPage(path)));

test('every seed row is on its code page, verbatim', () => {
  const rows = seedRows();
  expect(rows).toHaveLength(229);
  for (const row of rows) {
    const text = pageText(`codes/${row.table}/${row.code}`);
    expect(text, `/codes/${row.table}/${row.code}/`).toContain(row.description);
    if (row.handling) expect(text, `/codes/${row.table}/${row.code}/`).toContain(row.handling);
  }
});

test('every row is on its table page, verbatim', () => {
  const byTable = Map.groupBy(seedRows(), (row) => row.table);
  for (const [table, rows] of byTable) {
    const text = pageText(`codes/${table}`);
    for (const row of rows) expect(text, `${table} ${row.code}`).toContain(row.description);
  }
});

test('no published URL has disappeared', async ({ request }) => {
  const published = new Set(publishedUrls());
  const missing = manifestUrls().filter((url) => !published.has(url));
  expect(missing, 'URLs in tests/fixtures/urls.txt that the site no longer publishes').toEqual([]);
  for (const url of manifestUrls()) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
  }
});

test('every published URL is in the manifest (run npm run urls:update after adding pages)', () => {
  const recorded = new Set(manifestUrls());
  expect(publishedUrls().filter((url) => !recorded.has(url))).toEqual([]);
});
