/** The real catalog, read from content/ the way the CLI reads it. */
import { join } from 'node:path';
import { ROOT, readCatalog, tableFiles } from '../../src/node/catalog.ts';

export { ROOT, tableFiles };
/** The project's own content folder (never the MSDK_CONTENT_DIR a benchmark may set). */
export const CONTENT_DIR = join(ROOT, 'content');

export const loadCatalog = () => readCatalog(CONTENT_DIR);
