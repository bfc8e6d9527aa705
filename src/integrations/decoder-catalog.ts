/**
 * The catalog for the decoder in the browser, as the module `virtual:msdk/catalog`: the compact
 * form of `src/lib/catalog/compact.ts`, from the same validated read of content/ as the pages. It is
 * bundled into the decoder's script, so one gzip stream packs code and data together (smaller
 * than a separate JSON data island in the page) and the browser caches it with the script's
 * hashed file name.
 */
import type { AstroIntegration } from 'astro';
import { compactCatalogJson } from '../lib/catalog/compact.ts';
import { contentPaths, readCatalog } from '../node/catalog.ts';

const ID = 'virtual:msdk/catalog';
const RESOLVED = `\0${ID}`;

export default function decoderCatalog(): AstroIntegration {
  return {
    name: 'msdk-decoder-catalog',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'msdk-decoder-catalog',
                resolveId: (id) => (id === ID ? RESOLVED : undefined),
                load(id) {
                  if (id !== RESOLVED) return undefined;
                  // Edits to a table file rebuild the module in `astro dev`.
                  for (const path of contentPaths()) this.addWatchFile(path);
                  return `export default ${compactCatalogJson(readCatalog())};`;
                },
              },
            ],
          },
        });
      },
    },
  };
}
