/**
 * Splitting a paste into records: one per line, except that a JSON object pretty-printed over
 * several lines (its braces still open at the end of a line), a PHP dump (`array (` … `)`) or
 * a response written one field per line (`ret: -10000` then `msg: -73,…`) is one record, and
 * that the lines around a response which never carry a code (HTTP status lines and headers,
 * `curl -v` transcripts, tracebacks, Markdown fences) are context, counted but not records.
 *
 * The splitter is push-based (`RecordSplitter`: push a line, get the records it completed),
 * so that the browser (a whole paste, `splitRecords`) and the command line (a stream of lines)
 * split by one rule. Linear in the size of the input; no record grows without bound.
 */
import { cleanLine, foldChars } from './normalize.ts';
import {
  COLUMN_RULE,
  RULE_LINE,
  cellsRow,
  tableColumns,
  tableHeader,
  tableRow,
  type Cells,
  type Column,
} from './tables.ts';

/** One record of a paste, before it is parsed. */
export interface RawRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  /** 1-based line where the record ends. */
  readonly lastLine: number;
  /** The record as pasted (long records are cut at `MAX_RECORD` characters). */
  readonly input: string;
  /** The record as pasted, minus the log prefixes repeated on its continuation lines. */
  readonly original: string;
  /** `original` with look-alike characters folded (`foldChars`), offset for offset. */
  readonly text: string;
  /**
   * The latest context line before the record that the splitter's `hint` test accepted (the
   * decoder's: a line naming an endpoint, such as a request line `POST /share/qq HTTP/1.1`).
   */
  readonly hint?: string | undefined;
  /** True when a line of the record was longer than `MAX_LINE` and only its start was kept. */
  readonly cut?: boolean | undefined;
  /** `findObjects(text)`, when the splitter has already found them (a one-line record). */
  readonly objects?: Objects | undefined;
}

/** The outermost complete `{…}` spans of a text, and where an object is left open, if one is. */
export type Objects = readonly [spans: readonly (readonly [number, number])[], open: number | null];

/**
 * Keeps the first instance of each class of the decoder for the module's life. V8 forgets the
 * shape (map) of objects none of which is alive at a full garbage collection, and throws away
 * the optimised code that expects it: every decoder made after that (the next paste, a
 * benchmark run) would start over in slow code. One instance kept keeps the shape.
 */
export function keepShape(instance: object): void {
  if (!kept.has(instance.constructor)) kept.set(instance.constructor, instance);
}
const kept = new Map<unknown, object>();

/** Characters of a record kept in its `input` (what is shown); the rest is cut with `…`. */
export const MAX_RECORD = 16_384;
/**
 * Characters of one line that are read: an upload request with an inline image and the
 * response at its end fits; a longer line is cut there.
 */
export const MAX_LINE = 1 << 21;
/** Lines a pretty-printed JSON object may span before it is treated as cut off. */
const MAX_GROUP_LINES = 200;

/** The line breaks of a paste (the same rule for a whole paste and for a stream). */
export const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/**
 * Cuts a stream of text into lines by `LINE_BREAK`, whatever the chunks' boundaries: a
 * leading byte-order mark is dropped, and a line is kept to `MAX_LINE + 1` characters (the
 * splitter then knows it was longer), so memory stays bounded on input with no line breaks.
 */
export class LineReader {
  #rest = '';
  #started = false;
  /** The previous chunk ended with `\r`: a `\n` starting this one ends no new line. */
  #cr = false;

  constructor() {
    keepShape(this);
  }

