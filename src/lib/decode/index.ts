/**
 * The decoder (DESIGN §3): a paste → records → the rows that explain each one. The browser's
 * decoder widget calls `decodeChunks` (or `decode`) on a paste, `src/cli/decode.ts` pushes the
 * lines of a stream into a `PasteDecoder`: one splitting rule (`split.ts`), one parser
 * (`parse.ts`), which finds each record's route and code. The tables a route reaches and the
 * ranking live in `src/lib/classify`, the words in `src/lib/words/`.
 */
import { envelopeOf, impliedErrType, type Catalog, type Row } from '../catalog/index.ts';
import { rangeOf } from '../classify/index.ts';
import { nearestRows } from '../classify/nearest.ts';
import { rankRows, type RankedRow } from '../classify/rank.ts';
import { rangesApply } from '../classify/routes.ts';
import { levelOf, remember } from '../levels.ts';
import { codeUrl } from '../urls.ts';
import {
  ERR_TYPES,
  TABLE_NAMES,
  type ErrType,
  type Route,
  type TableSlug,
} from '../catalog/vocabulary.ts';
import { UNREADABLE, errTypeNote, reasonText } from '../words/index.ts';
import { foldChars } from './normalize.ts';
import { parseRecords, type ParsedRecord } from './parse.ts';
import { LineReader, RecordSplitter, keepShape, type RawRecord } from './split.ts';
import type { Candidate, DecodedRecord, ErrTypeCheck, RowRef } from './types.ts';

export type * from './types.ts';
export { LineReader, RecordSplitter, splitRecords, MAX_LINE, type RawRecord } from './split.ts';

/*
 * The decoder's per-record questions are remembered (`levels.ts`): a log repeats few of them.
 * Row references and err_type checks, because objects made afresh for every record all die at
 * the next garbage collection and V8 then drops the optimised code that expected their shape;
 * candidate lists, because ranking builds them.
 */

/** References already made: a row's never changes. */
const rowRefs = new WeakMap<Row, RowRef>();

/** A reference to one row, for an envelope, a range or a nearby code. */
function rowRef(row: Row): RowRef {
  let ref = rowRefs.get(row);
  if (!ref) {
    const { table, code, description } = row;
    rowRefs.set(row, (ref = { table, code, url: codeUrl(table, code), description }));
  }
  return ref;
}

/** A ranked row as the decoder shows it: the row, its page, its err_type, the reason in words. */
const candidate = ({ row, reason }: RankedRow): Candidate => ({
  ...row,
  tableName: TABLE_NAMES[row.table],
  url: codeUrl(row.table, row.code),
  errType: impliedErrType(row),
  reason: reasonText(reason),
});

/** The first endpoint path of the catalog's tables found in a text, as a whole path. */
function endpointIn(catalog: Catalog, text: string | undefined): string | null {
  // Every endpoint is a path: a text without a slash names none (most log lines).
  if (!text?.includes('/')) return null;
  for (const { endpoint } of catalog.tables) {
    if (!endpoint) continue;
    const at = text.indexOf(endpoint);
    if (at !== -1 && !/\w/.test(text.charAt(at + endpoint.length))) return endpoint;
  }
  return null;
}

/** Checks already made, per best candidate (candidates are shared) and err_type value. */
const checks = new WeakMap<Candidate, Map<number, ErrTypeCheck>>();
const uncheckable = new Map<number, ErrTypeCheck>();

/** The err_type of a response, explained and compared with the best candidate's implied one. */
function checkErrType(value: number | null, top: Candidate | undefined): ErrTypeCheck | null {
  if (value === null) return null;
  const made = top ? levelOf(checks, top) : uncheckable;
  const check = made.get(value);
  if (check) return check;
  const implied = top?.errType ?? null;
  return remember(
    made,
    value,
    {
      value,
      meaning: ERR_TYPES[value as ErrType] ?? null,
      implied,
      agrees: implied === null ? null : value === implied,
      note: errTypeNote(value, top),
    },
    64,
  );
}

/** What the tables say of a code reached along a route: the same for every record that asks. */
interface Explanation {
  readonly envelope: RowRef | null;
  readonly candidates: readonly Candidate[];
  readonly range: RowRef | null;
  readonly nearest: readonly RowRef[];
  readonly elsewhere: readonly RowRef[];
}

