import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseTableFile, parseYaml, validate } from './lib/catalog/parse.ts';
import { overviewSchema, tableSchema } from './lib/catalog/schema.ts';
import { catalogFromFiles } from './lib/catalog/load.ts';
import { parseTopicsFile, topicEntrySchema } from './lib/catalog/topics.ts';

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

/**
 * Loads `content/topics.yaml`, one entry per topic with its position. The topics are checked by
 * their schema and then against the tables (read afresh here, since loaders run apart), so a
 * topic naming a row that no table has stops the build with the file, topic and row.
 */
function topicsLoader(): Loader {
  return {
    name: 'msdk-topics',
    async load(context) {
      const { store, watcher } = context;
      const path = join(contentDir, 'topics.yaml');
      const file = relative(process.cwd(), path);
      const tablesDir = join(contentDir, 'tables');
      const names = (await readdir(tablesDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
      const tables = await Promise.all(
        names.map(async (name) => ({
          file: relative(process.cwd(), join(tablesDir, name)),
          text: await readFile(join(tablesDir, name), 'utf8'),
        })),
      );
      const topics = parseTopicsFile(file, await readFile(path, 'utf8'), catalogFromFiles(tables));
      store.clear();
      for (const [order, topic] of topics.entries()) {
        const data = await context.parseData({ id: topic.slug, data: { ...topic, order } });
        store.set({ id: topic.slug, data, filePath: file });
      }
      watcher?.add(path);
    },
  };
}

export const collections = {
  overview: defineCollection({ loader: overviewLoader(), schema: overviewSchema }),
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  tables: defineCollection({ loader: tablesLoader(), schema: tableSchema }),
  topics: defineCollection({ loader: topicsLoader(), schema: topicEntrySchema }),
};
