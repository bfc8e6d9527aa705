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
  TABLE_SLUGS,
  impliedErrType,
  type Catalog,
  type Row,
  type Table,
  type TableSlug,
} from '../catalog/index.ts';
import { codeUrl } from '../urls.ts';
import type { Candidate } from '../decode/types.ts';

/** The route a code took to reach the caller; it decides which tables are searched. */
export type Via =
  | 'ret'
  | 'msg-of-10000'
  | 'msg-of-20000'
  | 'wechat-body'
  | 'qq-oauth-body'
  | 'bare-code'
  | 'bare-msg';

/** What is known about the record besides the code itself. */
export interface RankContext {
  readonly via: Via;
  /** An endpoint path found in the record, e.g. `/share/qq`. */
  readonly endpoint?: string | null | undefined;
  /** The message that came with the code (msg, errmsg, error_description, or the bare msg). */
  readonly message?: string | null | undefined;
}

/** The catalog's tables ordered for each route, computed once per catalog. */
interface RankIndex {
  readonly order: Readonly<Record<Via, readonly TableSlug[]>>;
  /** The documented codes of each route's tables, ascending, for `nearestRows`. */
  readonly nearby: Map<string, readonly Row[]>;
  readonly words: WeakMap<Row, ReadonlySet<string>>;
  /** Lists of one candidate, by route and code (most lookups end here). */
  readonly single: Readonly<Record<Via, Map<number, readonly Candidate[]>>>;
  /** Ranked lists already built, by route, code and everything that ordered them. */
  readonly ranked: Map<string, readonly Candidate[]>;
}

/** Entries kept in `RankIndex.ranked`; a log repeats few distinct codes, so this is ample. */
const CACHE_LIMIT = 4096;
const NONE: readonly Candidate[] = Object.freeze([]);

const indexes = new WeakMap<Catalog, RankIndex>();

const slugOrder = (slug: TableSlug) => TABLE_SLUGS.indexOf(slug);
const layerOrder = { access: 0, logic: 1, platform: 2 } as const;
const arrivesIn = (table: Table, ...kinds: Table['arrives'][number][]) =>
  kinds.some((kind) => table.arrives.includes(kind));

function byKeys(tables: readonly Table[], key: (table: Table) => number[]): TableSlug[] {
  return [...tables]
    .map((table) => ({ slug: table.slug, key: [...key(table), slugOrder(table.slug)] }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    })
    .map((entry) => entry.slug);
}

/**
 * The tables searched for a code that arrived by `via`, in their default order:
 * - `ret`: tables whose codes arrive in `ret` — the access layer (every response passes it
 *   first), then the logic layer, then the service tables, the per-endpoint share tables last;
 * - `msg-of-10000`: every QQ-side table — those documented for this envelope first, the QQ
 *   platform table ahead of the share tables, then the other QQ services;
 * - `msg-of-20000`, `wechat-body`, `qq-oauth-body`: the tables documented for that route;
 * - `bare-code`: every table, in the source document's order;
 * - `bare-msg`: the tables whose codes arrive in a `msg` first, then the rest.
 */
export function lookupTables(catalog: Catalog, via: Via): readonly TableSlug[] {
  return indexOf(catalog).order[via];
}

function computeOrder(catalog: Catalog): Record<Via, TableSlug[]> {
  const tables = catalog.tables;
  const endpointLast = (table: Table) => (table.endpoint === undefined ? 0 : 1);
  const only = (kind: Table['arrives'][number]) =>
    tables.filter((table) => arrivesIn(table, kind)).map((table) => table.slug);
  return {
    ret: byKeys(
      tables.filter((table) => arrivesIn(table, 'ret')),
      (table) => [layerOrder[table.layer], endpointLast(table)],
    ),
    'msg-of-10000': byKeys(
      tables.filter((table) => table.platform === 'qq' || arrivesIn(table, 'msg-of-10000')),
      (table) => [arrivesIn(table, 'msg-of-10000') ? 0 : 1, endpointLast(table)],
    ),
    'msg-of-20000': only('msg-of-20000'),
    'wechat-body': only('wechat-body'),
    'qq-oauth-body': only('qq-oauth-body'),
    'bare-code': tables.map((table) => table.slug),
    'bare-msg': byKeys(tables, (table) => {
      const inMsg = arrivesIn(table, 'msg-of-10000', 'msg-of-20000');
      return [inMsg ? 0 : 1, inMsg ? endpointLast(table) : 0];
    }),
  };
}

