/**
 * The fixed vocabulary of the catalog: table slugs, layers, action classes, err_type values
 * and the ways a code reaches the caller. Every other module (schema, pages, decoder, CLI)
 * takes these names from here, so one word means one idea everywhere.
 */

/** The eight table slugs. They are part of every permanent URL: never rename one. */
export const TABLE_SLUGS = [
  'access',
  'logic',
  'qq-platform',
  'wechat-platform',
  'qq-game-center',
  'qzone-share',
  'qq-share',
  'qq-blue-diamond',
] as const;
export type TableSlug = (typeof TABLE_SLUGS)[number];

/** The three layers of the source document's overview (§1). */
export const LAYERS = {
  access: { label: '接続層', en: 'Access layer' },
  logic: { label: 'ロジック層', en: 'Logic layer' },
  platform: { label: 'プラットフォーム層', en: 'Platform layer' },
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
 * envelope, whose err_type is that of the code inside).
 */
export const ACTIONS = {
  none: {
    label: '対応不要',
    en: 'Nothing to do',
    summary: '成功、または正常な結果です。処理は必要ありません。',
    errType: 0,
  },
  'inform-user': {
    label: 'ユーザーに案内',
    en: 'Tell the user',
    summary: 'ユーザーの状態による正常なエラーです。ユーザーに状況を伝えます。',
    errType: 0,
  },
  retry: {
    label: '再試行',
    en: 'Retry',
    summary: '一時的なエラーです。少し待ってから再試行し、続く場合はサポートに連絡します。',
    errType: 1,
  },
  'slow-down': {
    label: '頻度を下げる',
    en: 'Reduce the call rate',
    summary: '呼び出し頻度の制限を超えました。頻度を下げ、時間をおいて再試行します。',
    errType: 1,
  },
  reauthorize: {
    label: '再授権',
    en: 'Re-authorize',
    summary: 'ログイン状態が無効です。ユーザーに再度ログイン（授権）してもらいます。',
    errType: 2,
  },
  'refresh-token': {
    label: 'トークン更新',
    en: 'Refresh the token',
    summary: 'access token の期限切れです。refresh token で更新し、失敗したら再授権します。',
    errType: 3,
  },
  'fix-request': {
    label: 'リクエストを修正',
    en: 'Fix the request',
    summary: 'リクエストの形式やパラメータが正しくありません。送信内容を修正します。',
    errType: 5,
  },
  'check-config': {
    label: '設定・権限を確認',
    en: 'Check configuration and permissions',
    summary: 'appid・appkey・openid・権限などの設定を確認します。',
    errType: 5,
  },
  'contact-support': {
    label: 'サポートに連絡',
    en: 'Contact support',
    summary: '呼び出し側では解決できません。MSDK の技術支援に問い合わせます。',
    errType: 5,
  },
  'see-specific-code': {
    label: '個別コードを参照',
    en: 'See the specific code',
    summary: '範囲または包み（エンベロープ）を示す行です。msg の中の個別コードを参照します。',
    errType: null,
  },
} as const satisfies Record<
  string,
  { label: string; en: string; summary: string; errType: ErrType | null }
>;
export type ActionSlug = keyof typeof ACTIONS;
export const ACTION_SLUGS = Object.keys(ACTIONS) as [ActionSlug, ...ActionSlug[]];

/** How the codes of a table reach the caller. */
export const ARRIVALS = {
  ret: { label: 'レスポンスの ret', en: 'in ret' },
  'msg-of-10000': {
    label: 'ret: -10000 の msg の先頭',
    en: 'at the start of msg in a ret -10000 response',
  },
  'msg-of-20000': {
    label: 'ret: -20000 の msg の先頭',
    en: 'at the start of msg in a ret -20000 response',
  },
  'qq-oauth-body': {
    label: 'QQ OAuth の応答 {"error": …}',
    en: 'in a raw QQ OAuth body {"error": …}',
  },
  'wechat-body': {
    label: 'ウィーチャットの応答 {"errcode": …}',
    en: 'in a raw WeChat body {"errcode": …}',
  },
} as const;
export type Arrival = keyof typeof ARRIVALS;
export const ARRIVAL_KINDS = Object.keys(ARRIVALS) as [Arrival, ...Arrival[]];

/** The envelopes of the logic layer: `ret` values whose `msg` carries a platform code. */
export const ENVELOPES = { [-10000]: 'msg-of-10000', [-20000]: 'msg-of-20000' } as const;

/** Short names of the tables, for the sidebar, badges and cross-links. */
export const TABLE_NAMES: Record<TableSlug, string> = {
  access: 'MSDK接続層',
  logic: 'MSDKロジック層',
  'qq-platform': 'モバイルQQプラットフォーム',
  'wechat-platform': 'ウィーチャットプラットフォーム',
  'qq-game-center': 'モバイルQQゲームセンター',
  'qzone-share': 'QZone共有 /share/qzone',
  'qq-share': 'QQ共有 /share/qq',
  'qq-blue-diamond': 'モバイルQQ青ダイヤ',
};
