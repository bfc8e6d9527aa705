/**
 * The exact lookup behind the search box: for a query that is one code, the rows whose
 * (table, code) match it, in the order the classification gives for the route the query
 * names (`rankCandidates`): `errcode 40001` is a WeChat body, `ret -10000` a `ret`, `msg -73`
 * a msg value, a bare number comes from any table in the source document's order. Pagefind
 * cannot do this: it drops the minus sign and matches numbers by prefix.
 */
import type { Catalog } from '../catalog/index.ts';
import { rangeOf } from '../classify/index.ts';
import { candidate, rankCandidates } from '../classify/rank.ts';
import type { Candidate } from '../decode/types.ts';
import { numberUrl } from '../urls.ts';
import { readCodeQuery, type CodeQuery } from './query.ts';

/** What the search box shows for a query that is one code. */
export interface ExactLookup {
  readonly query: CodeQuery;
  /** The rows whose (table, code) match, best first (the classification's order). */
  readonly candidates: readonly Candidate[];
  /**
   * When no table the route reaches has the code: the rows of other tables that do (a QQ
   * code typed as `ret -73`), in the source document's order. Hints, never candidates.
   */
  readonly elsewhere: readonly Candidate[];
  /** The page of every table's meaning, when several tables use the number; else null. */
  readonly numberUrl: string | null;
  /** For a number no table has: the row announcing the range it falls in (logic -2000). */
  readonly range: Candidate | null;
  /** For a number no table has: the rows of the number with the other sign (`303` → -303). */
  readonly otherSign: readonly Candidate[];
}

/** The exact lookup of a query, or null when the query is not one code. */
export function exactLookup(catalog: Catalog, query: string): ExactLookup | null {
  const parsed = readCodeQuery(query);
  return parsed && lookUpCode(catalog, parsed);
}

/** The exact lookup of a code read from a query. */
export function lookUpCode(catalog: Catalog, query: CodeQuery): ExactLookup {
  const { code, via } = query;
  const candidates = rankCandidates(catalog, code, { via });
  const rows = catalog.rowsWithCode(code);
  const elsewhere = candidates.length ? [] : rankCandidates(catalog, code, { via: 'bare-code' });
  const unknown = rows.length === 0;
  // A range is a logic-layer notion: it applies to a code that came as ret or bare (as in
  // the decoder), not to a platform's own code.
  const range =
    unknown && (via === 'ret' || via.startsWith('bare')) ? rangeOf(catalog, code) : null;
  const rangeRow = range && catalog.row(range.table, range.code);
  return {
    query,
    candidates,
    elsewhere,
    numberUrl: rows.length > 1 ? numberUrl(code) : null,
    range: rangeRow ? candidate(rangeRow, `${code} はこの行が示す範囲に入ります`) : null,
    otherSign: unknown && code !== 0 ? rankCandidates(catalog, -code, { via: 'bare-code' }) : [],
  };
}
