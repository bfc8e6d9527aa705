import { ACTION_GUIDES } from './words/pages.ts';
import { ACTIONS, ACTION_SLUGS, ERR_TYPES, impliedErrType, type Catalog } from './catalog/index.ts';
import { actionUrl, codeUrl, numberUrl, tableUrl, topicUrl } from './urls.ts';
import type { Topic } from './catalog/topics.ts';

/** The version of the JSON export's shape; bumped only on a breaking change. */
export const EXPORT_VERSION = 1;

/** The catalog as published at `/api/codes.json`. */
export function catalogJson(catalog: Catalog, topics: readonly Topic[] = []) {
  return {
    version: EXPORT_VERSION,
    errTypes: ERR_TYPES,
    actions: Object.fromEntries(
      ACTION_SLUGS.map((slug) => [
        slug,
        {
          label: ACTIONS[slug].label,
          en: ACTION_GUIDES[slug].en,
          errType: ACTIONS[slug].errType,
          url: actionUrl(slug),
        },
      ]),
    ),
    tables: catalog.tables.map((table) => ({
      slug: table.slug,
      title: table.title,
      section: table.section,
      layer: table.layer,
      platform: table.platform ?? null,
      endpoint: table.endpoint ?? null,
      arrives: table.arrives,
      url: tableUrl(table.slug),
      ranges: table.ranges.map((range) => ({
        code: range.code,
        max: range.max,
        min: range.min ?? null,
      })),
      rows: table.rows.map((row) => ({
        code: row.code,
        description: row.description,
        handling: row.handling,
        action: row.action,
        errType: impliedErrType(row),
        url: codeUrl(row.table, row.code),
        numberUrl: numberUrl(row.code),
      })),
    })),
    topics: topics.map((topic) => ({
      slug: topic.slug,
      title: topic.title,
      summary: topic.summary,
      url: topicUrl(topic.slug),
      rows: topic.rows.map((row) => ({ ...row, url: codeUrl(row.table, row.code) })),
    })),
  };
}
