/**
 * The fixed vocabulary of the catalog: table slugs, layers, action classes, err_type values
 * and the ways a code reaches the caller. Every other module (schema, pages, decoder, CLI)
 * takes these names from here, so one word means one idea everywhere.
 */

/** The three layers of the source document's overview (§1). */
export const LAYERS = {
  access: { label: '接続層' },
  logic: { label: 'ロジック層' },
  platform: { label: 'プラットフォーム層' },
} as const;
export type Layer = keyof typeof LAYERS;

/** The platforms behind the platform layer. */
export const PLATFORMS = {
  qq: { label: 'モバイルQQ' },
  wechat: { label: 'ウィーチャット' },
} as const;
export type Platform = keyof typeof PLATFORMS;

/**
 * The values of `err_type` the access layer adds to a response, worded as in the source
 * document's overview (§1, item 6).
 */
export const ERR_TYPES = {
  0: '正常',
  1: 'ネットワーク不安定で、少し待ってからやり直してください',
  2: '再授権',
  3: 'refreshTokenでacessTokenを更新します',
  5: '未知エラー',
} as const;
export type ErrType = keyof typeof ERR_TYPES;

/**
 * The curated action classes. Each row of every table names one; the `err_type` the access
 * layer would attach follows from it (`null` for rows that only announce a range or an
 * envelope, whose err_type is that of the code inside). What each action means in words is
 * in `src/lib/words/pages.ts` (pages only; the decoder in the browser needs just the label).
 */
export const ACTIONS = {
  none: { label: '対応不要', errType: 0 },
  'inform-user': { label: 'ユーザーに案内', errType: 0 },
  retry: { label: '再試行', errType: 1 },
  'slow-down': { label: '頻度を下げる', errType: 1 },
  reauthorize: { label: '再授権', errType: 2 },
  'refresh-token': { label: 'トークン更新', errType: 3 },
  'fix-request': { label: 'リクエストを修正', errType: 5 },
  'check-config': { label: '設定・権限を確認', errType: 5 },
  'contact-support': { label: 'サポートに連絡', errType: 5 },
  'see-specific-code': { label: '個別コードを参照', errType: null },
} as const satisfies Record<string, { label: string; errType: ErrType | null }>;
export type ActionSlug = keyof typeof ACTIONS;
export const ACTION_SLUGS = Object.keys(ACTIONS) as [ActionSlug, ...ActionSlug[]];

/**
 * How a code reaches the caller: its route. One word for one idea everywhere — the tables'
 * YAML (`arrives`), the pages, the decoder's records, the search box, the command line. The
 * first five are the documented routes a table's codes arrive by (`TABLE_ROUTES`); the last two
 * are what the decoder knows of a code pasted without its response: a bare code (any route) or
 * a bare msg value (inside the msg of one of the envelopes). Which tables each route reaches,
 * in which order, is `routeTables` (`src/lib/classify/routes.ts`); each route's words are in
 * `src/lib/words/`.
 */
export const ROUTES = [
  'ret',
  'msg-of-10000',
  'msg-of-20000',
  'qq-oauth-body',
  'wechat-body',
  'bare-code',
  'bare-msg',
] as const;
export type Route = (typeof ROUTES)[number];

/** The routes a table's codes can be documented to arrive by (a table's `arrives`). */
export const TABLE_ROUTES = [
  'ret',
  'msg-of-10000',
  'msg-of-20000',
  'qq-oauth-body',
  'wechat-body',
] as const;
export type TableRoute = (typeof TABLE_ROUTES)[number];

/**
 * The most digits a code has: the catalog's longest is six (`100000`, `-10000`, `111111`;
 * tests/unit/fidelity.test.ts holds the catalog to it). A longer number is an id, a phone
 * number or a time, which the decoder does not read as a bare code and a share masks.
 */
export const CODE_DIGITS = 6;

/**
 * The words that name a code, as a search prefix (`errcode 40001`) or a table's column header
 * (`错误码`), lower case, with the route a code so named takes.
 */
export const CODE_NAMES = {
  ret: 'ret',
  retcode: 'ret',
  ret_code: 'ret',
  errcode: 'wechat-body',
  error: 'qq-oauth-body',
  code: 'bare-code',
  errorcode: 'bare-code',
  error_code: 'bare-code',
  err_code: 'bare-code',
  'error code': 'bare-code',
  错误码: 'bare-code',
  错误代码: 'bare-code',
  錯誤碼: 'bare-code',
  返回码: 'bare-code',
  返回碼: 'bare-code',
  エラーコード: 'bare-code',
} as const satisfies Record<string, Route>;

/**
 * The envelopes: the logic layer's `ret` values whose `msg` carries a platform's own code
 * (DESIGN §2), with the route that code takes and the platform it comes from.
 */
export const ENVELOPES = {
  [-10000]: { code: -10000, route: 'msg-of-10000', platform: 'qq' },
  [-20000]: { code: -20000, route: 'msg-of-20000', platform: 'wechat' },
} as const satisfies Record<number, { code: number; route: Route; platform: Platform }>;
export type EnvelopeCode = keyof typeof ENVELOPES;

/** The envelope a `ret` announces, or undefined for a `ret` that is not one. */
export const envelopeOf = (ret: number) =>
  ret === -10000 || ret === -20000 ? ENVELOPES[ret] : undefined;

/**
 * The eight tables, by slug, with their short names (for the sidebar, badges and cross-links),
 * in the source document's order. The slugs are part of every permanent URL: never rename one.
 */
export const TABLE_NAMES = {
  access: 'MSDK接続層',
  logic: 'MSDKロジック層',
  'qq-platform': 'モバイルQQプラットフォーム',
  'wechat-platform': 'ウィーチャットプラットフォーム',
  'qq-game-center': 'モバイルQQゲームセンター',
  'qzone-share': 'QZone共有 /share/qzone',
  'qq-share': 'QQ共有 /share/qq',
  'qq-blue-diamond': 'モバイルQQ青ダイヤ',
} as const;
export type TableSlug = keyof typeof TABLE_NAMES;
/** The table slugs in the source document's order. */
export const TABLE_SLUGS = Object.keys(TABLE_NAMES) as [TableSlug, ...TableSlug[]];