/** Explanations already made, per catalog, route, endpoint and code. */
const explanations = new WeakMap<
  Catalog,
  Map<Route, Map<string | null, Map<number, Explanation>>>
>();

/**
 * What the tables say of `code` along `route` (`rankRows`, in the decoder's words), made the
 * first time it is asked.
 */
function explained(
  catalog: Catalog,
  code: number,
  route: Route,
  endpoint: string | null,
  envelope: Row | undefined,
): Explanation {
  const byCode = levelOf(levelOf(levelOf(explanations, catalog), route), endpoint);
  const made = byCode.get(code);
  if (made) return made;
  const candidates = rankRows(catalog, code, { route, endpoint }).map(candidate);
  const none = candidates.length === 0;
  // A range is the logic layer's notion: for a ret (or a code pasted alone), never for a
  // platform's own code inside an envelope or a raw platform body.
  const range = none && rangesApply(route) ? rangeOf(catalog, code) : null;
  const rangeRow = range && catalog.row(range.table, range.code);
  return remember(byCode, code, {
    // A route through an envelope is taken by one `ret` only.
    envelope: envelope ? rowRef(envelope) : null,
    candidates,
    range: rangeRow ? rowRef(rangeRow) : null,
    nearest: none ? nearestRows(catalog, code, route).map(rowRef) : NONE,
    // Candidates are exact matches in the tables this route reaches; a table reached some other
    // way may still have the number, which is worth saying (never ranking).
    elsewhere: none ? catalog.rowsWithCode(code).map(rowRef) : NONE,
  });
}

/** The lists of a record that has none (one array for all: a record's lists are read-only). */
const NONE: readonly never[] = [];
/** An explanation with nothing in it. */
const NO_EXPLANATION: Explanation = {
  envelope: null,
  candidates: NONE,
  range: null,
  nearest: NONE,
  elsewhere: NONE,
};

/** A record that yielded no code to look up, with why. */
const unread = (raw: Pick<RawRecord, 'line' | 'input'>, error: string): DecodedRecord => ({
  line: raw.line,
  input: raw.input,
  form: null,
  route: null,
  ret: null,
  code: null,
  message: null,
  envelope: null,
  endpoint: null,
  candidates: NONE,
  range: null,
  nearest: NONE,
  elsewhere: NONE,
  errType: null,
  error,
});

/**
 * One parsed response looked up in the tables. `hint` is where an endpoint path is looked for
 * besides the record itself (the request line before it, say).
 */
function lookUp(
  catalog: Catalog,
  raw: Pick<RawRecord, 'line' | 'input' | 'text'>,
  parsed: ParsedRecord,
  hint?: string,
): DecodedRecord {
  const { route, code, ret, msgCode, message } = parsed;
  if (parsed.error !== null || code === null || route === null) {
    return unread(raw, parsed.error ?? UNREADABLE.noCode);
  }
  const endpoint = endpointIn(catalog, raw.text) ?? endpointIn(catalog, hint);
  const envelope = ret === null ? undefined : envelopeOf(ret);
  const envelopeRow = envelope && catalog.row('logic', envelope.code);
  const found =
    envelopeRow && msgCode === null
      ? // An envelope whose msg has no code: the envelope row itself is the one candidate.
        {
          ...NO_EXPLANATION,
          envelope: rowRef(envelopeRow),
          candidates: [
            candidate({ row: envelopeRow, reason: { kind: 'envelope', code: envelopeRow.code } }),
          ],
        }
      : explained(catalog, code, route, endpoint, envelopeRow);
  return {
    line: raw.line,
    input: raw.input,
    form: parsed.form,
    route,
    ret,
    code,
    message,
    envelope: found.envelope,
    endpoint,
    candidates: found.candidates,
    range: found.range,
    nearest: found.nearest,
    elsewhere: found.elsewhere,
    errType: checkErrType(parsed.errType, found.candidates[0]),
    error: null,
  };
}

/**
 * The records of one raw record: one per response it holds (`{…}{…}` on one line is two, each
 * with its part of the line as `input`), or null when it holds nothing (it is context).
 */
function readRecords(
  catalog: Catalog,
  raw: RawRecord,
  hint: string | undefined,
): DecodedRecord[] | null {
  const parsed = parseRecords(raw);
  const [first] = parsed;
  if (!first || first.context) return null;
  if (parsed.length === 1) return [lookUp(catalog, raw, first, hint)];
  let from = 0;
  return parsed.map((response, n) => {
    const to = n === parsed.length - 1 ? raw.original.length : (response.span?.[1] ?? from);
    const input = raw.original.slice(from, to).trim() || raw.input;
    from = to;
    return lookUp(catalog, { ...raw, input }, response, hint);
  });
}

