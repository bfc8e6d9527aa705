/**
 * Reading one record: finding the response inside it (JSON, JSONP, key=value pairs, a bare
 * code or msg value after a log prefix) and taking out `ret`, the code, the message and
 * `err_type`. It knows nothing of the tables; `index.ts` looks the code up.
 */
import { foldChars } from './normalize.ts';
import type { RecordForm } from './types.ts';
import { braceState, scanBraces, type RawRecord } from './split.ts';

/** What kind of body a code was found in. */
type BodyKind = 'msdk' | 'wechat' | 'qq-oauth';

/** A record read, before its code is looked up. */
export interface ParsedRecord {
  readonly form: RecordForm | null;
  readonly kind: BodyKind | null;
  readonly ret: number | null;
  /** The code at the start of the message (the envelope's inner code for an MSDK response). */
  readonly msgCode: number | null;
  /** The code itself for a WeChat or QQ OAuth body, or a bare code or msg value. */
  readonly code: number | null;
  readonly message: string | null;
  readonly errType: number | null;
  readonly error: string | null;
}

/** A record with nothing found, to spread the findings over. */
const EMPTY: ParsedRecord = {
  form: null,
  kind: null,
  ret: null,
  msgCode: null,
  code: null,
  message: null,
  errType: null,
  error: null,
};

/** The error of a record with no recognisable code. */
const NO_CODE =
  'エラーコードが見つかりません。ret・errcode・error を含む応答、ログ、または -303 のようなコードを貼り付けてください。';
/** The error of a record whose JSON is cut off. */
const TRUNCATED = 'JSON が途中で切れています。応答の全体（閉じ括弧 } まで）を貼り付けてください。';
/** The error of a record whose JSON holds none of the keys a code is read from. */
const NO_KEYS = 'JSON に ret・errcode・error のどれもありません。';

/** A JSON value as a message: text as it is, a number written out. */
const asMessage = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** A whole integer (numbers of more than ten digits are not codes). */
const INTEGER = /^\s*[+-]?\d{1,10}\s*$/;
/** A code at the start of a message: `-73,the user …`, `40001,invalid credential`, `100013`. */
const LEADING_CODE = /^\s*([+-]?\d{1,10})(?:\s*(?:[,;:|]|$)|\s)/;

/** An integer from a JSON value or pair value: a number, or a string holding one. */
function toInt(value: unknown): number | null {
  const text = asMessage(value);
  if (text === null) return null;
  const folded = foldChars(text);
  return INTEGER.test(folded) ? Number(folded) : null;
}

/** The keys a response is read from, as spelled once lower-cased (`errtype` as `err_type`). */
const KEYS = ['ret', 'msg', 'err_type', 'errcode', 'errmsg', 'error', 'error_description'] as const;
type Key = (typeof KEYS)[number];

/** The values of those keys in one JSON object, or in the key=value pairs of one record. */
type Fields = Partial<Record<Key, unknown>>;

/** The key a JSON or pair key is read as (`Ret`, `ErrCode` and `errType` all occur), if any. */
function keyOf(key: string): Key | undefined {
  const name = key.toLowerCase().replace('errtype', 'err_type');
  return KEYS.find((known) => known === name);
}

/**
 * The bodies a code comes in, tried in this order: kind, form as JSON, the key of the code,
 * then the keys of the message in order of preference.
 */
const BODIES = [
  ['msdk', 'msdk-response', 'ret', ['msg']],
  ['wechat', 'wechat-body', 'errcode', ['errmsg', 'msg']],
  ['qq-oauth', 'qq-oauth-body', 'error', ['error_description', 'msg', 'errmsg']],
] as const;

/**
 * The response held by the values of one object or record, if any. `messageKeys` caps the
 * message keys tried: pairs read QQ OAuth's message from `error_description` or `msg` only.
 */
function readBody(fields: Fields, depth: number, messageKeys = 3): ParsedRecord | null {
  const errType = toInt(fields.err_type);
  for (const [kind, form, codeKey, keys] of BODIES) {
    const code = toInt(fields[codeKey]);
    if (code === null) continue;
    // The first key present gives the message, even when its value is not text.
    let value: unknown;
    for (const key of keys.slice(0, messageKeys)) value ??= fields[key];
    const message = asMessage(value);
    return kind === 'msdk'
      ? {
          ...EMPTY,
          form,
          kind,
          ret: code,
          msgCode: codeOfMessage(message, depth),
          message,
          errType,
        }
      : { ...EMPTY, form, kind, code, message, errType };
  }
  return null;
}

