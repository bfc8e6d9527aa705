/**
 * Reading one record: finding the response inside it (JSON, JSONP, key=value pairs, a bare
 * code or msg value after a log prefix) and taking out `ret`, the code, the message and
 * `err_type`. It knows nothing of the tables; `index.ts` looks the code up.
 */
import { foldChars } from './normalize.ts';
import type { RecordForm } from './types.ts';
import type { RawRecord } from './split.ts';

/** What kind of body a code was found in. */
export type BodyKind = 'msdk' | 'wechat' | 'qq-oauth';

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

/** The error of a record with no recognisable code. */
export const NO_CODE =
  'エラーコードが見つかりません。ret・errcode・error を含む応答、ログ、または -303 のようなコードを貼り付けてください。';
/** The error of a record whose JSON is cut off (its start is kept in the message). */
export const TRUNCATED =
  'JSON が途中で切れています。応答の全体（閉じ括弧 } まで）を貼り付けてください。';
const NO_KEYS =
  'JSON に ret・errcode・error のいずれも見つかりません。エラーコードが見つかりません。';

const INTEGER = /^\s*[+-]?\d{1,10}\s*$/;
/** A code at the start of a message: `-73,the user …`, `40001,invalid credential`, `100013`. */
const LEADING_CODE = /^\s*([+-]?\d{1,10})(?:\s*(?:[,;:|]|$)|\s)/;

/** An integer from a JSON value or pair value: a number, or a string holding one. */
export function toInt(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 1e10 ? value : null;
  }
  if (typeof value === 'string') {
    const folded = foldChars(value);
    return INTEGER.test(folded) ? Number.parseInt(folded, 10) : null;
  }
  return null;
}

/** The code at the start of a message, if it has one. */
export function leadingCode(message: string): number | null {
  const match = LEADING_CODE.exec(foldChars(message));
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 10);
}

const asMessage = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

interface Found {
  readonly kind: BodyKind;
  readonly ret: number | null;
  readonly code: number | null;
  readonly msgCode: number | null;
  readonly message: string | null;
  readonly errType: number | null;
}

/** The code inside a message that is itself JSON (a WeChat body inside `msg`, say). */
function codeOfMessage(message: string | null, depth: number): number | null {
  if (message === null) return null;
  const trimmed = message.trimStart();
  if (trimmed.startsWith('{') && depth < 4) {
    const inner = parseJson(trimmed);
    const found = inner === undefined ? null : findResponse(inner, depth + 1);
    if (found) return found.ret ?? found.code;
  }
  return leadingCode(message);
}

