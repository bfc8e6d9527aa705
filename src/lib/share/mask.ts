/**
 * Masking what is shared from a paste. A list of secret key names can never be complete
 * (`wx_access_token`, `p_skey`, `msg_signature`, `jsapi_ticket`, …), so this works the other
 * way round: every value is masked unless its key is on a short allow-list of harmless fields
 * (the code fields, the messages, `err_type`, timestamps, endpoint paths). It reads the
 * syntaxes the decoder reads: JSON (escaped at any depth), `key=value` and `key: value` pairs,
 * URL queries (percent-encoded too), HTTP headers and cookies, and the dumps of PHP, Ruby,
 * Python, Java and Go; and a name and its value apart, in tables, labels, markup and multipart
 * bodies. Text that belongs to no key keeps its words, but token-like runs (long hex or base64
 * runs, JWTs, bearer tokens, e-mail and IP addresses, long digit runs) are masked wherever they
 * stand. When in doubt, mask.
 *
 * Pure: no DOM, no node:* (the decoder's share dialog loads it when first opened).
 */
import { CODE_DIGITS } from '../catalog/vocabulary.ts';
import { ANSI_ALL, foldChars } from '../decode/normalize.ts';

/** The placeholder for a masked value. */
export const MASK = '[REDACTED]';

/** A text with its secrets masked, and how many values were masked. */
export interface Masked {
  readonly text: string;
  readonly masked: number;
}

/**
 * Where a text stands: a whole paste (every syntax, headers and `key: value` included), or a
 * message value (`msg`, `errmsg`, …), whose prose keeps its `word: word` but whose `key=value`
 * pairs, embedded JSON and token-like runs are still masked.
 */
export type MaskScope = 'paste' | 'message';

/** What the allow-list lets a key's value be. */
type Allowed = 'code' | 'message' | 'time' | 'word' | 'header';

/** The harmless fields, by key in its plain spelling: lower case, without `_`, `-`, `.`, `@`, `$`. */
const ALLOWED: Record<string, Allowed> = {
  // The code fields: kept only when the value is an integer. (Not `code`: OAuth's `code=` and
  // an SMS code are secrets, and no response the decoder reads carries its code there.)
  ret: 'code',
  errcode: 'code',
  error: 'code',
  errorcode: 'code',
  errno: 'code',
  status: 'code',
  statuscode: 'code',
  errtype: 'code',
  // The messages: kept, with what is inside them masked.
  msg: 'message',
  errmsg: 'message',
  errordescription: 'message',
  message: 'message',
  // Endpoint paths: kept, with their query masked.
  path: 'message',
  endpoint: 'message',
  uri: 'message',
  url: 'message',
  // Timestamps: kept when they look like one.
  time: 'time',
  timestamp: 'time',
  ts: 'time',
  date: 'time',
  datetime: 'time',
  createdat: 'time',
  // Log levels and streams: kept when they are one short word.
  level: 'word',
  severity: 'word',
  stream: 'word',
  // Structural HTTP headers.
  contenttype: 'header',
  contentlength: 'header',
};

/** A key as the allow-list spells it. */
const plainKey = (key: string) => key.toLowerCase().replace(/[-_.@$:\s]/g, '');

/** Header names that are headers even without a `-` in them. */
const ONE_WORD_HEADERS = new Set(
  'authorization cookie host accept date server connection origin referer location vary expires pragma etag age via upgrade'.split(
    ' ',
  ),
);

/** What a log level or stream field holds. */
const LEVEL_OR_STREAM =
  /^(?:trace|debug|info|notice|warn|warning|error|err|fatal|severe|critical|crit|alert|emerg|verbose|stdout|stderr|[VDIWEF])$/i;

/** Values that carry nothing: kept, and not counted. */
const EMPTY = /^(?:|null|nil|none|true|false|undefined|\[REDACTED\])$/i;
/** An integer code (`-303`, `"-303"`, `-303.0`): six digits at most, as the catalog's. */
const INTEGER = new RegExp(`^\\s*[+-]?\\d{1,${CODE_DIGITS}}(?:\\.0+)?\\s*$`);
/**
 * A timestamp: a date with or without its time, a time, or epoch seconds or milliseconds of a
 * time a log may be from (2014 to 2034: ten digits from 13… are a QQ number, not a time).
 */
const TIMESTAMP =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?|\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$|^(?:1[4-9]\d{8}|20[0-4]\d{7})(?:\d{3})?$/;

/**
 * Sentinels around text already decided (kept or masked) while a text is being masked, so the
 * token pass leaves it alone. They are private-use characters, removed from the input first.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SENTINELS = /[\uE000\uE001]/g;
const kept = (text: string) => `${OPEN}${text}${CLOSE}`;

/**
 * A text as it is judged, one unit for one so that offsets hold: look-alike characters folded
 * to ASCII (full-width digits and `＠`, ideographic and non-breaking spaces), Arabic-Indic
 * digits to ASCII digits, colour escapes blanked. Numbers and e-mails written so are masked
 * as theirs are.
 */
const fold = (text: string): string =>
  foldChars(text.replace(ANSI_ALL, (escape) => ' '.repeat(escape.length))).replace(
    /[\u0660-\u0669\u06f0-\u06f9]/g,
    (digit) => String(digit.charCodeAt(0) & 15),
  );

/** Each match of `re` (global) on the folded text replaced by `change` of the text as pasted. */
function replaceFolded(
  text: string,
  re: RegExp,
  change: (pasted: string, match: RegExpExecArray) => string,
): string {
  let out = '';
  let at = 0;
  for (const match of fold(text).matchAll(re)) {
    const end = match.index + match[0].length;
    out += text.slice(at, match.index) + change(text.slice(match.index, end), match);
    at = end;
  }
  return out + text.slice(at);
}

