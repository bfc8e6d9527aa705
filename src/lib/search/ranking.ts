/**
 * Pagefind's ranking on this site (Starlight's `pagefind.ranking`, passed to Pagefind by the
 * search dialog and by the `/search/` page), chosen by measurement: `npm run bench` ranks the
 * phrase queries of `tests/support/search-queries.ts` and every number of the catalog with
 * each candidate and prints how many put the wanted page first (README, "Search").
 *
 * - `termSimilarity` 9 (Starlight's default): a number matches its own page before the longer
 *   numbers it prefixes (`10000` before `100000`…`100016`);
 * - `termFrequency` 1 and `pageLength` 0.75, `termSaturation` 1.4 (Pagefind's defaults): a
 *   short code page that says a phrase beats a long page that mentions it among others;
 * - `metaWeights`: a page's title counts as much as its search words (`keywords`), not more;
 *   a code page's title is its description, and a table's name must beat the descriptions
 *   that share a word with it (QQ共有).
 */
export const SEARCH_RANKING = {
  pageLength: 0.75,
  termFrequency: 1,
  termSaturation: 1.4,
  termSimilarity: 9,
  diacriticSimilarity: 0.8,
  metaWeights: { title: 1, keywords: 1 },
} as const;
