/**
 * The catalog in the compact form the decoder's script carries. The build writes it with
 * `compactCatalogJson` into the module `virtual:msdk/catalog`
 * (`src/integrations/decoder-catalog.ts`); the browser turns it back into the same `Catalog`
 * with `catalogFromCompact`, so the decoder runs on exactly the data of the site.
 * Pure: no DOM, no astro:*, no node:* (it is imported on both sides).
 *
 * The rows are stored column by column (all codes, then all descriptions, then the distinct
 * handling texts), which gzip packs much tighter than one object per row: the data is part of
 * the decoder's 20 KB budget.
 */
import { ACTION_SLUGS, createCatalog, type Catalog, type TableSlug } from './index.ts';
import type { TableData } from './schema.ts';

/** A table without its rows, and without the title and section only the pages show. */
type CompactTable = Omit<TableData, 'rows' | 'title' | 'section'> & { readonly slug: TableSlug };

/** The whole compact catalog. Row columns run table by table, in the order of `tables`. */
export interface CompactCatalog {
  readonly tables: readonly CompactTable[];
  /**
   * Each table's codes in source order, each as its difference from the code before it
   * (neighbouring codes are mostly a step apart, and small numbers pack tighter).
   */
  readonly codes: readonly (readonly number[])[];
  /** Each table's actions, one base-36 digit per row: the index in `ACTION_SLUGS`. */
  readonly actions: readonly string[];
  /** Every row's description. */
  readonly descriptions: readonly string[];
  /** The distinct handling texts (many rows share one). */
  readonly handling: readonly string[];
  /**
   * Every row's handling text, as an index into `handling`: one character per row, whose code
   * is the index plus `INDEX_BASE` (a character packs tighter than a JSON number).
   */
  readonly handlingOf: string;
}

/** The character code that stands for index 0 in `handlingOf`: `0`; indices up to 79 stay ASCII. */
const INDEX_BASE = 48;

/** The catalog reduced to what the decoder needs. */
export function compactCatalog(catalog: Catalog): CompactCatalog {
  const handling = [...new Set(catalog.rows.map((row) => row.handling))];
  return {
    tables: catalog.tables.map(({ slug, layer, platform, endpoint, arrives, ranges }) => ({
      slug,
      layer,
      // JSON drops the undefined ones.
      platform,
      endpoint,
      arrives: [...arrives],
      ranges: ranges.map(({ code, max, min }) => ({ code, max, min })),
    })),
    codes: catalog.tables.map((table) =>
      table.rows.map((row, r) => row.code - (table.rows[r - 1]?.code ?? 0)),
    ),
    actions: catalog.tables.map((table) =>
      table.rows.map((row) => ACTION_SLUGS.indexOf(row.action).toString(36)).join(''),
    ),
    descriptions: catalog.rows.map((row) => row.description),
    handling,
    handlingOf: String.fromCharCode(
      ...catalog.rows.map((row) => INDEX_BASE + handling.indexOf(row.handling)),
    ),
  };
}

/** The compact catalog as JSON text (which is a JavaScript expression too). */
export function compactCatalogJson(catalog: Catalog): string {
  return JSON.stringify(compactCatalog(catalog));
}

/** Rebuilds the catalog from its compact form, through the same `createCatalog` as the site. */
export function catalogFromCompact(compact: CompactCatalog): Catalog {
  const data: Partial<Record<TableSlug, TableData>> = {};
  let next = 0;
  compact.tables.forEach(({ slug, ...table }, t) => {
    let code = 0;
    data[slug] = {
      ...table,
      title: '',
      section: '',
      rows: (compact.codes[t] ?? []).map((step, r) => {
        const at = next++;
        return {
          code: (code += step),
          action: ACTION_SLUGS[Number.parseInt(compact.actions[t]?.[r] ?? '', 36)]!,
          description: compact.descriptions[at]!,
          handling: compact.handling[compact.handlingOf.charCodeAt(at) - INDEX_BASE]!,
        };
      }),
    };
  });
  return createCatalog(data);
}
