/**
 * Page weights, held in tests (bytes are deterministic; timings are not, and live in
 * `npm run bench`). Sizes are gzipped, as served.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { firstVisit, ownScripts } from '../support/chromium.ts';
import { DIST } from '../support/published.ts';
import { SearchDialog } from '../support/search.ts';

const KB = 1024;
const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

test('every code page is at most 10 KB of gzipped HTML', () => {
  const pages = readdirSync(join(DIST, 'codes'), { recursive: true })
    .map(String)
    .filter((file) => /^[a-z-]+\/-?\d+\/index\.html$/.test(file));
  expect(pages).toHaveLength(229);
  const over = pages
    .map((file) => ({ file, bytes: gz(readFileSync(join(DIST, 'codes', file))) }))
    .filter(({ bytes }) => bytes > 10 * KB);
  expect(over).toEqual([]);
});

test('a first visit to a code page transfers at most 50 KB gzipped in all', async ({ page }) => {
  const all = await firstVisit(page, '/codes/qq-platform/-73/');
  const total = all.reduce((sum, t) => sum + t.bytes, 0);
  expect(total, all.map((t) => `${t.bytes} ${t.url}`).join('\n')).toBeLessThanOrEqual(50 * KB);
});

/**
 * The decoder's first load, code and catalog data, gzipped. Its budget is 20 KB (20,480 B),
 * not met: the parser that reads what real systems print took it to 21,366 B; reading the
 * forms found in two wider sets of real pastes (labels, Markdown, PowerShell, tab-separated,
 * CSV, mysql and psql tables, tuples, sentences in four languages, chunked HTTP bodies, arrays
 * of responses, groups of pairs on one line) to 23,304 B, and the words that name a code
 * shared with the search box instead of copied (`CODE_NAMES`) to 23,439 B; a third set of
 * pastes (Scala's `Map(ret -> …)`, verbs naming a code, an envelope's msg holding pairs, CRI
 * logs' parts of one line, redis-cli's replies, Erlang's binaries, marks of no width) and a
 * brace scan that reads a 1 MB line four times faster to 24,249 B; the reader's longest
 * functions cut into one function per rule (readability first) to 24,453 B; a fourth set
 * (the verbs and nouns that name a code in support chats in four languages, counts before
 * text, wrapped values, bodies cut by a logger's line length, one object shown twice) to
 * 25,148 B; bodies in base64 (a HAR's `"encoding": "base64"`, an API gateway's event) to
 * 25,381 B; a msg with no code key beside it, a response shown again under a heading (a
 * proxy's tree) and CSV's doubled quotes around a pair's value to 25,615 B; for the speed
 * budget (#13), what the tables say of a code made once per route, endpoint and code, and
 * exact signs before the sentence and bare-value rules (about 16 % faster) to 25,775 B. This
 * holds the line just above that: a ratchet, lowered as bytes come off, raised only for
 * reading real input, for readability or for a budget of speed, with the reason here.
 */
const DECODER_BYTES = 25_800;

test("the decoder's own JavaScript, catalog data included, stays within its ratchet", async ({
  page,
}) => {
  // The decoder's scripts are those /decoder/ loads and the home page does not: its entry
  // (which carries the catalog) and every chunk it pulls in, as in `npm run bench`.
  const own = await ownScripts(page, '/decoder/', '/');
  const entry = own.find((t) => /\/_astro\/Decoder\.[^/]*\.js$/.test(t.url));
  // The catalog is in the entry: every table's descriptions are several kilobytes.
  expect(entry?.bytes).toBeGreaterThan(8 * KB);
  const total = own.reduce((sum, t) => sum + t.bytes, 0);
  const files = own.map((t) => `${t.bytes} ${t.url}`).join('\n');
  expect(total, files).toBeLessThanOrEqual(DECODER_BYTES);
  // The share code (masking, rebuilding records, tickets) is not part of a first visit.
  expect(
    own.map((t) => t.url).filter((url) => /\/_astro\/(?:share|share-dialog)\.[^/]*\.js$/.test(url)),
  ).toEqual([]);
});

