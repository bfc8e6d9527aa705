/**
 * The built site served by Debian's nginx with the README's configuration (README,
 * "Deploying"): the configuration is current with the build's `dist/_headers`, every page gets
 * the same headers as those rules give, the 404 page answers unknown URLs with status 404, a
 * `/codes/<n>/` redirect lands on its code page, and search and the decoder work under the
 * header policy. The test starts nginx on 127.0.0.1 itself and stops it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { headersFor, NGINX_FILES } from '../../src/integrations/hosting.ts';
import {
  builtRules,
  readmeBlock,
  readmeCurrentBlock,
  readmeNginxFiles,
} from '../support/headers.ts';
import { DIST } from '../support/published.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/** A free port on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

let origin = '';
let nginx: ChildProcess | undefined;
let dir = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  expect(
    NGINX,
    'nginx is not installed (Debian: apt-get install nginx; .ci/run installs it)',
  ).toBeDefined();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dir = mkdtempSync(join(tmpdir(), 'msdk-nginx-'));
  const files = readmeNginxFiles();
  const snippet = files.get(NGINX_FILES.snippet);
  const site = files.get(NGINX_FILES.site);
  expect(snippet && site, 'the README gives both nginx files').toBeTruthy();
  // The README's files, placed in a folder of the test's own and listening on 127.0.0.1.
  writeFileSync(join(dir, 'headers.conf'), snippet!);
  writeFileSync(
    join(dir, 'site.conf'),
    site!
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace(`root ${NGINX_FILES.root};`, `root ${DIST};`)
      .replaceAll(NGINX_FILES.snippet, join(dir, 'headers.conf')),
  );
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      `  include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync(NGINX!, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], {
    encoding: 'utf8',
  });
  expect(check.status, check.stderr).toBe(0);
  nginx = spawn(NGINX!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  for (let tries = 0; tries < 100; tries++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('nginx did not start');
});

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the README's nginx configuration is current with the build's _headers", () => {
  expect(readmeCurrentBlock(), 'run npm run build:local && npm run headers:update').toBe(
    readmeBlock(builtRules()),
  );
});

test('every kind of URL gets the headers dist/_headers gives it', async ({ request }) => {
  const rules = builtRules();
  const script = readdirSync(join(DIST, '_astro')).find((name) => name.endsWith('.js'))!;
  for (const path of [
    '/',
    '/codes/access/',
    '/codes/access/-303/',
    '/decoder/',
    '/api/codes.json',
    '/robots.txt',
    `/_astro/${script}`,
  ]) {
    const response = await request.get(`${origin}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    for (const [name, value] of headersFor(rules, path)) {
      expect(headers[name.toLowerCase()], `${path}: ${name}`).toBe(value);
    }
  }
  const decoder = await request.get(`${origin}/decoder/`);
  expect(decoder.headers()['referrer-policy']).toBe('no-referrer');
  expect(decoder.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const asset = await request.get(`${origin}/_astro/${script}`);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const page = await request.get(`${origin}/codes/access/-303/`);
  expect(page.headers()['cache-control']).toBeUndefined();
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
});

test('an unknown URL answers 404 with the 404 page and the same headers', async ({ page }) => {
  const response = await page.goto(`${origin}/codes/access/-9999/`);
  expect(response?.status()).toBe(404);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
});

test('the 404 page reads a mistyped code even in broken percent-encoding', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${origin}/codes/acess%E3/%E2%88%92303/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('エラーコード番号')).toHaveValue('-303');
  await expect(page.locator('.code-lookup__message a')).toHaveAttribute(
    'href',
    '/codes/access/-303/',
  );
  expect(errors).toEqual([]);
});

test('a directory without its slash is redirected, relative to the host', async ({ request }) => {
  const response = await request.get(`${origin}/codes/access`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers()['location']).toBe('/codes/access/');
});

test('a /codes/<n>/ redirect lands on its code page', async ({ page }) => {
  await page.goto(`${origin}/codes/-303/`);
  await expect(page).toHaveURL(`${origin}/codes/access/-303/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('-303');
});

test('search and the decoder work under the header policy, with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${origin}/`);
  await page
    .getByRole('button', { name: /検索|Search/ })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('textbox').fill('パスワード');
  const first = page.getByRole('dialog').locator('.pagefind-ui__result-title a').first();
  await expect(first).toHaveAttribute('href', '/codes/qq-platform/-73/');

  await page.goto(`${origin}/decoder/`);
  await page.locator('textarea').fill('{"ret":-10000,"msg":"-73,the user modify password wrong"}');
  await expect(page.locator('output a[data-candidate]').first()).toHaveAttribute(
    'href',
    '/codes/qq-platform/-73/',
  );
  expect(violations).toEqual([]);
});