  /** The lines completed by a chunk of text. */
  push(chunk: string): string[] {
    let text = chunk;
    if (!this.#started && text) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#cr && text.charCodeAt(0) === 10) text = text.slice(1);
    if (text) this.#cr = text.charCodeAt(text.length - 1) === 13;
    const parts = text.split(LINE_BREAK);
    const last = parts.pop() ?? '';
    const lines: string[] = [];
    for (const part of parts) {
      lines.push(joined(this.#rest, part));
      this.#rest = '';
    }
    this.#rest = joined(this.#rest, last);
    return lines;
  }

  /** The last line, when the text did not end with a line break. */
  end(): string[] {
    const rest = this.#rest;
    this.#rest = '';
    return rest ? [rest] : [];
  }
}

/**
 * The start of a line and more of it, kept to `MAX_LINE + 1` characters (one more tells the
 * splitter it was longer); once that long, the rest is dropped without being joined.
 */
function joined(start: string, more: string): string {
  if (start.length > MAX_LINE) return start;
  const line = start + more;
  return line.length > MAX_LINE + 1 ? line.slice(0, MAX_LINE + 1) : line;
}

/** Where a brace scan stands: the offsets of the braces still open, and whether in a string. */
export interface BraceState {
  readonly open: number[];
  inString: boolean;
  escaped: boolean;
}

/** A brace scan at the start of a text. */
export const braceState = (): BraceState => ({ open: [], inString: false, escaped: false });

/**
 * Follows braces, and the JSON strings inside them (a brace in a string does not count), from
 * `from` to the end of `text` or `MAX_LINE`. `onClose` is told of each object closed.
 */
export function scanBraces(
  text: string,
  from: number,
  state: BraceState,
  onClose?: (start: number, end: number) => void,
): void {
  const { open } = state;
  const end = Math.min(text.length, MAX_LINE);
  // Inside a string, from one quote or backslash to the next (`indexOf`; a long string, an
  // inline image, is passed in one step); each found once, until passed.
  let quoteAt = -1;
  let slashAt = -1;
  // UTF-16 units: 123 `{`, 125 `}`, 34 `"`, 92 `\`.
  for (let i = from; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (unit === 92) state.escaped = true;
      else if (unit === 34) state.inString = false;
      else {
        if (quoteAt < i) quoteAt = nextOf(text, '"', i, end);
        if (slashAt < i) slashAt = nextOf(text, '\\', i, end);
        i = Math.min(quoteAt, slashAt) - 1;
      }
    } else if (unit === 123) {
      open.push(i);
    } else if (unit === 125) {
      const start = open.pop();
      if (start !== undefined) onClose?.(start, i + 1);
    } else if (unit === 34 && open.length > 0) state.inString = true;
  }
}

/** Where the next `char` is from `from`, or `end` when there is none before it. */
function nextOf(text: string, char: string, from: number, end: number): number {
  const at = text.indexOf(char, from);
  return at === -1 || at > end ? end : at;
}

/** What `findObjects` finds in a text without a brace. */
// Not frozen: a frozen array has another shape, and the code reading objects would see two.
const NO_OBJECTS: Objects = [[], null];

/**
 * Finds the outermost complete `{…}` spans of a text (with JSON strings inside braces
 * skipped), and where a JSON object is left open at the end, if one is: a brace followed by
 * a quote, brace or bracket, or a string left open. `state` is left where the scan ended.
 */
export function findObjects(text: string, state = braceState()): Objects {
  const brace = text.indexOf('{');
  if (brace < 0) return NO_OBJECTS;
  const spans: (readonly [number, number])[] = [];
  scanBraces(text, brace, state, (start, end) => {
    // An inner object is kept too, in case the outer one never closes (`foo { {"ret":1}`).
    while ((spans.at(-1)?.[0] ?? -1) > start) spans.pop();
    if (spans.length < 64) spans.push([start, end]);
  });
  const unclosed = state.open[0];
  if (unclosed === undefined) return [spans, null];
  const cutOff = state.inString || /^\{\s*["'[{]/.test(text.slice(unclosed, unclosed + 64));
  return [spans, cutOff ? unclosed : null];
}

/** The text with every digit replaced by 0, to compare log prefixes that differ in time only. */
const shape = (text: string) => text.replace(/\d/g, '0');

/**
 * How much of `line` is a log prefix repeated from `prefix` (the text before a record's
 * brace): the longest start of `prefix` ending with a space, or all of it, that `line` starts
 * with, digits aside (times differ).
 */
function repeatedPrefix(prefix: string, line: string): number {
  const repeated = shape(prefix);
  const start = shape(line.slice(0, prefix.length));
  let same = 0;
  while (same < repeated.length && repeated.charCodeAt(same) === start.charCodeAt(same)) same++;
  if (same === prefix.length) return same;
  // Else the longest start of what the two have in common that ends with a space.
  return same > 0 ? prefix.lastIndexOf(' ', same - 1) + 1 : 0;
}

/**
 * Whether a line can continue an object or dump left open by the previous line: it is
 * indented, or starts with a quote, brace, bracket or parenthesis, or the previous line ends
 * with `{`, `[`, `(`, `,`, `;` (an NSDictionary printed on iOS), `:` or `=>`.
 */
const continues = (line: string, previous: string) =>
  /^(?:\s+\S|\s*["'}\]{[()])/.test(line) ||
  (/\S/.test(line) && /(?:[{[(,;:]|=>)\s*$/.test(previous));

/** The parentheses a line opens minus those it closes (a PHP dump spans lines in them). */
function parenDepth(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    if (unit === 40) depth++;
    else if (unit === 41) depth--;
  }
  return depth;
}

/**
 * A line of a stack trace that follows the line it belongs to: Java's `\tat com.foo.Bar(…)`,
 * `Caused by: …`, `Suppressed: …`, `... 3 more`, Node's `    at fn (file.js:1:2)` and Go's
 * `\t/src/main.go:42 +0x1d`.
 */
const STACK_FRAME =
  /^(?:\s+at\s+\S|\s*(?:Caused by|Suppressed):\s|\s*\.\.\.\s+\d+\s+(?:more|common frames omitted)\s*$|\s+\S+\.go:\d+(?:\s+\+0x[\da-f]+)?\s*$)/;
/** A `Caused by:` line carrying a response, which is read as a record of its own. */
const CAUSE_WITH_RESPONSE = /^\s*(?:Caused by|Suppressed):.*(?:[{]|\b(?:ret|errcode|error)\b)/i;
const isFrame = (line: string) => STACK_FRAME.test(line) && !CAUSE_WITH_RESPONSE.test(line);

/** `HTTP/1.1 200 OK`, `HTTP/2 502`: a status line (after `curl -v`'s `< ` or alone). */
const HTTP_STATUS = /^HTTP\/\d(?:\.\d)?\s+\d{3}(?:\s|$)/;
/** `POST /share/qq?appid=1 HTTP/1.1`: a request line. */
const HTTP_REQUEST = /^[A-Z]{3,7}\s+\S+\s+HTTP\/\d(?:\.\d)?\s*$/;
/** Any `Name: value` header line, as met inside a header block. */
const HEADER = /^:?[\w!#$%&'*+.^`|~-]+:(?:\s|$)/;
/**
 * A header line recognisable without its block: a hyphenated name of letters
 * (`Content-Length`, `X-Request-Id`) or one of the one-word names HTTP defines.
 */
const KNOWN_HEADER =
  /^(?:[A-Za-z]+(?:-[A-Za-z]+)+|Host|Date|Server|Connection|Accept|Cookie|Vary|Expires|Pragma|Age|Location|Authorization|Origin|Referer|Upgrade|ETag):\s/i;
/**
 * The keys a response is read from, as a regular expression's alternatives (the longer
 * `error_description` before `error`), for every expression that looks for them.
 */
export const OWN_KEYS = 'ret|msg|err_?type|errcode|errmsg|error_description|error';
/** A key of the decoder's own with its separator, anywhere in a line (`ret=`, `"errcode":`). */
const OWN_PAIR = new RegExp(`(?:^|[^\\w])["'[]?(?:${OWN_KEYS})["'\\]]?\\s*(?:=>|[:=])`, 'gi');
/** The names of the decoder's own keys, which are never header names. */
const OWN_KEY = new RegExp(`^["'[]?(?:${OWN_KEYS})\\b`, 'i');
/** `> `, `< ` (curl -v's request and response headers; also a quoted e-mail) and `* `. */
const MARKER = /^[<>*](?: |$)/;
/** curl -v's `{ [45 bytes data]` and `} [78 bytes data]`. */
const CURL_DATA = /^[{}] \[\d+ bytes data\]\s*$/;
/** curl's progress meter: its two heading lines and its rows of numbers and times. */
const PROGRESS =
  /^(?:\s*% Total\s+% Received|\s+Dload\s+Upload|\s*\d{1,3}\s+[\d.]+[kMGT]?\s+\d{1,3}\s+[\d.]+[kMGT]?\s+\d{1,3}\s+[\d.]+[kMGT]?\s+[\d.]+[kMGT]?\s+[\d.]+[kMGT]?\s+(?:--:--:--|\d+:\d\d:\d\d))/;
/** A row of curl's progress meter, unless the body it fetched is printed right after it. */
const isProgress = (line: string) => PROGRESS.test(line) && !line.includes('{');
/** The start of a line of the CRI log format: its time, its stream and P (a part) or F. */
const CRI_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d) (?:stdout|stderr) ([PF]) /;
/** A Markdown code fence, with or without its language. */
const FENCE = /^\s*(?:`{3,}|~{3,})\s*[\w+.#-]*\s*$/;
/** Python's `Traceback (most recent call last):` and the two lines chaining exceptions. */
const PY_TRACEBACK =
  /^\s*(?:Traceback \(most recent call last\):|During handling of the above exception|The above exception was the direct cause)/;
/** Python's `  File "app.py", line 42, in verify`; the line after it is source code. */
const PY_FILE = /^(\s*)File "[^"]*", line \d+/;
/** Go's `goroutine 1 [running]:` and `created by main.main`. */
const GO_TRACE = /^(?:goroutine \d+ \[[^\]]*\]:\s*$|created by \S)/;

/**
 * A line written as one field of a response (`ret: -10000`, `  'msg' => '…',`, `[ret] => -303`,
 * `- errcode: 40001`, `| ret | -10000 |`, `ret<TAB>-10000`, `<ret>-10000</ret>`): consecutive
 * field lines with different keys are one record.
 */
const FIELD = new RegExp(
  `^\\s*(?:[-*|]\\s*)?(?:\\[?(["']?)(${OWN_KEYS})\\1\\]?(?:[ ]*(=>|[:=|])\\s*|\\s+(?=["']?[+-]?\\d))\\S|<(${OWN_KEYS})>)`,
  'i',
);

/** The key of a field line, or null. A bare `error:` is a log level, not a field. */
function fieldKey(line: string): string | null {
  const match = FIELD.exec(line);
  if (!match) return null;
  // A line holding two keys is a whole record (`ret: -303 msg: …`), not one field of one.
  if ((line.match(OWN_PAIR)?.length ?? 0) > 1) return null;
  const [, quote, name1, separator, element] = match;
  const key = name1 ?? element ?? '';
  const name = key.toLowerCase().replace('errtype', 'err_type');
  return name === 'error' && !quote && !element && separator !== '=' ? null : name;
}

/** A record being built. */
interface Group {
  readonly line: number;
  last: number;
  input: string;
  original: string;
  text: string;
  /** The last line taken, for `continues`. */
  previous: string;
  /** `open` while its braces or parentheses are open, `fields` for a run of field lines. */
  kind: 'open' | 'closed' | 'fields';
  readonly braces: BraceState;
  parens: number;
  readonly prefix: string;
  prefixShape: string | undefined;
  readonly keys: ReadonlySet<string>;
  cut: boolean;
  readonly hint: string | undefined;
  /** The objects of the first line, while it is the only one. */
  objects: Objects | undefined;
}

/** What no context line starts with: a bare code, a quote, a bracket, a parenthesis. */
const NEVER_CONTEXT = /^["'([+-]/;

/** A character outside printable ASCII, and one that is not a space. */
const OUTSIDE_ASCII = /[^ -~]/;
const NOT_SPACE = /[^ ]/;

/** The brace state of a line with no brace, and the keys of a group of no field line. */
const NO_BRACES: BraceState = { open: [], inString: false, escaped: false };
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Whether a line opens a dump in parentheses: it ends with `(`, alone or after a name of its
 * own (`array (`, `Map(`, `resp: Array (`), not after a value (`msg=(`, `msg=%25(`), and it
 * holds no pair of a response (`ret=0&msg=see A(` is a whole response).
 */
function opensDump(line: string): boolean {
  let end = line.length - 1;
  while (end >= 0 && line.charCodeAt(end) <= 32) end--;
  return line.charCodeAt(end) === 40 && DUMP_OPENING.test(line) && !line.match(OWN_PAIR);
}
const DUMP_OPENING = /^\s*\(\s*$|(?:^|[\s:,[(])[A-Za-z_$][\w$.]*\s*\(\s*$/;

/**
 * A raw record, every field always set and in one order: records of one shape keep the code
 * that reads them fast (V8 specialises property access on an object's shape).
 */
function rawRecord(
  line: number,
  lastLine: number,
  input: string,
  original: string,
  text: string,
  group?: Group,
): RawRecord {
  return {
    line,
    lastLine,
    input,
    original,
    text,
    hint: group?.hint,
    cut: group?.cut ?? false,
    objects: group?.objects,
  };
}

/** `input` with one more line, kept to `MAX_RECORD` characters. */
function appendInput(input: string, line: string): string {
  if (input.length >= MAX_RECORD) return input;
  const joined = `${input}\n${line}`;
  return joined.length > MAX_RECORD ? `${joined.slice(0, MAX_RECORD)}…` : joined;
}

const asInput = (line: string) =>
  line.length > MAX_RECORD ? `${line.slice(0, MAX_RECORD)}…` : line;

/**
 * The incremental splitter: `push` each line (without its line break) and get the records
 * it completed; `end` flushes the last one. `flush` gives up waiting for more lines of a
 * complete record (a stack trace after it), for a stream that has gone quiet. `context` counts
 * the lines set aside as context.
 */
export class RecordSplitter {
  readonly #hint: ((text: string) => boolean) | undefined;
  #line = 0;
  #group: Group | null = null;
  #context = 0;
  #first: RawRecord | undefined;
  /** Inside an HTTP header block (after a status or request line, up to a blank line). */
  #headers = false;
  /** The columns of a table being read (PowerShell's Format-Table), or null. */
  #columns: Column[] | null = null;
  /** The header of a table of cells being read (tab-separated, CSV, `|`), or null. */
  #cells: Cells | null = null;
  /** A header block said `Transfer-Encoding: chunked`: a line of hex digits is a chunk size. */
  #chunked = false;
  /** The indentation of a Python traceback's `File` line, whose next line is source code. */
  #source = -1;
  /** The latest context line the hint test accepted, for the next record. */
  #pending: string | undefined;
  /** redis-cli's numbered replies being read (`1) "ret"`, `2) "-10000"`, …), or null. */
  #replies: Replies | null = null;
  /** The parts of a line a CRI log has split so far (its `P` lines), to join with its `F` line. */
  #parts = '';
  /** How many lines those parts were (counted as context while they wait). */
  #partLines = 0;

  /** `hint` tells which context lines matter to the record after them (see `RawRecord`). */
  constructor(hint?: (text: string) => boolean) {
    this.#hint = hint;
    keepShape(this);
  }

  /** Context lines so far: lines of no record, set aside by their shape. */
  get context(): number {
    return this.#context;
  }

  /** The first context line, as a record (to say why a paste of nothing but context failed). */
  get firstContext(): RawRecord | undefined {
    return this.#first;
  }

  /** Counts the first context line no longer: it is given as a record after all. */
  uncount(): void {
    if (this.#first && this.#context > 0) this.#context--;
  }

  /** Whether a record is waiting for lines that may still belong to it. */
  get pending(): boolean {
    return this.#group !== null;
  }

  /** Takes one line; returns the records it completed (none, one, rarely two). */
  push(line: string): RawRecord[] {
    const n = ++this.#line;
    const pasted = this.#joinParts(line);
    return pasted === null ? [] : this.#take(n, pasted);
  }

  /** Takes line `n`, with the parts of a CRI line joined. */
  #take(n: number, pasted: string): RawRecord[] {
    const cut = pasted.length > MAX_LINE;
    const kept = cut ? pasted.slice(0, MAX_LINE) : pasted;
    // Most lines are printable ASCII, which needs neither cleaning nor folding.
    const plain = !OUTSIDE_ASCII.test(kept);
    const blank = plain ? !NOT_SPACE.test(kept) : !/\S/.test(kept);
    const original = plain ? kept : cleanLine(kept);
    const text = plain ? kept : foldChars(original);
    const out: RawRecord[] = [];
    if (this.#reply(n, kept, text, out) || this.#tableLine(n, kept, original, text, blank, out)) {
      return out;
    }
    const group = this.#group;
    if (group) {
      if (!blank && this.#extend(group, n, kept, original, text, cut)) return out;
      out.push(this.#emit(group));
    }
    if (blank) {
      this.#headers = false;
      this.#source = -1;
    } else if (this.#isContext(text)) {
      this.#context++;
      this.#first ??= rawRecord(n, n, asInput(kept), original, text);
      if (this.#hint?.(text)) this.#pending = text;
    } else this.#start(n, kept, original, text, cut);
    return out;
  }

  /**
   * Whether the line is one more of redis-cli's replies being read; when it is not, the
   * replies read so far are a record, into `out`.
   */
  #reply(n: number, pasted: string, text: string, out: RawRecord[]): boolean {
    if (!this.#replies) return false;
    const value = replyValue(text);
    if (value !== null && this.#replies.values.length < 64) {
      this.#replies.add(n, pasted, value);
      return true;
    }
    out.push(this.#replies.record());
    this.#replies = null;
    return false;
  }

  /** Whether the line belongs to a table being read (a row into `out`) or starts one. */
  #tableLine(
    n: number,
    pasted: string,
    original: string,
    text: string,
    blank: boolean,
    out: RawRecord[],
  ): boolean {
    if (this.#columns) {
      // A line that has no number under a number column is no row: the table has ended.
      const row = blank ? null : tableRow(this.#columns, text);
      if (row !== null) {
        out.push(this.#row(n, pasted, row));
        return true;
      }
      this.#columns = null;
    }
    if (this.#cells && !blank) {
      // Rows of a table with a header (tab-separated, CSV, `|`): a rule line between them is
      // context, a line that does not fit ends the table.
      if (RULE_LINE.test(text)) {
        this.#context++;
        return true;
      }
      const row = cellsRow(this.#cells, original);
      if (row !== null) {
        out.push(this.#row(n, pasted, row));
        return true;
      }
    }
    this.#cells = null;
    const group = this.#group;
    if (group && group.line === group.last && COLUMN_RULE.test(text)) {
      // A header and the dashes under it (PowerShell's Format-Table): each line up to the next
      // blank one is a row.
      this.#columns = tableColumns(group.text, text);
      if (this.#columns) {
        this.#group = null;
        this.#context += 2;
        return true;
      }
    }
    return false;
  }

  /** A line that is no context starts something: a table's header, redis replies, a record. */
  #start(n: number, pasted: string, original: string, text: string, cut: boolean): void {
    this.#cells = tableHeader(original);
    if (this.#cells) {
      this.#context++;
      return;
    }
    const reply = replyValue(text);
    if (reply !== null && OWN_KEY.test(`${reply}=`)) {
      // A hash's fields as redis-cli prints them, name and value on lines of their own.
      this.#replies = new Replies(n, pasted, reply, this.#pending);
      this.#pending = undefined;
      return;
    }
    this.#group = this.#open(n, pasted, original, text, cut);
  }

  /**
   * A line of a CRI log (containerd, CRI-O: `<time> stdout P <part>` … `<time> stdout F <end>`)
   * with the parts before it joined on: null for a part, which waits for the rest (up to
   * `MAX_LINE`). The record is then the line's last part's, in line numbers. Other lines are
   * as they are.
   */
  #joinParts(line: string): string | null {
    const cri = CRI_LINE.exec(line);
    if (!cri) return line;
    const parts = this.#takeParts();
    if (cri[1] === 'P' && parts.length + line.length <= MAX_LINE) {
      this.#parts = parts ? parts + line.slice(cri[0].length) : line;
      this.#partLines++;
      return null;
    }
    return parts + line.slice(parts ? cri[0].length : 0);
  }

  /** The parts of a CRI line waiting, taken. */
  #takeParts(): string {
    const parts = this.#parts;
    this.#parts = '';
    this.#partLines = 0;
    return parts;
  }

  /** The record still waiting for lines, unless its JSON is still open. */
  flush(): RawRecord[] {
    const out = this.#replies ? [this.#replies.record()] : [];
    this.#replies = null;
    const group = this.#group;
    if (group && group.kind !== 'open') out.push(this.#emit(group));
    return out;
  }

  /** The record still waiting for lines, whatever its state. */
  end(): RawRecord[] {
    // A CRI line whose last part never came: its parts are read as they are.
    const parts = this.#takeParts();
    const out = parts ? this.#take(this.#line, parts) : [];
    if (this.#replies) out.push(this.#replies.record());
    this.#replies = null;
    const group = this.#group;
    if (group) out.push(this.#emit(group));
    return out;
  }

  /** A record of one row of a table, whose text is `row`. */
  #row(n: number, pasted: string, row: string): RawRecord {
    // The command before the table may name the endpoint.
    return { ...rawRecord(n, n, asInput(pasted), row, row), hint: this.#pending };
  }

  #emit(group: Group): RawRecord {
    this.#group = null;
    return rawRecord(group.line, group.last, group.input, group.original, group.text, group);
  }

  /** A new record starting with this line. */
  #open(n: number, pasted: string, original: string, text: string, cut: boolean): Group {
    const brace = text.indexOf('{');
    // A dump in parentheses (`array (`, `Array (` after print_r's `Array`) spans lines too.
    const parens = brace < 0 && opensDump(text) ? Math.max(0, parenDepth(text)) : 0;
    // Only a group that may take more lines scans braces again (`#extend`); the objects of
    // the line are kept for the parser, which needs them when no line is added.
    const braces = brace < 0 && parens === 0 ? NO_BRACES : braceState();
    const objects = brace < 0 ? NO_OBJECTS : findObjects(text, braces);
    const key = braces.open.length === 0 && parens === 0 ? fieldKey(text) : null;
    const hint = this.#pending;
    this.#pending = undefined;
    return {
      line: n,
      last: n,
      input: asInput(pasted),
      original,
      text,
      previous: text,
      kind: key ? 'fields' : isOpen(braces, parens) ? 'open' : 'closed',
      braces,
      parens,
      // A log prefix (logcat, timestamps) before the opening brace is often repeated, with
      // another time, on every line of the object; it is dropped from those lines.
      prefix: brace > 0 ? text.slice(0, brace) : '',
      prefixShape: undefined,
      keys: key ? new Set([key]) : NO_KEYS,
      cut,
      hint,
      objects,
    };
  }

  /** Adds the line to the record when it belongs there; false when it starts something new. */
  #extend(
    group: Group,
    n: number,
    pasted: string,
    original: string,
    text: string,
    cut: boolean,
  ): boolean {
    if (group.kind === 'closed') {
      if (group.braces.inString && group.braces.open.length > 0) {
        return this.#unwrap(group, n, pasted, original, text, cut);
      }
      // The stack trace following a record belongs to it (it is shown with it) but is not
      // parsed: a frame never holds the code.
      if (!isFrame(text) || n - group.last > MAX_GROUP_LINES) return false;
      group.input = appendInput(group.input, pasted);
      group.last = n;
      return true;
    }
    if (group.kind === 'fields') {
      const key = fieldKey(text);
      if (key === null || group.keys.has(key) || group.keys.size >= 8) return false;
      (group.keys as Set<string>).add(key);
      this.#append(group, n, pasted, original, text, cut);
      return true;
    }
    if (n - group.line >= MAX_GROUP_LINES || group.text.length >= MAX_LINE) return false;
    let line = text;
    let lineOriginal = original;
    const { prefix } = group;
    group.prefixShape ??= prefix.trim() && shape(prefix);
    if (
      group.prefixShape &&
      line.length > prefix.length &&
      shape(line.slice(0, prefix.length)) === group.prefixShape
    ) {
      line = line.slice(prefix.length);
      lineOriginal = lineOriginal.slice(prefix.length);
    }
    if (!continues(line, group.previous)) return false;
    this.#append(group, n, pasted, lineOriginal, line, cut);
    scanBraces(line, 0, group.braces);
    if (group.parens > 0) group.parens += parenDepth(line);
    if (!isOpen(group.braces, group.parens)) group.kind = 'closed';
    return true;
  }

  /**
   * Whether the line goes on with the JSON string the record's last line was cut in (a
   * logger's or a terminal's line length, logcat's 4 KB): the rest of the line after the log
   * prefix it repeats, if it closes the record's object, is joined on without a line break.
   */
  #unwrap(
    group: Group,
    n: number,
    pasted: string,
    original: string,
    text: string,
    cut: boolean,
  ): boolean {
    const skip = repeatedPrefix(group.prefix, text);
    const rest = text.slice(skip);
    const braces = { ...group.braces, open: [...group.braces.open] };
    scanBraces(rest, 0, braces);
    if (braces.open.length > 0 || braces.inString) return false;
    this.#append(group, n, pasted, original.slice(skip), rest, cut, '');
    scanBraces(rest, 0, group.braces);
    return true;
  }

  #append(
    group: Group,
    n: number,
    pasted: string,
    original: string,
    text: string,
    cut: boolean,
    lineBreak = '\n',
  ) {
    group.input = appendInput(group.input, pasted);
    group.original += `${lineBreak}${original}`;
    group.text += `${lineBreak}${text}`;
    group.previous = text;
    group.last = n;
    group.cut ||= cut;
    group.objects = undefined;
  }

  /** Whether a line (not part of a record) is context by its shape alone. */
  #isContext(text: string): boolean {
    // Most log lines start with a digit (a time) or a bracket: only a progress row or
    // curl's `{ [45 bytes data]` may then be context.
    const first = text.charCodeAt(0);
    if (this.#source < 0 && !this.#headers && !this.#chunked) {
      if (first >= 48 && first <= 57) return isProgress(text);
      if (first === 123) return CURL_DATA.test(text);
      // No context line starts with a quote, a sign, a bracket or a parenthesis.
      if (NEVER_CONTEXT.test(text)) return false;
    }
    if (this.#source >= 0) {
      const indent = /^\s*/.exec(text)?.[0].length ?? 0;
      const source = indent > this.#source;
      this.#source = -1;
      if (source) return true;
    }
    let line = text;
    if (MARKER.test(line)) {
      // curl -v prints its request headers after `> `, the response's after `< `, and its own
      // notes after `* `; a `> ` may also quote an e-mail, whose lines are read as usual.
      line = line.slice(2);
      if (!/\S/.test(line) || CURL_DATA.test(line)) return true;
      if (HTTP_STATUS.test(line) || HTTP_REQUEST.test(line)) return true;
      if (HEADER.test(line) && !OWN_KEY.test(line) && !text.startsWith('*')) return true;
    }
    if (HTTP_STATUS.test(line) || HTTP_REQUEST.test(line)) {
      this.#headers = true;
      this.#chunked = false;
      return true;
    }
    if (this.#headers) {
      if (HEADER.test(line) && !OWN_KEY.test(line)) {
        this.#chunked ||= /^transfer-encoding:\s*chunked/i.test(line);
        return true;
      }
      this.#headers = false;
    }
    if (this.#chunked && /^[\da-f]{1,8}\s*$/i.test(line)) {
      // The last chunk has size 0.
      this.#chunked = !/^0+\s*$/.test(line);
      return true;
    }
    if (KNOWN_HEADER.test(line) && !line.includes('{') && !(line.match(OWN_PAIR)?.length ?? 0))
      return true;
    if (CURL_DATA.test(line) || isProgress(line) || FENCE.test(line)) return true;
    if (PY_TRACEBACK.test(line) || GO_TRACE.test(line) || isFrame(line)) return true;
    const file = PY_FILE.exec(line);
    if (file) {
      this.#source = file[1]?.length ?? 0;
      return true;
    }
    return false;
  }
}

/** One of redis-cli's numbered replies: `1) "ret"`, `2) (integer) -303`; its value, or null. */
function replyValue(line: string): string | null {
  const reply = /^\s*\d{1,4}\) (?:"((?:[^"\\]|\\.)*)"|\(integer\) ([+-]?\d+))\s*$/.exec(line);
  return reply ? (reply[1] ?? reply[2] ?? '') : null;
}

/** A hash's fields read from redis-cli's replies: names and values in turn, as one record. */
class Replies {
  readonly #line: number;
  #last: number;
  #input: string;
  readonly #hint: string | undefined;
  readonly values: string[];

  constructor(line: number, pasted: string, name: string, hint: string | undefined) {
    this.#line = this.#last = line;
    this.#input = asInput(pasted);
    this.values = [name];
    this.#hint = hint;
  }

  add(line: number, pasted: string, value: string): void {
    this.#last = line;
    this.#input = appendInput(this.#input, pasted);
    this.values.push(value);
  }

  /** The record: the fields as a JSON object, read like any other. */
  record(): RawRecord {
    const fields: Record<string, string> = {};
    for (let n = 0; n < this.values.length; n += 2) {
      fields[this.values[n] ?? ''] ??= this.values[n + 1] ?? '';
    }
    const text = JSON.stringify(fields);
    return { ...rawRecord(this.#line, this.#last, this.#input, text, text), hint: this.#hint };
  }
}

const isOpen = (braces: BraceState, parens: number) =>
  (braces.open.length > 0 && !braces.inString) || parens > 0;

/**
 * The records of a paste, in order. Blank lines are skipped and context lines set aside
 * (`RecordSplitter`); a blank paste has none.
 */
export function* splitRecords(paste: string): Generator<RawRecord> {
  const reader = new LineReader();
  const splitter = new RecordSplitter();
  for (const line of [...reader.push(paste), ...reader.end()]) yield* splitter.push(line);
  yield* splitter.end();
}
