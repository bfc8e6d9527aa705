/**
 * Browser benchmark of the decoder page, against an already built `dist/`.
 *
 *   node_modules/.bin/node tests/bench/decoder-browser.ts [--runs 7]
 *
 * It serves `dist/` with `astro preview` on a free 127.0.0.1 port, opens /decoder/ in
 * Debian's Chromium and prints one JSON line per measure:
 * - `decoder-paste-first-result-10k`: from a paste event carrying 10,000 lines (what Ctrl+V
 *   fires) to the first frame painted with a result in it, measured inside the page; the
 *   widget decodes a big paste before the textarea takes it;
 * - `decoder-paste-text-shown-10k`: from the same paste event to the frame that shows the
 *   pasted text in the textarea;
 * - `decoder-first-result-10k`: from the input event of a 10,000-line text put into the
 *   textarea directly (the path of a programmatic fill) to the first painted result;
 * - `decoder-first-result-dom-10k`: the same, up to the result entering the DOM;
 * - `decoder-complete-10k`: from the same input event until every record is decoded;
 * - `decoder-first-result-10k-textarea-painted`: like the first, but with the textarea
 *   already painted when the input event fires: the decoder's own part of the wait;
 * - `textarea-paint-10k-baseline`: the first frame after putting the same text into the
 *   textarea with no decoding at all, the part of the above that is the browser's own;
 * - `decoder-js-gzip`: gzipped bytes of the scripts only the decoder page loads (the entry
 *   carries the catalog data), against the 20 KB budget.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { launchChromium, ownScripts } from '../support/chromium.ts';
import { median } from './stats.ts';
import { ROOT } from '../support/catalog.ts';

/** The decoder's budget (issue #12): 20 KB gzipped, code and catalog data included. */
const BUDGET_BYTES = 20 * 1024;

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Math.max(1, Number(options.runs));

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts `astro preview` on the port (with this Node, which Astro needs) and waits for it.
 * `--ignore-lock` lets it run beside another preview of the project (the e2e server, say)
 * without taking over or removing that server's lock file.
 */
async function startPreview(port: number): Promise<ChildProcess> {
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(
    process.execPath,
    [astro, 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/decoder/`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('astro preview did not start within 30 s');
}

/** A 10,000-line log excerpt mixing the record forms people paste, and some noise. */
function tenThousandLines(): string {
  const forms = [
    '2024-05-13 10:21:07.114 WARN [msdk] /auth/verify_login resp={"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    '2024-05-13 10:21:07.482 WARN [msdk] /relation/qqfriends_detail resp={"ret":-303,"msg":"appid has no permission"}',
    '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, rid: 6650a1f3-1c2d3e4f-5a6b7c8d"}',
    '2024-05-13 10:21:08.005 WARN [msdk] /auth/check_token resp={"ret":-20000,"msg":"42001,access_token expired","err_type":3}',
    'ret=-2011&msg=internal error',
    'callback( {"error":100013,"error_description":"access token is invalid"} );',
    '2024-05-13 10:21:09.310 INFO [msdk] heartbeat ok',
    '2024-05-13 10:21:09.311 WARN [msdk] /share/qq ret:-10000 msg:-1，param error',
  ];
  return Array.from({ length: 10_000 }, (_, i) => forms[i % forms.length]).join('\n');
}

/** Opens /decoder/ and waits until the widget has read its catalog. */
async function openDecoder(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/decoder/`);
  await page.locator('msdk-decoder[data-ready]').waitFor({ state: 'attached' });
}

interface PasteTiming {
  /** Input event to the first record (or the summary) in the live region's DOM. */
  readonly dom: number;
  /** Input event to the first frame painted after that. */
  readonly painted: number;
  /** Input event to the end of decoding (the live region no longer busy). */
  readonly complete: number;
}

/**
 * One paste, timed inside the page: the clock starts right before the input event; a
 * MutationObserver sees the first result enter the live region, and the next animation frame
 * followed by a task means that frame has been painted. With `textareaFirst`, the text is put
 * into the textarea and painted before the clock starts, which leaves only the decoder's part.
 */
function timePaste(page: Page, text: string, textareaFirst = false): Promise<PasteTiming> {
  return page.evaluate(
    ([value, waitForTextarea]) =>
      new Promise<PasteTiming>((resolve) => {
        const input = document.querySelector('msdk-decoder textarea') as HTMLTextAreaElement;
        const output = document.querySelector('msdk-decoder output') as HTMLOutputElement;
        let start = 0;
        let dom = 0;
        let painted = 0;
        let complete = 0;
        const finish = () => {
          if (painted && complete) resolve({ dom, painted, complete });
        };
        const observer = new MutationObserver(() => {
          if (!dom && output.querySelector('[data-record], .decoder-summary')) {
            dom = performance.now() - start;
            requestAnimationFrame(() =>
              setTimeout(() => {
                painted = performance.now() - start;
                finish();
              }),
            );
          }
          if (dom && !complete && !output.hasAttribute('aria-busy')) {
            complete = performance.now() - start;
            observer.disconnect();
            finish();
          }
        });
        const paste = () => {
          observer.observe(output, { childList: true, subtree: true, attributes: true });
          start = performance.now();
          input.dispatchEvent(
            new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }),
          );
        };
        input.value = value;
        if (waitForTextarea) requestAnimationFrame(() => setTimeout(paste));
        else paste();
      }),
    [text, textareaFirst] as const,
  );
}

