/**
 * Reading a search query: is it a code, typed the way people type one (`-303`, `－３０３`,
 * `ret=-303`, `errcode 40001`, `msg -73`), a paste for the decoder (a response, a log line,
 * `key=value` pairs), or words for the text search? Pure: the search dialog, the `/search/`
 * page and the tests all call it. Characters are folded as the decoder folds a paste
 * (`foldChars`); which tables a prefix leads to is the route it names (`ROUTES`).
 */
import type { Route } from '../catalog/vocabulary.ts';
import { foldChars } from '../decode/normalize.ts';

/** The words that may stand before a code, as they are matched (lower case, folded). */
export const CODE_PREFIXES = {
  ret: 'ret',
  errcode: 'wechat-body',
  error: 'qq-oauth-body',
  msg: 'bare-msg',
  code: 'bare-code',
  エラーコード: 'bare-code',
  コード: 'bare-code',
} as const satisfies Record<string, Route>;
export type CodePrefix = keyof typeof CODE_PREFIXES;

/** The routes a query can name: a bare number's, and those of the prefixes. */
export type QueryRoute = (typeof CODE_PREFIXES)[CodePrefix];
/** Every route a query can name, a bare number's first. */
export const QUERY_ROUTES: readonly QueryRoute[] = [
  'bare-code',
  ...new Set(Object.values(CODE_PREFIXES).filter((route) => route !== 'bare-code')),
];

/** A query that is one code. */
export interface CodeQuery {
  /** The code, a signed integer. */
  readonly code: number;
  /** The word typed before it (`ret`, `errcode`, …), or null for a bare number. */
  readonly prefix: CodePrefix | null;
  /** The route that word stands for, which decides the tables and their order. */
  readonly route: QueryRoute;
}

/**
 * A whole query that is one code: an optional prefix (its key in quotes or not) with `=`, `:`
 * or spaces after it (or nothing: `コード-303`), then a signed integer of at most ten digits
 * (in quotes or not), then at most a comma or semicolon left over from copying a JSON or log
 * line.
 */
const CODE_QUERY = new RegExp(
  `^(?:(["']?)(${Object.keys(CODE_PREFIXES).join('|')})\\1\\s*[=:]?\\s*)?` +
    `(["']?)([+-]?\\d{1,10})\\3\\s*[,;]?$`,
  'i',
);

/** The query folded as a paste is (full-width forms, minus signs, spaces), trimmed. */
const normal = (query: string) => foldChars(query).trim();

/** The code a query stands for, or null when the query is not one code. */
export function readCodeQuery(query: string): CodeQuery | null {
  const match = CODE_QUERY.exec(normal(query));
  if (!match) return null;
  const code = Number(match[4]);
  if (!Number.isSafeInteger(code)) return null;
  const prefix = (match[2]?.toLowerCase() ?? null) as CodePrefix | null;
  return { code, prefix, route: prefix ? CODE_PREFIXES[prefix] : 'bare-code' };
}

/** A JSON member (`"ret":`) or the start of a JSONP call (`callback( {`). */
const JSON_LIKE = /"\s*:|\w\s*\(\s*\{/;
/** One `key=value` or `key:value` pair; the key starts with a letter (a time has none). */
const PAIR = /(?:^|[\s&,;{])[A-Za-z_][\w.-]*\s*[=:]\s*(?:"[^"]*"|'[^']*'|[^\s&,;=:]+)/g;
/** A key the decoder reads a code from, with its value, inside longer text (a log line). */
const CODE_PAIR = /\b(?:ret|errcode|error|err_type|errmsg|msg)\s*[=:]\s*["']?[+-]?\d/i;
/** A msg value: a code, a comma, then its message (`-73,the user modify password wrong`). */
const MSG_VALUE = /^["']?[+-]?\d{1,10}\s*,\s*\S/;

/**
 * Whether a query looks like something pasted for the decoder rather than typed for the text
 * search: JSON or JSONP, several lines, two `key=value` pairs or more, a log line with a code
 * key in it, or a msg value. A query that is one code (`ret=-303`) is not a paste.
 */
export function looksLikePaste(query: string): boolean {
  const text = normal(query);
  if (!text || readCodeQuery(text)) return false;
  if (/[\r\n]/.test(text)) return true;
  if (/[{}]/.test(text) && JSON_LIKE.test(text)) return true;
  if ((text.match(PAIR) ?? []).length >= 2) return true;
  return CODE_PAIR.test(text) || MSG_VALUE.test(text);
}

/** What a query is, for the search box: one code, a paste, or words. */
export type QueryKind = 'code' | 'paste' | 'text';

/** The kind of a query (`readCodeQuery` and `looksLikePaste` say more). */
export function queryKind(query: string): QueryKind {
  return readCodeQuery(query) ? 'code' : looksLikePaste(query) ? 'paste' : 'text';
}
