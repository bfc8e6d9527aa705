/**
 * Classification: where a number stands in the catalog — its rows, the range it falls in,
 * the tables its route reaches (`routes.ts`), the ranking of its candidates (`rank.ts`), the
 * nearest documented codes (`nearest.ts`). A row's implied err_type follows from its action
 * (`impliedErrType`). It returns data only; `src/lib/words/` says it in words.
 */
import { impliedErrType, type Catalog, type Range, type Row } from '../catalog/index.ts';

export { impliedErrType };

/** The range (announced by a logic-table row) a code falls in, or null. */
export function rangeOf(catalog: Catalog, code: number): Range | null {
  for (const table of catalog.tables) {
    for (const range of table.ranges) {
      if (code <= range.max && (range.min === undefined || code >= range.min)) return range;
    }
  }
  return null;
}

/**
 * The one row of a number only one table uses, or undefined for a number several tables
 * share. `/codes/<n>/` redirects to that row's page; a shared number gets a page of its own.
 */
export function soleRow(catalog: Catalog, code: number): Row | undefined {
  const rows = catalog.rowsWithCode(code);
  return rows.length === 1 ? rows[0] : undefined;
}
