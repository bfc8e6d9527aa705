/**
 * Every internal link of the built site resolves: each href and src names a file in `dist`,
 * and each #fragment an id in its page. No browser is needed; it lives with the e2e tests
 * because it reads the build (`npm run build` first).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST } from '../support/published.ts';
import { checkLinks } from '../support/links.ts';

/** The site's own origin as the build wrote it (canonical links use it). */
function siteOrigin(): string {
  const sitemap = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
  const loc = /<loc>([^<]+)<\/loc>/.exec(sitemap)?.[1];
  if (!loc) throw new Error('no <loc> in dist/sitemap-index.xml');
  return new URL(loc).origin;
}

test('every internal link and #fragment of the built site resolves', () => {
  const { pages, links, broken } = checkLinks(DIST, siteOrigin());
  // The site has a page per code (229) besides tables, numbers, topics and actions.
  expect(pages).toBeGreaterThan(400);
  expect(links).toBeGreaterThan(pages * 10);
  expect(
    broken.map(({ page, link, reason }) => `${page}: ${link} — ${reason}`),
    `${broken.length} broken internal links`,
  ).toEqual([]);
});

test('the link check reports a missing page, a missing anchor and a missing trailing slash', () => {
  const dist = mkdtempSync(join(tmpdir(), 'msdk-links-'));
  try {
    const page = (path: string, body: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), `<!doctype html><html><body>${body}</body></html>`);
    };
    page('index.html', '<h1 id="_top">Home</h1><a href="#_top">top</a>');
    page(
      'codes/access/index.html',
      '<tr id="code-303"></tr><a href="/codes/access/#code-303">ok</a>',
    );
    page(
      'codes/access/-303/index.html',
      [
        '<a href="/codes/access/#code-304">missing anchor</a>',
        '<a href="/codes/acess/">missing page</a>',
        '<a href="/codes/access">no slash</a>',
        '<a href="../#code-303">relative, fine</a>',
        '<a href="https://example.com/x">external</a>',
        '<a href="mailto:support@example.com">mail</a>',
        '<link rel="canonical" href="http://localhost:4321/codes/access/-303/">',
        '<img src="/missing.png" alt="">',
      ].join(''),
    );
    page('codes/-303/index.html', '<meta http-equiv="refresh" content="0;url=/codes/access/-30/">');

    const { broken } = checkLinks(dist, 'http://localhost:4321');
    expect(broken).toEqual([
      {
        page: '/codes/-303/',
        link: 'meta refresh="/codes/access/-30/"',
        reason: 'no file dist/codes/access/-30/index.html',
      },
      {
        page: '/codes/access/-303/',
        link: 'href="/codes/access/#code-304"',
        reason: 'no id or name "code-304" in /codes/access/',
      },
      {
        page: '/codes/access/-303/',
        link: 'href="/codes/acess/"',
        reason: 'no file dist/codes/acess/index.html',
      },
      {
        page: '/codes/access/-303/',
        link: 'href="/codes/access"',
        reason: 'no trailing slash: the page is /codes/access/',
      },
      {
        page: '/codes/access/-303/',
        link: 'src="/missing.png"',
        reason: 'no file dist/missing.png',
      },
    ]);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
