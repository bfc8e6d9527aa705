/**
 * Reads `content/` from disk for everything that runs on Node: astro.config.mjs, the content
 * collections, the decoder's catalog module, the CLI, the benchmarks and the tests.
 *
 * A build loads this module more than once (Astro loads the config and the content config
 * through separate module graphs), so the validated content is cached on `globalThis`, per
 * folder and per version of its files: the whole of `content/` is read and validated once per
 * build, and again only when a file changes (in `astro dev`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseContent, type Content } from '../lib/catalog/content.ts';
import type { Catalog } from '../lib/catalog/index.ts';

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The data folder, `content/` unless MSDK_CONTENT_DIR points elsewhere (tests, benchmarks). */
export const contentDir = (): string => process.env.MSDK_CONTENT_DIR ?? join(ROOT, 'content');

/** The folder of the table files. */
export const tablesDir = (dir = contentDir()): string => join(dir, 'tables');

/** A path as messages name it: relative to the working folder. */
const named = (path: string) => relative(process.cwd(), path);

/** The table files of a content folder, in name order. */
function tablePaths(dir: string): string[] {
  const tables = tablesDir(dir);
  if (!existsSync(tables)) return [];
  return readdirSync(tables)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(tables, name));
}

/** Every file the content is read from (absolute paths). */
export const contentPaths = (dir = contentDir()): string[] => [
  ...tablePaths(dir),
  join(dir, 'topics.yaml'),
  join(dir, 'overview.yaml'),
];

/** The text of every table file, named relative to the working folder for error messages. */
export function tableFiles(dir = contentDir()): { file: string; text: string }[] {
  return tablePaths(dir).map((path) => ({ file: named(path), text: readFileSync(path, 'utf8') }));
}

/** What identifies one version of the content's files: their paths, sizes and times. */
function versionOf(dir: string): string {
  return contentPaths(dir)
    .map((path) => {
      if (!existsSync(path)) return `${path} -`;
      const { size, mtimeMs } = statSync(path);
      return `${path} ${size} ${mtimeMs}`;
    })
    .join('\n');
}

interface ContentCache {
  /** The content last read, per folder, with the version of the files it was read from. */
  readonly entries: Map<string, { version: string; content: Content }>;
  /** How many times any folder was read and validated in this process. */
  reads: number;
}

const CACHE_KEY = Symbol.for('msdk.content');
const cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= {
  entries: new Map(),
  reads: 0,
} satisfies ContentCache) as ContentCache;

/** Reads and validates a content folder, without the cache. */
function readFresh(dir: string): Content {
  const optional = (path: string) => ({
    file: named(path),
    text: existsSync(path) ? readFileSync(path, 'utf8') : undefined,
  });
  return parseContent({
    tablesDir: named(tablesDir(dir)),
    tables: tableFiles(dir),
    topics: optional(join(dir, 'topics.yaml')),
    overview: optional(join(dir, 'overview.yaml')),
  });
}

/**
 * The validated content of a folder (by default `content/`), read once and then served from
 * the cache until a file changes. Throws a ContentError naming every broken file and entry.
 */
export function readContent(dir = contentDir()): Content {
  const version = versionOf(dir);
  const cached = cache.entries.get(dir);
  if (cached?.version === version) return cached.content;
  cache.reads++;
  const content = readFresh(dir);
  cache.entries.set(dir, { version, content });
  return content;
}

/** How many times this process has read and validated a content folder. */
export const contentReads = (): number => cache.reads;

/** The catalog of a content folder (by default `content/`); throws a ContentError when broken. */
export function readCatalog(dir = contentDir()): Catalog {
  return readContent(dir).catalog;
}
