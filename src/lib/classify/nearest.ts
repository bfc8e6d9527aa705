/**
 * The documented codes nearest to a code no table has: for the decoder (within the code's
 * route, and within its range), and for the 404 page (within the table its address names).
 * One order for both: closest first, and on a tie the code of smaller magnitude.
 */
import type { Catalog, Route, Row } from '../catalog/index.ts';
import { levelOf, remember } from '../levels.ts';
import { rangeOf } from './index.ts';
import { rangesApply, routeTables } from './routes.ts';

/** Sorts by nearness to `code`: closest first, the smaller magnitude on a tie. */
const byNearness = (code: number) => (a: number, b: number) =>
  Math.abs(a - code) - Math.abs(b - code) || Math.abs(a) - Math.abs(b);

/** Up to `limit` of `codes` nearest to `code`, leaving out `code` itself. */
export function nearestCodes(codes: readonly number[], code: number, limit = 3): number[] {
  return codes
    .filter((other) => other !== code)
    .sort(byNearness(code))
    .slice(0, limit);
}

/**
 * Up to `limit` documented rows nearest to a code that no table has, from the tables of the
 * code's route: an unknown `ret` is compared with `ret` codes, an unknown WeChat code with
 * WeChat codes (a WeChat code in a -20000 envelope and a raw WeChat body alike). Rows that only
 * announce a range or an envelope are left out: the range is reported apart. A code of the
 * logic layer's concern that falls in a range has its nearest rows inside that range only.
 */
export function nearestRows(
  catalog: Catalog,
  code: number,
  route: Route,
  limit = 3,
): readonly Row[] {
  // A log repeats its unknown codes: each is looked at once per catalog (bounded).
  const found = levelOf(levelOf(levelOf(nearest, catalog), route), limit);
  return found.get(code) ?? remember(found, code, rowsNear(catalog, code, route, limit));
}

/** The nearest rows already found, per catalog, route, limit and code. */
const nearest = new WeakMap<Catalog, Map<Route, Map<number, Map<number, readonly Row[]>>>>();

/** `nearestRows`, computed. */
function rowsNear(catalog: Catalog, code: number, route: Route, limit: number): readonly Row[] {
  const family = route === 'msg-of-20000' ? 'wechat-body' : route;
  const tables = routeTables(catalog, family);
  const range = rangesApply(route) ? rangeOf(catalog, code) : null;
  const inRange = (row: Row) =>
    !range || (row.code <= range.max && row.code >= (range.min ?? -Infinity));
  const sort = byNearness(code);
  return tables
    .flatMap((slug) => catalog.table(slug).rows)
    .filter((row) => row.action !== 'see-specific-code' && row.code !== code && inRange(row))
    .sort((a, b) => sort(a.code, b.code) || tables.indexOf(a.table) - tables.indexOf(b.table))
    .slice(0, limit);
}
