/**
 * The decoder (DESIGN §3): a paste → records → the rows that explain each one. The browser's
 * decoder widget and `src/cli/decode.ts` both call `decode` (or `decodeChunks`); the ranking
 * rule lives in `classify/rank.ts`.
 */
import {
  ENVELOPES,
  ERR_TYPES,
  type Catalog,
  type ErrType,
  type Row,
  type TableSlug,
} from '../catalog/index.ts';
import { rangeOf } from '../classify/index.ts';
import { candidate, nearestRows, rankCandidates } from '../classify/rank.ts';
import { codeUrl } from '../urls.ts';
import { foldChars } from './normalize.ts';
import { parseRecord } from './parse.ts';
import { splitRecords, type RawRecord } from './split.ts';
import type { Candidate, DecodedRecord, ErrTypeCheck, RecordForm, RowRef } from './types.ts';

export type * from './types.ts';
export { lookupTables, type Via } from '../classify/rank.ts';

/** Each record form in words, as the widget and the command line name it. */
export const RECORD_FORMS: Record<RecordForm, string> = {
  'msdk-response': 'MSDK の応答',
  'wechat-body': 'ウィーチャットの応答',
  'qq-oauth-body': 'QQ OAuth の応答',
  pairs: 'key=value の組',
  'bare-code': 'コードのみ',
  'bare-msg': 'msg の値',
};

/** A reference to one row, for an envelope, a range or a nearby code. */
const rowRef = ({ table, code, description }: Row): RowRef => ({
  table,
  code,
  url: codeUrl(table, code),
  description,
});

/** The first endpoint path of the catalog's tables found in a text, as a whole path. */
function endpointIn(catalog: Catalog, text: string): string | null {
  for (const { endpoint } of catalog.tables) {
    if (!endpoint) continue;
    const at = text.indexOf(endpoint);
    if (at !== -1 && !/\w/.test(text.charAt(at + endpoint.length))) return endpoint;
  }
  return null;
}

/** The err_type of a response, explained and compared with the best candidate's implied one. */
function checkErrType(value: number | null, top: Candidate | undefined): ErrTypeCheck | null {
  if (value === null) return null;
  const meaning: string | null = ERR_TYPES[value as ErrType] ?? null;
  const implied = top?.errType ?? null;
  const agrees = implied === null ? null : value === implied;
  const said = `err_type ${value}（${meaning ?? '資料に定義のない値'}）。`;
  const note = !top
    ? `${said}照合できる行がありません。`
    : implied === null
      ? `${said}最上位候補は err_type を示さない行です。`
      : `${said}最上位候補 ${top.table} ${top.code} の示す ${implied}（${ERR_TYPES[implied]}）と${agrees ? '一致します。' : '一致しません。推奨処理も確認してください。'}`;
  return { value, meaning, implied, agrees, note };
}

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
  candidates: [],
  range: null,
  nearest: [],
  elsewhere: [],
  errType: null,
  error,
});

/** Decodes one record already split from a paste. Never throws. */
export function decodeRecord(
  catalog: Catalog,
  raw: Pick<RawRecord, 'line' | 'input' | 'text' | 'original'>,
): DecodedRecord {
  const parsed = parseRecord(raw);
  const { kind, ret, msgCode, message } = parsed;
  // The route the code took, and the code to look up along it.
  const envelope = kind === 'msdk' && (ret === -10000 || ret === -20000) ? ret : null;
  const via =
    kind === 'msdk'
      ? envelope === null
        ? 'ret'
        : ENVELOPES[envelope]
      : kind === 'wechat'
        ? 'wechat-body'
        : kind === 'qq-oauth'
          ? 'qq-oauth-body'
          : parsed.form === 'bare-msg'
            ? 'bare-msg'
            : 'bare-code';
  const code = kind === 'msdk' ? (envelope === null ? ret : (msgCode ?? envelope)) : parsed.code;
  if (parsed.error !== null || code === null) {
    return unread(raw, parsed.error ?? 'エラーコードが見つかりません。');
  }
  const endpoint = endpointIn(catalog, raw.text);
  const envelopeRow = envelope === null ? undefined : catalog.row('logic', envelope);
  const candidates =
    envelopeRow && msgCode === null
      ? // An envelope whose msg has no code: the envelope row itself is the one candidate.
        [candidate(envelopeRow, `msg にコードがないため、包み ret: ${envelope} の行を示します`)]
      : rankCandidates(catalog, code, { via, endpoint });
  const none = candidates.length === 0;
  // A range is a logic-layer notion: it applies to codes that arrive as ret (or bare), not to
  // a platform's own code inside an envelope or a raw platform body.
  const range = none && (via === 'ret' || via.startsWith('bare')) ? rangeOf(catalog, code) : null;
  const rangeRow = range && catalog.row(range.table, range.code);
  return {
    line: raw.line,
    input: raw.input,
    form: parsed.form,
    route: via,
    ret,
    code,
    message,
    envelope: envelopeRow ? rowRef(envelopeRow) : null,
    endpoint,
    candidates,
    range: rangeRow ? rowRef(rangeRow) : null,
    nearest: none ? nearestRows(catalog, code, via).map(rowRef) : [],
    // Candidates are exact matches in the tables this route reaches; a table reached some other
    // way may still have the number, which is worth saying (never ranking).
    elsewhere: none ? catalog.rowsWithCode(code).map(rowRef) : [],
    errType: checkErrType(parsed.errType, candidates[0]),
    error: null,
  };
}

