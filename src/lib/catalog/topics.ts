/**
 * Cross-table topics (`content/topics.yaml`): rows of different tables that share one cause,
 * such as rate limiting or a bad signature, gathered so a reader can follow it across layers.
 * A topic names its rows by (table, code); they are checked against the catalog, so a typo
 * stops the build with the file, the topic and the row instead of publishing a dead link.
 */
import { z } from 'astro/zod';
import { CatalogError, catalogErrorFromZod } from './errors.ts';
import type { Catalog, Row, Table } from './index.ts';
import { parseYaml } from './parse.ts';
import { MAX_HANDLING, keywordsSchema } from './schema.ts';
import { TABLE_SLUGS, type TableSlug } from './vocabulary.ts';

/** One row of a topic, named as everywhere else by (table, code). */
export const topicRowSchema = z.strictObject({
  /** The table slug, e.g. `qq-platform`. */
  table: z.enum(TABLE_SLUGS),
  /** The code within that table, a signed integer. */
  code: z.int(),
});

/** One topic: its URL slug, this site's own title and summary, and its rows. */
export const topicSchema = z.strictObject({
  /** Part of the permanent URL `/topics/<slug>/`: lower-case English words joined by hyphens. */
  slug: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'the slug must be lower-case English words joined by hyphens, e.g. "rate-limit"',
    ),
  /** The topic's name, in Japanese. */
  title: z.string().min(1).max(200),
  /** One or two Japanese sentences written for this site (the rows stay verbatim). */
  summary: z.string().min(1).max(MAX_HANDLING),
  /** This site's search words for the topic (see `keywordsSchema`); default none. */
  keywords: keywordsSchema.optional(),
  /** The rows, from two tables or more, in the order the topic presents them. */
  rows: z.array(topicRowSchema).min(1),
});

/** The whole file: a list of topics with unique slugs, each spanning two tables or more. */
export const topicsSchema = z
  .array(topicSchema)
  .min(1)
  .superRefine((topics, ctx) => {
    const slugs = new Map<string, number>();
    topics.forEach((topic, index) => {
      const first = slugs.get(topic.slug);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'slug'],
          message: `duplicate slug "${topic.slug}": topic ${first + 1} already has it`,
        });
      } else slugs.set(topic.slug, index);

      const seen = new Map<string, number>();
      topic.rows.forEach((row, r) => {
        const key = `${row.table} ${row.code}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'rows', r],
            message: `${key} is listed twice: row ${earlier + 1} already has it`,
          });
        } else seen.set(key, r);
      });

      const tables = new Set(topic.rows.map((row) => row.table));
      if (tables.size === 1) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'rows'],
          message: `every row comes from one table (${[...tables].join('')}); a topic gathers rows from two tables or more`,
        });
      }
    });
  });

/** A topic as stored in the content collection: with its position in the file, for ordering. */
export const topicEntrySchema = topicSchema.extend({
  /** The topic's position in `content/topics.yaml`, from 0 (collections sort by id). */
  order: z.int().nonnegative(),
});

export type TopicRow = z.infer<typeof topicRowSchema>;
export type Topic = z.infer<typeof topicSchema>;

/** How a topic is named in a message: its position and, when it has one, its slug. */
function topicLabel(input: unknown, index: number): string {
  const slug = (input as { slug?: unknown } | null | undefined)?.slug;
  return typeof slug === 'string' && slug ? `topic ${index + 1} (${slug})` : `topic ${index + 1}`;
}

/**
 * Turns a zod error on the topics file into a CatalogError whose every problem starts with
 * the topic it concerns, e.g. `topic 3 (signature), row 2 (code -5), field "table": …`.
 */
function topicsError(file: string, error: z.ZodError, input: unknown): CatalogError {
  const problems: string[] = [];
  const byTopic = Map.groupBy(error.issues, (issue) =>
    typeof issue.path[0] === 'number' ? issue.path[0] : -1,
  );
  for (const [index, issues] of byTopic) {
    if (index < 0) {
      problems.push(...catalogErrorFromZod(file, new z.ZodError(issues), input).problems);
      continue;
    }
    const topic = (input as unknown[])[index];
    const inner = issues.map((issue) => ({ ...issue, path: issue.path.slice(1) }));
    for (const problem of catalogErrorFromZod(file, new z.ZodError(inner), topic).problems) {
      problems.push(
        problem.startsWith('the file')
          ? `${topicLabel(topic, index)}${problem.slice('the file'.length)}`
          : `${topicLabel(topic, index)}, ${problem}`,
      );
    }
  }
  return new CatalogError(file, problems);
}

/** Checks that every row of every topic is a row of the catalog. */
function checkAgainstCatalog(file: string, topics: readonly Topic[], catalog: Catalog): void {
  const loaded = new Set<TableSlug>(catalog.tables.map((table) => table.slug));
  const problems: string[] = [];
  topics.forEach((topic, index) => {
    topic.rows.forEach((row, r) => {
      const where = `${topicLabel(topic, index)}, row ${r + 1}`;
      if (!loaded.has(row.table)) {
        problems.push(`${where}: the catalog has no table "${row.table}"`);
      } else if (!catalog.row(row.table, row.code)) {
        const elsewhere = catalog.rowsWithCode(row.code).map((other) => other.table);
        problems.push(
          `${where}: the table ${row.table} has no code ${row.code}` +
            (elsewhere.length ? ` (code ${row.code} is in ${elsewhere.join(', ')})` : ''),
        );
      }
    });
  });
  if (problems.length) throw new CatalogError(file, problems);
}

/**
 * Reads `content/topics.yaml`: YAML, then the schema, then every row against the catalog
 * (skipped when no catalog is given, as when the tables themselves are broken).
 */
export function parseTopicsFile(file: string, text: string, catalog?: Catalog): Topic[] {
  const input = parseYaml(file, text);
  const result = topicsSchema.safeParse(input);
  if (!result.success) throw topicsError(file, result.error, input);
  if (catalog) checkAgainstCatalog(file, result.data, catalog);
  return result.data;
}

/** The catalog rows of a topic, in the topic's order (rows are checked when the file is read). */
export function topicRows(catalog: Catalog, topic: Topic): Row[] {
  return topic.rows.flatMap((ref) => catalog.row(ref.table, ref.code) ?? []);
}

/** A topic's rows grouped by table, the tables in catalog order (access layer first). */
export function topicGroups(catalog: Catalog, topic: Topic): { table: Table; rows: Row[] }[] {
  const rows = topicRows(catalog, topic);
  return catalog.tables
    .map((table) => ({ table, rows: rows.filter((row) => row.table === table.slug) }))
    .filter((group) => group.rows.length > 0);
}

/** The tables a topic spans, in the canonical table order. */
export function topicTables(topic: Topic): TableSlug[] {
  return TABLE_SLUGS.filter((slug) => topic.rows.some((row) => row.table === slug));
}

/** The topics that list a row, in file order. */
export function topicsOfRow(topics: readonly Topic[], row: Pick<Row, 'table' | 'code'>): Topic[] {
  return topics.filter((topic) =>
    topic.rows.some((ref) => ref.table === row.table && ref.code === row.code),
  );
}

/** The rows of a topic that are in tables other than the given row's, in catalog order. */
export function relatedRows(catalog: Catalog, topic: Topic, row: Pick<Row, 'table'>): Row[] {
  return topicGroups(catalog, topic)
    .filter((group) => group.table.slug !== row.table)
    .flatMap((group) => group.rows);
}