function indexOf(catalog: Catalog): RankIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = {
      order: computeOrder(catalog),
      nearby: new Map(),
      words: new WeakMap(),
      ranked: new Map(),
      single: {
        ret: new Map(),
        'msg-of-10000': new Map(),
        'msg-of-20000': new Map(),
        'wechat-body': new Map(),
        'qq-oauth-body': new Map(),
        'bare-code': new Map(),
        'bare-msg': new Map(),
      },
    };
    indexes.set(catalog, index);
  }
  return index;
}

/** Words too common in the descriptions and messages to say anything about a row. */
const STOPWORDS = new Set([
  'the',
  'and',
  'for',
  'not',
  'has',
  'have',
  'this',
  'that',
  'with',
  'from',
  'error',
  'errors',
  'err',
  'msg',
  'ret',
  'code',
  'failed',
  'fail',
  'java',
  'net',
  'exception',
  'hint',
  'hints',
  'req_id',
  'rid',
]);
const WORD = /[a-z][a-z0-9_]{2,}/g;
const WECHAT_SUFFIX = /\b(?:rid|hints?|req_id)\s*:/i;

function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    if (!STOPWORDS.has(word)) words.add(word);
  }
  return words;
}

function rowWords(index: RankIndex, row: Row): ReadonlySet<string> {
  let words = index.words.get(row);
  if (!words) {
    words = wordsOf(row.description);
    index.words.set(row, words);
  }
  return words;
}

/** The part of a message after its leading code: `-73,the user …` → `the user …`. */
function messageText(message: string): string {
  return message.replace(/^\s*[+-]?\d+\s*[,;:|]?\s*/, '');
}

/** How strongly a message points at a row, with the words that matched. */
function messageMatch(
  index: RankIndex,
  row: Row,
  text: string,
  lower: string,
  words: ReadonlySet<string>,
): { score: number; evidence: string } | null {
  const description = row.description.toLowerCase();
  if (description.length >= 4 && lower.includes(description)) {
    return { score: 10 + description.length, evidence: row.description };
  }
  if (text.length >= 4 && description.includes(lower.trim())) {
    return { score: 10 + text.length, evidence: text.trim() };
  }
  const shared: string[] = [];
  for (const word of rowWords(index, row)) if (words.has(word)) shared.push(word);
  return shared.length ? { score: shared.length, evidence: shared.join(', ') } : null;
}

const nameOf = (slug: TableSlug) => {
  const name = TABLE_NAMES[slug];
  return /[\x21-\x7e]$/.test(name) ? `${name} ` : name;
};

/** The first half of a reason: what was looked up, and where. */
function lookupPhrase(via: Via, code: number, table: TableSlug): string {
  const where = `${nameOf(table)}の表で照合`;
  switch (via) {
    case 'ret':
      return `ret: ${code} を${where}`;
    case 'msg-of-10000':
      return `ret: -10000 の msg のコード ${code} を${where}`;
    case 'msg-of-20000':
      return `ret: -20000 の msg のコード ${code} を${where}`;
    case 'wechat-body':
      return `ウィーチャットの応答の errcode ${code} を${where}`;
    case 'qq-oauth-body':
      return `QQ OAuth の応答の error ${code} を${where}`;
    case 'bare-code':
      return `コード ${code} を${where}`;
    case 'bare-msg':
      return `msg の値の先頭のコード ${code} を${where}`;
  }
}

