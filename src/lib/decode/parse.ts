/**
 * Reading one record: finding the responses inside it and taking out `ret`, the code, the
 * message and `err_type`. It knows nothing of the tables; `index.ts` looks the code up.
 *
 * The rules, tried in this order on a record's text:
 * 1. JSON objects (`{…}`, several on a line are several responses), also with `//` comments,
 *    trailing commas or Ruby's `=>`; the values inside are searched too, and a string value
 *    is read as a text of its own (a log shipper's `log` or `message` field);
 * 2. the same text escaped once more, undone: `\"`, `\u0022`, nginx's `\x22`, HTML's `&quot;`,
 *    CSV's `""`, percent-encoding;
 * 3. an object that is not JSON, read as a text of its own: a dump of a parsed body (Java's
 *    `{ret=-10000.0, …}`, Python's `{'ret': -303.0}`, Go's `{Ret:-303 Msg:…}`), or a wrapper
 *    around an object that is;
 * 4. key=value pairs (`ret=-303&msg=…`, `ret: -303`, PHP's `'ret' => -309` and
 *    `[ret] => -303`, XML's `<ret>-303</ret>`, `errcode is 40001`);
 * 5. a sentence naming a code (`错误码：-1012`, `エラーコード -4017`, `error code: -303`);
 * 6. a bare code or msg value after a log prefix (`-73,…`, also `-73用户…`).
 * A record with none of these is context (`context: true`), unless it holds a response that
 * cannot be read: JSON cut off, or a `ret` that is not an integer.
 */
import { CODE_DIGITS, envelopeOf, type Route } from '../catalog/vocabulary.ts';
import { UNREADABLE } from '../words/index.ts';
import { foldChars } from './normalize.ts';
import type { RecordForm } from './types.ts';
import { OWN_KEYS, findObjects, keepShape, type Objects, type RawRecord } from './split.ts';

/** A record read, before its code is looked up. */
export interface ParsedRecord {
  readonly form: RecordForm | null;
  /** How the code reached the caller: it decides the tables the code is looked up in. */
  readonly route: Route | null;
  readonly ret: number | null;
  /** The code at the start of the message (the envelope's inner code for an MSDK response). */
  readonly msgCode: number | null;
  /**
   * The code to look up along the route: `ret`, the code in an envelope's msg (or the
   * envelope's own when its msg has none), a WeChat or QQ OAuth body's code, a bare code.
   */
  readonly code: number | null;
  readonly message: string | null;
  readonly errType: number | null;
  readonly error: string | null;
  /**
   * True when nothing was found: the record is context around the responses, not one of them.
   * `error` then says why, for a paste that has nothing else.
   */
  readonly context: boolean;
  /** Where the response is in the record's `original`, when the record holds several. */
  readonly span: readonly [start: number, end: number] | null;
}

/** A record with nothing found, to spread the findings over. */
const EMPTY: ParsedRecord = {
  form: null,
  route: null,
  ret: null,
  msgCode: null,
  code: null,
  message: null,
  errType: null,
  error: null,
  context: false,
  span: null,
};

/** A JSON value as a message: text as it is, a number written out. */
const asMessage = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** A whole integer, also written with a zero fraction (`-303.0`, as Gson and Python print). */
const INTEGER = /^\s*[+-]?\d{1,10}(?:\.0+)?\s*$/;
/** The digits that may follow a number without making it another (`.5`, `0x1f`, `12`). */
const NOT_A_CODE_END = /^(?:\d|\.\d|[xX][\da-fA-F])/;
/**
 * Characters that, right after a number, say it is a date, a time or a quantity, not a code:
 * `2024年`, `5分`, `3件`.
 */
const UNIT =
  /^[年月日时時分秒点號号个個件回次度岁歳円元%％台臺部名人位条條区區월일시분초개명번대건회]/;

/**
 * The code at the start of a message: `-73,the user …`, `40001,invalid credential`, `100013`,
 * and also `-73用户修改了密码` or `-73锛寀ser…` (a full-width comma read in the wrong encoding),
 * or `[-73]…`: any number that is not part of a longer one, a date or a quantity.
 */
