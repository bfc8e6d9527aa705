/**
 * The catalog in the compact form the decoder page carries as a JSON data island. The page
 * renders it at build time with `compactCatalog`; the browser turns it back into the same
 * `Catalog` with `catalogFromCompact`, so the decoder runs on exactly the data of the site.
 * Pure: no DOM, no astro:*, no node:* (it is imported on both sides).
 */
import {
  createCatalog,
  type ActionSlug,
  type Arrival,
  type Catalog,
  type Layer,
  type Platform,
  type TableSlug,
} from './index.ts';
import type { TableData } from './schema.ts';

/** The version of the compact shape, checked by the browser before it trusts the data. */
export const COMPACT_VERSION = 1;

/** A range as `[code, max, min]`; `min` is absent for an open-ended range. */
type CompactRange = readonly [code: number, max: number, min?: number];

/** A row as `[code, action, description, handling]`. */
type CompactRow = readonly [
  code: number,
  action: ActionSlug,
  description: string,
  handling: string,
];

/** One table: only the fields the decoder reads, with optional ones left out when unset. */
interface CompactTable {
  readonly slug: TableSlug;
  readonly title: string;
  readonly section: string;
  readonly layer: Layer;
  readonly platform?: Platform;
  readonly endpoint?: string;
  readonly arrives: readonly Arrival[];
  readonly ranges?: readonly CompactRange[];
  readonly rows: readonly CompactRow[];
}

/** The whole data island. */
export interface CompactCatalog {
  readonly v: typeof COMPACT_VERSION;
  readonly tables: readonly CompactTable[];
}

/** The catalog reduced to what the decoder needs, for the page's data island. */
export function compactCatalog(catalog: Catalog): CompactCatalog {
  return {
    v: COMPACT_VERSION,
    tables: catalog.tables.map((table) => ({
      slug: table.slug,
      title: table.title,
      section: table.section,
      layer: table.layer,
      ...(table.platform ? { platform: table.platform } : {}),
      ...(table.endpoint ? { endpoint: table.endpoint } : {}),
      arrives: table.arrives,
      ...(table.ranges.length > 0
        ? {
            ranges: table.ranges.map((range): CompactRange =>
              range.min === undefined
                ? [range.code, range.max]
                : [range.code, range.max, range.min],
            ),
          }
        : {}),
      rows: table.rows.map((row): CompactRow => [
        row.code,
        row.action,
        row.description,
        row.handling,
      ]),
    })),
  };
}

/**
 * The JSON text of the data island. `<` is escaped so that no description can ever close the
 * `<script>` element it sits in.
 */
export function compactCatalogJson(catalog: Catalog): string {
  return JSON.stringify(compactCatalog(catalog)).replaceAll('<', '\\u003c');
}

/** Rebuilds the catalog from the data island, through the same `createCatalog` as the site. */
export function catalogFromCompact(compact: CompactCatalog): Catalog {
  const data: Partial<Record<TableSlug, TableData>> = {};
  for (const table of compact.tables) {
    data[table.slug] = {
      title: table.title,
      section: table.section,
      layer: table.layer,
      platform: table.platform,
      endpoint: table.endpoint,
      arrives: [...table.arrives],
      ranges: (table.ranges ?? []).map(([code, max, min]) =>
        min === undefined ? { code, max } : { code, max, min },
      ),
      rows: table.rows.map(([code, action, description, handling]) => ({
        code,
        action,
        description,
        handling,
      })),
    };
  }
  return createCatalog(data);
}

/** Reads the data island's text; null when it is missing or not of this version. */
export function parseCompactCatalog(text: string | null | undefined): CompactCatalog | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<CompactCatalog> | null;
    return value?.v === COMPACT_VERSION && Array.isArray(value.tables)
      ? (value as CompactCatalog)
      : null;
  } catch {
    return null;
  }
}