/** Counts the masks of one masking run. */
interface Counter {
  masked: number;
}

const masked = (counter: Counter) => {
  counter.masked++;
  return kept(MASK);
};

/**
 * A key and its separator, in every syntax read (the value follows the match):
 * - `q`, `key`: a quoted key, `"key"`, `'key'`, or escaped at any depth, `\"key\"`, `\\\"key\\\"`;
 * - `bkey`: a PHP `print_r` / `var_dump` key, `[key] =>`, `["key"]=>`, `[key:protected] =>`;
 * - `rkey`: a Ruby symbol, `:key =>`;
 * - `key2`: a bare key, `key=`, `key:`, `key =>`, `key%3D` (percent-encoded `=`, once or twice);
 * - `sep`: the separator.
 */
const KEY_SOURCE = [
  String.raw`(?<q>\\*["']|\\x22|&quot;|"")(?<key>[\w@$\u3400-\u9fff][\w.@$ \u3400-\u9fff-]{0,63})\k<q>\s*(?<sep>=>|[:=：])\s*`,
  String.raw`\[\s*(?<bq>["']?)(?<bkey>[A-Za-z_@$][\w.@$-]{0,63})\k<bq>(?::[\w ]+)?\s*\]\s*=>\s*(?:(?:string|int|float|bool)\(\d+\)\s*)?`,
  String.raw`(?<![\w:]):(?<rkey>[A-Za-z_]\w{0,63})\s*=>\s*`,
  String.raw`(?<=^|[^\w$@.\\/%-]|%3[fF]|%26|%20|%2[cC]|%253[fF]|%2526)(?<key2>[A-Za-z_@$\u3400-\u9fff][\w.@$\u3400-\u9fff-]{0,63})[ \t]*(?<sep2>=>|:=|=|:(?!//)|：|%3[dD]|%253[dD])[ \t]*`,
].join('|');
const KEYS = new RegExp(KEY_SOURCE, 'g');

/**
 * Words for a credential in scripts without spaces (Chinese, Japanese, Korean, Thai), for the
 * key names and the words below. A compound ending in one is one too: `短信验证码`, `支付密码`,
 * `会议密码`, `红包口令`, `ワンタイムパスワード`.
 */
const CJK_CREDENTIALS =
  '密[码碼钥]|[验驗][证證][码碼]|动态码|授权码|口令|令牌|票据|校验码|短信码|签名|登录态|暗号|答案|合言葉|暗証番号|認証コード|パスワード|トークン|비밀번호|인증번호|รหัส';

/**
 * Key names of credentials. In a message, a bare `key:` is prose (`hint: retry later`) unless
 * its key names one of these (`skey: …`, `token：…`, `密码：…`).
 */
const CREDENTIAL = new RegExp(
  `(?:token|key|pass|pwd|secret|ticket|sig|session|cookie|auth|openid|unionid|uin|pin|otp|code|credential|answer|${CJK_CREDENTIALS})`,
  'i',
);

/** Keys that are log levels, not fields: `ERROR: …`, `WARN: …`. */
const LOG_LEVEL = /^(?:trace|debug|info|notice|warn|warning|error|fatal|severe|critical)$/i;
/** `file.java:123` in a stack frame: a file and a line, not a key and a value. */
const SOURCE_FILE =
  /\.(?:java|kt|scala|go|py|rb|php|js|mjs|ts|cs|cpp|cc|c|h|m|mm|swift|dart|lua)$/i;

/** Where a bare value ends: whitespace, separators, brackets, quotes, or a percent-encoded `&`. */
const BARE_END = /[\s,;&}\])"'<>|\\]|%26|%2526|%20|%2[cC]/;
/**
 * The bare value at the start of `rest` (after a key and its separator): up to `BARE_END`, but
 * an e-mail written against harvesters (`li.lei(at)corp(dot)cn`), two values written as one
 * under a key not allowed (`账号: gm01 / Tulip_9`) and a scheme with its credential
 * (`Authorization=Bearer …`) are each one value.
 */
function bareValue(rest: string, allowed: Allowed | undefined): string {
  const scheme = /^(?:Bearer|Basic|Token|Digest|MAC|OAuth)[ \t]+[^\s,;&}\]"']+/i.exec(rest);
  if (scheme) return scheme[0];
  const end = BARE_END.exec(rest);
  const value = HIDDEN_MAIL_VALUE.exec(rest)?.[0] ?? (end ? rest.slice(0, end.index) : rest);
  const both = allowed ? null : /^[^\s/]{1,64} ?\/ ?[^\s/]{1,64}/.exec(rest);
  return both && both[0].length > value.length ? both[0] : value;
}

/** A bare value that is itself the start of a pair (`ERROR: ret=-303`): no value of its own. */
const NESTED_PAIR = /^[A-Za-z_@$][\w.@$-]{0,63}(?:=|:(?!\/\/))/;

/**
 * The end of a quoted value opened at `from` (just after the opening quote token `quote`): the
 * offset of its closing token, or -1. Unescaped (`"…"`), a backslash escapes the next
 * character; escaped at some depth (`\"…\"`), the close is the same token not preceded by one
 * more backslash.
 */
function closingQuote(text: string, from: number, quote: string): number {
  const mark = quote.at(-1)!;
  if (quote.length === 1) {
    for (let i = from; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === mark) return i;
      else if (ch === '\n') return -1;
    }
    return -1;
  }
  for (let at = text.indexOf(quote, from); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (text[at - 1] !== '\\') return at;
  }
  return -1;
}

