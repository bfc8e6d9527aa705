/**
 * Splitting a paste into records: one per line, except that a JSON object pretty-printed over
 * several lines (its braces still open at the end of a line) is one record. Linear in the size
 * of the paste: every line is scanned at most twice, and no record grows without bound.
 */
import { foldChars } from './normalize.ts';

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
}

/** Characters of one record that are looked at; the rest of a longer record is ignored. */
const MAX_RECORD = 16_384;
/** Lines a pretty-printed JSON object may span before it is treated as cut off. */
const MAX_GROUP_LINES = 200;

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

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
 * `from` to the end of `text` or `MAX_RECORD`. `onClose` is told of each object closed.
 */
export function scanBraces(
  text: string,
  from: number,
  state: BraceState,
  onClose?: (start: number, end: number) => void,
): void {
  const { open } = state;
  // UTF-16 units: 123 `{`, 125 `}`, 34 `"`, 92 `\`.
  for (let i = from; i < text.length && i < MAX_RECORD; i++) {
    const unit = text.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (unit === 92) state.escaped = true;
      else if (unit === 34) state.inString = false;
    } else if (unit === 123) {
      open.push(i);
    } else if (unit === 125) {
      const start = open.pop();
      if (start !== undefined) onClose?.(start, i + 1);
    } else if (unit === 34 && open.length > 0) state.inString = true;
  }
}

/** The text with every digit replaced by 0, to compare log prefixes that differ in time only. */
const shape = (text: string) => text.replace(/\d/g, '0');

/**
 * Whether a line can continue a JSON object left open by the previous line: it starts with a
 * quote, brace or bracket, or the previous line ends with `{`, `[`, `,` or `:`.
 */
const continues = (line: string, previous: string) =>
  /^\s*["}\]{[]/.test(line) || (/\S/.test(line) && /[{[,:]\s*$/.test(previous));

/** A line of a Java stack trace: `\tat com.foo.Bar(Bar.java:12)`, `Caused by: …`, `... 3 more`. */
const STACK_FRAME = /^\s+at\s+\S|^\s*Caused by:\s|^\s*\.\.\.\s+\d+\s+more\s*$/;

/** The records of a paste, in order. Blank lines are skipped; a blank paste has none. */
export function* splitRecords(paste: string): Generator<RawRecord> {
  const unmarked = paste.replace(/^\uFEFF/, '');
  const originals = unmarked.split(LINE_BREAK);
  // Folded line by line: most lines have nothing to fold, and a replace over the whole paste
  // costs far more than a test per line.
  const folded = originals.map(foldChars);
  let i = 0;
  while (i < originals.length) {
    const start = i++;
    const first = folded[start] ?? '';
    if (!/\S/.test(first)) continue;
    let text = first;
    let original = originals[start] ?? '';
    let previous = first;
    const state = braceState();
    const brace = first.indexOf('{');
    if (brace >= 0) scanBraces(first, brace, state);
    // A log prefix (logcat, timestamps) before the opening brace is often repeated, with
    // another time, on every line of the object; it is dropped from those lines.
    const prefix = first.slice(0, brace);
    let prefixShape: string | undefined;
    while (
      state.open.length > 0 &&
      !state.inString &&
      i < originals.length &&
      i - start < MAX_GROUP_LINES &&
      text.length < MAX_RECORD
    ) {
      let line = folded[i] ?? '';
      let lineOriginal = originals[i] ?? '';
      prefixShape ??= prefix.trim() && shape(prefix);
      if (
        prefixShape &&
        line.length > prefix.length &&
        shape(line.slice(0, prefix.length)) === prefixShape
      ) {
        line = line.slice(prefix.length);
        lineOriginal = lineOriginal.slice(prefix.length);
      }
      if (!continues(line, previous)) break;
      text += `\n${line}`;
      original += `\n${lineOriginal}`;
      previous = line;
      scanBraces(line, 0, state);
      i++;
    }
    // The stack trace following a record belongs to it (it is shown with it) but is not
    // parsed: a frame never holds the code.
    const traceStart = i;
    while (
      i < originals.length &&
      i - traceStart < MAX_GROUP_LINES &&
      STACK_FRAME.test(folded[i] ?? '')
    )
      i++;
    const input = originals.slice(start, i).join('\n');
    yield {
      line: start + 1,
      lastLine: i,
      input: input.length > MAX_RECORD ? `${input.slice(0, MAX_RECORD)}…` : input,
      original: original.slice(0, MAX_RECORD),
      text: text.slice(0, MAX_RECORD),
    };
  }
}
