import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './tests/support/chromium.ts';

/** Tests run against the built site (`npm run build` first), served by `astro preview`. */
const port = Number(process.env.E2E_PORT ?? 4329);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // This machine's speed varies three- to four-fold from day to day (README, Budgets): the
  // waits are generous so that a slow day is not a failure. Timings are measured in
  // `npm run bench`, never asserted here.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL,
    locale: 'ja-JP',
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    // Debian's Chromium: Playwright cannot download browsers here (DESIGN §5).
    launchOptions,
  },
  webServer: {
    // --ignore-lock: run in the foreground, beside any preview a developer already has open.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
