/**
 * The inline code Astro does not hash for its Content-Security-Policy: Starlight's
 * `is:inline` scripts and the `style` attributes its components render. Their hashes live
 * in `src/csp-hashes.json`, which astro.config.mjs adds to the policy.
 *
 * `node tests/support/csp.ts --write` (npm run csp:update) scans dist/ and records them; the
 * CSP end-to-end test fails when a Starlight upgrade changes them, pointing here.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inlineHashes as pageHashes } from '../../src/integrations/csp.ts';
import { attr, builtPage, byTag } from './html.ts';
import { DIST } from './published.ts';

export const HASHES_FILE = join(import.meta.dirname, '..', '..', 'src', 'csp-hashes.json');

/** Hashes of every inline script and style attribute in the built site, each sorted. */
export function inlineHashes(
  dist = DIST,
  only?: string,
): { scripts: string[]; styleAttributes: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const files = only ? [only] : readdirSync(dist, { recursive: true }).map(String);
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const page = pageHashes(readFileSync(join(dist, file), 'utf8'));
    // Recorded without their quotes, as src/csp-hashes.json and Astro's config hold them.
    for (const hash of page.scripts) scripts.add(hash.slice(1, -1));
    for (const hash of page.styleAttributes) styles.add(hash.slice(1, -1));
  }
  return { scripts: [...scripts].sort(), styleAttributes: [...styles].sort() };
}

/** Inline scripts a page carries whose hash its own policy lacks. */
export function unhashedScripts(dist = DIST): string[] {
  const missing = new Set<string>();
  for (const file of readdirSync(dist, { recursive: true }).map(String)) {
    if (!file.endsWith('.html')) continue;
    const meta = byTag(builtPage(file, dist), 'meta').find(
      (element) => attr(element, 'http-equiv') === 'content-security-policy',
    );
    const policy = meta && attr(meta, 'content');
    if (policy === undefined) continue;
    for (const hash of inlineHashes(dist, file).scripts) {
      if (!policy.includes(hash)) missing.add(hash);
    }
  }
  return [...missing].sort();
}

if (process.argv[1] === import.meta.filename && process.argv.includes('--write')) {
  const current = JSON.parse(readFileSync(HASHES_FILE, 'utf8')) as { scripts: string[] };
  const found = inlineHashes();
  // Keep recorded hashes the site still uses, and add any a page now lacks.
  const scripts = [
    ...new Set([...current.scripts.filter((h) => found.scripts.includes(h)), ...unhashedScripts()]),
  ].sort();
  writeFileSync(
    HASHES_FILE,
    `${JSON.stringify({ scripts, styleAttributes: found.styleAttributes }, null, 2)}\n`,
  );
  console.log(
    `${scripts.length} script and ${found.styleAttributes.length} style-attribute hashes in ${relative(process.cwd(), HASHES_FILE)}`,
  );
}
