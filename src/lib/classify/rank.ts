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
 * 3. Then a row whose description shares words with the message (or is contained in it), and
 *    a WeChat row when the message carries WeChat's `rid:` / `hints: [ req_id: … ]` suffix.
 * 4. Then the route's fixed order of tables (`lookupTables`), derived from the catalog's own
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

/** The route a code took to reach the caller; it decides which tables are searched. */
export type Via = Arrival | 'bare-code' | 'bare-msg';

/** What is known about the record besides the code itself. */
export interface RankContext {
  readonly via: Via;
  /** An endpoint path found in the record, e.g. `/share/qq`. */
  readonly endpoint?: string | null | undefined;
  /** The message that came with the code (msg, errmsg, error_description, or the bare msg). */
  readonly message?: string | null | undefined;
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

const WECHAT_SUFFIX = /\b(?:rid|hints?|req_id)\s*:/i;

/**
 * The words of a text that can tie a message to a row: ASCII words of three or more letters
 * (the descriptions are Japanese with English terms such as `openid`, `skey`, `msdk`), less
 * the few that every error message has.
 */
const wordsOf = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z][a-z0-9_]{2,}/g) ?? []).filter(
    (word) => !/^(?:errors?|code|msg|ret|the|and|for|not|fail(?:ed)?)$/.test(word),
  );

/**
 * How strongly a message (its text after the leading code) points at a row, and the words
 * that show it; null when it does not. A message holding the whole description, or held by
 * it, counts most.
 */
function messageMatch(row: Row, text: string, words: readonly string[]) {
  const description = row.description.toLowerCase();
  const lower = text.trim().toLowerCase();
  if (lower.length >= 4 && (lower.includes(description) || description.includes(lower))) {
    return { score: 99, evidence: lower.includes(description) ? row.description : text.trim() };
  }
  const shared = [...new Set(wordsOf(description))].filter((word) => words.includes(word));
  return shared.length ? { score: shared.length, evidence: shared.join(', ') } : null;
}

/** A table's name as it reads before the particle の (a name ending in ASCII gets a space). */
const nameOf = (slug: TableSlug) => TABLE_NAMES[slug].replace(/[!-~]$/, '$& ');

/**
 * Per route: how the looked-up code is described, and the route's default order of tables in
 * words (routes that reach one table have no order to explain).
 */
const ROUTE_WORDS: Record<Via, readonly [lookup: string, order?: string]> = {
  ret: ['ret: ', 'ret で届く表の既定の順（接続層→ロジック層→各サービス→共有）'],
  'msg-of-10000': [
    'ret: -10000 の msg のコード ',
    'QQ側の表の既定の順（モバイルQQプラットフォーム→共有→その他のQQサービス）',
  ],
  'msg-of-20000': ['ret: -20000 の msg のコード '],
  'wechat-body': ['ウィーチャットの応答の errcode '],
  'qq-oauth-body': ['QQ OAuth の応答の error '],
  'bare-code': ['コード ', '文脈のない番号のため、資料の章の順'],
  'bare-msg': [
    'msg の値の先頭のコード ',
    'msg の値のため、msg で届くプラットフォームの表を先に、その後その他の表',
  ],
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
  context: RankContext,
): readonly Candidate[] {
  const { via, endpoint } = context;
  const built = indexOf(catalog).built;
  // Which rows are found depends on the route and the code alone; when at most one is, so
  // does the whole list, and most lookups end here.
  let key = `${via} ${code}`;
  let candidates = built.get(key);
  if (candidates) return candidates;
  const order = lookupTables(catalog, via);
  const ranked = catalog
    .rowsWithCode(code)
    .filter((row) => order.includes(row.table))
    .map((row) => ({ row, base: order.indexOf(row.table), first: false, score: 0, why: '' }));
  if (ranked.length > 1) {
    const message = context.message ?? '';
    // The message's text after its leading code: `-73,the user …` → `the user …`.
    const text = message.replace(/^\s*[+-]?\d+\s*[,;:|]?\s*/, '');
    const words = wordsOf(text);
    const wechatStyle = WECHAT_SUFFIX.test(message);
    for (const entry of ranked) {
      const table = catalog.table(entry.row.table);
      const match = text ? messageMatch(entry.row, text, words) : null;
      const wechat = wechatStyle && arrivesIn(table, 'wechat-body');
      entry.score = (match?.score ?? 0) + (wechat ? 1 : 0);
      if (endpoint && table.endpoint === endpoint) {
        entry.first = true;
        entry.why = `${endpoint} が含まれるため ${nameOf(table.slug)}の表を優先`;
      } else if (match)
        entry.why = `msg の文言（${match.evidence}）がこの行の説明と一致するため優先`;
      else if (wechat) entry.why = 'rid / hints などウィーチャット形式の付記があるため優先';
    }
    ranked.sort((a, b) => +b.first - +a.first || b.score - a.score || a.base - b.base);
    // Each row with what put it in its place decides the rest.
    key += ranked.map(({ row, why }) => ` ${row.table}:${why}`).join('');
    candidates = built.get(key);
  }
  if (!candidates) {
    const [lookup, orderWords] = ROUTE_WORDS[via];
    const reason = (row: Row, why: string, place: number) => {
      const first =
        via === 'msg-of-10000' && row.table === 'qq-platform'
          ? 'QQ側の第一候補'
          : via === 'ret' && row.table === 'access'
            ? '接続層はすべての応答が最初に通る層のため第一候補'
            : `第一候補：${orderWords}`;
      why ||=
        ranked.length === 1
          ? 'この番号を持つ表はここだけ'
          : place === 0
            ? first
            : `第${place + 1}候補：${orderWords}`;
      return `${lookup}${code} を${nameOf(row.table)}の表で照合（${why}）`;
    };
    // A log repeats few distinct lists; the limit only bounds memory for odd pastes.
    if (built.size > 4096) built.clear();
    candidates = Object.freeze(
      ranked.map(({ row, why }, place) => candidate(row, reason(row, why, place))),
    );
    built.set(key, candidates);
  }
  return candidates;
}

/**
 * Up to `limit` documented rows nearest to a code that no table has, closest first (on a tie,
 * the code of smaller magnitude), from the tables of the code's route: an unknown `ret` is
 * compared with `ret` codes, an unknown WeChat code with WeChat codes. Rows that only announce
 * a range or an envelope are left out: the range is reported apart.
 */
export function nearestRows(catalog: Catalog, code: number, via: Via, limit = 3): readonly Row[] {
  const family = via === 'msg-of-20000' ? 'wechat-body' : via;
  const cache = indexOf(catalog).nearest;
  const key = `${family} ${code} ${limit}`;
  let rows = cache.get(key);
  if (!rows) {
    if (cache.size > 4096) cache.clear();
    rows = documentedRows(catalog, family)
      .filter((row) => row.code !== code)
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