/** Decodes one record already split from a paste: its first response. Never throws. */
export function decodeRecord(
  catalog: Catalog,
  raw: Pick<RawRecord, 'line' | 'input' | 'text' | 'original'>,
): DecodedRecord {
  try {
    const [parsed] = parseRecords(raw);
    return parsed ? lookUp(catalog, raw, parsed) : unread(raw, UNREADABLE.noCode);
  } catch {
    return unread(raw, UNREADABLE.failed);
  }
}

/**
 * The incremental decoder, on which `decode`, `decodeChunks` and the command line are built:
 * `push` each line of a paste or stream (without its line break) and get the records it
 * completed, `end` at the end. Lines that hold no code are context: counted in `context`,
 * never records, except that a paste of nothing but context gets one record saying so.
 * Memory stays bounded whatever the number of lines pushed.
 */
export class PasteDecoder {
  readonly #catalog: Catalog;
  readonly #splitter: RecordSplitter;
  #records = 0;
  /** Lines of raw records that turned out to hold nothing. */
  #empty = 0;
  /** The first of those, as the record to give when the paste has nothing else. */
  #fallback: { readonly raw: RawRecord; readonly error: string } | undefined;
  /** The latest context that named an endpoint, for the next record. */
  #hint: string | undefined;
  /** The last record given, with the raw record it came from. */
  #shown: { readonly raw: RawRecord; readonly record: DecodedRecord | undefined } | undefined;
  /** The last line of the latest raw record that held nothing (a heading, say). */
  #emptyLine = 0;

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
    this.#splitter = new RecordSplitter((text) => endpointIn(catalog, text) !== null);
    keepShape(this);
  }

  /** Lines read so far that were context (no code, not part of a record). */
  get context(): number {
    return this.#splitter.context + this.#empty;
  }

  /** Records given so far. */
  get records(): number {
    return this.#records;
  }

  /** Whether a record is waiting for lines that may still belong to it (see `flush`). */
  get pending(): boolean {
    return this.#splitter.pending;
  }

  /** Takes one line; returns the records it completed. */
  push(line: string): DecodedRecord[] {
    let raws: RawRecord[];
    try {
      raws = this.#splitter.push(line);
    } catch {
      // The splitter only slices strings; this is a last guard for "never throws".
      return [];
    }
    return raws.length ? this.#decode(raws) : [];
  }

  /**
   * Gives the record waiting for more lines (a stack trace after it), unless its JSON is still
   * open: for a stream that has gone quiet, so that the record shows without waiting.
   */
  flush(): DecodedRecord[] {
    return this.#decode(this.#splitter.flush());
  }

  /** Ends the input; returns the last records. */
  end(): DecodedRecord[] {
    const out = this.#decode(this.#splitter.end());
    if (this.#records === 0) {
      // A paste of nothing but context: its first line says why nothing was found.
      // A JSON with none of the keys says more than anything else; else the earliest line.
      const fallback = this.#fallback;
      const first = this.#splitter.firstContext;
      if (
        fallback &&
        (!first || fallback.error !== UNREADABLE.noCode || fallback.raw.line < first.line)
      ) {
        this.#empty -= fallback.raw.lastLine - fallback.raw.line + 1;
        out.push(unread(fallback.raw, fallback.error));
      } else if (first) {
        this.#splitter.uncount();
        out.push(unread(first, UNREADABLE.noCode));
      }
      this.#records += out.length;
    }
    return out;
  }

  #decode(raws: readonly RawRecord[]): DecodedRecord[] {
    const out: DecodedRecord[] = [];
    for (const raw of raws) {
      const hint = raw.hint ?? this.#hint;
      let records: DecodedRecord[] | null;
      try {
        records = readRecords(this.#catalog, raw, hint);
      } catch {
        records = [unread(raw, UNREADABLE.failed)];
      }
      if (records === null) {
        this.#empty += raw.lastLine - raw.line + 1;
        this.#emptyLine = raw.lastLine;
        this.#fallback ??= { raw, error: parseRecords(raw)[0]?.error ?? UNREADABLE.noCode };
        this.#hint = endpointIn(this.#catalog, raw.text) ? raw.text : hint;
        continue;
      }
      this.#hint = undefined;
      const shown = this.#shown;
      this.#shown = { raw, record: records.at(-1) };
      if (shown && expands(shown, raw, records, this.#emptyLine)) {
        // The response just given, shown again over several lines (a browser's console expands
        // an object under its one-line preview, a proxy shows its tree): the same record.
        this.#empty += raw.lastLine - raw.line + 1;
        continue;
      }
      this.#records += records.length;
      for (const record of records) out.push(record);
    }
    return out;
  }
}

