/**
 * The words shown to users, in one place (this folder): the decoder widget, the command line,
 * the search box and the pages take their sentences from here, so that no sentence is typed
 * twice and a correction reaches every place at once. The logic (`catalog`, `classify`,
 * `decode`) returns data; these modules put it in words. This one holds what the interactive
 * tools say (the decoder, the search box, the 404 lookup, the CLI); `pages.ts` what only the
 * built pages say and `search.ts` what only the search box says, so that the decoder's script
 * does not carry them. Pure: no DOM, no astro:*,
 * no node:*.
 */
import { ERR_TYPES, type ErrType, type Route } from '../catalog/vocabulary.ts';
import type { RankReason } from '../classify/rank.ts';

/** Each route's order of tables, in words, for the reason of a candidate's place. */
const ORDER_WORDS: Record<Route, string> = {
  ret: 'ret で届く表の既定の順（接続層→ロジック層→各サービス→共有）',
  'msg-of-10000': 'QQ側の表の既定の順（QQプラットフォーム→共有→その他）',
  'msg-of-20000': 'ret: -20000 の msg で届く表の順',
  'qq-oauth-body': 'QQ OAuth の応答で届く表の順',
  'wechat-body': 'ウィーチャットの応答で届く表の順',
  'bare-code': '文脈のない番号のため、資料の順',
  'bare-msg': 'msg の値のため、msg で届く表が先',
};

/** Why a candidate is at its place, in words. */
export function reasonText(reason: RankReason): string {
  switch (reason.kind) {
    case 'only':
      return 'この届き方でこの番号を持つ表はここだけ';
    case 'endpoint':
      return `レコードに ${reason.endpoint} が含まれるため優先`;
    case 'order':
      return `第${reason.place}候補：${ORDER_WORDS[reason.route]}`;
    case 'envelope':
      return `msg にコードがないため、包み ret: ${reason.code} の行を示します`;
  }
}

/** Each record form in words, as the widget, the search box and the command line name it. */
export const RECORD_FORM_WORDS = {
  'msdk-response': 'MSDK の応答',
  'wechat-body': 'ウィーチャットの応答',
  'qq-oauth-body': 'QQ OAuth の応答',
  pairs: 'key=value の組',
  'bare-code': 'コードのみ',
  'bare-msg': 'msg の値',
} as const;

/** That no table has a code, for a table cell or a list item. */
export const NO_TABLE = 'どの表にもありません';
/** A code no table has, said of a subject: `コード -2011`, `番号 10001`, `-330`. */
export const inNoTable = (subject: string): string => `${subject} は${NO_TABLE}。`;
/** A code the tables of its route do not have (a table reached another way does). */
export const notOnRoute = (subject: string): string =>
  `${subject} は、この届き方で引く表にはありません。`;

/** A record's code as the subject of a sentence: `コード -303`. */
export const codeSubject = (code: number | null): string => `コード ${code}`;

/** The label of a record that cannot be read (the widget's heading, the command line's line). */
export const UNREADABLE_LABEL = '読み取れません';

/** What the decoder says of a record it cannot read. */
export const UNREADABLE = {
  noCode:
    'エラーコードが見つかりません。ret・errcode・error を含む応答、ログ、または -303 のようなコードを貼り付けてください。',
  truncated: 'JSON が途中で切れています。応答の全体（閉じ括弧 } まで）を貼り付けてください。',
  tooLong:
    '行が長すぎるため先頭の約 200 万文字を読みましたが、JSON が閉じていません。応答の部分を貼り付けてください。',
  noKeys: 'JSON に ret・errcode・error のどれもありません。',
  failed: 'この行は読み取れませんでした。',
  /** A code key whose value is not an integer, naming the value. */
  notInteger: (key: string, value: string) =>
    `${key} の値 ${value.length > 40 ? `${value.slice(0, 39)}…` : value} は整数ではないため、エラーコードとして読めません。`,
} as const;

/** The err_type of a response, said with its meaning and compared with the best row's. */
export function errTypeNote(
  value: number,
  best: { table: string; code: number; errType: ErrType | null } | undefined,
): string {
  const meaning: string | undefined = ERR_TYPES[value as ErrType];
  const said = `err_type ${value}（${meaning ?? '資料に定義のない値'}）。`;
  if (!best) return `${said}照合できる行がありません。`;
  if (best.errType === null) return `${said}最上位候補は err_type を示さない行です。`;
  const agrees = value === best.errType;
  return `${said}最上位候補 ${best.table} ${best.code} の示す ${best.errType}（${ERR_TYPES[best.errType]}）と${agrees ? '一致します。' : '一致しません。推奨処理も確認してください。'}`;
}