interface ClipboardTiming {
  /** Paste event to the first frame painted with a result. */
  readonly painted: number;
  /** Paste event to the first frame painted with the text in the textarea. */
  readonly shown: number;
}

/** A real paste event (the one Ctrl+V fires), timed inside the page. */
function timeClipboardPaste(page: Page, text: string): Promise<ClipboardTiming> {
  return page.evaluate(
    (value) =>
      new Promise<ClipboardTiming>((resolve) => {
        const input = document.querySelector('msdk-decoder textarea') as HTMLTextAreaElement;
        const output = document.querySelector('msdk-decoder output') as HTMLOutputElement;
        let painted = 0;
        let shown = 0;
        const afterPaint = (set: (ms: number) => void) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              set(performance.now() - start);
              if (painted > 0 && shown > 0) resolve({ painted, shown });
            }),
          );
        const observer = new MutationObserver(() => {
          if (!painted && output.querySelector('[data-record], .decoder-summary')) {
            painted = -1;
            afterPaint((ms) => (painted = ms));
          }
          if (!shown && input.value.length === value.length) {
            shown = -1;
            afterPaint((ms) => (shown = ms));
          }
          if (painted && shown) observer.disconnect();
        });
        observer.observe(output, { childList: true, subtree: true });
        const watchValue = () => {
          if (!shown && input.value.length === value.length) {
            shown = -1;
            afterPaint((ms) => (shown = ms));
          } else if (!shown) requestAnimationFrame(watchValue);
        };
        const data = new DataTransfer();
        data.setData('text/plain', value);
        input.focus();
        const start = performance.now();
        const event = new ClipboardEvent('paste', {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
        });
        // An untrusted paste event inserts nothing by itself; the widget inserts big pastes.
        if (input.dispatchEvent(event)) {
          input.value = value;
          input.dispatchEvent(
            new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }),
          );
        }
        watchValue();
      }),
    text,
  );
}

/**
 * The same paste without decoding (no input event): what holding 10,000 lines in a textarea
 * costs the browser's first frame by itself, so the decoder's share can be told apart.
 */
function timeTextareaOnly(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector('msdk-decoder textarea') as HTMLTextAreaElement;
        input.value = value;
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
      }),
    text,
  );
}

const round = (value: number): number => Math.round(value * 10) / 10;

/** The scripts a page loads, by URL, with their bodies. */
async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'decoder', 'index.html'))) {
    throw new Error('no built site in dist/: run npm run build first');
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const preview = await startPreview(port);
  // The server must not outlive the bench, even when it dies early (say, on a closed pipe).
  const stopPreview = () => preview.kill();
  process.once('exit', stopPreview);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopPreview();
      process.exit(130);
    });
  }
  const browser = await launchChromium();
  try {
    const text = tenThousandLines();
    const timings: PasteTiming[] = [];
    const pastes: ClipboardTiming[] = [];
    const decoderOnly: PasteTiming[] = [];
    const textareaOnly: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage();
      await openDecoder(page, base);
      timings.push(await timePaste(page, text));
      await page.close();
      const pasting = await browser.newPage();
      await openDecoder(pasting, base);
      pastes.push(await timeClipboardPaste(pasting, text));
      await pasting.close();
      const painted = await browser.newPage();
      await openDecoder(painted, base);
      decoderOnly.push(await timePaste(painted, text, true));
      await painted.close();
      const blank = await browser.newPage();
      await openDecoder(blank, base);
      textareaOnly.push(await timeTextareaOnly(blank, text));
      await blank.close();
    }
    const report = (name: string, values: number[]) =>
      console.log(
        JSON.stringify({
          name,
          median_ms: round(median(values)),
          min_ms: round(Math.min(...values)),
          max_ms: round(Math.max(...values)),
          runs: values.length,
          lines: 10_000,
        }),
      );
    report(
      'decoder-paste-first-result-10k',
      pastes.map((timing) => timing.painted),
    );
    report(
      'decoder-paste-text-shown-10k',
      pastes.map((timing) => timing.shown),
    );
    report(
      'decoder-first-result-10k',
      timings.map((timing) => timing.painted),
    );
    report(
      'decoder-first-result-dom-10k',
      timings.map((timing) => timing.dom),
    );
    report(
      'decoder-complete-10k',
      timings.map((timing) => timing.complete),
    );
    report(
      'decoder-first-result-10k-textarea-painted',
      decoderOnly.map((timing) => timing.painted),
    );
    report('textarea-paint-10k-baseline', textareaOnly);

    // The decoder's own scripts: those /decoder/ loads and the home page does not.
    const page = await browser.newPage();
    const own = await ownScripts(page, `${base}/decoder/`, `${base}/`);
    await page.close();
    const jsBytes = own.reduce((sum, t) => sum + t.bytes, 0);
    console.log(
      JSON.stringify({
        name: 'decoder-js-gzip',
        bytes: jsBytes,
        budget_bytes: BUDGET_BYTES,
        within_budget: jsBytes <= BUDGET_BYTES,
        files: own.map((t) => ({ path: new URL(t.url).pathname, gzip: t.bytes })),
      }),
    );
  } finally {
    await browser.close();
    preview.kill();
  }
}

await main();