/** Lines a response shown again may stand below it: a blank line and a heading (`JSON`). */
const SHOWN_AGAIN_WITHIN = 3;

/**
 * Whether `records` (of `raw`) are the one-line record shown just before, a line or a few
 * below it, written again over several lines: the same code, `ret` and message (a browser's
 * console expands an object under its one-line preview; a proxy shows a body's tree or its
 * pretty-printed text under its raw text, after a heading: `emptyLine`, the last line of the
 * latest line that held nothing, is between them). Below a blank line alone it is another.
 */
function expands(
  shown: { readonly raw: RawRecord; readonly record: DecodedRecord | undefined },
  raw: RawRecord,
  records: readonly DecodedRecord[],
  emptyLine: number,
): boolean {
  const [record] = records;
  const before = shown.record;
  return (
    records.length === 1 &&
    before !== undefined &&
    record !== undefined &&
    shown.raw.line === shown.raw.lastLine &&
    (raw.line === shown.raw.lastLine + 1 ||
      (raw.line - shown.raw.lastLine <= SHOWN_AGAIN_WITHIN &&
        emptyLine > shown.raw.lastLine &&
        emptyLine < raw.line)) &&
    raw.lastLine > raw.line &&
    before.error === null &&
    record.code === before.code &&
    record.ret === before.ret &&
    record.message === before.message
  );
}

/** What a paste held besides its records. */
export interface DecodeTotals {
  /** Lines of context: lines without a code that are not part of a record. */
  readonly context: number;
  /** Lines read, blank ones included. */
  readonly lines: number;
}

/** The lines of a paste, by the same rule as a stream's (`LineReader`). */
function linesOf(paste: string): string[] {
  const reader = new LineReader();
  const lines = reader.push(paste);
  for (const line of reader.end()) lines.push(line);
  return lines;
}

/**
 * Decodes a paste, with the count of its context lines: one record per line or per
 * response, or per JSON object spanning lines; blank lines are skipped and context lines
 * counted apart. Never throws.
 */
export function decodePaste(
  catalog: Catalog,
  paste: string,
): { records: DecodedRecord[]; context: number } {
  const decoder = new PasteDecoder(catalog);
  const records: DecodedRecord[] = [];
  try {
    for (const line of linesOf(paste)) {
      for (const record of decoder.push(line)) records.push(record);
    }
    for (const record of decoder.end()) records.push(record);
  } catch {
    // The decoder guards every record; this is a last guard for the "never throws" promise.
  }
  return { records, context: decoder.context };
}

/**
 * Decodes a paste: one record per line, or per JSON object spanning lines; blank lines and
 * context lines (headers, stack traces, code fences) are skipped. Never throws; a record that
 * cannot be read carries `error` and no candidates.
 */
export function decode(catalog: Catalog, paste: string): DecodedRecord[] {
  return decodePaste(catalog, paste).records;
}

/**
 * Decodes a paste in batches of about `chunkLines` lines, yielding to the event loop between
 * batches, so that a page stays responsive while a huge paste is decoded. Stop iterating to
 * cancel. The records are the same as `decode` returns; the generator's return value counts
 * the context lines.
 */
