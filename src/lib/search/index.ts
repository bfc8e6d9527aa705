/**
 * Search: reading a query (a code, a paste or words) and the exact lookup of a code, for the
 * search dialog and the `/search/` page (`lookupData` writes its data at build time).
 */
export * from './query.ts';
export * from './exact.ts';
