// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import csp from './src/integrations/csp.ts';
import hosting from './src/integrations/hosting.ts';
import contentReport from './src/integrations/content-report.ts';
import decoderCatalog from './src/integrations/decoder-catalog.ts';
import { readFileSync } from 'node:fs';
import { readContent } from './src/node/catalog.ts';
import { ContentError } from './src/lib/catalog/content.ts';
import { TABLE_NAMES, TABLE_SLUGS } from './src/lib/catalog/vocabulary.ts';
import { soleRow } from './src/lib/classify/index.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from './src/lib/search/identity.ts';
import { SEARCH_RANKING } from './src/lib/search/ranking.ts';
import {
  aboutUrl,
  actionsUrl,
  decoderUrl,
  favicon,
  homeUrl,
  numberUrl,
  openSearchUrl,
  tableUrl,
  topicsUrl,
} from './src/lib/urls.ts';

// The public origin, for canonical URLs and the sitemap. Set SITE_URL when deploying.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

// Starlight's inline scripts and style attributes, which Astro does not hash itself
// (recorded by `npm run csp:update`, checked by tests/e2e/csp.spec.ts).
/** @type {{ scripts: `sha256-${string}`[]; styleAttributes: `sha256-${string}`[] }} */
const cspHashes = JSON.parse(
  readFileSync(new URL('./src/csp-hashes.json', import.meta.url), 'utf8'),
);

/**
 * Reads and validates the whole of content/ (tables, topics, overview) once, before anything
 * else: a broken file stops the build here with every problem named by file, entry and field,
 * and no stack trace. The content collections and the decoder's module get the same read.
 */
function loadContent() {
  try {
    return readContent();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`\nThe site's data in content/ has problems:\n\n${error.message}\n`);
    process.exit(1);
  }
}

// A number only one table uses redirects /codes/<n>/ to its code page (src/site/routes.ts):
// keep those redirects out of the sitemap.
const { catalog } = loadContent();
const redirected = new Set(
  catalog.numbers
    .filter((code) => soleRow(catalog, code))
    .map((code) => new URL(numberUrl(code), site).href),
);

/** The union of every page's Content-Security-Policy, known once the pages are finished. */
/** @type {import('./src/integrations/csp.ts').Policy | undefined} */
let sitePolicy;

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: an inline <style> needs its hash in the policy, and
  // that hash (in dist/_headers and the README's nginx configuration) would change with
  // every edit of the CSS.
  build: { inlineStylesheets: 'never' },
  // No code is highlighted on this site (Shiki's inline styles would need 'unsafe-inline').
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      scriptDirective: {
        // Pagefind compiles its WebAssembly search engine in the browser.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: cspHashes.scripts,
      },
      styleDirective: {
        // style-src is 'self' by default; the attribute kind is Starlight's style="" attributes.
        resources: [{ resource: "'unsafe-hashes'", kind: 'attribute' }],
        hashes: cspHashes.styleAttributes.map((hash) => ({ hash, kind: 'attribute' })),
      },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  integrations: [
    sitemap({ filter: (page) => !redirected.has(page) }),
    // The CSP step finishes every page's policy and hands the union to the hosting step, which
    // writes it into dist/_headers.
    csp((policy) => (sitePolicy = policy)),
    hosting(() => sitePolicy),
    contentReport(),
    decoderCatalog(),
    starlight({
      title: SITE_TITLE,
      description: SITE_DESCRIPTION,
      defaultLocale: 'root',
      locales: { root: { label: '日本語', lang: 'ja' } },
      favicon: favicon(),
      // Our own 404 offers the number lookup and search (src/pages/404.astro).
      disable404Route: true,
      // The sidebar lists tables, never the 229 codes: a code in every page's sidebar would
      // make every page's HTML grow with the size of the catalog.
      sidebar: [
        { label: '概説', link: homeUrl() },
        {
          label: 'エラーコード表',
          items: TABLE_SLUGS.map((slug) => ({ label: TABLE_NAMES[slug], link: tableUrl(slug) })),
        },
        { label: 'トピック', link: topicsUrl() },
        { label: '対応の種類', link: actionsUrl() },
        { label: 'デコーダー', link: decoderUrl() },
        { label: 'このサイトについて', link: aboutUrl() },
      ],
      customCss: ['./src/styles/site.css'],
      // Search: Starlight's dialog with the exact code lookup on top of Pagefind's results,
      // Pagefind's ranking chosen by measurement, and the site searchable from the address bar.
      // The head's title as text, never as markup (a row's description is in it).
      components: {
        Head: './src/components/Head.astro',
        Search: './src/components/SearchDialog.astro',
      },
      pagefind: { ranking: SEARCH_RANKING },
      head: [
        {
          tag: 'link',
          attrs: {
            rel: 'search',
            type: 'application/opensearchdescription+xml',
            title: SITE_TITLE,
            href: openSearchUrl(),
          },
        },
      ],
      // No code blocks on this site: skip Expressive Code (its inline styles also clash with the CSP).
      expressiveCode: false,
    }),
  ],
});
