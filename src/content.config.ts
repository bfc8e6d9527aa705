import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseTableFile, parseYaml, validate } from './lib/catalog/parse.ts';
import { overviewSchema, tableSchema } from './lib/catalog/schema.ts';

/** Where the data lives; a benchmark points this at a generated catalog. */
const contentDir = process.env.MSDK_CONTENT_DIR ?? 'content';

/**
 * Loads `content/tables/*.yaml`. Each file is checked by the table schema through
 * `parseTableFile`, so a broken file stops the build with the file, the row and the field
 * in plain words rather than a stack trace.
 */
function tablesLoader(): Loader {
  return {
    name: 'msdk-tables',
    async load(context) {
      const { store, watcher } = context;
      const dir = join(contentDir, 'tables');
      store.clear();
      const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
      for (const name of files) {
        const path = join(dir, name);
        const file = relative(process.cwd(), path);
        const { slug, data } = parseTableFile(file, await readFile(path, 'utf8'));
        store.set({ id: slug, data: await context.parseData({ id: slug, data }), filePath: file });
      }
      watcher?.add(dir);
    },
  };
}

/** Loads `content/overview.yaml`, the source document's overview, as one entry. */
function overviewLoader(): Loader {
  return {
    name: 'msdk-overview',
    async load(context) {
      const { store } = context;
      const path = join(contentDir, 'overview.yaml');
      const file = relative(process.cwd(), path);
      const data = validate(file, overviewSchema, parseYaml(file, await readFile(path, 'utf8')));
      store.clear();
      store.set({
        id: 'overview',
        data: await context.parseData({ id: 'overview', data }),
        filePath: file,
      });
    },
  };
}

export const collections = {
  overview: defineCollection({ loader: overviewLoader(), schema: overviewSchema }),
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  tables: defineCollection({ loader: tablesLoader(), schema: tableSchema }),
};