/**
 * Decodes a paste: one record per line, or per JSON object spanning lines; blank lines are
 * skipped. Never throws; a record that cannot be read carries `error` and no candidates.
 */
export function decode(catalog: Catalog, paste: string): DecodedRecord[] {
  const records: DecodedRecord[] = [];
  try {
    for (const raw of splitRecords(paste)) records.push(safeDecode(catalog, raw));
  } catch {
    // splitRecords only slices strings; this is a last guard for the "never throws" promise.
  }
  return records;
}

function safeDecode(catalog: Catalog, raw: RawRecord): DecodedRecord {
  try {
    return decodeRecord(catalog, raw);
  } catch {
    return unread(raw, 'この行は読み取れませんでした。');
  }
}

/**
 * Decodes a paste in batches of about `chunkLines` lines, yielding to the event loop between
 * batches, so that a page stays responsive while a huge paste is decoded. Stop iterating to
 * cancel. The records are the same as `decode` returns.
 */
export async function* decodeChunks(
  catalog: Catalog,
  paste: string,
  chunkLines = 500,
): AsyncGenerator<DecodedRecord[], void, undefined> {
  let batch: DecodedRecord[] = [];
  let until = Math.max(1, chunkLines);
  for (const raw of splitRecords(paste)) {
    batch.push(safeDecode(catalog, raw));
    if (raw.lastLine >= until) {
      yield batch;
      batch = [];
      until = raw.lastLine + Math.max(1, chunkLines);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
  if (batch.length) yield batch;
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
}

/**
 * Counts the distinct codes of decoded records (keyed by the best candidate's table and code,
 * or by the bare code when no table has it), most frequent first, ties in order of first
 * appearance; records that could not be read are set apart as `unreadable`.
 */
export function summarize(
  records: readonly DecodedRecord[],
  /** How many records each one stands for (a grouped share link); 1 by default. */
  weight: (record: DecodedRecord) => number = () => 1,
): Summary {
  const byKey = new Map<string, { -readonly [K in keyof CodeSummary]: CodeSummary[K] }>();
  const unreadable: DecodedRecord[] = [];
  for (const record of records) {
    const { candidates, code, error } = record;
    // A record without an error always has a code (see `decodeRecord`).
    if (error !== null) {
      unreadable.push(record);
      continue;
    }
    const top = candidates[0];
    const key = top ? `${top.table} ${top.code}` : `? ${code}`;
    const entry = byKey.get(key) ?? {
      code: top?.code ?? code,
      table: top?.table ?? null,
      url: top?.url ?? null,
      count: 0,
      description: top?.description ?? null,
    };
    entry.count += weight(record);
    byKey.set(key, entry);
  }
  // A Map keeps the order in which keys first came, and sorting is stable: ties stay in it.
  return { codes: [...byKey.values()].sort((a, b) => b.count - a.count), unreadable };
}

/** Folds full-width digits, minus signs and punctuation to ASCII (exported for the UI). */
export { foldChars };
