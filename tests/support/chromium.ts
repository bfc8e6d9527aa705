/**
 * How tests and benchmarks start Chromium here: Debian's build (Playwright cannot download
 * its own), with the background services off, since this machine has no network.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** The options Playwright's config and the benchmarks launch Chromium with. */
export const launchOptions: LaunchOptions = {
  ...((process.env.CHROMIUM_PATH ?? existsSync('/usr/bin/chromium'))
    ? { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }
    : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Starts Chromium for a benchmark. */
export const launchChromium = () => chromium.launch(launchOptions);

/**
 * Everything a cold first visit to `url` transfers, per response, gzipped as served — idle
 * loads included (Starlight fetches its search UI when the browser is idle).
 */
export async function firstVisit(
  page: Page,
  url: string,
): Promise<{ url: string; bytes: number }[]> {
  const transfers: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    transfers.push(
      response.body().then(
        (body) => ({ url: response.url(), bytes: gzipSync(body).length }),
        () => ({ url: response.url(), bytes: 0 }),
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  return Promise.all(transfers);
}

/**
 * The scripts a first visit to `url` loads that one to `besides` does not, gzipped: a page's
 * own JavaScript (for `/decoder/`, the decoder's entry with its catalog and every chunk it
 * pulls in), as the weight test and `npm run bench` both count it.
 */
export async function ownScripts(
  page: Page,
  url: string,
  besides: string,
): Promise<{ url: string; bytes: number }[]> {
  const scripts = async (path: string) =>
    (await firstVisit(page, path)).filter((t) => /\/_astro\/[^/]+\.js$/.test(t.url));
  const common = new Set((await scripts(besides)).map((t) => t.url));
  return (await scripts(url)).filter((t) => !common.has(t.url));
}
