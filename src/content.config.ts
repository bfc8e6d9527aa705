import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseTableFile, parseYaml, validate } from './lib/catalog/parse.ts';
import { overviewSchema, tableSchema } from './lib/catalog/schema.ts';
import { parseTopicsFile, topicEntrySchema } from './lib/catalog/topics.ts';
import { contentDir, readCatalog, tableFiles, tablesDir } from './node/catalog.ts';

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
      store.clear();
      for (const { file, text } of tableFiles()) {
        const { slug, data } = parseTableFile(file, text);
        store.set({ id: slug, data: await context.parseData({ id: slug, data }), filePath: file });
      }
      watcher?.add(tablesDir());
    },
  };
}

/** Loads `content/overview.yaml`, the source document's overview, as one entry. */
function overviewLoader(): Loader {
  return {
    name: 'msdk-overview',
    async load(context) {
      const { store } = context;
      const path = join(contentDir(), 'overview.yaml');
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
      const path = join(contentDir(), 'topics.yaml');
      const file = relative(process.cwd(), path);
      const topics = parseTopicsFile(file, await readFile(path, 'utf8'), readCatalog());
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
