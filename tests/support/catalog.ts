/** The real catalog, read from content/ the way the CLI reads it. */
import { join } from 'node:path';
import { ROOT, readCatalog, tableFiles } from '../../src/node/catalog.ts';

export { ROOT, tableFiles };
export const TABLES_DIR = join(ROOT, 'content', 'tables');

export const loadCatalog = () => readCatalog(TABLES_DIR);