export async function* decodeChunks(
  catalog: Catalog,
  paste: string,
  chunkLines = 500,
): AsyncGenerator<DecodedRecord[], DecodeTotals, undefined> {
  const decoder = new PasteDecoder(catalog);
  const lines = linesOf(paste);
  const every = Math.max(1, chunkLines);
  let batch: DecodedRecord[] = [];
  for (let n = 0; n < lines.length; n++) {
    for (const record of decoder.push(lines[n] ?? '')) batch.push(record);
    if ((n + 1) % every === 0) {
      if (batch.length) yield batch;
      batch = [];
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
  for (const record of decoder.end()) batch.push(record);
  if (batch.length) yield batch;
  return { context: decoder.context, lines: lines.length };
}

/** One distinct code of a paste, with how many records had it. */
export interface CodeSummary {
  /** The code: the best candidate's, or the looked-up code when no table has it. */
  readonly code: number | null;
  /** The best candidate's table, or null for a code in no table. */
  readonly table: TableSlug | null;
  /** The best candidate's page, or null for a code in no table. */
  readonly url: string | null;
  readonly count: number;
  readonly description: string | null;
}

/** The codes of a paste, most frequent first, and the records that could not be read. */
export interface Summary {
  readonly codes: readonly CodeSummary[];
  /** Records with an error (no code found, JSON cut off), in paste order. */
  readonly unreadable: readonly DecodedRecord[];
  /**
   * Lines of context: lines with no code that are not part of a record (HTTP headers, stack
   * traces, code fences, log lines of other things). They are not unreadable records.
   */
  readonly context: number;
}

/** Distinct codes a tally keeps apart; the records of further codes are only counted. */
const MAX_CODES = 10_000;

/**
 * A running summary of decoded records with bounded memory: distinct codes counted, at most
 * `keepUnreadable` unreadable records kept (all by default), the rest only counted. For a
 * stream, where records are not all kept (`summarize` is this over an array).
 */
export class SummaryTally {
  readonly #keep: number;
  readonly #byKey = new Map<string, { -readonly [K in keyof CodeSummary]: CodeSummary[K] }>();
  readonly #unreadable: DecodedRecord[] = [];
  #unreadableCount = 0;
  #records = 0;
  #overflow = 0;

  constructor(keepUnreadable = Infinity) {
    this.#keep = keepUnreadable;
    keepShape(this);
  }

  /** Records added. */
  get records(): number {
    return this.#records;
  }

  /** Records added that could not be read. */
  get unreadableCount(): number {
    return this.#unreadableCount;
  }

  /** Records whose code came after `MAX_CODES` distinct ones: counted here only. */
  get overflow(): number {
    return this.#overflow;
  }

  /** Counts one record (`count` times: a grouped share link's record stands for several). */
  add(record: DecodedRecord, count = 1): void {
    this.#records += count;
    const { candidates, code, error } = record;
    // A record without an error always has a code (see `decodeRecord`).
    if (error !== null) {
      this.#unreadableCount++;
      if (this.#unreadable.length < this.#keep) this.#unreadable.push(record);
      return;
    }
    const top = candidates[0];
    const key = top ? `${top.table} ${top.code}` : `? ${code}`;
    let entry = this.#byKey.get(key);
    if (!entry) {
      if (this.#byKey.size >= MAX_CODES) {
        this.#overflow++;
        return;
      }
      entry = {
        code: top?.code ?? code,
        table: top?.table ?? null,
        url: top?.url ?? null,
        count: 0,
        description: top?.description ?? null,
      };
      this.#byKey.set(key, entry);
    }
    entry.count += count;
  }

  /** The summary so far, with the context lines counted by the decoder. */
  summary(context = 0): Summary {
    // A Map keeps the order in which keys first came, and sorting is stable: ties stay in it.
    const codes = [...this.#byKey.values()].map((entry) => ({ ...entry }));
    return {
      codes: codes.sort((a, b) => b.count - a.count),
      unreadable: [...this.#unreadable],
      context,
    };
  }
}

/**
 * Counts the distinct codes of decoded records (keyed by the best candidate's table and code,
 * or by the bare code when no table has it), most frequent first, ties in order of first
 * appearance; records that could not be read are set apart as `unreadable`. `context` is the
 * count of context lines (`decodePaste`, `PasteDecoder.context`), carried into the summary.
 */
export function summarize(
  records: readonly DecodedRecord[],
  {
    context = 0,
    weight = () => 1,
  }: {
    /** The count of context lines, carried into the summary. */
    context?: number | undefined;
    /** How many records each one stands for (a grouped share link); 1 by default. */
    weight?: ((record: DecodedRecord) => number) | undefined;
  } = {},
): Summary {
  const tally = new SummaryTally();
  for (const record of records) tally.add(record, weight(record));
  return tally.summary(context);
}

/** Folds full-width digits, minus signs and punctuation to ASCII (exported for the UI). */
export { foldChars };
