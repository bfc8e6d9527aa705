import { createCatalog, type Catalog } from './index.ts';
import { parseTableFile } from './parse.ts';
import type { TableData } from './schema.ts';
import type { TableSlug } from './vocabulary.ts';

/** Builds the catalog from the text of table files (for the CLI and the tests). */
export function catalogFromFiles(files: readonly { file: string; text: string }[]): Catalog {
  const data: Partial<Record<TableSlug, TableData>> = {};
  for (const { file, text } of files) {
    const { slug, data: table } = parseTableFile(file, text);
    data[slug] = table;
  }
  return createCatalog(data);
}
