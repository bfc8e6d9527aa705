/**
 * Candidate ranking: which rows a looked-up code may be, and in which order. This is the one
 * place the decoder's ranking rule lives (DESIGN §3); the browser and the CLI both reach it
 * through `src/lib/decode`.
 *
 * The rule, in order of precedence:
 * 1. Only rows whose (table, code) equal the looked-up code, and only from the tables the
 *    code can arrive from by that route (`lookupTables`). Never neighbours, never the same
 *    number from an unrelated mechanism.
 * 2. A table whose endpoint path (`/share/qq`, `/share/qzone`) appears in the record first.
 * 3. Then the route's fixed order of tables (`lookupTables`), derived from the catalog's own
 *    metadata (`arrives`, `layer`, `platform`, `endpoint`).
 */
import {
  TABLE_NAMES,
  impliedErrType,
  type Arrival,
  type Catalog,
  type Row,
  type Table,
  type TableSlug,
} from '../catalog/index.ts';
import { codeUrl } from '../urls.ts';
import type { Candidate } from '../decode/types.ts';
import { rangeOf } from './index.ts';

/** The route a code took to reach the caller; it decides which tables are searched. */
export type Via = Arrival | 'bare-code' | 'bare-msg';

/** What is known about the record besides the code itself. */
export interface RankContext {
  readonly via: Via;
  /** An endpoint path found in the record, e.g. `/share/qq`. */
  readonly endpoint?: string | null | undefined;
}

const arrivesIn = (table: Table, ...kinds: Arrival[]) =>
  kinds.some((kind) => table.arrives.includes(kind));
/** 1 for a table that belongs to one endpoint (the share tables), which come last. */
const endpointLast = (table: Table) => (table.endpoint ? 1 : 0);
const LAYER_ORDER = { access: 0, logic: 2, platform: 4 } as const;

/**
 * Per route: the place of a table in its default order (ties keep the catalog's order), or -1
 * for a table the route never reaches.
 * - `ret`: tables whose codes arrive in `ret`: the access layer (every response passes it
 *   first), then the logic layer, then the service tables, the per-endpoint share tables last;
 * - `msg-of-10000`: every QQ-side table: those documented for this envelope first, the QQ
 *   platform table ahead of the share tables, then the other QQ services;
 * - `msg-of-20000`, `wechat-body`, `qq-oauth-body`: the tables documented for that route;
 * - `bare-code`: every table, in the source document's order;
 * - `bare-msg`: the tables whose codes arrive in a `msg` first, then the rest.
 */
const ROUTE_ORDER: Record<Via, (table: Table) => number> = {
  ret: (table) => (arrivesIn(table, 'ret') ? LAYER_ORDER[table.layer] + endpointLast(table) : -1),
  'msg-of-10000': (table) =>
    arrivesIn(table, 'msg-of-10000') ? endpointLast(table) : table.platform === 'qq' ? 2 : -1,
  'msg-of-20000': (table) => (arrivesIn(table, 'msg-of-20000') ? 0 : -1),
  'wechat-body': (table) => (arrivesIn(table, 'wechat-body') ? 0 : -1),
  'qq-oauth-body': (table) => (arrivesIn(table, 'qq-oauth-body') ? 0 : -1),
  'bare-code': () => 0,
  'bare-msg': (table) =>
    arrivesIn(table, 'msg-of-10000', 'msg-of-20000') ? endpointLast(table) : 2,
};

/** What ranking keeps per catalog, computed on first use. */
interface RankIndex {
  readonly order: Partial<Record<Via, readonly TableSlug[]>>;
  /** Each route's documented rows, for `nearestRows`, ascending by code. */
  readonly nearby: Partial<Record<Via, readonly Row[]>>;
  /** Lists already built, by everything that decides them (see `rankCandidates`). */
  readonly built: Map<string, readonly Candidate[]>;
  /** `nearestRows` already found, by route family, code and limit. */
  readonly nearest: Map<string, readonly Row[]>;
}

const indexes = new WeakMap<Catalog, RankIndex>();

function indexOf(catalog: Catalog): RankIndex {
  let index = indexes.get(catalog);
  if (!index)
    indexes.set(catalog, (index = { order: {}, nearby: {}, built: new Map(), nearest: new Map() }));
  return index;
}

/** The tables searched for a code that arrived by `via`, in their default order. */
export function lookupTables(catalog: Catalog, via: Via): readonly TableSlug[] {
  const index = indexOf(catalog);
  return (index.order[via] ??= catalog.tables
    .map((table) => ({ slug: table.slug, place: ROUTE_ORDER[via](table) }))
    .filter((entry) => entry.place >= 0)
    // Array sorting is stable: equal places keep the catalog's order.
    .sort((a, b) => a.place - b.place)
    .map((entry) => entry.slug));
}

