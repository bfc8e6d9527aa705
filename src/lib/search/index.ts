/**
 * Search: reading a query (a code, a paste or words) and the exact lookup of a code, for the
 * search dialog and the `/search/` page; the descriptions that make the site findable from
 * outside (OpenSearch, llms.txt) are in `opensearch.ts` and `llms.ts`.
 */
export * from './query.ts';
export * from './exact.ts';
