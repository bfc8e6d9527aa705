/**
 * The OpenSearch description (`/opensearch.xml`): it lets a browser add the site as a search
 * engine and search it from the address bar. The query lands on the `/search/` page, which
 * runs the same exact code lookup as the search dialog, above Pagefind's results.
 */
import { favicon, openSearchUrl, searchTemplate, searchUrl } from '../urls.ts';

/** What the description says of the site. */
export interface OpenSearchSite {
  /** The public origin the URLs are made absolute with (Astro's `site`). */
  readonly origin: string | URL;
  /** The engine's name in the browser: at most 16 characters. */
  readonly shortName: string;
  /** One sentence, at most 1024 characters. */
  readonly description: string;
}

/** Text for an XML element or attribute. */
const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The OpenSearch 1.1 description document of the site. */
export function openSearchDescription({ origin, shortName, description }: OpenSearchSite): string {
  if (shortName.length > 16)
    throw new Error(`OpenSearch ShortName "${shortName}" is over 16 characters`);
  // `new URL` leaves the braces of `{searchTerms}` in a query string as they are.
  const absolute = (path: string) => xml(new URL(path, origin).href);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${xml(shortName)}</ShortName>
  <Description>${xml(description)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>ja</Language>
  <Image type="image/svg+xml">${absolute(favicon())}</Image>
  <Url type="text/html" method="get" template="${absolute(searchTemplate())}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${absolute(openSearchUrl())}"/>
  <moz:SearchForm>${absolute(searchUrl())}</moz:SearchForm>
</OpenSearchDescription>
`;
}
