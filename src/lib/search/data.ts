/**
 * The data the search box loads when it opens (`/search/lookup.json`), written at build time
 * from the catalog. Every ranking in it comes from the classification (`rankRows`),
 * computed here once per number and per route a query can name, so the browser only reads
 * lists and carries none of the catalog or classification code. (Those modules are also in
 * the decoder page's script; a second script importing them would split that bundle.)
 */
import { TABLE_NAMES, type Catalog } from '../catalog/index.ts';
import { compactCatalog, type CompactCatalog } from '../catalog/compact.ts';
import { rankRows } from '../classify/rank.ts';
import { codeUrl, numberUrl } from '../urls.ts';
import { QUERY_ROUTES, type QueryRoute } from './query.ts';

/** The exact lookup's data. Rows are numbered in the catalog's order (table by table). */
export interface LookupData {
  /** The tables' short names, in the catalog's order. */
  readonly tables: readonly string[];
  /** Each row's table (its index in `tables`), code and page. */
  readonly rows: readonly (readonly [table: number, code: number, url: string])[];
  /** Every number any table uses, ascending. */
  readonly numbers: readonly number[];
  /** Per route, for each of `numbers` in turn: the rows it may be, best first. */
  readonly routes: Readonly<Record<QueryRoute, readonly (readonly number[])[]>>;
  /** The page of every table's meaning, for each number several tables use. */
  readonly numberUrls: Readonly<Record<string, string>>;
  /**
   * The catalog in the decoder's compact form, without the handling texts, for reading a
   * paste; its `descriptions` are the rows' descriptions, in the same order as `rows`.
   */
  readonly catalog: CompactCatalog;
}

/** The exact lookup's data for a catalog. */
export function lookupData(catalog: Catalog): LookupData {
  const index = new Map(catalog.rows.map((row, n) => [row, n]));
  const tables = catalog.tables.map((table) => table.slug);
  const ranked = (route: QueryRoute) =>
    catalog.numbers.map((code) =>
      rankRows(catalog, code, { route }).map(({ row }) => index.get(row)!),
    );
  return {
    tables: tables.map((slug) => TABLE_NAMES[slug]),
    rows: catalog.rows.map((row) => [
      tables.indexOf(row.table),
      row.code,
      codeUrl(row.table, row.code),
    ]),
    numbers: catalog.numbers,
    routes: Object.fromEntries(QUERY_ROUTES.map((route) => [route, ranked(route)])) as Record<
      QueryRoute,
      number[][]
    >,
    numberUrls: Object.fromEntries(
      catalog.numbers
        .filter((code) => catalog.rowsWithCode(code).length > 1)
        .map((code) => [code, numberUrl(code)]),
    ),
    // The compact form takes its texts from `rows` (and its codes from `tables`).
    catalog: compactCatalog({
      ...catalog,
      rows: catalog.rows.map((row) => ({ ...row, handling: '' })),
    }),
  };
}
