/**
 * The inline code Astro does not hash for its Content-Security-Policy: Starlight's
 * `is:inline` scripts and the `style` attributes its components render. Their hashes live
 * in `src/csp-hashes.json`, which astro.config.mjs adds to the policy.
 *
 * `node tests/support/csp.ts --write` (npm run csp:update) scans dist/ and records them; the
 * CSP end-to-end test fails when a Starlight upgrade changes them, pointing here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST } from './published.ts';

export const HASHES_FILE = join(import.meta.dirname, '..', '..', 'src', 'csp-hashes.json');

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

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
    const html = readFileSync(join(dist, file), 'utf8');
    for (const [, attrs = '', body = ''] of html.matchAll(
      /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g,
    )) {
      if (/\ssrc=/.test(attrs) || /type="application\/(?:ld\+)?json"/.test(attrs)) continue;
      scripts.add(sha256(body));
    }
    for (const [, value = ''] of html.matchAll(/\sstyle="([^"]*)"/g)) styles.add(sha256(value));
  }
  return { scripts: [...scripts].sort(), styleAttributes: [...styles].sort() };
}

/** Inline scripts a page carries whose hash its own policy lacks. */
export function unhashedScripts(dist = DIST): string[] {
  const missing = new Set<string>();
  for (const file of readdirSync(dist, { recursive: true }).map(String)) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(dist, file), 'utf8');
    const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
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
