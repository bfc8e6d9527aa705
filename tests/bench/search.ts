/**
 * Search benchmark (prints JSON lines):
 * - `search-exact-ms` / `search-text-ms`: from the keystroke that completes a query to its
 *   first result painted, in the open dialog of one page (same run): the exact code lookup
 *   for codes, Pagefind for phrases (its 300 ms debounce included); medians;
 * - `first-search`: a first search in a fresh browser (nothing cached): time to Pagefind's
 *   first result and the bytes fetched (Pagefind's, and the exact lookup's code and data);
 * - `search-lookup-bytes`: the exact lookup's data and code, gzipped;
 * - `search-ranking`: for each candidate of Pagefind's ranking options, how many of the
 *   phrases (`tests/support/search.ts`), typed codes and catalog numbers get the wanted page
 *   first (each candidate in a fresh page: Pagefind keeps options it is not given again).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { readCatalog } from '../../src/node/catalog.ts';
import { SEARCH_RANKING } from '../../src/lib/search/ranking.ts';
import { launchChromium } from '../support/chromium.ts';
import { PHRASES, SearchDialog, TYPED_CODES } from '../support/search.ts';
import { serveDist } from '../support/serve.ts';
import { median } from './stats.ts';
import { DIST } from '../support/published.ts';

const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

/** Codes typed into the dialog, the last character timed. */
const CODES = [
  '-303',
  '40001',
  'errcode 40001',
  '－３０３',
  'ret -10000',
  '-1',
  '100013',
  'msg -73',
];
/** Phrases typed into the dialog, the last character timed (Pagefind's first result). */
const TIMED_PHRASES = ['ホワイトリスト', 'invalid credential', 'rate limit', 'QQ共有', 'timeout'];
/** Queries of the first search in a fresh browser. */
const FIRST_SEARCHES = ['-303', 'ホワイトリスト', 'invalid credential', 'errcode 40001', 'QQ共有'];
const ROUNDS = 3;

/**
 * Types `query` into the open dialog, all but its last character first, and returns the time
 * from the last keystroke (typed as a key, or inserted as an IME does) to the first result
 * painted: the exact result for this query, or
 * with `text` Pagefind's results for it (its message names the query).
 */
