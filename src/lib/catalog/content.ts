/**
 * The whole of `content/`, read and checked in one pass: the eight table files, the topics and
 * the overview. Every problem of every file is collected and reported together, each named by
 * its file, entry and field, so that a broken file stops the build with one plain message
 * whichever file it is. Pure: the files' text is handed in (`src/node/content.ts` reads them).
 */
import { CatalogError } from './errors.ts';
import { createCatalog, type Catalog } from './index.ts';
import { parseTableFile, parseYaml, validate } from './parse.ts';
import { overviewSchema, type OverviewData, type TableData } from './schema.ts';
import { parseTopicsFile, type Topic } from './topics.ts';
import { TABLE_SLUGS, type TableSlug } from './vocabulary.ts';

/** One data file: its path relative to the project (for messages) and its text. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

/** A data file that must exist: its text is undefined when it does not. */
export interface RequiredFile {
  readonly file: string;
  readonly text: string | undefined;
}

/** The data files of `content/`, as read from disk. */
export interface ContentFiles {
  /** The folder of the table files, relative to the project, e.g. `content/tables`. */
  readonly tablesDir: string;
  readonly tables: readonly SourceFile[];
  readonly topics: RequiredFile;
  readonly overview: RequiredFile;
}

/** Everything the site is built from, validated. */
export interface Content {
  readonly catalog: Catalog;
  /** Each table's data as in its file (what the `tables` collection stores). */
  readonly tables: Readonly<Record<TableSlug, TableData>>;
  readonly topics: readonly Topic[];
  readonly overview: OverviewData;
}

/** One or more data files with problems; the message lists every file and every problem. */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly errors: readonly CatalogError[];

  constructor(errors: readonly CatalogError[]) {
    super(errors.map((error) => error.message).join('\n\n'));
    this.errors = errors;
  }
}

/** Runs `read`, adding its CatalogError to `errors` instead of throwing; undefined on error. */
function collect<T>(errors: CatalogError[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    errors.push(error);
    return undefined;
  }
}

/** The text of a file that must exist, or a CatalogError saying it does not. */
function textOf({ file, text }: RequiredFile): string {
  if (text === undefined) throw new CatalogError(file, ['the file does not exist']);
  return text;
}

/**
 * Reads and checks every data file: each table by the table schema (and all eight tables
 * present), the overview by its schema, the topics by theirs and then against the tables.
 * Throws a ContentError naming every problem found.
 */
export function parseContent(files: ContentFiles): Content {
  const errors: CatalogError[] = [];
  const tables: Partial<Record<TableSlug, TableData>> = {};
  for (const { file, text } of files.tables) {
    const table = collect(errors, () => parseTableFile(file, text));
    if (table) tables[table.slug] = table.data;
  }
  const named = new Set(files.tables.map(({ file }) => file.replace(/^.*\//, '')));
  const missing = TABLE_SLUGS.filter(
    (slug) => !named.has(`${slug}.yaml`) && !named.has(`${slug}.yml`),
  );
  if (missing.length > 0) {
    errors.push(
      new CatalogError(
        files.tablesDir,
        missing.map((slug) => `the table "${slug}" has no file: expected ${slug}.yaml here`),
      ),
    );
  }
  const tablesRead = errors.length === 0;
  const catalog = createCatalog(tables);
  const { overview: overviewFile, topics: topicsFile } = files;
  const overview = collect(errors, () =>
    validate(overviewFile.file, overviewSchema, parseYaml(overviewFile.file, textOf(overviewFile))),
  );
  // Topics name rows by (table, code): they are checked against the tables only when every
  // table could be read, else a broken table would be reported once more from each topic.
  const topics = collect(errors, () =>
    parseTopicsFile(topicsFile.file, textOf(topicsFile), tablesRead ? catalog : undefined),
  );
  if (errors.length > 0 || !overview || !topics) throw new ContentError(errors);
  return { catalog, tables: tables as Record<TableSlug, TableData>, topics, overview };
}