/**
 * The code of a message: that of the response it holds when it is itself JSON (a WeChat body
 * inside `msg`, say), else the code at its start.
 */
function codeOfMessage(message: string | null, depth: number): number | null {
  if (message === null) return null;
  const inner = findResponse(message.trimStart(), depth);
  if (inner) return inner.ret ?? inner.code;
  const leading = LEADING_CODE.exec(foldChars(message));
  return leading ? Number(leading[1]) : null;
}

/**
 * Searches parsed JSON, depth first and only a few levels deep, for a response; a string
 * holding a JSON object is searched too.
 */
function findResponse(value: unknown, depth = 0): ParsedRecord | null {
  if (depth > 4) return null;
  if (typeof value === 'string') {
    return /^\s*\{/.test(value) ? findResponse(parseJson(value), depth + 1) : null;
  }
  if (value === null || typeof value !== 'object') return null;
  const children: unknown[] = [];
  const fields: Fields = {};
  const limit = Array.isArray(value) ? 64 : 128;
  for (const key in value) {
    if (children.length === limit) break;
    const child: unknown = value[key as keyof typeof value];
    children.push(child);
    const name = keyOf(key);
    if (name) fields[name] = child;
  }
  const found = readBody(fields, depth);
  if (found) return found;
  for (const child of children) {
    const inner = findResponse(child, depth + 1);
    if (inner) return inner;
  }
  return null;
}

/** The value of a JSON text, or undefined for a text that is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Finds the outermost complete `{…}` spans of a text (with JSON strings inside braces
 * skipped), and whether a JSON object is left open at the end.
 */
function findObjects(text: string): [spans: [number, number][], truncated: boolean] {
  const spans: [number, number][] = [];
  const state = braceState();
  const brace = text.indexOf('{');
  if (brace >= 0) {
    scanBraces(text, brace, state, (start, end) => {
      // An inner object is kept too, in case the outer one never closes (`foo { {"ret":1}`).
      while ((spans.at(-1)?.[0] ?? -1) > start) spans.pop();
      if (spans.length < 64) spans.push([start, end]);
    });
  }
  const unclosed = state.open[0];
  const truncated =
    state.inString ||
    (unclosed !== undefined && /^\{\s*["'\[{]/.test(text.slice(unclosed, unclosed + 64)));
  return [spans, truncated];
}

/** A key of a key=value pair: `ret=`, `"ret":`, `'msg': `, `ret = `, `errcode:` … */
const PAIR_KEY =
  /(^|[^A-Za-z0-9_])(["']?)(error_description|errcode|errmsg|error|err_?type|msg|ret)\2(?:\s*([:=])\s*|\s+(?=[+-]?\d))/gi;
/** The keys whose value may follow a space alone (`ret -303`, `errcode 40001`): codes only. */
const CODE_KEYS: readonly Key[] = ['ret', 'errcode', 'err_type'];

/** The values of a record's key=value pairs as pasted: the first value of each key. */
function findPairs(text: string, original: string): Partial<Record<Key, string>> {
  // Each key found: its name, where it starts, where its value starts, and its separator.
  const keys: [name: Key, start: number, from: number, separator: string][] = [];
  for (const match of text.matchAll(PAIR_KEY)) {
    const [whole, before = '', quote, key = '', separator = ' '] = match;
    const name = keyOf(key);
    if (!name) continue;
    // `ERROR: …` is a log level, not a QQ OAuth `error`; only `error=` or `"error":` count.
    if (name === 'error' && !quote && separator !== '=') continue;
    if (separator === ' ' && !CODE_KEYS.includes(name)) continue;
    keys.push([name, match.index + before.length, match.index + whole.length, separator]);
    if (keys.length > 32) break;
  }
  const pairs: Partial<Record<Key, string>> = {};
  keys.forEach(([name, , from, separator], n) => {
    if (name in pairs) return;
    let to = keys[n + 1]?.[1] ?? text.length;
    const quote = text[from];
    if (quote === '"' || quote === "'") {
      let close = from + 1;
      while (close < to && text[close] !== quote) close += text[close] === '\\' ? 2 : 1;
      from += 1;
      to = Math.min(close, to);
    } else {
      const amp = text.indexOf('&', from);
      if (amp !== -1 && amp < to) to = amp;
      while (to > from && /[\s,;}\])]/.test(text.charAt(to - 1))) to--;
    }
    let value = original.slice(from, to);
    if (separator === '=' && /%[0-9A-Fa-f]{2}|\+/.test(value)) {
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // A lone `%` is just a percent sign: the value stays as pasted.
      }
    }
    pairs[name] = value;
  });
  return pairs;
}

/** Log prefixes that may stand before a bare code or msg value, tried in this order. */
const PREFIX_TOKENS = [
  /\s+/,
  /\[[^\]\n]{0,200}\]/,
  /\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?=[\sT])/,
  /T?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?(?=\s|$)/,
  /(?:TRACE|DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL|SEVERE|CRITICAL|[VDIWEF])(?=[\s/:])/,
  /\/[\w$.-]{1,80}(?:\(\s*\d+\))?:/,
  /\d{1,7}(?=\s+(?:\d{1,7}\s+)?[VDIWEF]\s)/,
  /[A-Za-z_$][\w$]*(?:\.[\w$]+)+(?::\d+)?/,
  /[A-Za-z_$][\w$.-]{0,79}:(?=\s)/,
  /(?:-{1,2}|:|\||>|»|—)(?=\s)/,
];
/** One log prefix token at `lastIndex`: the first of `PREFIX_TOKENS` that matches there. */
const PREFIX_TOKEN = new RegExp(PREFIX_TOKENS.map((token) => token.source).join('|'), 'y');

