/**
 * The words only the built pages (and the JSON export, llms.txt, the search box's captions)
 * say: what each action means, each route in words, what each envelope carries. Kept apart
 * from `index.ts` so that the decoder's script, which shows none of them, does not carry them.
 */
import type { ActionSlug, EnvelopeCode, Route } from '../catalog/vocabulary.ts';

/** What each action class means, in a sentence, and its English name. */
export const ACTION_GUIDES = {
  none: {
    en: 'Nothing to do',
    summary: '成功、または正常な結果です。処理は必要ありません。',
  },
  'inform-user': {
    en: 'Tell the user',
    summary: 'ユーザーの状態による正常なエラーです。ユーザーに状況を伝えます。',
  },
  retry: {
    en: 'Retry',
    summary: '一時的なエラーです。少し待ってから再試行し、続く場合はサポートに連絡します。',
  },
  'slow-down': {
    en: 'Reduce the call rate',
    summary: '呼び出し頻度の制限を超えました。頻度を下げ、時間をおいて再試行します。',
  },
  reauthorize: {
    en: 'Re-authorize',
    summary: 'ログイン状態が無効です。ユーザーに再度ログイン（授権）してもらいます。',
  },
  'refresh-token': {
    en: 'Refresh the token',
    summary: 'access token の期限切れです。refresh token で更新し、失敗したら再授権します。',
  },
  'fix-request': {
    en: 'Fix the request',
    summary: 'リクエストの形式やパラメータが正しくありません。送信内容を修正します。',
  },
  'check-config': {
    en: 'Check configuration and permissions',
    summary: 'appid・appkey・openid・権限などの設定を確認します。',
  },
  'contact-support': {
    en: 'Contact support',
    summary: '呼び出し側では解決できません。MSDK の技術支援に問い合わせます。',
  },
  'see-specific-code': {
    en: 'See the specific code',
    summary: '範囲または包み（エンベロープ）を示す行です。msg の中の個別コードを参照します。',
  },
} as const satisfies Record<ActionSlug, { en: string; summary: string }>;

/** Each route in words: a short label, a longer Japanese phrase, and English. */
export const ROUTE_WORDS = {
  ret: { short: 'ret', label: 'レスポンスの ret', en: 'in ret' },
  'msg-of-10000': {
    short: 'ret: -10000 の msg',
    label: 'ret: -10000 の msg の先頭',
    en: 'at the start of msg in a ret -10000 response',
  },
  'msg-of-20000': {
    short: 'ret: -20000 の msg',
    label: 'ret: -20000 の msg の先頭',
    en: 'at the start of msg in a ret -20000 response',
  },
  'qq-oauth-body': {
    short: 'error（QQ OAuth の応答）',
    label: 'QQ OAuth の応答 {"error": …}',
    en: 'in a raw QQ OAuth body {"error": …}',
  },
  'wechat-body': {
    short: 'errcode（ウィーチャットの応答）',
    label: 'ウィーチャットの応答 {"errcode": …}',
    en: 'in a raw WeChat body {"errcode": …}',
  },
  'bare-code': { short: '番号', label: '番号のみ（届き方は不明）', en: 'a code alone' },
  'bare-msg': { short: 'msg の値', label: 'msg の値', en: 'a msg value alone' },
} as const satisfies Record<Route, { short: string; label: string; en: string }>;

/** What each envelope carries, in words, with the source document's own example (§1). */
export const ENVELOPE_WORDS = {
  [-10000]: { platform: 'モバイルQQ', example: '-73,the user modify password wrong' },
  [-20000]: { platform: 'ウィーチャット', example: '40001,invalid credential' },
} as const satisfies Record<EnvelopeCode, { platform: string; example: string }>;
