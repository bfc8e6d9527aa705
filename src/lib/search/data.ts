/**
 * The data the search box loads when it opens: the catalog in the compact form of
 * `catalog/compact.ts` (so the browser rebuilds it with the same `catalogFromCompact` as the
 * decoder), without the handling texts. The search box shows a row's code, table and
 * description; the handling is on the row's page. Leaving it out saves about a third of the
 * bytes of a first search.
 */
import type { Catalog } from '../catalog/index.ts';
import { compactCatalog, type CompactCatalog } from '../catalog/compact.ts';

/** The catalog for the exact lookup: every table and row, every handling text left empty. */
export function lookupCatalog(catalog: Catalog): CompactCatalog {
  // The compact form takes its texts from `rows` (and its codes from `tables`).
  return compactCatalog({
    ...catalog,
    rows: catalog.rows.map((row) => ({ ...row, handling: '' })),
  });
}
