/**
 * Page weights of the built site (dist/): gzipped HTML of every code page, and what a first
 * visit to each page kind transfers in all (gzipped, cold cache, idle loads included),
 * measured in Chromium. Prints one JSON line per measure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstVisit, launchChromium } from '../support/chromium.ts';
import { serveDist } from '../support/serve.ts';
import { median } from './stats.ts';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

// Gzipped HTML of every code page (/codes/<table>/<code>/).
const codePages = readdirSync(join(DIST, 'codes'), { recursive: true })
  .map(String)
  .filter((f) => /^[a-z-]+\/-?\d+\/index\.html$/.test(f));
const sizes = codePages.map((f) => gz(readFileSync(join(DIST, 'codes', f))));
console.log(
  JSON.stringify({
    name: 'code-page-html-gzip',
    pages: sizes.length,
    median_bytes: median(sizes),
    max_bytes: Math.max(...sizes),
  }),
);

const kinds: [string, string][] = [
  ['home', '/'],
  ['table-page', '/codes/qq-game-center/'],
  ['code-page', '/codes/access/-303/'],
  ['number-page', '/codes/-1/'],
  ['decoder-page', '/decoder/'],
];

const server = await serveDist(DIST);
const browser = await launchChromium();
try {
  for (const [name, path] of kinds) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const all = await firstVisit(page, server.origin + path);
    const js = all.filter((t) => t.url.endsWith('.js')).reduce((sum, t) => sum + t.bytes, 0);
    console.log(
      JSON.stringify({
        name: `first-visit-${name}`,
        path,
        requests: all.length,
        total_gzip_bytes: all.reduce((sum, t) => sum + t.bytes, 0),
        html_gzip_bytes: all[0]?.bytes ?? 0,
        js_gzip_bytes: js,
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
