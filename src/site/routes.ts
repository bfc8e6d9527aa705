/**
 * Every generated route, computed once here; the route files in `src/pages` only call these.
 * Params are strings as Astro wants them; props carry the typed keys.
 */
import { ACTION_SLUGS, type TableSlug } from '../lib/catalog/index.ts';
import { soleRow } from '../lib/classify/index.ts';
import { codeUrl } from '../lib/urls.ts';
import { getCatalog, getTopics } from './catalog.ts';

export type CodesIndexProps =
  | { kind: 'table'; table: TableSlug }
  | { kind: 'number'; code: number }
  | { kind: 'redirect'; to: string };

/**
 * `/codes/<table>/` for every table, and `/codes/<n>/` for every number in any table: a page
 * of its meanings when several tables use it, a redirect to its code page when only one does.
 */
export async function codesIndexPaths(): Promise<
  { params: { key: string }; props: CodesIndexProps }[]
> {
  const catalog = await getCatalog();
  return [
    ...catalog.tables.map((table) => ({
      params: { key: table.slug },
      props: { kind: 'table' as const, table: table.slug },
    })),
    ...catalog.numbers.map((code) => {
      const row = soleRow(catalog, code);
      return {
        params: { key: String(code) },
        props: row
          ? { kind: 'redirect' as const, to: codeUrl(row.table, row.code) }
          : { kind: 'number' as const, code },
      };
    }),
  ];
}

/** `/codes/<table>/<code>/` for every row. */
export async function codePaths() {
  const catalog = await getCatalog();
  return catalog.rows.map((row) => ({
    params: { table: row.table, code: String(row.code) },
    props: { table: row.table, code: row.code },
  }));
}

/** `/actions/<action>/` for every action class that some row needs. */
export async function actionPaths() {
  const catalog = await getCatalog();
  const used = new Set(catalog.rows.map((row) => row.action));
  return ACTION_SLUGS.filter((action) => used.has(action)).map((action) => ({
    params: { action },
    props: { action },
  }));
}

/** `/topics/<topic>/` for every cross-table topic. */
export async function topicPaths() {
  const topics = await getTopics();
  return topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}