/** The default order of each route, in words, for the reasons of rows ranked by it. */
const ORDER_WORDS: Record<Via, string> = {
  ret: 'ret で届く表の既定の順（接続層→ロジック層→各サービス→共有）',
  'msg-of-10000': 'QQ側の表の既定の順（モバイルQQプラットフォーム→共有→その他のQQサービス）',
  'msg-of-20000': 'ウィーチャットの表',
  'wechat-body': 'ウィーチャットの表',
  'qq-oauth-body': 'モバイルQQプラットフォームの表',
  'bare-code': '文脈のない番号のため、資料の章の順',
  'bare-msg': 'msg の値のため、msg で届くプラットフォームの表を先に、その後その他の表',
};

interface Ranked {
  readonly row: Row;
  readonly base: number;
  readonly endpoint: boolean;
  readonly score: number;
  readonly evidence: string | null;
  readonly wechat: boolean;
}

function rankPhrase(
  entry: Ranked,
  position: number,
  count: number,
  via: Via,
  endpoint: string,
): string {
  const table = entry.row.table;
  if (entry.endpoint) return `${endpoint} が含まれるため ${nameOf(table)}の表を優先`;
  if (entry.evidence !== null)
    return `msg の文言（${entry.evidence}）がこの行の説明と一致するため優先`;
  if (entry.wechat) return 'rid / hints などウィーチャット形式の付記があるため優先';
  if (count === 1) return 'この番号を持つ表はここだけ';
  if (position === 0) {
    if (via === 'msg-of-10000' && table === 'qq-platform') return 'QQ側の第一候補';
    if (via === 'ret' && table === 'access')
      return '接続層はすべての応答が最初に通る層のため第一候補';
    return `第一候補：${ORDER_WORDS[via]}`;
  }
  return `第${position + 1}候補：${ORDER_WORDS[via]}`;
}

/**
 * The rows a code may be, best first, each with the reason for its place (see the rule at the
 * top of this module). Empty when no table searched for this route has the code. The lists are
 * shared between calls with the same outcome and frozen.
 */
export function rankCandidates(
  catalog: Catalog,
  code: number,
  context: RankContext,
): readonly Candidate[] {
  const index = indexOf(catalog);
  const order = index.order[context.via];
  const rows = catalog.rowsWithCode(code);
  if (rows.length === 0) return NONE;
  const endpoint = context.endpoint ?? '';
  const message = context.message ?? '';
  const found: Ranked[] = [];
  for (const row of rows) {
    const base = order.indexOf(row.table);
    if (base === -1) continue;
    found.push({ row, base, endpoint: false, score: 0, evidence: null, wechat: false });
  }
  if (found.length === 0) return NONE;
  if (found.length === 1) {
    // One row: nothing to order, so the list depends on the route and the code alone.
    const single = index.single[context.via];
    const cached = single.get(code);
    if (cached) return cached;
    const candidates = build(found, context.via, code, endpoint);
    single.set(code, candidates);
    return candidates;
  }
  {
    const text = messageText(message);
    const lower = text.toLowerCase();
    const words = wordsOf(text);
    const wechatStyle = WECHAT_SUFFIX.test(message);
    for (let i = 0; i < found.length; i++) {
      const entry = found[i] as Ranked;
      const table = catalog.table(entry.row.table);
      const match = text ? messageMatch(index, entry.row, text, lower, words) : null;
      const wechat = wechatStyle && arrivesIn(table, 'wechat-body');
      found[i] = {
        ...entry,
        endpoint: endpoint !== '' && table.endpoint === endpoint,
        score: (match?.score ?? 0) + (wechat ? 1 : 0),
        evidence: match?.evidence ?? null,
        wechat,
      };
    }
    found.sort(
      (a, b) => Number(b.endpoint) - Number(a.endpoint) || b.score - a.score || a.base - b.base,
    );
  }
  let key = `${context.via}\u0000${code}`;
  for (const entry of found) {
    key += `\u0000${entry.row.table}|${entry.endpoint ? endpoint : ''}|${entry.evidence ?? ''}|${entry.wechat ? 1 : 0}`;
  }
  const cached = index.ranked.get(key);
  if (cached) return cached;
  const candidates = build(found, context.via, code, endpoint);
  if (index.ranked.size >= CACHE_LIMIT) index.ranked.clear();
  index.ranked.set(key, candidates);
  return candidates;
}

