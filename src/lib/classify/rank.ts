/**
 * Candidate ranking: which rows a looked-up code may be, and in which order. This is the one
 * place the ranking rule lives (DESIGN §3); the decoder, the command line and the search box
 * all reach it. It returns data: each row with the reason for its place, which
 * `src/lib/words/` puts in words.
 *
 * The rule, in order of precedence:
 * 1. Only rows whose (table, code) equal the looked-up code, and only from the tables the
 *    code's route reaches (`routeTables`). Never neighbours, never the same number from an
 *    unrelated mechanism.
 * 2. A table whose endpoint path (`/share/qq`, `/share/qzone`) appears in the record first.
 * 3. Then the route's order of tables (`routeTables`).
 */
import type { Catalog, Route, Row } from '../catalog/index.ts';
import { routeTables } from './routes.ts';

/** Why a row is a candidate at its place. */
export type RankReason =
  /** The only table of the route that has this number. */
  | { readonly kind: 'only' }
  /** The record names this table's endpoint. */
  | { readonly kind: 'endpoint'; readonly endpoint: string }
  /** Its place in the route's order of tables (1 for the first). */
  | { readonly kind: 'order'; readonly route: Route; readonly place: number }
  /** An envelope whose msg has no code: the envelope row itself. */
  | { readonly kind: 'envelope'; readonly code: number };

/** A row that may be the looked-up code, with the reason for its place. */
export interface RankedRow {
  readonly row: Row;
  readonly reason: RankReason;
}

/** What is known about a record besides the code itself. */
export interface RankContext {
  readonly route: Route;
  /** An endpoint path found in the record, e.g. `/share/qq`. */
  readonly endpoint?: string | null | undefined;
}

/**
 * The rows a code may be, best first, each with the reason for its place (the rule at the top
 * of this module). Empty when no table of the route has the code.
 */
export function rankRows(
  catalog: Catalog,
  code: number,
  { route, endpoint }: RankContext,
): RankedRow[] {
  const order = routeTables(catalog, route);
  /** A row's place: -1 for the table of the record's endpoint, else its table's in `order`. */
  const place = (row: Row) =>
    endpoint && catalog.table(row.table).endpoint === endpoint ? -1 : order.indexOf(row.table);
  const rows = catalog
    .rowsWithCode(code)
    .filter((row) => order.includes(row.table))
    // Array sorting is stable: rows of one table keep the catalog's order.
    .sort((a, b) => place(a) - place(b));
  return rows.map((row, n) => ({
    row,
    reason:
      rows.length === 1
        ? { kind: 'only' }
        : place(row) < 0 && endpoint
          ? { kind: 'endpoint', endpoint }
          : { kind: 'order', route, place: n + 1 },
  }));
}
