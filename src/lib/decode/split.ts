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
export const MAX_RECORD = 16_384;
/** Lines a pretty-printed JSON object may span before it is treated as cut off. */
const MAX_GROUP_LINES = 200;

const BLANK = /^\s*$/;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const OPEN = 123;
const CLOSE = 125;
const QUOTE = 34;
const BACKSLASH = 92;

/** Where a brace scan stands at the end of a line. */
interface BraceState {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/** Follows braces (and the JSON strings inside them) from `from` to the end of `text`. */
function scanBraces(text: string, from: number, state: BraceState): void {
  const end = Math.min(text.length, MAX_RECORD);
  for (let i = from; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (unit === BACKSLASH) state.escaped = true;
      else if (unit === QUOTE) state.inString = false;
    } else if (unit === OPEN) state.depth++;
    else if (unit === CLOSE) {
      if (state.depth > 0) state.depth--;
    } else if (unit === QUOTE && state.depth > 0) state.inString = true;
  }
}

/** The text with every digit replaced by 0, to compare log prefixes that differ in time only. */
const shape = (text: string) => text.replace(/\d/g, '0');

const cut = (text: string) => (text.length > MAX_RECORD ? `${text.slice(0, MAX_RECORD)}…` : text);

/** Whether a line can continue a JSON object left open by the previous line. */
function continues(line: string, previous: string): boolean {
  const head = line.trimStart().charAt(0);
  if (head !== '' && '"}]{['.includes(head)) return true;
  const tail = previous.trimEnd().slice(-1);
  return head !== '' && tail !== '' && '{[,:'.includes(tail);
}

/** A line of a Java stack trace: `\tat com.foo.Bar(Bar.java:12)`, `Caused by: …`, `... 3 more`. */
const STACK_FRAME = /^\s+at\s+\S|^\s*Caused by:\s|^\s*\.\.\.\s+\d+\s+more\s*$/;

/**
 * Where the stack trace following a record ends. Its lines belong to the record (they are
 * shown with it) but are not parsed: a frame never holds the code.
 */
function stackTraceEnd(lines: readonly string[], from: number): number {
  let end = from;
  while (end < lines.length && end - from < MAX_GROUP_LINES && STACK_FRAME.test(lines[end] ?? ''))
    end++;
  return end;
}

/** The records of a paste, in order. Blank lines are skipped; a blank paste has none. */
export function* splitRecords(paste: string): Generator<RawRecord> {
  const text = paste.charCodeAt(0) === 0xfeff ? paste.slice(1) : paste;
  const originals = text.split(LINE_BREAK);
  const folded = foldChars(text).split(LINE_BREAK);
  const count = originals.length;
  let i = 0;
  while (i < count) {
    const first = folded[i] ?? '';
    const firstOriginal = originals[i] ?? '';
    if (BLANK.test(first)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    const brace = first.indexOf('{');
    if (brace === -1 || brace >= MAX_RECORD) {
      const end = stackTraceEnd(folded, i);
      yield {
        line: start + 1,
        lastLine: end,
        input: cut(end > i ? originals.slice(start, end).join('\n') : firstOriginal),
        original: firstOriginal.slice(0, MAX_RECORD),
        text: first.slice(0, MAX_RECORD),
      };
      i = end;
      continue;
    }
    const state: BraceState = { depth: 0, inString: false, escaped: false };
    scanBraces(first, brace, state);
    const texts = [first];
    const originalTexts = [firstOriginal];
    // A log prefix (logcat, timestamps) before the opening brace is often repeated, with
    // another time, on every line of the object; it is dropped from those lines.
    const prefix = first.slice(0, brace);
    let prefixShape: string | null = null;
    let length = first.length;
    while (
      state.depth > 0 &&
      !state.inString &&
      i < count &&
      i - start < MAX_GROUP_LINES &&
      length < MAX_RECORD
    ) {
      let line = folded[i] ?? '';
      let lineOriginal = originals[i] ?? '';
      prefixShape ??= prefix.trim() === '' ? '' : shape(prefix);
      if (
        prefixShape &&
        line.length > prefix.length &&
        shape(line.slice(0, prefix.length)) === prefixShape
      ) {
        line = line.slice(prefix.length);
        lineOriginal = lineOriginal.slice(prefix.length);
      }
      if (!continues(line, texts[texts.length - 1] ?? '')) break;
      texts.push(line);
      originalTexts.push(lineOriginal);
      length += line.length + 1;
      scanBraces(line, 0, state);
      i++;
    }
    const end = stackTraceEnd(folded, i);
    const input = originals.slice(start, end).join('\n');
    yield {
      line: start + 1,
      lastLine: end,
      input: cut(input),
      original: originalTexts.join('\n').slice(0, MAX_RECORD),
      text: texts.join('\n').slice(0, MAX_RECORD),
    };
    i = end;
  }
}
