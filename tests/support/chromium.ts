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
