/**
 * What each action means, for the pages and the JSON export. Kept apart from `vocabulary.ts`
 * (and from `src/lib/words.ts`) so the decoder's browser bundle carries only the labels it
 * shows.
 */
import type { ActionSlug } from './vocabulary.ts';

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