async function timeLastKeystroke(page: Page, query: string, text: boolean): Promise<number> {
  const dialog = new SearchDialog(page);
  if (text) await dialog.searchText(query.slice(0, -1));
  else await dialog.type(query.slice(0, -1));
  await page.evaluate(
    ({ query, text }) => {
      const box = document.querySelector('site-search dialog')!;
      const input = box.querySelector<HTMLInputElement>('input.pagefind-ui__search-input')!;
      const shown = () =>
        text
          ? !!box.querySelector('.pagefind-ui__message')?.textContent?.includes(query) &&
            !!box.querySelector('.pagefind-ui__result-link') &&
            !box.querySelector('.pagefind-ui__loading')
          : box.querySelector<HTMLElement>('.exact-results')?.dataset.query === query &&
            !!box.querySelector('.exact-results a[href]');
      (window as unknown as { timed: Promise<number> }).timed = new Promise((resolve) => {
        // The keystroke: its keydown, or for a character no key types (ト, ３) its beforeinput.
        let pressed = 0;
        const press = (event: Event) => (pressed ||= event.timeStamp);
        input.addEventListener('keydown', press, { once: true, capture: true });
        input.addEventListener('beforeinput', press, { once: true, capture: true });
        const watch = new MutationObserver(() => {
          if (!pressed || !shown()) return;
          watch.disconnect();
          // Painted: the frame after the change, then the task after that frame.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - pressed)));
        });
        watch.observe(box, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
    },
    { query, text },
  );
  await dialog.input.pressSequentially(query.slice(-1));
  return page.evaluate(() => (window as unknown as { timed: Promise<number> }).timed);
}

/** Keystroke-to-result times of codes (exact) and phrases (Pagefind), in one open dialog. */
async function keystrokeTimes(browser: Browser, origin: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialog = await new SearchDialog(page).open(`${origin}/codes/access/-303/`);
  // Warm both: the lookup's data and Pagefind's index are loaded once a search has run.
  await dialog.type('-303');
  await dialog.exactLinks.first().waitFor();
  await dialog.searchText('WeChat');
  const exact: number[] = [];
  const text: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of CODES) exact.push(await timeLastKeystroke(page, query, false));
    for (const query of TIMED_PHRASES) text.push(await timeLastKeystroke(page, query, true));
  }
  await context.close();
  return { exact, text };
}

/** A first search in a fresh browser: time to Pagefind's first result, and bytes fetched. */
async function firstSearch(browser: Browser, origin: string, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/codes/access/-303/`, { waitUntil: 'networkidle' });
  const fetched: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    const url = response.url();
    fetched.push(
      response.body().then(
        (body) => ({ url, bytes: gz(body) }),
        () => ({ url, bytes: 0 }),
      ),
    );
  });
  const dialog = new SearchDialog(page);
  await page.getByRole('button', { name: '検索' }).first().click();
  const start = Date.now();
  await dialog.input.fill(query);
  await dialog.textLinks.first().waitFor();
  const ms = Date.now() - start;
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(fetched);
  await context.close();
  const sum = (test: (url: string) => boolean) =>
    all.filter((t) => test(t.url)).reduce((total, t) => total + t.bytes, 0);
  return {
    ms,
    pagefind: sum((url) => url.includes('/pagefind/')),
    lookup: sum((url) => /\/search\/lookup\.json$|\/_astro\/(exact-results|search)[.-]/.test(url)),
    all: sum(() => true),
  };
}

/** Candidates for Pagefind's ranking options, measured on the same queries. */
const RANKINGS: [name: string, ranking: Record<string, unknown>][] = [
  [
    "Starlight's defaults",
    {
      pageLength: 0.1,
      termFrequency: 0.1,
      termSaturation: 2,
      termSimilarity: 9,
      diacriticSimilarity: 0.8,
    },
  ],
  [
    "Pagefind's defaults",
    {
      pageLength: 0.75,
      termFrequency: 1,
      termSaturation: 1.4,
      termSimilarity: 1,
      diacriticSimilarity: 0.8,
    },
  ],
  ['chosen (src/lib/search/ranking.ts)', SEARCH_RANKING],
  ['chosen, default metaWeights', { ...SEARCH_RANKING, metaWeights: undefined }],
  ['chosen, keywords weighted 3', { ...SEARCH_RANKING, metaWeights: { title: 1, keywords: 3 } }],
  ['chosen, termSimilarity 1', { ...SEARCH_RANKING, termSimilarity: 1 }],
  ['chosen, termSimilarity 5', { ...SEARCH_RANKING, termSimilarity: 5 }],
  [
    "chosen, Starlight's pageLength and termFrequency",
    { ...SEARCH_RANKING, pageLength: 0.1, termFrequency: 0.1 },
  ],
];

/** How many queries of each set get the wanted page first, per ranking candidate. */
async function rankings(browser: Browser, origin: string) {
  const catalog = readCatalog();
  const numbers = catalog.numbers.map((code) => ({
    query: String(code),
    pages: [
      `/codes/${code}/`,
      ...catalog.rowsWithCode(code).map((r) => `/codes/${r.table}/${code}/`),
    ],
  }));
  const typed = TYPED_CODES.filter((code) => code.viaText);
  const queries = [
    ...PHRASES.map((p) => p.query),
    ...typed.map((t) => t.query),
    ...numbers.map((n) => n.query),
  ];
  const results = [];
  for (const [name, ranking] of RANKINGS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const firsts = await page.evaluate(
      async ({ queries, ranking }) => {
        type Result = { data: () => Promise<{ url: string }> };
        const pagefind = (await import(`${location.origin}/pagefind/pagefind.js`)) as {
          options: (options: unknown) => Promise<void>;
          search: (query: string) => Promise<{ results: Result[] }>;
        };
        await pagefind.options({ ranking });
        const found: string[][] = [];
        for (const query of queries) {
          const { results } = await pagefind.search(query);
          found.push(await Promise.all(results.slice(0, 3).map(async (r) => (await r.data()).url)));
        }
        return found;
      },
      { queries, ranking: JSON.parse(JSON.stringify(ranking)) as unknown },
    );
    await context.close();
    const phrases = firsts.slice(0, PHRASES.length);
    const typedFirsts = firsts.slice(PHRASES.length, PHRASES.length + typed.length);
    const numberFirsts = firsts.slice(PHRASES.length + typed.length);
    results.push({
      name: 'search-ranking',
      ranking: name,
      phrases_first: phrases.filter((urls, n) => urls[0] === PHRASES[n]!.first).length,
      phrases_top3: phrases.filter((urls, n) => urls.includes(PHRASES[n]!.first)).length,
      phrases: PHRASES.length,
      typed_first: typedFirsts.filter((urls, n) => urls[0] === typed[n]!.first).length,
      typed: typed.length,
      numbers_first: numberFirsts.filter((urls, n) => numbers[n]!.pages.includes(urls[0] ?? ''))
        .length,
      numbers: numbers.length,
      missed: phrases.flatMap((urls, n) =>
        urls[0] === PHRASES[n]!.first ? [] : [PHRASES[n]!.query],
      ),
    });
  }
  return results;
}

const server = await serveDist(DIST);
const browser = await launchChromium();
try {
  const { exact, text } = await keystrokeTimes(browser, server.origin);
  console.log(
    JSON.stringify({
      name: 'search-exact-ms',
      samples: exact.length,
      median_ms: Math.round(median(exact)),
      max_ms: Math.round(Math.max(...exact)),
    }),
  );
  console.log(
    JSON.stringify({
      name: 'search-text-ms',
      samples: text.length,
      median_ms: Math.round(median(text)),
      max_ms: Math.round(Math.max(...text)),
      exact_over_text: Number((median(exact) / median(text)).toFixed(3)),
    }),
  );

  const first = [];
  for (const query of FIRST_SEARCHES) first.push(await firstSearch(browser, server.origin, query));
  console.log(
    JSON.stringify({
      name: 'first-search',
      queries: first.length,
      median_ms: median(first.map((f) => f.ms)),
      max_ms: Math.max(...first.map((f) => f.ms)),
      median_pagefind_gzip_bytes: median(first.map((f) => f.pagefind)),
      median_lookup_gzip_bytes: median(first.map((f) => f.lookup)),
      median_gzip_bytes: median(first.map((f) => f.pagefind + f.lookup)),
    }),
  );

  const astro = join(DIST, '_astro');
  const chunk = (prefix: string) =>
    readdirSync(astro)
      .filter((file) => file.startsWith(prefix))
      .reduce((total, file) => total + gz(readFileSync(join(astro, file))), 0);
  console.log(
    JSON.stringify({
      name: 'search-lookup-bytes',
      data_gzip_bytes: gz(readFileSync(join(DIST, 'search', 'lookup.json'))),
      code_gzip_bytes: chunk('exact-results.') + chunk('search.'),
      on_every_page_gzip_bytes: chunk('SearchDialog.astro_astro_type_script'),
      paste_gzip_bytes: chunk('paste.') + chunk('paste-worker-'),
    }),
  );

  for (const line of await rankings(browser, server.origin)) console.log(JSON.stringify(line));
} finally {
  await browser.close();
  await server.close();
}
