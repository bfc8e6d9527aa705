/**
 * The published URLs of a built site: every page (`…/index.html` → `…/`) and every other
 * public file we promise (the JSON export, the files for machines and browsers). Redirect
 * pages count: `/codes/-303/` is a published URL even though it only forwards.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');
export const MANIFEST = join(import.meta.dirname, '..', 'fixtures', 'urls.txt');

/** The public files at the root of the site that are not pages (DESIGN §3, URLs). */
const ROOT_FILES = new Set(['llms.txt', 'llms-full.txt', 'opensearch.xml', 'robots.txt']);

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Every published URL of the built site in `dist`, sorted. */
export function publishedUrls(dist = DIST): string[] {
  if (!existsSync(dist)) throw new Error(`no built site at ${dist}: run npm run build first`);
  const urls: string[] = [];
  for (const path of walk(dist)) {
    const rel = relative(dist, path).split(sep).join('/');
    if (rel.startsWith('_astro/') || rel.startsWith('pagefind/')) continue;
    if (rel === 'index.html') urls.push('/');
    else if (rel.endsWith('/index.html')) urls.push(`/${rel.slice(0, -'index.html'.length)}`);
    else if (rel.startsWith('api/') || ROOT_FILES.has(rel)) urls.push(`/${rel}`);
  }
  return urls.sort();
}

/** The committed list of URLs that must never disappear. */
export function manifestUrls(): string[] {
  return readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('/'));
}

// `node tests/support/published.ts --write` records the current site as the manifest.
if (process.argv[1] === import.meta.filename && process.argv.includes('--write')) {
  const urls = [
    ...new Set([...(existsSync(MANIFEST) ? manifestUrls() : []), ...publishedUrls()]),
  ].sort();
  writeFileSync(
    MANIFEST,
    `# Every URL the site has published. A URL may be added, never removed (tests/e2e/built-site.spec.ts).\n# Update after adding pages: npm run build:local && npm run urls:update\n${urls.join('\n')}\n`,
  );
  console.log(`${urls.length} URLs in ${relative(process.cwd(), MANIFEST)}`);
}
