/** The real catalog, read from content/ the way the CLI reads it. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFromFiles } from '../../src/lib/catalog/load.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TABLES_DIR = join(ROOT, 'content', 'tables');

/** The text of every table file, named as the build names them. */
export function tableFiles(dir = TABLES_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({
      file: `content/tables/${name}`,
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

export const loadCatalog = () => catalogFromFiles(tableFiles());