/** Searches parsed JSON, depth first and only a few levels deep, for a response. */
function findResponse(value: unknown, depth = 0): Found | null {
  if (depth > 4 || value === null || typeof value !== 'object') {
    if (typeof value === 'string' && depth <= 4 && value.trimStart().startsWith('{')) {
      const inner = parseJson(value);
      return inner === undefined ? null : findResponse(inner, depth + 1);
    }
    return null;
  }
  const children: unknown[] = Array.isArray(value) ? value.slice(0, 64) : [];
  if (!Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    let ret: unknown;
    let msg: unknown;
    let errType: unknown;
    let errcode: unknown;
    let errmsg: unknown;
    let error: unknown;
    let description: unknown;
    let seen = 0;
    for (const key in object) {
      if (++seen > 128) break;
      const child = object[key];
      children.push(child);
      // Keys are compared without case: `Ret`, `ErrCode` and `errType` all occur in logs.
      switch (key.length <= 17 ? key.toLowerCase() : '') {
        case 'ret':
          ret = child;
          break;
        case 'msg':
          msg = child;
          break;
        case 'err_type':
        case 'errtype':
          errType = child;
          break;
        case 'errcode':
          errcode = child;
          break;
        case 'errmsg':
          errmsg = child;
          break;
        case 'error':
          error = child;
          break;
        case 'error_description':
          description = child;
          break;
      }
    }
    const type = toInt(errType);
    const retCode = toInt(ret);
    if (retCode !== null) {
      const message = asMessage(msg);
      const msgCode = codeOfMessage(message, depth);
      return { kind: 'msdk', ret: retCode, code: null, msgCode, message, errType: type };
    }
    const wechat = toInt(errcode);
    if (wechat !== null) {
      const message = asMessage(errmsg ?? msg);
      return { kind: 'wechat', ret: null, code: wechat, msgCode: null, message, errType: type };
    }
    const oauth = toInt(error);
    if (oauth !== null) {
      const message = asMessage(description ?? msg ?? errmsg);
      return { kind: 'qq-oauth', ret: null, code: oauth, msgCode: null, message, errType: type };
    }
  }
  for (const child of children) {
    if (child !== null && (typeof child === 'object' || typeof child === 'string')) {
      const found = findResponse(child, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The complete JSON-looking objects of a record, and whether an object was left open. */
interface Objects {
  readonly spans: readonly (readonly [number, number])[];
  readonly truncated: boolean;
}

/**
 * Finds the outermost complete `{…}` spans of a text in one pass (with JSON strings inside
 * braces skipped), and whether a JSON object is left open at the end.
 */
function findObjects(text: string): Objects {
  const spans: [number, number][] = [];
  const open: number[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (unit === 92) escaped = true;
      else if (unit === 34) inString = false;
    } else if (unit === 123) {
      open.push(i);
    } else if (unit === 125) {
      const start = open.pop();
      // An inner object is kept too, in case the outer one never closes (`foo { {"ret":1}`).
      if (start !== undefined) {
        while (spans.length && (spans[spans.length - 1]?.[0] ?? -1) > start) spans.pop();
        if (spans.length < 64) spans.push([start, i + 1]);
      }
    } else if (unit === 34 && open.length > 0) inString = true;
  }
  const unclosed = open[0];
  const truncated =
    inString ||
    (unclosed !== undefined && /^\{\s*["'\[{]/.test(text.slice(unclosed, unclosed + 64)));
  return { spans, truncated };
}

interface Pair {
  readonly key: string;
  readonly value: string;
  readonly original: string;
}

/** A key of a key=value pair: `ret=`, `"ret":`, `'msg': `, `ret = `, `errcode:` … */
const PAIR_KEY =
  /(^|[^A-Za-z0-9_])(["']?)(error_description|errcode|errmsg|error|err_?type|msg|ret)\2(?:\s*([:=])\s*|\s+(?=[+-]?\d))/gi;

/** The key=value pairs of a record, in the order they appear. */
function findPairs(text: string, original: string): Map<string, Pair> {
  const keys: { key: string; start: number; valueStart: number; separator: string }[] = [];
  for (const match of text.matchAll(PAIR_KEY)) {
    const key = (match[3] ?? '').toLowerCase().replace('errtype', 'err_type');
    const quoted = (match[2] ?? '') !== '';
    const separator = match[4] ?? ' ';
    // `ERROR: …` is a log level, not a QQ OAuth `error`; only `error=` or `"error":` count.
    if (key === 'error' && !quoted && separator !== '=') continue;
    // A space alone separates only a code (`ret -303`, `errcode 40001`), never a message.
    if (separator === ' ' && key !== 'ret' && key !== 'errcode' && key !== 'err_type') continue;
    const start = match.index + (match[1] ?? '').length;
    keys.push({ key, start, valueStart: match.index + match[0].length, separator });
    if (keys.length > 32) break;
  }
  const pairs = new Map<string, Pair>();
  keys.forEach((entry, n) => {
    if (pairs.has(entry.key)) return;
    const end = keys[n + 1]?.start ?? text.length;
    let from = entry.valueStart;
    let to = end;
    const quote = text.charAt(from);
    if (quote === '"' || quote === "'") {
      let close = from + 1;
      while (close < end && text.charAt(close) !== quote)
        close += text.charAt(close) === '\\' ? 2 : 1;
      from += 1;
      to = Math.min(close, end);
    } else {
      const amp = text.indexOf('&', from);
      if (amp !== -1 && amp < to) to = amp;
      while (to > from && /[\s,;}\])]/.test(text.charAt(to - 1))) to--;
    }
    let value = text.slice(from, to);
    let verbatim = original.slice(from, to);
    if (entry.separator === '=' && /%[0-9A-Fa-f]{2}|\+/.test(verbatim)) {
      try {
        verbatim = decodeURIComponent(verbatim.replace(/\+/g, ' '));
        value = foldChars(verbatim);
      } catch {
        // A lone `%` is just a percent sign: the value stays as pasted.
      }
    }
    pairs.set(entry.key, { key: entry.key, value, original: verbatim });
  });
  return pairs;
}

/** Log prefixes that may stand before a bare code or msg value, tried at each position. */
const PREFIX_TOKENS = [
  /\s+/y,
  /\[[^\]\n]{0,200}\]/y,
  /\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?=[\sT])/y,
  /T?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?(?=\s|$)/y,
  /(?:TRACE|DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL|SEVERE|CRITICAL|[VDIWEF])(?=[\s/:])/y,
  /\/[\w$.-]{1,80}(?:\(\s*\d+\))?:/y,
  /\d{1,7}(?=\s+(?:\d{1,7}\s+)?[VDIWEF]\s)/y,
  /[A-Za-z_$][\w$]*(?:\.[\w$]+)+(?::\d+)?/y,
  /[A-Za-z_$][\w$.-]{0,79}:(?=\s)/y,
  /(?:-{1,2}|:|\||>|»|—)(?=\s)/y,
];

/** Whether the whole of `text` is log prefix (timestamps, levels, `[thread]`, loggers, `-`). */
function isLogPrefix(text: string): boolean {
  let position = 0;
  for (let step = 0; step < 40 && position < text.length; step++) {
    let moved = false;
    for (const token of PREFIX_TOKENS) {
      token.lastIndex = position;
      if (token.test(text) && token.lastIndex > position) {
        position = token.lastIndex;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return position >= text.length;
}

/** A code standing alone at the end of a line: `… ERROR - -303`, `"-303"`. */
const TRAILING_CODE = /(?:^|\s)(["']?)([+-]?\d{1,10})\1\s*$/;
/** A msg value (`code,text`) starting after whitespace: `… - -73,internal error`. */
const MSG_START = /(?:^|\s)(["']?)([+-]?\d{1,10})\s*,/g;

/**
 * A bare code or msg value, alone or after a log prefix. The code is looked for first (a
 * number at the end, a `number,` after whitespace) so that the prefix is only checked on
 * lines that could hold one.
 */
function findBare(
  text: string,
): { form: 'bare-code' | 'bare-msg'; code: number; start: number; end: number } | null {
  const trailing = TRAILING_CODE.exec(text);
  if (trailing?.[2] !== undefined) {
    const start = trailing.index + trailing[0].length - trailing[0].trimStart().length;
    if (isLogPrefix(text.slice(0, start))) {
      return {
        form: 'bare-code',
        code: Number.parseInt(trailing[2], 10),
        start,
        end: text.trimEnd().length,
      };
    }
  }
  MSG_START.lastIndex = 0;
  for (let tries = 0; tries < 3; tries++) {
    const match = MSG_START.exec(text);
    if (match?.[2] === undefined) break;
    const start = match.index + match[0].length - match[0].trimStart().length;
    if (isLogPrefix(text.slice(0, start))) {
      let end = text.trimEnd().length;
      const quote = match[1] ?? '';
      if (quote && text.charAt(end - 1) === quote) end--;
      return {
        form: 'bare-msg',
        code: Number.parseInt(match[2], 10),
        start: start + quote.length,
        end,
      };
    }
  }
  return null;
}

function result(fields: Partial<ParsedRecord>): ParsedRecord {
  return {
    form: fields.form ?? null,
    kind: fields.kind ?? null,
    ret: fields.ret ?? null,
    msgCode: fields.msgCode ?? null,
    code: fields.code ?? null,
    message: fields.message ?? null,
    errType: fields.errType ?? null,
    error: fields.error ?? null,
  };
}

function fromFound(found: Found, form: RecordForm): ParsedRecord {
  return result({
    form,
    kind: found.kind,
    ret: found.ret,
    code: found.code,
    msgCode: found.msgCode,
    message: found.message,
    errType: found.errType,
  });
}

/** What could still be read from a cut-off JSON object, for the error message. */
function salvage(pairs: Map<string, Pair>): string {
  const parts: string[] = [];
  for (const key of ['ret', 'errcode', 'error', 'msg', 'errmsg']) {
    const pair = pairs.get(key);
    if (pair && pair.value.trim()) parts.push(`${key}: ${pair.value.trim().slice(0, 60)}`);
  }
  return parts.length ? `（読み取れた部分: ${parts.join('、')}）` : '';
}

/** Reads one record. Never throws. */
export function parseRecord(record: Pick<RawRecord, 'text' | 'original'>): ParsedRecord {
  const { text, original } = record;
  const objects = text.includes('{') ? findObjects(text) : { spans: [], truncated: false };
  let sawJson = false;
  for (const [start, end] of objects.spans.slice(0, 8)) {
    let json = parseJson(original.slice(start, end));
    if (json === undefined) json = parseJson(text.slice(start, end));
    if (json === undefined) continue;
    sawJson = true;
    const found = findResponse(json);
    if (found) {
      const form: RecordForm =
        found.kind === 'msdk'
          ? 'msdk-response'
          : found.kind === 'wechat'
            ? 'wechat-body'
            : 'qq-oauth-body';
      return fromFound(found, form);
    }
  }
  const pairs = findPairs(text, original);
  if (objects.truncated) {
    return result({ error: `${TRUNCATED}${salvage(pairs)}`, ret: toInt(pairs.get('ret')?.value) });
  }
  const errType = toInt(pairs.get('err_type')?.value);
  const ret = toInt(pairs.get('ret')?.value);
  if (ret !== null) {
    const message = pairs.get('msg')?.original ?? null;
    return result({
      form: 'pairs',
      kind: 'msdk',
      ret,
      msgCode: codeOfMessage(message, 0),
      message,
      errType,
    });
  }
  const errcode = toInt(pairs.get('errcode')?.value);
  if (errcode !== null) {
    const message = (pairs.get('errmsg') ?? pairs.get('msg'))?.original ?? null;
    return result({ form: 'pairs', kind: 'wechat', code: errcode, message, errType });
  }
  const error = toInt(pairs.get('error')?.value);
  if (error !== null) {
    const message = (pairs.get('error_description') ?? pairs.get('msg'))?.original ?? null;
    return result({ form: 'pairs', kind: 'qq-oauth', code: error, message, errType });
  }
  const bare = findBare(text);
  if (bare) {
    return result({
      form: bare.form,
      code: bare.code,
      message: bare.form === 'bare-msg' ? original.slice(bare.start, bare.end) : null,
    });
  }
  return result({ error: sawJson ? NO_KEYS : NO_CODE });
}
