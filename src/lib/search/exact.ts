/**
 * The exact lookup behind the search box: for a query that is one code, the rows whose
 * (table, code) match it, in the order the classification gives for the route the query
 * names: `errcode 40001` is a WeChat body, `ret -10000` a `ret`, `msg -73` a msg value, a bare
 * number may come from any table, in the source document's order. Pagefind cannot do this:
 * it drops the minus sign and matches numbers by prefix.
 *
 * It reads the lists `lookupData` ranked at build time (with `rankCandidates`), so it runs in
 * the browser without the catalog or the classification.
 */
import type { LookupData } from './data.ts';
import { readCodeQuery, type CodeQuery } from './query.ts';

/** One row found: its table's short name, its code, its page and its description. */
export interface LookupRow {
  readonly tableName: string;
  readonly code: number;
  readonly url: string;
  readonly description: string;
}

/** What the search box shows for a query that is one code. */
export interface ExactLookup {
  readonly query: CodeQuery;
  /** The rows whose (table, code) match, best first (the classification's order). */
  readonly candidates: readonly LookupRow[];
  /**
   * When no table the route reaches has the code: the rows of the tables that do (a QQ code
   * typed as `ret -73`), in the source document's order. Hints, never candidates.
   */
  readonly elsewhere: readonly LookupRow[];
  /** The page of every table's meaning, when several tables use the number; else null. */
  readonly numberUrl: string | null;
  /** For a number no table has: the rows of the number with the other sign (`303` → -303). */
  readonly otherSign: readonly LookupRow[];
}

/** Where each number stands in the lists of `data`, per data object. */
const positions = new WeakMap<LookupData, Map<number, number>>();

/** The rows a number may be by a route, best first (none for a number no table has). */
function ranked(data: LookupData, code: number, route: CodeQuery['route']): LookupRow[] {
  let at = positions.get(data);
  if (!at) positions.set(data, (at = new Map(data.numbers.map((n, i) => [n, i]))));
  const position = at.get(code);
  const rows = position === undefined ? [] : (data.routes[route][position] ?? []);
  return rows.map((n) => {
    const [table, rowCode, url] = data.rows[n]!;
    return {
      tableName: data.tables[table]!,
      code: rowCode,
      url,
      description: data.catalog.descriptions[n]!,
    };
  });
}

/** The exact lookup of a query, or null when the query is not one code. */
export function exactLookup(data: LookupData, query: string): ExactLookup | null {
  const parsed = readCodeQuery(query);
  if (!parsed) return null;
  const { code, route } = parsed;
  const candidates = ranked(data, code, route);
  const everywhere = ranked(data, code, 'bare-code');
  return {
    query: parsed,
    candidates,
    elsewhere: candidates.length ? [] : everywhere,
    numberUrl: data.numberUrls[code] ?? null,
    otherSign: everywhere.length || code === 0 ? [] : ranked(data, -code, 'bare-code'),
  };
}
