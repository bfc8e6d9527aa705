/**
 * Says at the end of a build what content/ held and how often it was read: the config, the
 * content collections and the decoder's module share one validated read (`readContent`).
 */
import type { AstroIntegration } from 'astro';
import { contentReads, readContent } from '../node/catalog.ts';

export default function contentReport(): AstroIntegration {
  return {
    name: 'msdk-content',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const reads = contentReads();
        const { catalog, topics } = readContent();
        const times = reads === 1 ? 'once' : `${reads} times`;
        logger.info(
          `content/: ${catalog.tables.length} tables, ${catalog.rows.length} rows, ${topics.length} topics; read and validated ${times}`,
        );
      },
    },
  };
}
