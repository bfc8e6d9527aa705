/**
 * The content collections: the tables, the topics and the overview. Their data comes from
 * `readContent` (`src/node/catalog.ts`), which reads and validates the whole of `content/` once
 * per build with the schemas of `src/lib/catalog` — the same read astro.config.mjs makes first,
 * so a broken file has already stopped the build there with a plain message. Each collection
 * names the schema its data was validated by (which types it); the loaders store that data as
 * it is, without validating it a second time.
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { overviewSchema, tableSchema } from './lib/catalog/schema.ts';
import { topicEntrySchema } from './lib/catalog/topics.ts';
import { ContentError, type Content } from './lib/catalog/content.ts';
import { contentDir, readContent } from './node/catalog.ts';

/**
 * A loader that stores entries taken from the validated content, and stores them again when a
 * file under `content/` changes (in `astro dev`).
 */
function contentLoader(
  name: string,
  entries: (content: Content) => { id: string; data: Record<string, unknown>; file: string }[],
): Loader {
  const store = ({ store }: LoaderContext) => {
    store.clear();
    for (const { id, data, file } of entries(readContent()))
      store.set({ id, data, filePath: file });
  };
  return {
    name,
    load(context) {
      store(context);
      context.watcher?.add(contentDir());
      context.watcher?.on('change', (path) => {
        if (!path.startsWith(contentDir())) return;
        try {
          store(context);
        } catch (error) {
          // A broken edit in `astro dev`: say what is wrong and keep the last good entries.
          if (error instanceof ContentError) context.logger.error(error.message);
          else throw error;
        }
      });
      return Promise.resolve();
    },
  };
}

const tables = contentLoader('msdk-tables', (content) =>
  Object.entries(content.tables).map(([slug, data]) => ({
    id: slug,
    data,
    file: `content/tables/${slug}.yaml`,
  })),
);

const topics = contentLoader('msdk-topics', (content) =>
  content.topics.map((topic, order) => ({
    id: topic.slug,
    data: { ...topic, order },
    file: 'content/topics.yaml',
  })),
);

const overview = contentLoader('msdk-overview', (content) => [
  { id: 'overview', data: content.overview, file: 'content/overview.yaml' },
]);

export const collections = {
  overview: defineCollection({ loader: overview, schema: overviewSchema }),
  // Starlight's own collections: the pages written in Markdown (src/content/docs/) and this
  // site's changes to Starlight's Japanese interface strings (src/content/i18n/ja.json).
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  tables: defineCollection({ loader: tables, schema: tableSchema }),
  topics: defineCollection({ loader: topics, schema: topicEntrySchema }),
};
