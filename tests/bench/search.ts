/**
 * Search benchmark: what the first search costs a visitor (bytes Pagefind fetches, gzipped)
 * and how long from typing a query to the first result (median over a few queries, each
 * in a fresh browser context so nothing is cached). Prints JSON lines.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../support/chromium.ts';
import { serveDist } from '../support/serve.ts';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const QUERIES = ['-303', '40001', 'ホワイトリスト', 'invalid credential', '-10000'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await serveDist(DIST);
const browser = await launchChromium();
const latencies: number[] = [];
const bytes: number[] = [];
try {
  for (const query of QUERIES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/codes/access/-303/`, { waitUntil: 'networkidle' });
    const fetched: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/pagefind/')) {
        fetched.push(
          response.body().then(
            (body) => gzipSync(body).length,
            () => 0,
          ),
        );
      }
    });
    await page.getByRole('button', { name: '検索' }).first().click();
    const input = page.getByRole('dialog').getByRole('textbox', { name: '検索' });
    const start = Date.now();
    await input.fill(query);
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    latencies.push(Date.now() - start);
    await page.waitForLoadState('networkidle');
    bytes.push((await Promise.all(fetched)).reduce((a, b) => a + b, 0));
    await context.close();
  }
  console.log(
    JSON.stringify({
      name: 'first-search',
      queries: QUERIES.length,
      median_ms: median(latencies),
      max_ms: Math.max(...latencies),
      median_gzip_bytes: median(bytes),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