/**
 * The share code (masking, rebuilding records, tickets, the dialog): loaded when the dialog
 * first opens. Its limit is this project's own, not an issue's: 8 KB until the masker learned
 * to judge free text word by word (8,431 B), 9 KB then, 10 KB since it masks the values of
 * credential columns in tables, of credential-named XML elements and attributes and of
 * multipart fields, and credential words in more languages (a third set of pastes: 107 of
 * 128 leaked, now 14), 11 KB since it reads credential words written as `\u` escapes, masks
 * tuples, the arguments of calls that take credentials by position, e-mails written with
 * `(at)` and one-time codes named after the number (10,470 B), and values named after them,
 * `account / password`, a traceback's drawn values, passwords someone tried and an exception's
 * values under a frame that takes a credential (11,167 B). Not masking a secret costs the user
 * more than 1 KB loaded on demand.
 */
const SHARE_BYTES = 11 * KB;

test('the share code loads when the share dialog first opens, and is at most 11 KB gzipped', async ({
  page,
}) => {
  await page.goto('/decoder/');
  await expect(page.locator('msdk-decoder[data-ready]')).toBeAttached();
  await page.locator('textarea').fill('{"ret":-303,"msg":"appid has no permission"}');
  const loaded: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      loaded.push(response.body().then((body) => gz(body)));
    }
  });
  await page.getByRole('button', { name: '共有リンク・チケット…' }).click();
  await expect(page.locator('[data-share-preview]')).not.toBeEmpty();
  const sizes = await Promise.all(loaded);
  expect(sizes.length).toBeGreaterThan(0);
  expect(sizes.reduce((sum, bytes) => sum + bytes, 0)).toBeLessThanOrEqual(SHARE_BYTES);
});

test('the exact lookup loads only when the dialog opens; its data is at most 8 KB gzipped', async ({
  page,
}) => {
  const first = await firstVisit(page, '/codes/qq-platform/-73/');
  const lookup = (url: string) =>
    /\/search\/lookup\.json$|\/_astro\/(exact-results|paste|search)[.-][^/]*$/.test(url);
  expect(first.filter((t) => lookup(t.url))).toEqual([]);
  // What opening the dialog and typing a code fetches, gzipped as served.
  const opened: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    opened.push(
      response.body().then(
        (body) => ({ url: response.url(), bytes: gz(body) }),
        () => ({ url: response.url(), bytes: 0 }),
      ),
    );
  });
  const dialog = await new SearchDialog(page).open('/codes/qq-platform/-73/');
  await dialog.type('-73');
  await expect(dialog.exactLinks.first()).toHaveAttribute('href', '/codes/qq-platform/-73/');
  const loaded = (await Promise.all(opened)).filter((t) => lookup(t.url));
  const data = loaded.find((t) => t.url.endsWith('/search/lookup.json'));
  expect(data?.bytes).toBeGreaterThan(2 * KB);
  expect(data?.bytes, loaded.map((t) => `${t.bytes} ${t.url}`).join('\n')).toBeLessThanOrEqual(
    8 * KB,
  );
  // The decoder's code is not among them: it loads for a paste only.
  expect(loaded.filter((t) => /\/paste/.test(t.url))).toEqual([]);
});

/** Whether a page ships a component's script, inlined or as a file. */
function ships(path: string, component: string, element: string): boolean {
  const file = path === '404' ? join(DIST, '404.html') : join(DIST, path, 'index.html');
  const page = readFileSync(file, 'utf8');
  return (
    page.includes(`/_astro/${component}.astro_astro_type_script`) ||
    page.includes(`customElements.define(\`${element}\``)
  );
}

test('no page ships JavaScript it does not use', () => {
  const kinds = [
    '',
    'codes/access',
    'codes/access/-303',
    'codes/-1',
    'actions',
    'topics',
    'decoder',
    'search',
    '404',
  ];
  const expected: Record<string, [component: string, element: string, pages: string[]]> = {
    decoder: ['Decoder', 'msdk-decoder', ['decoder']],
    filter: ['TableFilter', 'table-filter', ['codes/access']],
    lookup: ['CodeLookup', 'code-lookup', ['404']],
    copy: ['CopyScript', 'copy-area', ['codes/access', 'codes/access/-303']],
    'search page': ['SearchPage', 'search-page', ['search']],
  };
  // The search dialog's few lines are on every page (the lookup itself loads when it opens).
  for (const path of kinds) expect(ships(path, 'SearchDialog', 'none'), `/${path}`).toBe(true);
  for (const [name, [component, element, pages]] of Object.entries(expected)) {
    for (const path of kinds) {
      expect(ships(path, component, element), `${name} script on /${path}`).toBe(
        pages.includes(path),
      );
    }
  }
});
