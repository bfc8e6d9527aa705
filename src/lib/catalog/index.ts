/**
 * The catalog: every table with its rows, indexed by (table, code) and by number. Built
 * once from validated table data, by the site at build time, by the CLI, and by the
 * decoder in the browser from the compact form in `compact.ts`.
 */
import type { RangeData, TableData } from './schema.ts';
import {
  ACTIONS,
  TABLE_SLUGS,
  type ActionSlug,
  type ErrType,
  type Layer,
  type Platform,
  type TableRoute,
  type TableSlug,
} from './vocabulary.ts';

export * from './vocabulary.ts';

/** One row of one table: the unit a code page describes. */
export interface Row {
  readonly table: TableSlug;
  readonly code: number;
  readonly action: ActionSlug;
  readonly description: string;
  readonly handling: string;
}

/** A range announced by a row of the logic table. */
export interface Range extends RangeData {
  readonly table: TableSlug;
}

/** One table with its metadata and rows in source order. */
export interface Table {
  readonly slug: TableSlug;
  readonly title: string;
  readonly section: string;
  readonly layer: Layer;
  readonly platform: Platform | undefined;
  readonly endpoint: string | undefined;
  /** The routes by which its codes reach the caller. */
  readonly arrives: readonly TableRoute[];
  readonly ranges: readonly Range[];
  readonly rows: readonly Row[];
}

/** The whole catalog with its indexes. */
export interface Catalog {
  /** The tables in the canonical order of `TABLE_SLUGS`. */
  readonly tables: readonly Table[];
  /** Every row of every table, table by table in source order. */
  readonly rows: readonly Row[];
  /** Every distinct number used by any table, ascending. */
  readonly numbers: readonly number[];
  table(slug: TableSlug): Table;
  /** The row identified by (table, code), if the table has it. */
  row(table: TableSlug, code: number): Row | undefined;
  /** Every row, in table order, whose code is this number. */
  rowsWithCode(code: number): readonly Row[];
}

/** Builds the catalog from validated table data, one entry per table slug. */
export function createCatalog(data: Partial<Record<TableSlug, TableData>>): Catalog {
  const tables: Table[] = [];
  for (const slug of TABLE_SLUGS) {
    const table = data[slug];
    if (!table) continue;
    tables.push({
      slug,
      title: table.title,
      section: table.section,
      layer: table.layer,
      platform: table.platform,
      endpoint: table.endpoint,
      arrives: table.arrives,
      ranges: table.ranges.map((range) => ({ ...range, table: slug })),
      rows: table.rows.map((row) => ({ table: slug, ...row })),
    });
  }
  const rows = tables.flatMap((table) => table.rows);
  const byKey = new Map(rows.map((row) => [`${row.table}\u0000${row.code}`, row]));
  const byCode = new Map<number, Row[]>();
  for (const row of rows) {
    const list = byCode.get(row.code);
    if (list) list.push(row);
    else byCode.set(row.code, [row]);
  }
  const bySlug = new Map(tables.map((table) => [table.slug, table]));
  return {
    tables,
    rows,
    numbers: [...byCode.keys()].sort((a, b) => a - b),
    table(slug) {
      const table = bySlug.get(slug);
      if (!table) throw new Error(`the catalog has no table "${slug}"`);
      return table;
    },
    row: (table, code) => byKey.get(`${table}\u0000${code}`),
    rowsWithCode: (code) => byCode.get(code) ?? [],
  };
}

/** The err_type the access layer would attach to a row, following from its action. */
export function impliedErrType(row: Pick<Row, 'action'>): ErrType | null {
  return ACTIONS[row.action].errType;
}