/** Whether the whole of `text` is log prefix (timestamps, levels, `[thread]`, loggers, `-`). */
function isLogPrefix(text: string): boolean {
  PREFIX_TOKEN.lastIndex = 0;
  for (let step = 0; step < 40 && PREFIX_TOKEN.lastIndex < text.length; step++) {
    if (!PREFIX_TOKEN.test(text)) return false;
  }
  return PREFIX_TOKEN.lastIndex >= text.length;
}

/** A code standing alone at the end of a line: `… ERROR - -303`, `"-303"`. */
const TRAILING_CODE = /(^|\s)(["']?)([+-]?\d{1,10})\2\s*$/;
/** A msg value (`code,text`) starting after whitespace: `… - -73,internal error`. */
const MSG_START = /(^|\s)(["']?)([+-]?\d{1,10})\s*,/g;

/**
 * A bare code or msg value, alone or after a log prefix. The code is looked for first (a
 * number at the end, a `number,` after whitespace, up to three of those) so that the prefix
 * is only checked on lines that could hold one.
 */
function findBare(text: string, original: string): ParsedRecord | null {
  const trailing = TRAILING_CODE.exec(text);
  if (trailing && isLogPrefix(text.slice(0, trailing.index + (trailing[1] ?? '').length))) {
    return { ...EMPTY, form: 'bare-code', code: Number(trailing[3]) };
  }
  MSG_START.lastIndex = 0;
  for (let tries = 0; tries < 3; tries++) {
    const match = MSG_START.exec(text);
    if (!match) break;
    const [, space = '', quote = ''] = match;
    const start = match.index + space.length;
    if (!isLogPrefix(text.slice(0, start))) continue;
    let end = text.trimEnd().length;
    if (quote && text[end - 1] === quote) end--;
    const message = original.slice(start + quote.length, end);
    return { ...EMPTY, form: 'bare-msg', code: Number(match[3]), message };
  }
  return null;
}

/** Reads one record. Never throws. */
export function parseRecord(record: Pick<RawRecord, 'text' | 'original'>): ParsedRecord {
  const { text, original } = record;
  const [spans, truncated] = findObjects(text);
  let sawJson = false;
  for (const [start, end] of spans.slice(0, 8)) {
    const json = parseJson(original.slice(start, end)) ?? parseJson(text.slice(start, end));
    if (json === undefined) continue;
    sawJson = true;
    const found = findResponse(json);
    if (found) return found;
  }
  if (truncated) return { ...EMPTY, error: TRUNCATED };
  const found = readBody(findPairs(text, original), 0, 2);
  if (found) return { ...found, form: 'pairs' };
  return findBare(text, original) ?? { ...EMPTY, error: sawJson ? NO_KEYS : NO_CODE };
}