function leadingCode(message: string): number | null {
  // Also in brackets, as some SDKs write it: `[-73]the user …`, `(100013) …`.
  const match = /^\s*[[(]?\s*([+-]?\d{1,10})/.exec(message);
  if (!match) return null;
  const rest = message.slice(match[0].length);
  if (NOT_A_CODE_END.test(rest) || UNIT.test(rest)) return null;
  return Number(match[1]);
}

/** An integer from a JSON value or pair value: a number, or a string holding one. */
function toInt(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 1e10 ? value : null;
  }
  if (typeof value !== 'string') return null;
  const folded = foldChars(value);
  return INTEGER.test(folded) ? Math.trunc(Number(folded)) : null;
}

/** A value as the error message shows it: JSON for parsed values, as pasted for pairs. */
function shown(value: unknown): string {
  if (value instanceof Pasted) return value.text;
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? '[…]' : '{…}';
  // What JSON and pairs give: a string, number, boolean or null (JSON writes each of them).
  return JSON.stringify(value) ?? '';
}

/** A value as read: a pair's value without how it was written. */
const plain = (value: unknown): unknown => (value instanceof Pasted ? value.value : value);

/** A pair's value as pasted, with how it was written (for the error message only). */
class Pasted {
  readonly value: string;
  readonly text: string;
  constructor(value: string, text: string) {
    this.value = value;
    this.text = text;
    keepShape(this);
  }
}

/** The keys a response is read from, as spelled once lower-cased (`errtype` as `err_type`). */
const KEYS = ['ret', 'msg', 'err_type', 'errcode', 'errmsg', 'error', 'error_description'] as const;
type Key = (typeof KEYS)[number];

/** The values of those keys in one JSON object, or in the key=value pairs of one record. */
type Fields = Partial<Record<Key, unknown>>;

/**
 * Fields with every key present (undefined until set), so that all of them have one shape:
 * objects whose keys come in varying orders would each have their own.
 */
const newFields = (): Fields => ({
  ret: undefined,
  msg: undefined,
  err_type: undefined,
  errcode: undefined,
  errmsg: undefined,
  error: undefined,
  error_description: undefined,
});

/** The keys by their spellings: as they are, lower-cased, and `errtype` for `err_type`. */
const KEY_NAMES = new Map<string, Key>([
  ...KEYS.map((key) => [key, key] as const),
  ['errtype', 'err_type'],
]);

/** The key a JSON or pair key is read as (`Ret`, `ErrCode` and `errType` all occur), if any. */
function keyOf(key: string): Key | undefined {
  // A flattened key names its field last: `msdk.ret`, `attributes.msg`.
  const dot = key.lastIndexOf('.');
  const name = dot < 0 ? key : key.slice(dot + 1);
  return name.length > 17 ? undefined : (KEY_NAMES.get(name) ?? KEY_NAMES.get(name.toLowerCase()));
}

/**
 * The bodies a code comes in, tried in this order: form as JSON, the key of the code, then
 * the keys of the message in order of preference.
 */
const BODIES = [
  ['msdk-response', 'ret', ['msg']],
  ['wechat-body', 'errcode', ['errmsg', 'msg']],
  ['qq-oauth-body', 'error', ['error_description', 'msg', 'errmsg']],
] as const;

/** What reading found: responses, or why there are none. */
interface Reading {
  readonly found: ParsedRecord[];
  /** A code key whose value is not an integer: the error to give if nothing else is found. */
  readonly bad: string | null;
  readonly sawJson: boolean;
  /** JSON left open at the end of the text, with a key of a response in it. */
  readonly truncated: boolean;
}

const NOTHING: Reading = { found: [], bad: null, sawJson: false, truncated: false };

/**
 * The response held by the values of one object or record, if any, or the error of a code
 * key with a value that is not an integer. `messageKeys` caps the message keys tried: pairs
 * read QQ OAuth's message from `error_description` or `msg` only.
 */
function readBody(fields: Fields, depth: number, messageKeys = 3): ParsedRecord | string | null {
  const errType = toInt(plain(fields.err_type));
  let bad: string | null = null;
  for (const [form, codeKey, keys] of BODIES) {
    const raw = fields[codeKey];
    if (raw === undefined) continue;
    const code = toInt(plain(raw));
    if (code === null) {
      // `error` is also a word of many logs and APIs: only QQ OAuth's shape makes it a code.
      if (codeKey !== 'error' || fields.error_description !== undefined) {
        bad ??= UNREADABLE.notInteger(codeKey, shown(raw));
      }
      continue;
    }
    // The first key present gives the message, even when its value is not text.
    let value: unknown;
    for (const key of keys.slice(0, messageKeys)) value ??= plain(fields[key]);
    const message = asMessage(value);
    if (form !== 'msdk-response') return { ...EMPTY, form, route: form, code, message, errType };
    // An MSDK response: its code is `ret`, or, in an envelope, the code its msg holds.
    const envelope = envelopeOf(code);
    const msgCode = codeOfMessage(message, depth, envelope !== undefined);
    return {
      ...EMPTY,
      form,
      route: envelope?.route ?? 'ret',
      ret: code,
      code: envelope ? (msgCode ?? code) : code,
      msgCode,
      message,
      errType,
    };
  }
  return bad;
}

/**
 * The code of a message: that of the response it holds when it is itself JSON (a WeChat body
 * inside `msg`, say), else the code at its start; in an envelope's msg, also the code of the
 * pairs it holds (`errcode:40029 errmsg:invalid code`).
 */
function codeOfMessage(message: string | null, depth: number, envelope: boolean): number | null {
  if (message === null) return null;
  if (/^\s*\{/.test(message)) {
    const inner = findResponse(parseJson(message.trimStart()), depth + 1);
    if (typeof inner === 'object' && inner) return inner.ret ?? inner.code;
  }
  // The code is at the start: only that much is folded.
  const leading = leadingCode(foldChars(message.slice(0, 32)));
  if (leading !== null || !envelope || depth >= 4) return leading;
  const [pairs] = readText(foldChars(message), message, depth + 1, false).found;
  return pairs?.form === 'pairs' ? pairs.code : null;
}

/** Keys of a log shipper's or logger's wrapper whose text is a log line of its own. */
const WRAPPER_KEY =
  /^@?(?:log|message|msg|text|textpayload|line|body|content|payload|data|event|raw|resp(?:onse)?|result|output)$/i;

/**
 * Searches parsed JSON for a response: first the objects (depth first, a few levels deep, a
 * string holding a JSON object included), then the other strings as texts of their own (a
 * wrapper's `log` or `message` is a log line; only those may hold a bare code). Returns the
 * response, the error of a code key that is not an integer, or null; the responses of an array
 * after its first (`{"results":[{…},{…}]}`, a HAR's entries) go into `more`.
 */
function findResponse(
  value: unknown,
  depth = 0,
  more: ParsedRecord[] = [],
): ParsedRecord | string | null {
  const texts: [text: string, loose: boolean][] = [];
  const found = findInValue(value, depth, texts, '', more);
  if (found !== null && typeof found === 'object') return found;
  let bad = found;
  if (depth < 4) {
    for (const [text, loose] of texts) {
      const reading = readText(foldChars(text), text, depth + 1, loose);
      const [first] = reading.found;
      if (first) return unplaced(first);
      bad ??= reading.bad;
    }
  }
  return bad;
}

/** Mutable, for the one place a fresh record gets its span. */
type Placed = { -readonly [K in keyof ParsedRecord]: ParsedRecord[K] };
/** The record (fresh from this module) without a span. */
function unplaced(record: ParsedRecord): ParsedRecord {
  (record as Placed).span = null;
  return record;
}

/**
 * `findResponse`'s first pass: the response in a value's objects, or the error of a code key
 * that is not an integer; strings that may hold a code are collected into `texts`, and an
 * array's responses after its first into `more`.
 */
function findInValue(
  value: unknown,
  depth: number,
  texts: [string, boolean][],
  key: string,
  more: ParsedRecord[],
): ParsedRecord | string | null {
  if (depth > 8) return null;
  if (typeof value === 'string') {
    if (/^\s*\{/.test(value)) {
      const json = parseJson(value);
      if (json !== undefined) return findInValue(json, depth + 1, texts, key, more);
    }
    // A text with digits may hold a code: read later, if the objects hold no response.
    if (texts.length < 16 && /\d/.test(value)) texts.push([value, WRAPPER_KEY.test(key)]);
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const array = Array.isArray(value);
  const limit = array ? 64 : 128;
  const fields = newFields();
  let count = 0;
  for (const name in value) {
    if (++count > limit) break;
    const known = keyOf(name);
    if (known) fields[known] = value[name as keyof typeof value];
  }
  const body = readBody(fields, depth);
  if (body !== null && typeof body === 'object') return body;
  let bad = body;
  let first: ParsedRecord | undefined;
  count = 0;
  for (const name in value) {
    if (++count > limit) break;
    const child: unknown = value[name as keyof typeof value];
    if (child === null || (typeof child !== 'object' && typeof child !== 'string')) continue;
    const inner = findInValue(child, depth + 1, texts, array ? key : name, more);
    if (inner !== null && typeof inner === 'object') {
      // An object's first response is its response; each element of an array may have one.
      if (!array) return inner;
      if (first) more.push(inner);
      else first = inner;
    } else bad ??= inner;
  }
  return first ?? bad;
}

/** The value of a JSON text, or undefined for a text that is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a JSON object with comments, trailing commas or Ruby's `=>` may hold. */
const RELAXABLE = /\/[/*]|,\s*[}\]]|"\s*=>/;

/**
 * What `relaxJson` takes out or rewrites, strings aside (matched first, and kept): `//` and
 * `/* *\/` comments, a comma before a closing bracket, Ruby's `=>` (Fluent Bit's hashes).
 */
const RELAX =
  /("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|,(?=(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*[}\]])|=>/g;

/** A JSON text with comments, trailing commas and `=>` made JSON; strings stay as they are. */
const relaxJson = (text: string) =>
  text.replace(RELAX, (all, string?: string) => string ?? (all === '=>' ? ':' : ' '));

/** A JSON object's value, or undefined; a lenient second try for comments and the like. */
function parseObject(text: string): unknown {
  const value = parseJson(text);
  return value === undefined && RELAXABLE.test(text) ? parseJson(relaxJson(text)) : value;
}

/** A key of a response with its separator, to tell a cut-off response from other JSON. */
const RESPONSE_KEY = /["']?(?:ret|errcode|error|msg|errmsg|err_?type)["']?\s*[:=]/i;

/**
 * The text undone of one more layer of escaping, for each kind of escaping it shows: JSON
 * string escapes (`{\"ret\":…}`, `\u0022`), nginx's `\x22`, HTML entities, CSV's doubled
 * quotes, percent-encoding, Erlang's binaries (`<<"ret">>`), base64. Each variant is read like
 * the text itself.
 */
function* unescapings(text: string): Generator<string> {
  if (!ESCAPED.test(text)) return;
  if (JSON_ESCAPE.test(text)) {
    yield text.replace(/\\(u[\da-fA-F]{4}|["\\/])/g, (_, escaped: string) =>
      escaped.length > 1 ? String.fromCharCode(parseInt(escaped.slice(1), 16)) : escaped,
    );
  }
  if (NGINX_ESCAPE.test(text)) {
    yield text.replace(/(?:\\x[\da-fA-F]{2})+/g, (run) => bytesToText(run.replace(/\\x/g, '%')));
  }
  if (ENTITY_QUOTE.test(text)) yield decodeEntities(text);
  if (CSV_QUOTES.test(text)) yield text.replace(/""/g, '"');
  if (PERCENT.test(text)) yield bytesToText(text.replace(/\+/g, ' '));
  // Erlang's binaries: `{<<"ret">>,-10000}` is the tuple `{"ret",-10000}`.
  if (ERLANG_BINARY.test(text)) yield text.replace(/<<("(?:[^"\\]|\\.)*")>>/g, '$1');
  // A body in base64 (a HAR's `"encoding": "base64"`, an API gateway's event).
  if (BASE64_OBJECT.test(text)) yield text.replace(BASE64_OBJECTS, fromBase64);
}

/** What shows each escaping `unescapings` undoes. JSON's: `\"`, `\\`, `\/`, `\u0022`. */
const JSON_ESCAPE = /\\["\\/]|\\u00[\da-fA-F]{2}/;
/** nginx's `\x22`. */
const NGINX_ESCAPE = /\\x[\da-fA-F]{2}/;
/** HTML's `&quot;` (escaped again: `&amp;quot;`) and its numeric forms. */
const ENTITY_QUOTE = /&(?:amp;)*(?:quot|#0*34|#x0*22);/i;
/** CSV's doubled quotes, around JSON or a pair's value (`msg=""-24,openkey expired""`). */
const CSV_QUOTES = /\{""|"":|=""[^"\s]/;
/** Percent-encoding of a brace or a quote, or of a body in base64 (its `+`, `/`, `=`). */
const PERCENT = /%(?:25)*(?:7B|22|3De[wy])|e[wy][\w-]+%(?:2[BF]|3D)/i;
/** Erlang's binaries. */
const ERLANG_BINARY = /<<"/;

/**
 * A base64 run of a JSON object's text: `{"`, `{ "` and `{` with a line break all encode to
 * `ey…` or `ew…` (base64url's `-` and `_` included).
 */
const BASE64_OBJECT = /(?<![\w+/-])e[wy][\w+/-]{14,}={0,2}(?![\w+/=-])/;
const BASE64_OBJECTS = new RegExp(BASE64_OBJECT.source, 'g');

/** A base64 run's text when it is UTF-8 text, else the run as it is. */
function fromBase64(run: string): string {
  try {
    const bytes = Uint8Array.from(atob(run.replace(/-/g, '+').replace(/_/g, '/')), (char) =>
      char.charCodeAt(0),
    );
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\0-\x08\x0e-\x1f]/.test(text) ? run : text;
  } catch {
    return run;
  }
}

/** Any of the escapings `unescapings` undoes, tested once before each is looked for. */
const ESCAPED = new RegExp(
  [JSON_ESCAPE, NGINX_ESCAPE, ENTITY_QUOTE, CSV_QUOTES, PERCENT, ERLANG_BINARY, BASE64_OBJECT]
    .map((escaping) => escaping.source)
    .join('|'),
  'i',
);

/** Percent-encoded bytes as text: UTF-8 when they are, else one character per byte. */
function bytesToText(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded.replace(/%([\da-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/** HTML entities decoded: the named ones a response can hold, and numeric ones. */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:(quot|amp|lt|gt|apos)|#(\d{1,7})|#x([\da-fA-F]{1,6}));/gi,
    (all: string, name?: string, dec?: string, hex?: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
      if (code > 0x10ffff) return all;
      return code >= 0 ? String.fromCodePoint(code) : (ENTITIES[String(name).toLowerCase()] ?? all);
    },
  );
}

/**
 * A key of a key=value pair: `ret=`, `"ret":`, `'msg': `, `ret = `, `errcode:`, PHP's
 * `'ret' => ` and `[ret] => `, XML's `<ret>`, and for codes `ret -303`, `errcode is 40001`,
 * `ret为-303`.
 */
const PAIR_KEY = new RegExp(
  String.raw`(\[?)(?:[ub](?=["']))?(["']?)(${OWN_KEYS})\2\]?(?:\s*(=>|->|[:=>|,])\s*|(?:\s+(?:is|was|starts\s+with)\s+|\s*(?:里面|裡面|の(?:先頭|値|中身)?)?(?:的?值)?(?:一直|总是|總是|始终|始終|都)?[为為是はが]\s*|\s*的?值\s*|\s+)(?=["'\`]?[+-]?\d))`,
  'gi',
);
/** The keys whose value may follow a space alone (`ret -303`, `errcode 40001`): codes only. */
const CODE_KEYS: readonly Key[] = ['ret', 'errcode', 'err_type'];
/**
 * What wraps a value in a dump: PHP's var_dump (`int(-303)`, `string(5) "…"`), Swift's
 * `Optional(…)`, the Mongo shell's `NumberInt(-303)`, Haskell's `(-303)`.
 */
const DUMP_TYPE =
  /^(?:(?:int|float|double|Optional|NumberInt|NumberLong|Int32|Int64|Long)\(|string\(\d+\)\s*|\((?=\s*[+-]?\d))/;

/** The start of another field after a bare value: ` name=` or ` Name:value`. */
const NEXT_FIELD = /\s[A-Za-z_][\w.-]{0,40}(?:=|:(?=[^\s/]))/;

/**
 * The key a match of `PAIR_KEY` in `text` is, or null when it is no key there (the end of a
 * word, a log level, a shell's pipe, …).
 */
function pairKey(match: RegExpExecArray, text: string, separator: string): Key | null {
  const quote = match[2];
  // A key is a word of its own: not the end of `secret=` or `format:`. (Tested here, not in
  // the expression, which then starts with the keys and is found much faster.) After a
  // bracket it is too: Java's `MsdkResp[ret=-303, …]`.
  const before = text.charAt(match.index - 1);
  if (/\w/.test(before) && !match[1]) return null;
  const name = keyOf(match[3] ?? '');
  if (!name) return null;
  // `ERROR: …` is a log level, not a QQ OAuth `error`; only `error=` or `"error":` count.
  if (name === 'error' && !quote && separator !== '=') return null;
  // A message after a space alone only when it starts with a code (`ret -10000 msg -73,…`).
  if (separator === ' ' && !CODE_KEYS.includes(name) && name !== 'msg' && name !== 'errmsg') {
    return null;
  }
  // `>` ends an XML start tag only: `<ret>-303</ret>`, not `ret>0`; `|` is a Markdown
  // table's (`| ret | -303 |`), not a shell's pipe; `,` a tuple's (`('ret', -303)`, `{"ret",-303}`).
  if (separator === '>' && before !== '<') return null;
  if (separator === '|' && !/\|\s*$/.test(text.slice(Math.max(0, match.index - 8), match.index))) {
    return null;
  }
  if (separator === ',' && !(quote && /[({]\s*$/.test(text.slice(0, match.index)))) return null;
  return name;
}

/**
 * Where the value of a pair is in `text`: it starts at `from` (after the key and separator)
 * and ends by `to` (the next key) at the latest; `quote` when it was quoted.
 */
function valueSpan(
  text: string,
  separator: string,
  start: number,
  end: number,
): { from: number; to: number; quote: string | null } {
  let from = start;
  let to = end;
  const dump = DUMP_TYPE.exec(text.slice(from, from + 24));
  if (dump) from += dump[0].length;
  // Python 2's `u'…'` and bytes' `b'…'`.
  if (/^[ub]["']/.test(text.slice(from, from + 2))) from++;
  const quote = text.charAt(from);
  if (separator === '>') {
    // An XML element's text, CDATA or not.
    if (text.startsWith('<![CDATA[', from)) from += 9;
    const close = text.indexOf('<', from);
    if (close !== -1 && close < to) to = close;
    if (text.startsWith(']]>', to - 3)) to -= 3;
    return { from, to, quote: null };
  }
  if (quote === '"' || quote === "'" || quote === '`') {
    let close = from + 1;
    while (close < to && text[close] !== quote) close += text[close] === '\\' ? 2 : 1;
    return { from: from + 1, to: Math.min(close, to), quote };
  }
  const amp = text.indexOf('&', from);
  if (amp !== -1 && amp < to) to = amp;
  // Another field of any name ends the value: logfmt's ` user=…`, Go's ` OpenID:…` (%+v
  // writes no space after the colon; prose, `param: appid`, does, and a URL has `://`).
  const space = text.indexOf(' ', from);
  const next = space !== -1 && space < to ? NEXT_FIELD.exec(text.slice(space, to)) : null;
  if (next) to = space + next.index;
  while (to > from && /[\s,;}\])|]/.test(text.charAt(to - 1))) to--;
  return { from, to, quote: null };
}

/** The keys of a text's pairs, found in one scan: parallel arrays, which make no garbage. */
interface PairKeys {
  readonly names: Key[];
  /** Where each key starts, and where its value starts. */
  readonly starts: number[];
  readonly froms: number[];
  readonly separators: string[];
}

/** What each of the keys (`OWN_KEYS`) holds: `ret`, `msg` or `err`. */
const KEY_PART = /ret|msg|err/i;

/** Pair keys a text is scanned for at most. */
const MAX_PAIR_KEYS = 512;

/** Every key of a pair in `text`, in order (see `pairKey`). */
function pairKeys(text: string): PairKeys {
  const keys: PairKeys = { names: [], starts: [], froms: [], separators: [] };
  // Every key holds one of these: most log lines hold none and need no scan for keys.
  if (!KEY_PART.test(text)) return keys;
  PAIR_KEY.lastIndex = 0;
  for (let match = PAIR_KEY.exec(text); match; match = PAIR_KEY.exec(text)) {
    const separator = match[4] ?? ' ';
    const name = pairKey(match, text, separator);
    if (!name) continue;
    keys.names.push(name);
    keys.starts.push(match.index);
    keys.froms.push(match.index + match[0].length);
    keys.separators.push(separator);
    if (keys.names.length >= MAX_PAIR_KEYS) break;
  }
  return keys;
}

/**
 * The groups of a text's pairs, as ranges of its keys: a code key seen again starts the next
 * group (`try1 ret=-2004 msg=timeout | try2 ret=-303 msg=…` is two responses), and so does a
 * msg seen again where no code key is.
 */
function pairGroups({ names }: PairKeys): [first: number, end: number][] {
  const groups: [number, number][] = [[0, names.length]];
  // Whether the group being read has `ret`, `errcode` and `msg` yet.
  let ret = false;
  let errcode = false;
  let msg = false;
  for (let n = 0; n < names.length; n++) {
    const name = names[n];
    // A msg again in a group of no code key starts another (`msg为"…"；…msg为"…"`).
    const again =
      name === 'ret'
        ? ret
        : name === 'errcode'
          ? errcode
          : name === 'msg' && msg && !ret && !errcode;
    if (again && groups.length < 16) {
      groups.at(-1)![1] = n;
      groups.push([n, names.length]);
      ret = errcode = msg = false;
    }
    if (name === 'ret') ret = true;
    else if (name === 'errcode') errcode = true;
    else if (name === 'msg') msg = true;
  }
  return groups;
}

/**
 * The values of one group of pairs as pasted (keys `first` to `end` of `keys`, the group ending
 * at `to` in the text): the first value of each key.
 */
function findPairs(
  text: string,
  original: string,
  { names, starts, froms, separators }: PairKeys,
  [first, end]: readonly [number, number],
  to: number,
): Fields {
  const pairs = newFields();
  // A group's first 33 keys are read.
  for (let n = first; n < Math.min(end, first + 33); n++) {
    const name = names[n] as Key;
    if (pairs[name] !== undefined) continue;
    const separator = separators[n] ?? ' ';
    const span = valueSpan(
      text,
      separator,
      froms[n] ?? 0,
      n + 1 < end ? (starts[n + 1] ?? to) : to,
    );
    const { from, quote } = span;
    let value = original.slice(from, span.to);
    if (separator === '=' && /%[0-9A-Fa-f]{2}|\+/.test(value)) {
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // A lone `%` is just a percent sign: the value stays as pasted.
      }
    }
    if (!CODE_KEYS.includes(name) && name !== 'error') {
      pairs[name] = value;
      continue;
    }
    // A code followed by more text (`ret=-303, cost=12ms`, `ret: -303 (appid …)`) is the
    // code; another single value is kept for the error that names it; a sentence is not one.
    const code = quote ? null : LEADING_INTEGER.exec(foldChars(value))?.[0];
    if (code) {
      pairs[name] = new Pasted(code, code);
      // `ret -10000: -73,the user …` (an error's text): the msg follows the code.
      const inner = /^\s*:\s*(?=[+-]?\d{1,10}\s*,)/.exec(value.slice(code.length));
      if (inner && name === 'ret') pairs.msg ??= value.slice(code.length + inner[0].length).trim();
    } else if (quote || /^\S{1,40}$/.test(value)) {
      pairs[name] = new Pasted(value, quote ? `${quote}${value}${quote}` : value);
    }
  }
  return pairs;
}

/** An integer at the start of a value, not followed by more of a word or number. */
const LEADING_INTEGER = /^[+-]?\d{1,10}(?:\.0+)?(?![\w.])/;

/**
 * A sentence naming a code, in Chinese, Japanese or English: `返回码：-1012`, `错误码100004`,
 * `エラーコード -4017`, `error code: -303`, `result code is 1002`, `failed with code -303`
 * (but not an HTTP `status code 400`, nor a JSON key `"code"`). (The keys of a response,
 * `errcode is 40001` say, are read as pairs, with their route.)
 */
const SENTENCE =
  /(?:error[ _-]?code|err[ _-]code|return[ _-]?code|ret[ _-]?code|result[ _-]?code|(?<![\w"'.]|(?:status|http|response|exit|zip|post|country|area|sms|verification|auth)[ _-]?)code|返回码|返回碼|返回值|错误码|錯誤碼|错误代码|錯誤代碼|错误号|エラーコード|エラー番号|結果コード|リターンコード|戻り値|[오에]류?러?\s*코드|(?:리턴|반환|결과)\s*(?:값|코드)|返回(?=\s*[+-]?\d)|(?:エラー|错误|錯誤|报错|報錯|失败|失敗)(?=\s*[:(]|\s*[是为為]?\s*\(?\s*[+-]\d))(?:\s*(?:[:=#]|is|was|为|為|是|は|が|：|[는은이가])\s*|\s*)["'(\[]?([+-]?\d{1,10})/gi;
/**
 * `error -303`, `Error 42001`, `returned error -73` in English prose: the word `error` (not the
 * log level `ERROR`, which a process id may follow) and a number.
 */
const ERROR_NUMBER = /(?<![\w-])(?:[Ee]rror|[Ee]rr)\s+#?([+-]?\d{1,10})/g;
/**
 * A verb of failing and a code with its sign, in English, Chinese and Japanese: `every call
 * returns -303`, `fails with -1011`, `登录报-73了`, `verify_login が -303 を返します`.
 */
const VERB_NUMBER = new RegExp(
  [
    // English, the code with its sign after the verb.
    String.raw`(?<![\w-])(?:return(?:s|ed|ing)?|fail(?:s|ed|ing)?\s+with|got|gets|getting|receiv(?:e|es|ed|ing)|report(?:s|ed|ing)?|throw(?:s|ing)?|threw|status)\s+([+-]\d{1,10})`,
    // Chinese, the code after the verb, with its sign or of four digits or more.
    String.raw`(?:[报報](?:了个|了)?|收到|出现|出現|给的是|給的是|还是|還是|回传|回傳|一直是|返回的是)\s*([+-]\d{1,10}|\d{4,10})`,
    // Japanese and Korean, the code before the verb or the noun.
    String.raw`(?<![\w.+-])([+-]?\d{1,10})\s*(?:を返|が返|が出|の?エラー|错误|錯誤|에러|오류)`,
    String.raw`(?:返ってくるのは|返るのは)\s*([+-]?\d{1,10})`,
    // Any language: a code with its sign alone in brackets (`is rejected (-303).`, `「-303」`).
    String.raw`(?<![\w)])[(「『]([+-]\d{1,10})[)」』]`,
  ].join('|'),
  'g',
);
/** What follows a number that is no code: more of a word, a date or a time (`2024-05`, `10:21`). */
const NOT_A_CODE_WORD = /^(?:[A-Za-z_]|[-/:]\d)/;

/** Whether a number has as many digits as a code may have (`CODE_DIGITS`), its sign aside. */
const codeDigits = (number: string) =>
  /^[+-]?\d+$/.test(number) && number.replace(/^[+-]/, '').length <= CODE_DIGITS;

/** A number without a sign from 100 to 599: an HTTP status, which no table's code is. */
const httpStatus = (number: string) => /^[1-5]\d\d$/.test(number);

/**
 * What a text must hold for each sentence to match in it: `code` or a word outside ASCII; the
 * word `err`; a sign after a space or a bracket, or a word outside ASCII. (A test of one
 * character class is much cheaper than running a sentence's many words over a line.) A word
 * added to a sentence must keep its sign true wherever the sentence matches. Outside ASCII is
 * spelled `[\x80-\uffff]` in each sign (a `RegExp` built from one string costs the decoder's
 * script more bytes than the three literals).
 */
const SENTENCE_SIGNS: readonly (readonly [RegExp, RegExp])[] = [
  [/code|[\x80-\uffff]/i, SENTENCE],
  [/[Ee]rr/, ERROR_NUMBER],
  [/[\s(][+-]\d|[\x80-\uffff]/, VERB_NUMBER],
];

function findSentence(text: string): ParsedRecord | null {
  for (const [sign, sentence] of SENTENCE_SIGNS) {
    if (!sign.test(text)) continue;
    sentence.lastIndex = 0;
    for (let tries = 0; tries < 3; tries++) {
      const match = sentence.exec(text);
      if (!match) break;
      const code = match.slice(1).find((group) => group !== undefined) ?? '';
      const rest = text.slice(match.index + match[0].length);
      // A code has no leading zero (`code=081abc` is an OAuth code, not 81).
      if (/^[+-]?0\d/.test(code) || NOT_A_CODE_END.test(rest) || NOT_A_CODE_WORD.test(rest))
        continue;
      // Nor is an HTTP status (no code of the tables is one: `code=200`), nor gRPC's `Code(14)`.
      if (UNIT.test(rest) || httpStatus(code) || /Code\($/.test(match[0].slice(0, -code.length)))
        continue;
      return { ...EMPTY, form: 'bare-code', route: 'bare-code', code: Number(code) };
    }
  }
  return null;
}

/**
 * Log prefixes that may stand before a bare code or msg value, tried in this order. A label
 * (`MsdkClient: …`) counts only after a time, a level, a thread or a logger: a line that starts
 * with one (`AppID: 1000001`, `Zone: 2`, `Content-Length: 52`) is a field of something else.
 */
const PREFIX_TOKENS = [
  /(?<space>\s+)/,
  /\[[^\]\n]{0,200}\]/,
  /\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?=[\sT])/,
  /T?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?(?=\s|$)/,
  /(?:TRACE|DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL|SEVERE|CRITICAL|[VDIWEF])(?=[\s/:])/,
  /(?<tag>\/[\w$.-]{1,80}(?:\(\s*\d+\))?:)/,
  /\d{1,7}(?=\s+(?:\d{1,7}\s+)?[VDIWEF]\s)/,
  // Logcat's newer columns: `4321-4388  MSDK  com.example.game  E  …` (two spaces or more).
  /\d{1,7}-\d{1,7}(?=\s)|(?<column>[A-Za-z_][\w$-]{0,40})(?=\s{2,})/,
  /(?<logger>[A-Za-z_$][\w$]*(?:\.[\w$]+)+(?::\d+)?)/,
  /(?<label>[A-Za-z_$][\w$.-]{0,79}:)(?=\s)/,
  /(?<marker>(?:-{1,2}|:|\||>|»|—)(?=\s))/,
];
/** One log prefix token at `lastIndex`: the first of `PREFIX_TOKENS` that matches there. */
const PREFIX_TOKEN = new RegExp(PREFIX_TOKENS.map((token) => token.source).join('|'), 'y');

/**
 * Whether the whole of `text` is log prefix (timestamps, levels, `[thread]`, loggers, `-`):
 * `log`, or `label` when it ends with a label or a logger's name (`MsdkHttp: `,
 * `c.t.MsdkClient `), after which a number without a sign is a value (a status, a length, a
 * count: `MsdkHttp: 200`), not a code; null when it is not.
 */
function logPrefix(text: string): 'log' | 'label' | null {
  PREFIX_TOKEN.lastIndex = 0;
  // Whether a time, level, thread or logger came before: a label alone is no log prefix.
  let logged = false;
  let labelled = false;
  for (let step = 0; step < 40 && PREFIX_TOKEN.lastIndex < text.length; step++) {
    const token = PREFIX_TOKEN.exec(text);
    if (!token) return null;
    const { space, tag, logger, label, column, marker } = token.groups ?? {};
    if (label !== undefined && !logged) return null;
    if (space === undefined && marker === undefined) {
      logged = true;
      labelled = (label ?? logger ?? tag ?? column) !== undefined;
    }
  }
  if (PREFIX_TOKEN.lastIndex < text.length) return null;
  return labelled ? 'label' : 'log';
}

/**
 * Whether a bare number after a log prefix (`prefix` as `logPrefix` says) is a code: a code
 * has at most six digits, and after a label it has its sign (`MsdkClient: -303`).
 */
const bareCode = (prefix: 'log' | 'label' | null, number: string) =>
  prefix !== null &&
  codeDigits(number) &&
  !httpStatus(number) &&
  (prefix === 'log' || number.startsWith('-'));

/**
 * Whether what follows a number makes it the code at the start of a msg value: a comma, or a
 * character outside ASCII that is no unit (`-73,…`, `-73用户…`, `-73ï¼Œ…`, `-73，…`).
 */
const endsMsgCode = (rest: string) =>
  /^\s*,/.test(rest) || (rest.charCodeAt(0) > 0x7f && !UNIT.test(rest));

/** A code standing alone at the end of a line: `… ERROR - -303`, `"-303"`. */
const TRAILING_CODE = /(^|\s)(["']?)([+-]?\d{1,10})\2\s*$/;
/** The longest text `TRAILING_CODE` matches, after the last character that is not a space. */
const TRAILING_CODE_LENGTH = 14;
/** A number starting after whitespace, which may start a msg value (`… - -73,internal`). */
const MSG_START = /(^|\s)(["']?)([+-]?\d{1,10})(?![\d.])/g;
/** What a line must hold for a msg value's code to end in it (`endsMsgCode`). */
const MSG_CODE_SIGN = /,|[\x80-\uffff]/;

/**
 * A bare code or msg value, alone or after a log prefix. The code is looked for first (a
 * number at the end, or a number after whitespace followed by a comma or by text that is not
 * ASCII, as in `-73用户修改了密码`; up to eight of those) so that the prefix is only checked on
 * lines that could hold one.
 */
function findBare(text: string, original: string): ParsedRecord | null {
  // The regular expression is only run when the line ends with a digit or a quote.
  let end = text.length - 1;
  while (end >= 0 && text.charCodeAt(end) <= 32) end--;
  const last = text.charCodeAt(end);
  // It is run on the line's last characters only: a space, a quote, a sign and ten digits, and
  // a quote (one character more, so that `^` can only be the line's start).
  const from = Math.max(0, end - TRAILING_CODE_LENGTH);
  const trailing =
    (last >= 48 && last <= 57) || last === 34 || last === 39
      ? TRAILING_CODE.exec(text.slice(from, end + 1))
      : null;
  const before =
    trailing && logPrefix(text.slice(0, from + trailing.index + (trailing[1] ?? '').length));
  if (trailing && bareCode(before ?? null, trailing[3] ?? '')) {
    return { ...EMPTY, form: 'bare-code', route: 'bare-code', code: Number(trailing[3]) };
  }
  // A msg value's code is followed by a comma or by a character outside ASCII (`endsMsgCode`).
  if (!MSG_CODE_SIGN.test(original)) return null;
  MSG_START.lastIndex = 0;
  // The numbers of a log prefix come first (a date, a time, process ids): a few more tries.
  for (let tries = 0; tries < 8; tries++) {
    const match = MSG_START.exec(text);
    if (!match) break;
    const [whole, space = '', quote = ''] = match;
    const end = match.index + whole.length;
    // What follows the code, in the text as pasted (U+FFFD is folded to a space in `text`).
    if (!endsMsgCode(original.slice(end, end + 8))) continue;
    const start = match.index + space.length;
    // A msg value has its message after the comma, not more fields (`502, message='Bad …'`);
    // its code may be positive after a label (`E/MSDK: 100013,access token is illegal`).
    if (/^\s*,\s*\w+=/.test(text.slice(end)) || !logPrefix(text.slice(0, start))) continue;
    if (!codeDigits(match[3] ?? '')) continue;
    let last = text.trimEnd().length;
    if (quote && text[last - 1] === quote) last--;
    const message = original.slice(start + quote.length, last);
    return { ...EMPTY, form: 'bare-msg', route: 'bare-msg', code: Number(match[3]), message };
  }
  return null;
}

/** What the rules found so far in one text (each rule adds to it), before it is a `Reading`. */
interface Finding {
  found: ParsedRecord[] | undefined;
  bad: string | null;
  sawJson: boolean;
}

/**
 * Reads a text: every rule of this module in order (see the top). `loose` allows a bare code
 * or msg value (the record itself, or a log line inside a wrapper); `depth` bounds the texts
 * read inside texts.
 */
function readText(
  text: string,
  original: string,
  depth: number,
  loose: boolean,
  objects = findObjects(text),
): Reading {
  const [spans, open] = objects;
  const finding: Finding = { found: undefined, bad: null, sawJson: false };
  const failed = readJson(finding, text, original, spans, depth);
  if (!finding.found && depth < 4) {
    const inner = readUnescaped(finding, original, depth, loose);
    if (inner) return inner;
  }
  if (!finding.found && open !== null && RESPONSE_KEY.test(text.slice(open))) {
    return { found: [], bad: finding.bad, sawJson: finding.sawJson, truncated: true };
  }
  if (!finding.found && depth < 4) readDumps(finding, text, original, failed, depth);
  if (!finding.found) readPairs(finding, text, original, depth);
  const named = finding.found
    ? null
    : (findSentence(text) ?? (loose ? findBare(text, original) : null));
  const { bad, sawJson } = finding;
  const found = finding.found ?? (named ? [named] : undefined);
  if (found) return { found, bad, sawJson, truncated: false };
  return bad === null && !sawJson ? NOTHING : { ...NOTHING, bad, sawJson };
}

/**
 * Rule 1: the responses of a text's JSON objects, into `finding`; the spans that are not
 * JSON are returned, for rule 3.
 */
function readJson(
  finding: Finding,
  text: string,
  original: string,
  spans: Objects[0],
  depth: number,
): (readonly [number, number])[] | undefined {
  let failed: (readonly [number, number])[] | undefined;
  for (const span of spans) {
    if (finding.found && finding.found.length >= 64) break;
    const [start, end] = span;
    const json =
      parseObject(original.slice(start, end)) ??
      (text === original ? undefined : parseObject(text.slice(start, end)));
    if (json === undefined) {
      failed ??= [];
      if (failed.length < 8) failed.push(span);
      continue;
    }
    finding.sawJson = true;
    const more: ParsedRecord[] = [];
    const response = findResponse(json, depth, more);
    if (response !== null && typeof response === 'object') {
      (response as Placed).span = span;
      const found = (finding.found ??= []);
      found.push(response);
      for (const one of more) {
        (one as Placed).span = span;
        found.push(one);
      }
    } else finding.bad ??= response;
  }
  return failed;
}

/** Rule 2: the text read again undone of each escaping it shows; the first that holds one. */
function readUnescaped(
  finding: Finding,
  original: string,
  depth: number,
  loose: boolean,
): Reading | null {
  for (const variant of unescapings(original)) {
    const inner = readText(foldChars(variant), variant, depth + 1, loose);
    if (inner.found.length) return { ...inner, found: inner.found.map(unplaced) };
    finding.bad ??= inner.bad;
    finding.sawJson ||= inner.sawJson;
  }
  return null;
}

/**
 * Rule 3: an object that is not JSON, read as a text of its own: a dump of a parsed body
 * (`{ret=-303, …}`, `{'ret': -303}`, `{Ret:-303 …}`, each a response), or a wrapper that is
 * not JSON (Logstash's rubydebug) around one that is.
 */
function readDumps(
  finding: Finding,
  text: string,
  original: string,
  failed: readonly (readonly [number, number])[] | undefined,
  depth: number,
): void {
  for (const span of failed ?? []) {
    const [start, end] = span;
    const inner = readText(
      text.slice(start + 1, end - 1),
      original.slice(start + 1, end - 1),
      depth + 1,
      false,
    );
    const [first] = inner.found;
    if (first) (finding.found ??= []).push({ ...first, span });
    finding.bad ??= inner.bad;
  }
}

/** Rule 4: the text's pairs, in groups: a code key again starts another response. */
function readPairs(finding: Finding, text: string, original: string, depth: number): void {
  const keys = pairKeys(text);
  for (const group of pairGroups(keys)) {
    const start = group[0] === 0 ? 0 : (keys.starts[group[0]] ?? 0);
    const end = keys.starts[group[1]] ?? text.length;
    const fields = findPairs(text, original, keys, group, end);
    const body = readBody(fields, depth, 2);
    const alone = body === null ? msgAlone(fields.msg, keys, group) : null;
    if (body !== null && typeof body === 'object') {
      (finding.found ??= []).push({ ...body, form: 'pairs', span: [start, end] });
    } else if (alone) (finding.found ??= []).push({ ...alone, span: [start, end] });
    else finding.bad ??= body;
  }
}

/**
 * A msg pair with no code key beside it (`msg=-73,the user …`, `"msg":"100014,…"`, `msg starts
 * with 100014`): the code its value starts with, read as a bare msg value, when a comma, text
 * outside ASCII or nothing follows the code (as in the envelopes' messages), or when words
 * name what the msg starts with.
 */
function msgAlone(
  value: unknown,
  { names, separators }: PairKeys,
  [first, end]: readonly [number, number],
): ParsedRecord | null {
  if (typeof value !== 'string') return null;
  const code = leadingCode(foldChars(value.slice(0, 32)));
  if (code === null || !codeDigits(String(code))) return null;
  const at = names.indexOf('msg', first);
  const worded = at !== -1 && at < end && separators[at] === ' ';
  const after = value.replace(/^\s*[[(]?\s*[+-]?\d+[\])]?/, '');
  if (!worded && after.trim() && !endsMsgCode(after)) return null;
  return { ...EMPTY, form: 'bare-msg', route: 'bare-msg', code, message: value };
}

/**
 * Reads one record: the responses it holds (several for `{…}{…}`), or one record with the
 * error of a response that cannot be read, or one context record. Never throws.
 */
export function parseRecords(
  record: Pick<RawRecord, 'text' | 'original' | 'cut' | 'objects'>,
): ParsedRecord[] {
  const { text, original, objects } = record;
  const { found, bad, sawJson, truncated } = readText(text, original, 0, true, objects);
  if (found.length > 1) return found;
  const [first] = found;
  if (first) return [unplaced(first)];
  if (truncated)
    return [{ ...EMPTY, error: record.cut ? UNREADABLE.tooLong : UNREADABLE.truncated }];
  if (bad !== null) return [{ ...EMPTY, error: bad }];
  return [{ ...EMPTY, context: true, error: sawJson ? UNREADABLE.noKeys : UNREADABLE.noCode }];
}

/** Reads one record: its first response, or why it has none. Never throws. */
export function parseRecord(
  record: Pick<RawRecord, 'text' | 'original' | 'cut' | 'objects'>,
): ParsedRecord {
  return parseRecords(record)[0] ?? { ...EMPTY, context: true, error: UNREADABLE.noCode };
}
