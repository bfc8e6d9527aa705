/**
 * Reads the catalog from `content/tables` on disk, for everything that runs on Node: the
 * content collections, astro.config.mjs (redirects), the CLI, the benchmarks and the tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogFromFiles } from '../lib/catalog/load.ts';
import type { Catalog } from '../lib/catalog/index.ts';

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The data folder, `content/` unless MSDK_CONTENT_DIR points elsewhere (the scale benchmark). */
export const contentDir = (): string => process.env.MSDK_CONTENT_DIR ?? join(ROOT, 'content');

/** The folder of the table files. */
export const tablesDir = (): string => join(contentDir(), 'tables');

/** The text of every table file, named relative to the working folder for error messages. */
export function tableFiles(dir = tablesDir()): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      file: relative(process.cwd(), join(dir, name)),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

/** The catalog built from the table files; throws a CatalogError for a broken file. */
export function readCatalog(dir = tablesDir()): Catalog {
  return catalogFromFiles(tableFiles(dir));
}