function build(
  found: readonly Ranked[],
  via: Via,
  code: number,
  endpoint: string,
): readonly Candidate[] {
  return Object.freeze(
    found.map((entry, position) =>
      Object.freeze({
        table: entry.row.table,
        tableName: TABLE_NAMES[entry.row.table],
        code: entry.row.code,
        url: codeUrl(entry.row.table, entry.row.code),
        description: entry.row.description,
        handling: entry.row.handling,
        action: entry.row.action,
        errType: impliedErrType(entry.row),
        reason: `${lookupPhrase(via, code, entry.row.table)}（${rankPhrase(entry, position, found.length, via, endpoint)}）`,
      }),
    ),
  );
}

/** The family of tables an unknown code is compared with, for `nearestRows`. */
function familyKey(via: Via): Via {
  return via === 'msg-of-20000' ? 'wechat-body' : via;
}

/**
 * Up to `limit` documented rows nearest to a code that no table has, closest first. Rows of
 * the route's own tables come first (an unknown `ret` is compared with `ret` codes, an unknown
 * WeChat code with WeChat codes); the rest of the catalog fills the list when they run short.
 * Rows that only announce a range or an envelope are left out: the range is reported apart.
 */
export function nearestRows(catalog: Catalog, code: number, via: Via, limit = 3): Row[] {
  const index = indexOf(catalog);
  const key = familyKey(via);
  const family = sortedRows(catalog, index, key, index.order[key]);
  const picked = closest(family, code, limit);
  if (picked.length < limit) {
    const all = sortedRows(catalog, index, 'bare-code', index.order['bare-code']);
    for (const row of closest(all, code, limit)) {
      if (picked.length >= limit) break;
      if (!picked.includes(row)) picked.push(row);
    }
  }
  return picked;
}

function sortedRows(
  catalog: Catalog,
  index: RankIndex,
  key: string,
  tables: readonly TableSlug[],
): readonly Row[] {
  let rows = index.nearby.get(key);
  if (!rows) {
    rows = tables
      .flatMap((slug) => catalog.table(slug).rows)
      .filter((row) => row.action !== 'see-specific-code')
      .sort((a, b) => a.code - b.code || tables.indexOf(a.table) - tables.indexOf(b.table));
    index.nearby.set(key, rows);
  }
  return rows;
}

/** The rows closest to `code` in an ascending list: a binary search, then a walk outwards. */
function closest(rows: readonly Row[], code: number, limit: number): Row[] {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as Row).code < code) lo = mid + 1;
    else hi = mid;
  }
  const picked: Row[] = [];
  let left = lo - 1;
  let right = lo;
  while (picked.length < limit && (left >= 0 || right < rows.length)) {
    const l = rows[left];
    const r = rows[right];
    const dl = l ? Math.abs(code - l.code) : Number.POSITIVE_INFINITY;
    const dr = r ? Math.abs(r.code - code) : Number.POSITIVE_INFINITY;
    // On a tie the code of smaller magnitude wins, as in classify's nearestRows.
    const takeLeft =
      dl < dr || (dl === dr && l !== undefined && Math.abs(l.code) <= Math.abs(r?.code ?? 0));
    if (takeLeft && l) {
      if (l.code !== code) picked.push(l);
      left--;
    } else if (r) {
      if (r.code !== code) picked.push(r);
      right++;
    } else break;
  }
  return picked;
}