/** Quote tokens of more than one character that are not backslash escapes. */
const LONG_QUOTES = new Set(['""', '&quot;', '\\x22']);

/**
 * The quote token a value starts with, if any. After a key quoted with `""` (CSV), `&quot;`
 * (HTML) or `\x22` (nginx), the value is quoted the same way.
 */
function valueQuote(rest: string, keyQuote: string | undefined): string | undefined {
  if (keyQuote && LONG_QUOTES.has(keyQuote))
    return rest.startsWith(keyQuote) ? keyQuote : undefined;
  return /^(?:\\*["']|\\x22|&quot;)/.exec(rest)?.[0];
}

/**
 * The offset where a bracketed structure (a list, an object, a tuple) opened at `from` closes
 * (JSON strings skipped), or -1.
 */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(text, i + 1, ch);
      if (end === -1) return -1;
      i = end;
    } else if (ch === '[' || ch === '{' || ch === '(') depth++;
    else if (ch === ']' || ch === '}' || ch === ')') {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/** A value kept or masked according to what its key is allowed. */
function decide(value: string, allowed: Allowed | undefined, counter: Counter): string {
  if (EMPTY.test(value.trim())) return value;
  switch (allowed) {
    case 'code':
      return INTEGER.test(value) ? kept(value) : masked(counter);
    case 'message':
      return maskIn(value, 'message', counter);
    case 'time':
      return TIMESTAMP.test(value.trim()) ? kept(value) : masked(counter);
    case 'word':
      return LEVEL_OR_STREAM.test(value.trim()) ? kept(value) : masked(counter);
    case 'header':
      return /^[\w./+\-; =]{1,80}$/.test(value.trim()) ? kept(value) : masked(counter);
    default:
      // A value that is itself JSON or a query holds keys of its own: those decide.
      return /^\s*(?:[{[]|[A-Za-z_]\w*=)/.test(value)
        ? maskIn(value, 'paste', counter)
        : masked(counter);
  }
}

/**
 * The values after each key of a text masked (or kept, by the allow-list). Text between keys
 * is returned as it is, for the token pass.
 */
function maskPairs(text: string, scope: MaskScope, counter: Counter): string {
  const keys = KEYS;
  let out = '';
  let at = 0;
  keys.lastIndex = 0;
  for (let match = keys.exec(text); match; match = keys.exec(text)) {
    if (match.index < at) continue;
    const groups = match.groups ?? {};
    const key = groups['key'] ?? groups['bkey'] ?? groups['rkey'] ?? groups['key2'] ?? '';
    const start = match.index + match[0].length;
    const bare = groups['key2'] !== undefined;
    // A log level or a file:line is not a key; `ERROR: ret=-303` holds its pair further on.
    const colon = groups['sep2'] === ':' || groups['sep2'] === '：';
    if (bare && colon && (LOG_LEVEL.test(key) || SOURCE_FILE.test(key))) continue;
    if (bare && colon && scope === 'message' && !CREDENTIAL.test(key)) continue;
    const allowed = ALLOWED[plainKey(key)];
    // An allowed key stays as it is (`errmsg` is no secret); others are judged as words.
    const named = text.slice(match.index, start);
    out += text.slice(at, match.index) + (allowed ? kept(named) : named);
    at = start;
    const rest = text.slice(start);
    const quote = valueQuote(rest, groups['q']);
    if (quote) {
      const close = closingQuote(text, start + quote.length, quote);
      // A value cut off before its closing quote is masked to the end of its line.
      const end = close === -1 ? start + /^[^\n]*/.exec(rest)![0].length : close;
      const value = text.slice(start + quote.length, end);
      out += `${quote}${decide(value, allowed, counter)}${close === -1 ? '' : quote}`;
      at = close === -1 ? end : close + quote.length;
    } else if (
      allowed === undefined &&
      (rest.startsWith('[') || (rest.startsWith('(') && closingBracket(text, start) !== -1))
    ) {
      // A list or a tuple (`auth=('gm', 'pass')`) under a key that is not allowed: its scalars
      // are masked, its objects scanned.
      const close = closingBracket(text, start);
      if (close === -1) continue;
      const list = text.slice(start, close + 1);
      out += /[{]/.test(list)
        ? maskIn(list, scope, counter)
        : list.replace(
            /(\\*["'])(.*?)\1|[^\s,[\]()"']+/g,
            (item: string, q?: string, inner?: string) =>
              q === undefined
                ? EMPTY.test(item)
                  ? item
                  : masked(counter)
                : EMPTY.test(inner ?? '')
                  ? item
                  : `${q}${masked(counter)}${q}`,
          );
      at = close + 1;
    } else if (rest.startsWith('{') || rest.startsWith('[')) {
      // A structure: its own keys are met as the scan goes on.
      continue;
    } else if (groups['bkey'] !== undefined) {
      // print_r: the value is the rest of the line (`Array` opens a nested block).
      const value = /^[^\n]*/.exec(rest)![0];
      if (/^\s*Array\s*$/.test(value)) continue;
      out += decide(value, allowed, counter);
      at = start + value.length;
    } else {
      const value = bareValue(rest, allowed);
      // A value that starts a credential's name is prose: `反馈：支付密码 482913`, `support:
      // verification code is …` (the word pass masks what follows).
      const next = /^[ \t]+([^\s,;:]+)/.exec(rest.slice(value.length))?.[1];
      if (!value || NESTED_PAIR.test(value)) continue;
      if (next && [value, next].some((one) => CREDENTIAL_WORD.test(one) || NUMBER_WORD.test(one)))
        continue;
      // A bare value after a JSON key stays JSON when masked: `"uin": 123` → `"uin": "[…]"`.
      const decided = decide(value, allowed, counter);
      out += groups['q'] === '"' && decided.includes(MASK) ? `"${decided}"` : decided;
      at = start + value.length;
    }
  }
  return out + text.slice(at);
}

/** An HTTP header line, optionally after curl's `> ` / `< `: its prefix, name and value. */
const HEADER_LINE = /^(\s*(?:[<>]\s)?)([A-Za-z][A-Za-z0-9-]{0,63}):[ \t]+(\S.*)$/gm;

/** Header lines: secret-bearing values masked whole, cookies pair by pair. */
function maskHeaders(text: string, counter: Counter): string {
  return text.replace(HEADER_LINE, (line: string, prefix: string, name: string, value: string) => {
    const lower = name.toLowerCase();
    const isHeader = /[<>]/.test(prefix) || name.includes('-') || ONE_WORD_HEADERS.has(lower);
    if (!isHeader) return line;
    const allowed = ALLOWED[plainKey(name)];
    const head = `${prefix}${name}: `;
    if (lower === 'cookie' || lower === 'set-cookie')
      return head + maskPairs(value, 'paste', counter);
    if (allowed === 'header' || allowed === 'time') return head + decide(value, allowed, counter);
    if (/^\s*[{[]/.test(value)) return head + maskIn(value, 'paste', counter);
    return head + masked(counter);
  });
}

/** An e-mail address written against harvesters: `li.lei(at)corp(dot)cn`, `[at]`, `{@}`. */
const HIDDEN_MAIL = String.raw`[\w.+-]+\s?[([{]\s?(?:[Aa][Tt]|@)\s?[)\]}]\s?[A-Za-z0-9-]+(?:(?:\s?[([{]\s?[Dd][Oo][Tt]\s?[)\]}]\s?|\.)[A-Za-z0-9-]+)+`;
const HIDDEN_MAIL_VALUE = new RegExp(`^${HIDDEN_MAIL}`);

/** Token-like runs, masked wherever they stand outside decided text. */
const TOKENS = new RegExp(
  [
    // The user and password of a URL (`https://user:pass@host`) or of curl's `-u user:pass`.
    String.raw`(?<=://)[^\s/@:]+:[^\s/@]+(?=@)|(?<=(?:^|\s)(?:-u|--user)\s+)\S+`,
    // A bearer (or basic) credential after its scheme.
    String.raw`(?<=\b(?:[Bb]earer|BEARER|[Bb]asic|[Tt]oken|OAuth|[Dd]igest)\s+)[A-Za-z0-9._~+/=-]{4,}`,
    // A private key's block, whole.
    String.raw`-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)`,
    // API keys by their well-known prefixes (Stripe, OpenAI, GitHub, Slack, Google).
    String.raw`\b(?:[sprk]k[-_](?:live|test|proj)?[-_]?|gh[pousr]_|xox[abprs]-|AIza)[\w-]{8,}`,
    // The user's name in a home folder's path.
    String.raw`(?<=[\\/](?:Users|home)[\\/]+)[^\\/\s"']+`,
    // A phone or card number written in groups: 138 1234 5678, 6222 0212 3456 7890.
    String.raw`\b(?:\d{3,4}(?: {1,2}|-)){2,3}\d{3,4}\b`,
    // The password `net use` takes after the share, by position (options start with `/`).
    String.raw`(?<=\bnet\s+use\s+(?:[A-Za-z]:\s+)?\\\\\S+\s+)[^\s/]\S*`,
    // The password of `mysql -p…`, attached.
    String.raw`(?<=\bmysql\w*\b[^\n]*?\s-p)[^\s-]\S*`,
    // A JWT.
    String.raw`\beyJ[\w-]+\.[\w-]+\.[\w-]*`,
    // An e-mail address, also written against harvesters.
    String.raw`[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`,
    HIDDEN_MAIL,
    // An IPv4 address.
    String.raw`\b(?:\d{1,3}\.){3}\d{1,3}\b`,
    // A long opaque run: hex, base64(url), with or without dashes (kept if it is a word).
    String.raw`(?<run>[A-Za-z0-9_+/=-]{16,})`,
    // A long digit run (QQ numbers, phone numbers, device ids).
    String.raw`\b\d{8,}\b`,
  ].join('|'),
  'g',
);

/** Whether a long run is opaque (a token) rather than a word or an identifier. */
function opaque(run: string): boolean {
  if (run.length >= 40) return /\d/.test(run) || /[A-Z]/.test(run) || /[+/=]/.test(run);
  return /\d/.test(run) && /[A-Za-z]/.test(run);
}

/** A text's decided parts (between sentinels) and the rest, in order. */
const PARTS = new RegExp(`${OPEN}[^${CLOSE}]*${CLOSE}|[^${OPEN}]+`, 'g');

/** `change` applied to the parts of a text that are not decided yet. */
const undecided = (text: string, change: (part: string) => string): string =>
  text.replace(PARTS, (part: string) => (part.startsWith(OPEN) ? part : change(part)));

/** A run with slashes that is base64 (mixed case and digits), not a path. */
const base64 = (run: string) =>
  run.length >= 20 && /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);

/** Masks the token-like runs of a text. */
function maskTokens(text: string, counter: Counter): string {
  /** A long run masked when opaque; a path's segments are judged one by one. */
  const judge = (run: string): string => {
    if (run.includes('/') && !base64(run)) {
      // A path's segments one by one; a user's folder name and a number of four digits or more
      // (an id) are masked.
      return run
        .split('/')
        .map((segment, n, all) =>
          /^(?:Users|home)$/.test(all[n - 1] ?? '') || /^\d{4,}$/.test(segment)
            ? masked(counter)
            : judge(segment),
        )
        .join('/');
    }
    if (run.length < 16) return run;
    return /^\d+$/.test(run) || opaque(run) ? masked(counter) : run;
  };
  return replaceFolded(text, TOKENS, (pasted, match) => {
    const run = match.groups?.['run'];
    if (run === undefined) return masked(counter);
    const judged = judge(run);
    return judged === run ? pasted : judged;
  });
}

/**
 * The words of text that belongs to no key: runs between the separators of prose, paths,
 * queries and markup (ASCII and full-width), each judged on its own.
 */
const WORD =
  /[^\s,;=&?/:<>()[\]{}"'|\\`、。，；：（）「」【】《》\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;
/** Runs of Chinese, Japanese or Korean script, and the runs between them. */
const SCRIPT_RUNS =
  /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]+|[^\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]+/g;
const CJK = /^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]/;
/** A word's case as words have it: `wrong`, `Token`, `MSDK`, `WeChat`, `OpenID`, `iOS`. */
const WORD_CASE = /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]{2,})(?:[A-Z][a-z]+|[A-Z]{2,}(?![a-z]))*$/;
/** Digit groups that are a date or a time, not an id or a phone number. */
const DATE_OR_TIME = /^\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/**
 * Whether letters read as a word, not a random run: word-like case, at most 15 letters a part
 * (`Socket`, `Timeout`, `Exception`), and vowels as words have them — no more than four
 * consonants in a row, and some vowel in a part of four letters or more unless it is an acronym
 * (`MSDK`). Base32 seeds, license keys and random letters fail (`KVKFKRCPNZQUYMLX`,
 * `qmzvtkwprhxn`, `vqhx`, `XkTqPzRmWb`).
 */
function wordLike(letters: string): boolean {
  if (letters.length > 40 || !WORD_CASE.test(letters)) return false;
  const parts = letters.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+/g) ?? [letters];
  // Humps of one or two letters, four or more of them, are a random run (`XkTqPzRmWb`).
  if (parts.length >= 4 && parts.every((part) => part.length <= 2)) return false;
  return parts.every(
    (part) =>
      part.length <= 15 &&
      !/[^aeiouy]{5}/i.test(part) &&
      (part.length < 4 ||
        /[aeiou]/i.test(part) ||
        (part === part.toUpperCase() && part.length <= 5)),
  );
}

/** One piece of a word (between `.`, `-`, `_`, `+`): a word, a short number, a short mix. */
function harmlessPiece(piece: string): boolean {
  if (/^\d*$/.test(piece)) return piece.length <= 6;
  if (/^[A-Za-z]+$/.test(piece)) return wordLike(piece);
  if (/^[A-Za-z\d]+$/.test(piece)) return piece.length <= 3;
  return !/[A-Za-z\d]/.test(piece);
}

/**
 * Whether a word of free text is harmless: prose, a code or a small number, a date or a time,
 * a dotted or dashed name of such pieces (`c.t.g.login`, `pool-1-thread-3`), text in Chinese,
 * Japanese or Korean script. Anything else may be a secret (`hunter2!`, `@Xk9Lm2Np3`, a phone
 * number, an id, `user@host`): when in doubt, mask.
 */
function harmlessWord(pasted: string): boolean {
  // Full-width letters and digits are judged as what they are: `Ｔｑ９Ｗｚ２` is `Tq9Wz2`.
  const word = foldChars(pasted);
  const runs = word.match(SCRIPT_RUNS) ?? [];
  if (runs.length > 1 || CJK.test(word)) {
    return runs.every(
      (run, n) =>
        (CJK.test(run) || harmlessLatin(run)) && !(n > 0 && CREDENTIAL_WORD.test(runs[n - 1]!)),
    );
  }
  return harmlessLatin(word);
}

/** `harmlessWord` for a word with no Chinese, Japanese or Korean in it. */
function harmlessLatin(word: string): boolean {
  const bare = word.replace(/^[.!?…*~^#+-]+|[.!?…*~^%$#+-]+$/g, '');
  // An e-mail, a code in groups (`KXQZ-PMWT-RVNB`, `K7Q-9ZX-M3P`: a gift or licence code) and
  // a passphrase of four capitalised words or more (`Correct.Horse.Battery.Staple`; a .NET
  // logger's name, `Microsoft.Hosting.Lifetime`, has three, or humps inside its words).
  if (bare.includes('@') || /^[A-Z\d]{3,5}(?:-[A-Z\d]{3,5}){2,}$/.test(bare)) return false;
  if (/^[A-Z][a-z]{2,}(?:[._+-][A-Z][a-z]{2,}){3,}$/.test(bare)) return false;
  if (/^\d+(?:[-./]\d+)+$/.test(bare)) {
    return DATE_OR_TIME.test(bare) || bare.replace(/\D/g, '').length <= 6;
  }
  return bare.split(/[._+-]/).every(harmlessPiece);
}

/**
 * Words that name a credential, in the languages support tickets are written in: the word after
 * one is its value (`otp 482913`, `skey …`, `Kennwort …`, `пароль …`, `security answer: …`,
 * `IDENTIFIED BY '…'`), and so is the word after `mysql -p`, `redis-cli -a`, `docker login -p`.
 */
const CREDENTIAL_WORD = new RegExp(
  `^(?:pass(?:phrase|word|wd)?|phrase|answer|pw|pwd|pin|otp|sms|verification|mfa|2fa|captcha|skey|(?:app)?key|license|sess(?:ion)?|ticket|cookie|seed|mima|mm|identified|kennwort|contrase[ñn]a|senha|пароль|код|sandi|khẩu|المرور|رمز|-[pa])$|(?:(?<!by|com)pass(?:word|wd)?|pwd|secret|token|(?<!o)auth)$|(?:${CJK_CREDENTIALS})(?:[是为は는：:]|[\u0e00-\u0e7f]+)?$`,
  'i',
);
/** Words after which a number is an account, a phone or a one-time code: `QQ 583920`, `QQ号`. */
const NUMBER_WORD = /^(?:qq|uin|cvv|card|phone|tel|mobile|code|account|手机|电话)$|号$/i;
/** Words between such a word and its number: `card ending 345678`, `phone no. 138…`. */
const NUMBER_FILLER = /^(?:ending|ends|ending-in|in|no\.?|nr\.?|number|num|#|尾号|末尾)$/i;
/**
 * Words between a credential word and its value (`is`, `to`, `→`, `—`, `es`, `là`); one of them
 * shortly after a credential word makes what follows a value again (`password wrong, new one is …`).
 */
const FILLER = /^(?:is|was|to|be|by|es|là|send|[-→—–]+)$/i;
/** Words that follow a credential word and are no value: `token is invalid`, `skey error`. */
const NOT_A_VALUE =
  /^(?:are|were|has|have|had|not|no|and|or|for|of|in|on|at|the|a|an|been|with|from|this|that|too|code|number|invalid|expired|errors?|fail(?:ed)?|rejected|missing|empty|null|check(?:ed)?|verify|mismatch|required|illegal|wrong|incorrect|timeout|discarded|used|revoked|changed|reset|sent|set|denied|format|length|type|value|param(?:eter)?|keys?)$/i;

/**
 * Masks the words of a text that are not harmless, and the value after a word that names a
 * credential (one ending in one too: `storePassword`, `requirepass`, `X-Gm-Pass`, `支付密码`):
 * the next word past the fillers unless it is a word of the sentence (`token is invalid`,
 * `password wrong`), and a number of four digits or more shortly after. A new line ends what a
 * credential word reaches, unless the line ends in `:` or a filler.
 */
function maskWords(text: string, counter: Counter): string {
  let [armed, filler, numbered, age, end] = [false, false, false, 9, 0];
  return replaceFolded(text, WORD, (pasted, { 0: word, index, input }) => {
    const gap = input.slice(end, index);
    end = index + word.length;
    if (/\n/.test(gap) && !/[:=]["'\s]*$/.test(gap) && !filler) [age, armed] = [9, false];
    if (age < 4 && /[:=]/.test(gap)) armed = true;
    const bare = word.replace(/[:=]+$/, '');
    filler = FILLER.test(bare);
    let value = numbered && /^\d{3,}$/.test(bare);
    // `card ending 345678`, `QQ号 No. 58392`: a word between keeps the number a value.
    numbered = NUMBER_WORD.test(bare) || (numbered && NUMBER_FILLER.test(bare));
    if (CREDENTIAL_WORD.test(bare)) [armed, age] = [true, 0];
    else {
      value ||= (!filler && armed && !NOT_A_VALUE.test(bare)) || (age < 6 && /^\d{4}/.test(bare));
      armed = filler && (armed || age < 4);
      age++;
    }
    return !value && harmlessWord(word) ? pasted : masked(counter);
  });
}

/** A text without the marks around it: `**Password**`, `【登录密码】`, `Password:`, `---`. */
const unmarked = (text: string) => text.replace(/^[^\w\u3400-\u9fff]+|[^\w\u3400-\u9fff]+$/g, '');

/** Whether a text, without its marks, is a name: one or two short words, not a sentence. */
const isName = (text: string) =>
  /^[A-Za-z_\u3400-\u9fff][\w.@$\u3400-\u9fff-]{0,31}(?: [\w.@$\u3400-\u9fff-]{1,32})?$/.test(
    unmarked(text),
  );

/**
 * Whether a column's header, a label, a tag or an attribute's value is a name that names a
 * credential, as a key does (`password`, `pay_pwd`, `登录密码`, `Password`, `db.password`).
 */
const namesCredential = (text: string) =>
  isName(text) && CREDENTIAL.test(text) && !ALLOWED[plainKey(unmarked(text))];

/** The value in a text, masked as a key's would be; the space around it kept. */
const maskValue = (text: string, counter: Counter) =>
  text.replace(/\S(?:.*\S)?/, (value) => decide(value, undefined, counter));

/** A tag, with its attributes: `<wsse:Password Type="…">`, `</entry>`, `<br/>`. */
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)(\s[^<>]*?)?(\/?)>/g;

/**
 * The text of an element after a tag, an attribute's value or a label that names a credential
 * (`<wsse:Password>…`, `<entry key="db.password">…`, `<Parameter name="password">…`,
 * `<label>Password</label><input>…`), masked: the next text between tags, on one line.
 */
function maskElements(text: string, counter: Counter): string {
  let [out, at, armed, opened] = ['', 0, false, false];
  for (const { 0: tag, 1: close, 2: name, 3: attributes = '', 4: self, index } of text.matchAll(
    TAG,
  )) {
    const between = text.slice(at, index);
    const value = between.trim();
    // Only an element's own text is a value: `<b>password</b> was reset` keeps its prose.
    const masks = armed && opened && value !== '' && !value.includes('\n');
    out += (masks ? maskValue(between, counter) : between) + tag;
    armed = (armed && !value) || (!masks && namesCredential(value));
    at = index + tag.length;
    opened = !close && !self;
    // Names are in a tag's name and its attributes' values, not in its classes and styles.
    const values = [...attributes.matchAll(/(?<!class|style)=\s*["']?([^"'\s]*)/g)];
    armed ||=
      opened && [name!.split(':').pop()!, ...values.map((one) => one[1]!)].some(namesCredential);
  }
  return out + text.slice(at);
}

/**
 * Values tied to a credential's name by the lines they stand on: the cells of a table (Markdown,
 * CSV, TSV) under a header naming a credential, the line after a label naming one (`登录密码`,
 * `**Password**`), and a multipart part's value after its `Content-Disposition: form-data;
 * name="password"` header and blank line.
 */
function maskLines(text: string, counter: Counter): string {
  /** The table's separator, its width and its credential columns. */
  let table: [string, number, number[]] | null = null;
  let pending: 'label' | 'part' | 'value' | null = null;
  /** The latest line of code, over which a traceback's values are drawn. */
  let code = '';
  return text
    .split('\n')
    .map((line) => {
      const bare = line.trim();
      if (DRAWN_VALUE.test(line)) return maskDrawn(line, code, counter);
      if (!/^\s*[│|]/.test(line)) code = line;
      const cut = bare.startsWith('|') ? '|' : line.includes('\t') ? '\t' : ',';
      const cells = line.split(cut);
      if (table?.[0] === cut && table[1] === cells.length) {
        const columns = table[2];
        return cells
          .map((cell, n) =>
            columns.includes(n) && unmarked(cell) ? maskValue(cell, counter) : cell,
          )
          .join(cut);
      }
      table = null;
      if (pending === 'part' && !bare) pending = 'value';
      else if (bare && pending && pending !== 'part') {
        const value = pending === 'value' || /^[^\s{}[\]<>]+$/.test(bare);
        pending = null;
        if (value) return maskValue(line, counter);
      }
      const heads = cells.filter((cell) => unmarked(cell));
      const columns = cells.flatMap((cell, n) => (namesCredential(cell) ? [n] : []));
      if (heads.length > 1 && columns.length && heads.every(isName))
        table = [cut, cells.length, columns];
      else if (namesCredential(bare)) pending = 'label';
      const part = /^content-disposition:.*\bname="([^"]+)"/i.exec(bare);
      if (part && namesCredential(part[1]!)) pending = 'part';
      return line;
    })
    .join('\n');
}

/**
 * A number that the words after it name a credential: `739201 is your verification code`,
 * `4821 为您的验证码`, `0451 is the PIN`. (A code of the tables is followed by a comma or its
 * message, `-73,the user …`, and has a sign or fewer digits.)
 */
const CUED_NUMBER = new RegExp(
  String.raw`(?<![\w.+-])\d{4,8}(?=\s?(?:is|was|are|为|為|是|は|が|이|가|는)?\s?(?:your|the|my|his|her|ur|您的|你的|您|你)?\s?(?:(?:(?:verification|sms|login|one-time|security|auth(?:entication)?|confirmation|access)\s(?:code|number|pin|password|passcode)|otp|pin|passcode|password)\b|[\u3400-\u9fff]{0,4}?(?:${CJK_CREDENTIALS})))`,
  'gi',
);

/**
 * A quoted value that the words after it name a credential: ``rotate `Marigold` (the old admin
 * pass)``, `'Welcome1'（旧密码）`.
 */
const CUED_QUOTED = new RegExp(
  String.raw`(?<=[\x60'"])[^\x60'"\s]{3,64}(?=[\x60'"]\s?[(（](?:[\w-]+\s){0,3}(?:pass(?:word|phrase)?|pwd|secret|token|${CJK_CREDENTIALS})\s?[)）])`,
  'gi',
);
/**
 * An account and its password written `account / password` after a word for an account:
 * `测试号 gm_test05 / Sunshine_01`, `账号: gm01 / Tulip_9`, `login gm_ops/Peony42`.
 */
const ACCOUNT_PAIR =
  /(?<=(?:账号|帳號|[测測][试試](?:号|號|[账帳][号號])|account|acct|user(?:name)?|login)\s?[:：]?\s?)[\w.@-]{3,64}\s?\/\s?[^\s/]{4,64}/gi;

/**
 * What someone tried to log in with, in a support chat: words joined to digits after `tried`
 * (`tried qwerty_123 and admin_888`, `试了 abc_1234 和 Passw0rd`), a list of them too.
 */
const TRIED =
  /(?<=(?:\btr(?:ied|ying|y)|试了|試了|试过|試過|用了)\s?(?:\S+\s?(?:and|or|,|、|和|或)\s?)*)[A-Za-z]+[_@#!.$-]?\d{2,}[!@#$]*(?![\w.-])/gi;

/** A message that starts with such a number: it is no code of the message. */
const CUED_LEAD = new RegExp(String.raw`^\s*${CUED_NUMBER.source}`, 'i');

/** The numbers and values these name, masked. */
const maskCued = (text: string, counter: Counter) =>
  [CUED_NUMBER, CUED_QUOTED, ACCOUNT_PAIR, TRIED].reduce(
    (part, cue) => undecided(part, (rest) => replaceFolded(rest, cue, () => masked(counter))),
    text,
  );

/**
 * A call that takes credentials by position: `client.login("gm", "Pineapple")`,
 * `PDO->__construct('mysql:…', 'gm', 'Marigold')`, `mysqli_connect(…)`, `auth(…)`.
 */
const CREDENTIAL_CALL =
  /(?:\b(?:(?:log|sign)_?[Ii]n|[Ll]ogon|auth(?:enticate|orize)?|[Aa]uthenticate|connect|mysqli?_connect|set_?[Pp]assword|change_?[Pp]assword|\w*Credentials?)|\bPDO(?:->__construct)?|\bnew\s+PDO)\s*\(/g;

/** The strings of a text quoted with one of `quotes` masked (empty ones aside), quotes kept. */
const maskQuoted = (text: string, quotes: string, counter: Counter) =>
  text.replace(
    new RegExp(String.raw`([${quotes}])((?:\\.|(?!\1)[^\\\n])*)\1`, 'g'),
    (all, quote: string, inner: string) =>
      EMPTY.test(inner) ? all : `${quote}${masked(counter)}${quote}`,
  );

/** The quoted arguments of each `CREDENTIAL_CALL` masked, whatever their names. */
function maskCalls(text: string, counter: Counter): string {
  let out = '';
  let at = 0;
  for (const call of text.matchAll(CREDENTIAL_CALL)) {
    const open = call.index + call[0].length - 1;
    if (open < at) continue;
    const close = closingBracket(text, open);
    if (close === -1) continue;
    out += text.slice(at, open) + maskQuoted(text.slice(open, close + 1), `"'`, counter);
    at = close + 1;
  }
  return out + text.slice(at);
}

/** A traceback's value drawn under its name (loguru, better_exceptions): `   └ 'Marigold'`. */
const DRAWN_VALUE = /^([\s│|]*)[└├]\s*\S/;

/**
 * A traceback's drawn value (`line`) masked when the name it is drawn under, at the column of
 * its `└` in the line of code above (`code`), names a credential (`REDIS_PASS`, `secret_key`).
 */
function maskDrawn(line: string, code: string, counter: Counter): string {
  const at = DRAWN_VALUE.exec(line)![1]!.length;
  const name = /[\w.]*$/.exec(code.slice(0, at + 1))![0] + /^\w*/.exec(code.slice(at + 1))![0];
  return namesCredential(name.split('.').at(-1)!)
    ? line.slice(0, at + 1) + maskValue(line.slice(at + 1), counter)
    : line;
}

/** A stack frame with its parameters (.NET names them: `   at GmTool.Login(String pwd)`). */
const FRAME = /^\s+at\s+[\w.$<>`+]+\(([^)]*)\)/;

/**
 * The quoted values of an exception's message masked when a frame under it takes a credential
 * (`System.FormatException: The input string 'Welcome_2024' …` over `at GmTool.Login(String
 * pwd)`): the value was that argument.
 */
function maskThrown(text: string, counter: Counter): string {
  if (!text.includes(' at ')) return text;
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    const frame = FRAME.exec(line);
    const names = frame?.[1]?.split(',').map((parameter) => parameter.trim().split(/\s+/).at(-1));
    if (!names?.some((name) => name && namesCredential(name))) return;
    let message = n - 1;
    while (message >= 0 && /^\s+at\s/.test(lines[message]!)) message--;
    if (message < 0 || n - message > 8) return;
    lines[message] = maskQuoted(lines[message]!, "'\x60", counter);
  });
  return lines.join('\n');
}

/** A text's secrets masked, within one masking run; the result may hold sentinels. */
function maskIn(text: string, scope: MaskScope, counter: Counter): string {
  const headed =
    scope === 'paste'
      ? maskHeaders(
          maskLines(maskElements(maskCalls(maskThrown(text, counter), counter), counter), counter),
          counter,
        )
      : text;
  const paired = undecided(headed, (part) => maskPairs(part, scope, counter));
  const tokened = undecided(paired, (part) => maskTokens(part, counter));
  const cued = undecided(tokened, (part) => maskCued(part, counter));
  return undecided(cued, (part) => maskWords(part, counter));
}

/**
 * `\uXXXX` escapes of characters outside ASCII undone, at any depth of escaping (JSON written
 * with `ensure_ascii`, Java's and PHP's default encoders): `\u5bc6\u7801` is `密码`, a
 * credential word the masker must read. Escapes of ASCII (a quote, a backslash, a control
 * character) and lone surrogates stay, so that JSON stays JSON; what the decoder reads is the
 * same either way.
 */
const WIDE_ESCAPE = /\\+u(d[89ab][\da-f]{2})\\+u(d[c-f][\da-f]{2})|\\+u([\da-f]{4})/gi;
const unescapeWide = (text: string): string =>
  text.includes('\\u')
    ? text.replace(WIDE_ESCAPE, (all, high?: string, low?: string, one?: string) => {
        if (high && low) return String.fromCharCode(parseInt(high, 16), parseInt(low, 16));
        const unit = parseInt(one ?? '0', 16);
        return unit < 0x80 || (unit >= 0xd800 && unit <= 0xdfff) ? all : String.fromCharCode(unit);
      })
    : text;

/** A code at the start of a message (`-73,…`), as written; a longer number is an id or a phone. */
const MESSAGE_CODE = new RegExp(`^\\s*[+-]?\\d{1,${CODE_DIGITS}}(?!\\d)`);

/** The code a message starts with, as written, or null: what the share keeps of it. */
export const messageCode = (message: string): string | null =>
  CUED_LEAD.test(message) ? null : (MESSAGE_CODE.exec(message)?.[0] ?? null);

/**
 * The text with every value that is not on the allow-list masked, and every token-like run
 * masked wherever it stands. In a message, a code at its very start is kept as it is.
 */
export function maskText(text: string, scope: MaskScope = 'paste'): Masked {
  const counter: Counter = { masked: 0 };
  const clean = unescapeWide(text.replace(SENTINELS, ''));
  const lead = scope === 'message' ? (messageCode(clean) ?? '') : '';
  const result = kept(lead) + maskIn(clean.slice(lead.length), scope, counter);
  return { text: result.replace(SENTINELS, ''), masked: counter.masked };
}
