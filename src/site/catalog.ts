/**
 * The catalog as the site sees it: the validated `tables` collection turned into the
 * indexed catalog of `src/lib`. Built once per build and shared by every page.
 */
import { getCollection } from 'astro:content';
import { createCatalog, type Catalog, type TableSlug } from '../lib/catalog/index.ts';
import type { TableData } from '../lib/catalog/schema.ts';
import type { Topic } from '../lib/catalog/topics.ts';

let catalog: Promise<Catalog> | undefined;

/** The whole catalog, loaded from the content collection on first use. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= getCollection('tables').then((entries) => {
    const data: Partial<Record<TableSlug, TableData>> = {};
    for (const entry of entries) data[entry.id as TableSlug] = entry.data;
    return createCatalog(data);
  });
  return catalog;
}

let topics: Promise<readonly Topic[]> | undefined;

/** Every cross-table topic, in the order of `content/topics.yaml`, checked against the tables. */
export function getTopics(): Promise<readonly Topic[]> {
  topics ??= getCollection('topics').then((entries) =>
    entries.map((entry) => entry.data).sort((a, b) => a.order - b.order),
  );
  return topics;
}
