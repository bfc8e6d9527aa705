/**
 * The one builder of every internal href. Every page URL ends with `/` (the site is built
 * with `trailingSlash: 'always'`); codes are plain signed decimals. These paths are part of
 * the public contract (DESIGN §3): support tickets link to them for years.
 */
import type { ActionSlug, TableSlug } from './catalog/vocabulary.ts';

/** The home page: the overview of layers, envelopes and err_type. */
export const homeUrl = (): string => '/';
/** One table, every row. */
export const tableUrl = (table: TableSlug): string => `/codes/${table}/`;
/** One code of one table, e.g. `/codes/access/-303/`. */
export const codeUrl = (table: TableSlug, code: number): string => `/codes/${table}/${code}/`;
/** The anchor of a row on its table page. */
export const rowAnchor = (code: number): string => `code${code}`;
/** A row on its table page, e.g. `/codes/access/#code-303`. */
export const rowUrl = (table: TableSlug, code: number): string =>
  `${tableUrl(table)}#${rowAnchor(code)}`;
/** Every table's meaning of one number (or a redirect when only one table has it). */
export const numberUrl = (code: number): string => `/codes/${code}/`;
/** The list of topics, and one topic. */
export const topicsUrl = (): string => '/topics/';
export const topicUrl = (topic: string): string => `/topics/${topic}/`;
/** The list of actions, and every row that needs one action. */
export const actionsUrl = (): string => '/actions/';
export const actionUrl = (action: ActionSlug): string => `/actions/${action}/`;
/** What this site is: its source, what it adds, its data and command line. */
export const aboutUrl = (): string => '/about/';
/** The decoder. */
export const decoderUrl = (): string => '/decoder/';
/** The whole catalog as JSON. */
export const apiUrl = (): string => '/api/codes.json';
/**
 * The search page: exact code matches and the text search for the query in `?q=`. Browsers
 * search the site from the address bar through it (`/opensearch.xml`).
 */
export const searchUrl = (): string => '/search/';
/** The OpenSearch URL template of the search page (`{searchTerms}` is the browser's). */
export const searchTemplate = (): string => `${searchUrl()}?q={searchTerms}`;
/** The data of the exact code lookup, which the search box loads when it opens. */
export const searchDataUrl = (): string => '/search/lookup.json';
/** The site's icon (Starlight's `favicon`). */
export const favicon = (): string => '/favicon.svg';
/** The OpenSearch description of the site. */
export const openSearchUrl = (): string => '/opensearch.xml';
/** The site for machines, in the llms.txt format: the tables, topics, decoder and export. */
export const llmsUrl = (): string => '/llms.txt';
/** Every row of every table, as text for machines. */
export const llmsFullUrl = (): string => '/llms-full.txt';
