/**
 * Reading a search query: is it a code, typed the way people type one (`-303`, `－３０３`,
 * `ret=-303`, `errcode 40001`, `msg -73`), a paste for the decoder (a response, a log line,
 * `key=value` pairs), or words for the text search? Pure: the search dialog, the `/search/`
 * page and the tests all call it. Characters are folded as the decoder folds a paste
 * (`foldChars`); which tables a prefix leads to is the route it names (`ROUTES`).
 */
import { CODE_NAMES, type Route } from '../catalog/vocabulary.ts';
import { foldChars } from '../decode/normalize.ts';

/**
 * The words that may stand before a code, as they are matched (lower case, folded): those that
 * name a code (`CODE_NAMES`), and a few more that only a search box sees.
 */
export const CODE_PREFIXES = {
  ...CODE_NAMES,
  msg: 'bare-msg',
  エラー番号: 'bare-code',
  エラー: 'bare-code',
  コード: 'bare-code',
  '#': 'bare-code',
  'no.': 'bare-code',
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

/** The prefixes as a regular expression's alternatives, longest first (`error code` before `error`). */
const PREFIX = Object.keys(CODE_PREFIXES)
  .sort((a, b) => b.length - a.length)
  .map((prefix) => prefix.replace(/[.#]/g, '\\$&'))
  .join('|');

/**
 * A whole query that is one code: an optional prefix (its key in quotes or not) with `=`, `:`
 * or spaces after it (or nothing: `コード-303`), then a signed integer of at most ten digits
 * (in quotes or not, `40,001` with its thousands separated), then at most a comma or semicolon
 * left over from copying a JSON or log line.
 */
const CODE_QUERY = new RegExp(
  `^(?:(["']?)(${PREFIX})\\1\\s*[=:]?\\s*)?(["']?)([+-]?\\d{1,10}|\\d{1,3}(?:,\\d{3})+)\\3\\s*[,;]?$`,
  'i',
);
/**
 * A code among words (`-303 appid`, `-303とは`, `what is -303`, `errcode 40001 invalid
 * credential`): a number with its minus sign, or one after a prefix, when it is the query's only
 * number.
 */
const CODE_IN_WORDS = new RegExp(
  `(?:(?<![\\w.+-])|(${PREFIX})\\s*[=:]?\\s*)([+-]?\\d{1,10})(?![\\w.,]|[-/:]\\d)`,
  'gi',
);

/** Words, spaces and the punctuation of a question around a code: no digits, pairs or JSON. */
const WORDS = /^[\p{L}\p{M}\s?!.,、。'’-]*$/u;
/** Characters with no width that copying leaves in (soft hyphen, joiners, direction marks). */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;
/** Brackets and quotes a code is copied in: `(-303)`, `「-303」`, `` `-303` ``. */
const WRAPPERS: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '<': '>',
  '`': '`',
  '「': '」',
  '『': '』',
  '【': '】',
  '"': '"',
  "'": "'",
};

/**
 * The query folded as a paste is (full-width forms, minus signs, spaces), trimmed, without
 * characters of no width, and runs of spaces as one.
 */
const normal = (query: string) =>
  foldChars(query.replace(INVISIBLE, '')).replace(/\s+/g, ' ').trim();

/** The query without the punctuation after it (`-303.`, `-303。`) and the brackets around it. */
function unwrapped(query: string): string {
  let text = query.replace(/[.。?!:…]+$/, '').trim();
  for (let n = 0; n < 3 && WRAPPERS[text.charAt(0)] === text.at(-1) && text.length > 2; n++) {
    text = text
      .slice(1, -1)
      .replace(/[.。?!:…]+$/, '')
      .trim();
  }
  return text;
}

/** A code query of a prefix (or none) and a number as matched. */
function codeQuery(prefix: string | undefined, digits: string | undefined): CodeQuery | null {
  const code = Number(digits?.replace(/,/g, ''));
  if (!Number.isSafeInteger(code)) return null;
  const word = (prefix?.toLowerCase() ?? null) as CodePrefix | null;
  return { code, prefix: word, route: word ? CODE_PREFIXES[word] : 'bare-code' };
}

/** The code a query stands for, or null when the query is not one code. */
export function readCodeQuery(query: string): CodeQuery | null {
  const text = normal(query);
  const whole = CODE_QUERY.exec(text) ?? CODE_QUERY.exec(unwrapped(text));
  if (whole) return codeQuery(whole[2], whole[4]);
  if (/[\r\n]/.test(query)) return null;
  // A code among words: the query's only number, signed or after a prefix.
  const found = [...text.matchAll(CODE_IN_WORDS)].filter(
    ([, prefix, digits]) => prefix !== undefined || digits?.startsWith('-'),
  );
  const [one] = found;
  if (found.length !== 1 || !one) return null;
  // The rest is words: no other number, no pairs or JSON (those are pastes).
  const rest = text.slice(0, one.index) + text.slice(one.index + one[0].length);
  return WORDS.test(rest) ? codeQuery(one[1], one[2]) : null;
}

/** A JSON member (`"ret":`) or the start of a JSONP call (`callback( {`). */
const JSON_LIKE = /"\s*:|\w\s*\(\s*\{/;
/** One `key=value` or `key:value` pair; the key starts with a letter (a time has none). */
const PAIR = /(?:^|[\s&,;{])[A-Za-z_][\w.-]*\s*[=:]\s*(?:"[^"]*"|'[^']*'|[^\s&,;=:]+)/g;
/**
 * A key the decoder reads a code from, with its value, inside longer text (a log line): `ret=`,
 * `"ret":`, `'ret': `, and for the code keys a space alone (`login failed (ret -303)`).
 */
const CODE_PAIR =
  /(?:\b|["'])(?:ret|errcode|error|err_type|errmsg|msg)["']?\s*[=:]\s*["']?[+-]?\d|\b(?:ret|errcode)\s+[+-]?\d/i;
/** A JSON or Python member of a response, copied without its braces: `"ret":-303,"msg":…`. */
const RESPONSE_MEMBER = /["'](?:ret|errcode|error|errmsg|msg|err_type)["']\s*:.*[,;]/i;
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
  return CODE_PAIR.test(text) || RESPONSE_MEMBER.test(text) || MSG_VALUE.test(text);
}

/** What a query is, for the search box: one code, a paste, or words. */
export type QueryKind = 'code' | 'paste' | 'text';

/** The kind of a query (`readCodeQuery` and `looksLikePaste` say more). */
export function queryKind(query: string): QueryKind {
  return readCodeQuery(query) ? 'code' : looksLikePaste(query) ? 'paste' : 'text';
}
