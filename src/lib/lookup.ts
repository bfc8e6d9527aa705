/**
 * Reading a mistyped address (the 404 page): which table and which code it most likely means.
 * Pure: the 404 page's script runs it, with `nearestCodes` (`classify/nearest.ts`) for a code
 * the table does not have.
 */
import { foldChars } from './decode/normalize.ts';
import { decodePercent } from './percent.ts';
import { TABLE_SLUGS, type TableSlug } from './catalog/vocabulary.ts';

/** What an address names, as far as it can be read. */
export interface PathLookup {
  /** The table its path names, or the one it is a typo of (`acess` → `access`). */
  readonly table: TableSlug | null;
  /** The code its path names, typed any way (`−303`, `－３０３`, `%E2%88%92303`). */
  readonly code: number | null;
}

/** The number of single-character edits between two short words (Levenshtein). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The table a path segment names, or is at most two typos away from (the closest). */
function tableOf(segment: string): TableSlug | null {
  const word = segment.toLowerCase();
  let best: [TableSlug | null, number] = [null, 3];
  for (const slug of TABLE_SLUGS) {
    const d = distance(word, slug);
    if (d < best[1]) best = [slug, d];
  }
  return best[0];
}

/** Reads the table and the code a URL path (`location.pathname`) names. Never throws. */
export function readCodePath(pathname: string): PathLookup {
  // What a broken escape leaves (a stray %, U+FFFD, control characters) is dropped.
  const segments = foldChars(decodePercent(pathname).text)
    .split('/')
    .map((segment) => segment.replace(/[%\uFFFD\p{Cc}\s]/gu, ''))
    .filter(Boolean);
  let code: number | null = null;
  for (const segment of segments) {
    if (/^[+-]?\d{1,10}$/.test(segment)) code = Number(segment);
  }
  const at = segments.findIndex((segment) => segment.toLowerCase() === 'codes');
  const candidate = at >= 0 ? segments[at + 1] : undefined;
  const table = candidate && !/^[+-]?\d/.test(candidate) ? tableOf(candidate) : null;
  return { table, code };
}