/** Per route, its default order of tables in words (a route that reaches one table has none). */
const ORDER_WORDS: Partial<Record<Via, string>> = {
  ret: 'ret で届く表の既定の順（接続層→ロジック層→各サービス→共有）',
  'msg-of-10000': 'QQ側の表の既定の順（QQプラットフォーム→共有→その他）',
  'bare-code': '文脈のない番号のため、資料の順',
  'bare-msg': 'msg の値のため、msg で届く表が先',
};

/** A row as a candidate, with the reason for its place. */
export function candidate(row: Row, reason: string): Candidate {
  return Object.freeze({
    ...row,
    tableName: TABLE_NAMES[row.table],
    url: codeUrl(row.table, row.code),
    errType: impliedErrType(row),
    reason,
  });
}

/**
 * The rows a code may be, best first, each with the reason for its place (see the rule at the
 * top of this module). Empty when no table searched for this route has the code. Lists are
 * frozen and shared between calls that come to the same result.
 */
export function rankCandidates(
  catalog: Catalog,
  code: number,
  { via, endpoint }: RankContext,
): readonly Candidate[] {
  const built = indexOf(catalog).built;
  // The list depends on these alone, and a log repeats few of them.
  const key = `${via} ${code} ${endpoint}`;
  let candidates = built.get(key);
  if (!candidates) {
    const order = lookupTables(catalog, via);
    /** A row's place: -1 for the table of the record's endpoint, else its table's in `order`. */
    const place = (row: Row) =>
      endpoint && catalog.table(row.table).endpoint === endpoint ? -1 : order.indexOf(row.table);
    const rows = catalog
      .rowsWithCode(code)
      .filter((row) => order.includes(row.table))
      // Array sorting is stable: rows of one table keep the catalog's order.
      .sort((a, b) => place(a) - place(b));
    // The limit only bounds memory for odd pastes.
    if (built.size > 4096) built.clear();
    candidates = Object.freeze(
      rows.map((row, n) =>
        candidate(
          row,
          rows.length === 1
            ? 'この届き方でこの番号を持つ表はここだけ'
            : place(row) < 0
              ? `レコードに ${endpoint} が含まれるため優先`
              : `第${n + 1}候補：${ORDER_WORDS[via]}`,
        ),
      ),
    );
    built.set(key, candidates);
  }
  return candidates;
}

/**
 * Up to `limit` documented rows nearest to a code that no table has, closest first (on a tie,
 * the code of smaller magnitude), from the tables of the code's route: an unknown `ret` is
 * compared with `ret` codes, an unknown WeChat code with WeChat codes. Rows that only announce
 * a range or an envelope are left out: the range is reported apart. A code that arrives as
 * `ret` (or bare) and falls in a range has its nearest rows inside that range only.
 */
export function nearestRows(catalog: Catalog, code: number, via: Via, limit = 3): readonly Row[] {
  const family = via === 'msg-of-20000' ? 'wechat-body' : via;
  const cache = indexOf(catalog).nearest;
  const key = `${family} ${code} ${limit}`;
  let rows = cache.get(key);
  if (!rows) {
    if (cache.size > 4096) cache.clear();
    // The same rule as the range the decoder reports: a logic-layer notion, for `ret` codes.
    const range = via === 'ret' || via.startsWith('bare') ? rangeOf(catalog, code) : null;
    rows = documentedRows(catalog, family)
      .filter((row) => row.code !== code)
      .filter((row) => !range || (row.code <= range.max && row.code >= (range.min ?? -Infinity)))
      .map((row) => ({ row, distance: Math.abs(row.code - code), size: Math.abs(row.code) }))
      .sort((a, b) => a.distance - b.distance || a.size - b.size)
      .slice(0, limit)
      .map(({ row }) => row);
    cache.set(key, rows);
  }
  return rows;
}

/** The rows of a route's tables, ascending by code then in the route's order of tables. */
function documentedRows(catalog: Catalog, via: Via): readonly Row[] {
  const tables = lookupTables(catalog, via);
  return (indexOf(catalog).nearby[via] ??= tables
    .flatMap((slug) => catalog.table(slug).rows)
    .filter((row) => row.action !== 'see-specific-code')
    .sort((a, b) => a.code - b.code || tables.indexOf(a.table) - tables.indexOf(b.table)));
}
