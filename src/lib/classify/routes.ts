/**
 * Which tables each route reaches, and in which order: the one place this is defined. The
 * decoder ranks by it, the search box ranks by it, and the pages (home page, code pages, the
 * layer map) say which tables an envelope carries from it. The order is derived from the
 * catalog's own metadata (`arrives`, `layer`, `platform`, `endpoint`).
 */
import type { Catalog, Route, Table, TableRoute, TableSlug } from '../catalog/index.ts';

const arrivesBy = (table: Table, ...routes: TableRoute[]) =>
  routes.some((route) => table.arrives.includes(route));
/** 1 for a table that belongs to one endpoint (the share tables), which come last. */
const endpointLast = (table: Table) => (table.endpoint ? 1 : 0);
const LAYER_ORDER = { access: 0, logic: 2, platform: 4 } as const;

/**
 * Per route: the place of a table in its order (ties keep the catalog's order), or -1 for a
 * table the route never reaches.
 * - `ret`: tables whose codes arrive in `ret`: the access layer (every response passes it
 *   first), then the logic layer, then the service tables, the per-endpoint share tables last;
 * - `msg-of-10000`: every QQ-side table (DESIGN §2: this envelope carries the other QQ-side
 *   services' codes too): those documented for this envelope first, the QQ platform table
 *   ahead of the share tables, then the other QQ services;
 * - `msg-of-20000`, `wechat-body`, `qq-oauth-body`: the tables documented for that route;
 * - `bare-code`: every table, in the source document's order;
 * - `bare-msg`: the tables whose codes arrive in a msg first, then the rest.
 */
const ROUTE_ORDER: Record<Route, (table: Table) => number> = {
  ret: (table) => (arrivesBy(table, 'ret') ? LAYER_ORDER[table.layer] + endpointLast(table) : -1),
  'msg-of-10000': (table) =>
    arrivesBy(table, 'msg-of-10000') ? endpointLast(table) : table.platform === 'qq' ? 2 : -1,
  'msg-of-20000': (table) => (arrivesBy(table, 'msg-of-20000') ? 0 : -1),
  'wechat-body': (table) => (arrivesBy(table, 'wechat-body') ? 0 : -1),
  'qq-oauth-body': (table) => (arrivesBy(table, 'qq-oauth-body') ? 0 : -1),
  'bare-code': () => 0,
  'bare-msg': (table) =>
    arrivesBy(table, 'msg-of-10000', 'msg-of-20000') ? endpointLast(table) : 2,
};

/** The tables a code that arrived by `route` is looked up in, in their order. */
export function routeTables(catalog: Catalog, route: Route): readonly TableSlug[] {
  return (
    catalog.tables
      .map((table) => ({ slug: table.slug, place: ROUTE_ORDER[route](table) }))
      .filter((entry) => entry.place >= 0)
      // Array sorting is stable: equal places keep the catalog's order.
      .sort((a, b) => a.place - b.place)
      .map((entry) => entry.slug)
  );
}

/** Whether a route is the logic layer's concern (a `ret`, or a code pasted alone): ranges apply. */
export const rangesApply = (route: Route): boolean =>
  route === 'ret' || route === 'bare-code' || route === 'bare-msg';
