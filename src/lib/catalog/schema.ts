import { z } from 'astro/zod';
import { ACTION_SLUGS, LAYERS, PLATFORMS, TABLE_ROUTES } from './vocabulary.ts';

const layers = Object.keys(LAYERS) as [keyof typeof LAYERS, ...(keyof typeof LAYERS)[]];
const platforms = Object.keys(PLATFORMS) as [keyof typeof PLATFORMS, ...(keyof typeof PLATFORMS)[]];

/**
 * The longest description and handling a row may have. The source's longest are 59 and 180
 * characters; the limits leave room for corrections while stopping a runaway paste (a
 * 2,000,000-character description once took 19 minutes to build).
 */
export const MAX_DESCRIPTION = 300;
export const MAX_HANDLING = 1000;

/**
 * This site's own search words for a table or a topic: English and Japanese synonyms of its
 * name and subject (`WeChat`, `微信`, `rate limit`, `レート制限`), never the source's text.
 * Shown on the page, marked as the site's, and indexed for search.
 */
export const keywordsSchema = z
  .array(z.string().trim().min(1).max(40, 'a keyword must be at most 40 characters long'))
  .max(24, 'at most 24 keywords')
  .refine((keywords) => new Set(keywords).size === keywords.length, 'a keyword is listed twice');

/** One row of a table, as in the source document. */
export const rowSchema = z.strictObject({
  /** The error code, a signed safe integer as the caller receives it. */
  code: z.int(),
  /** The action class, curated by hand (see `ACTIONS`). */
  action: z.enum(ACTION_SLUGS),
  /** エラー記述, verbatim from the source (whitespace folded); at most `MAX_DESCRIPTION` characters. */
  description: z.string().min(1).max(MAX_DESCRIPTION),
  /** 推奨処理, verbatim from the source; empty where the source leaves it blank; at most `MAX_HANDLING`. */
  handling: z.string().max(MAX_HANDLING),
});

/** A range of codes announced by one row of the logic table (e.g. -2000 for -2000…-9999). */
export const rangeSchema = z
  .strictObject({
    /** The row that announces the range. */
    code: z.int(),
    /** The code nearest zero in the range (inclusive). */
    max: z.int(),
    /** The code furthest from zero (inclusive); absent when the range is open-ended. */
    min: z.int().optional(),
  })
  .refine((range) => range.min === undefined || range.min <= range.max, {
    message: 'min must not be greater than max',
  });

/** One table file, `content/tables/<slug>.yaml`. */
export const tableSchema = z
  .strictObject({
    /** The table's title, from the source heading (without its section number). */
    title: z.string().min(1).max(200),
    /** The source section number, e.g. "3". */
    section: z.string().regex(/^\d+$/, 'section must be a section number such as "3"'),
    /** The layer the table belongs to. */
    layer: z.enum(layers),
    /** The platform behind a platform-layer table. */
    platform: z.enum(platforms).optional(),
    /** The endpoint path for tables that belong to one endpoint (the share tables). */
    endpoint: z.string().startsWith('/').optional(),
    /** The routes by which its codes reach the caller (see `ROUTES`). */
    arrives: z.array(z.enum(TABLE_ROUTES)).min(1),
    /** This site's search words for the table (see `keywordsSchema`); default none. */
    keywords: keywordsSchema.optional(),
    /** Ranges announced by rows of this table (logic table only); default none. */
    ranges: z.array(rangeSchema).default([]),
    /** The rows in source order. */
    rows: z.array(rowSchema).min(1),
  })
  .superRefine((table, ctx) => {
    const seen = new Map<number, number>();
    table.rows.forEach((row, index) => {
      const first = seen.get(row.code);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'code'],
          message: `duplicate code ${row.code}: row ${first + 1} already has it`,
        });
      } else seen.set(row.code, index);
    });
    table.ranges.forEach((range, index) => {
      if (!seen.has(range.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ranges', index, 'code'],
          message: `range announced by code ${range.code}, but no row has that code`,
        });
      }
      table.ranges.forEach((other, j) => {
        if (j <= index) return;
        const lo = (r: typeof range) => r.min ?? Number.NEGATIVE_INFINITY;
        if (lo(range) <= other.max && lo(other) <= range.max) {
          ctx.addIssue({
            code: 'custom',
            path: ['ranges', j],
            message: `range of ${other.code} overlaps the range of ${range.code}`,
          });
        }
      });
    });
  });

export type RowData = z.infer<typeof rowSchema>;
export type RangeData = z.infer<typeof rangeSchema>;
export type TableData = z.infer<typeof tableSchema>;

/** The source document's overview (§1), `content/overview.yaml`. */
export const overviewSchema = z.strictObject({
  /** The document's title. */
  title: z.string().min(1).max(200),
  /** The section heading, 概説. */
  heading: z.string().min(1).max(200),
  /** The numbered points, verbatim. */
  items: z.array(z.string().min(1).max(MAX_HANDLING)).min(1),
});
export type OverviewData = z.infer<typeof overviewSchema>;
