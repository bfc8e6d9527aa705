/**
 * The decoder (DESIGN §3): a paste → records → the rows that explain each one. The browser's
 * decoder widget and `src/cli/decode.ts` both call `decode` (or `decodeChunks`); the ranking
 * rule lives in `classify/rank.ts`.
 */
import {
  ENVELOPES,
  ERR_TYPES,
  TABLE_NAMES,
  impliedErrType,
  type Catalog,
  type ErrType,
  type Row,
  type TableSlug,
} from '../catalog/index.ts';
import { rangeOf } from '../classify/index.ts';
import { nearestRows, rankCandidates, type Via } from '../classify/rank.ts';
import { codeUrl } from '../urls.ts';
import { foldChars } from './normalize.ts';
import { parseRecord, type ParsedRecord } from './parse.ts';
import { splitRecords, type RawRecord } from './split.ts';
import type { Candidate, DecodedRecord, ErrTypeCheck, RowRef } from './types.ts';

export type * from './types.ts';
export { redact, REDACTED } from './redact.ts';
export { lookupTables, type Via } from '../classify/rank.ts';

/** A reference to one row, for an envelope, a range or a nearby code. */
function rowRef(row: Row): RowRef {
  return {
    table: row.table,
    code: row.code,
    url: codeUrl(row.table, row.code),
    description: row.description,
  };
}

/** The endpoint paths of the catalog's tables, as one pattern, computed once per catalog. */
const endpointPatterns = new WeakMap<Catalog, RegExp | null>();

function endpointPattern(catalog: Catalog): RegExp | null {
  let pattern = endpointPatterns.get(catalog);
  if (pattern === undefined) {
    const paths = catalog.tables.flatMap((table) => (table.endpoint ? [table.endpoint] : []));
    // Longest first, so that a path is never shadowed by a shorter one it starts with.
    paths.sort((a, b) => b.length - a.length);
    pattern = paths.length
      ? new RegExp(
          `(${paths.map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9_])`,
        )
      : null;
    endpointPatterns.set(catalog, pattern);
  }
  return pattern;
}

function checkErrType(value: number | null, top: Candidate | undefined): ErrTypeCheck | null {
  if (value === null) return null;
  const meaning = value in ERR_TYPES ? ERR_TYPES[value as ErrType] : null;
  const said =
    meaning === null
      ? `err_type ${value}（資料に定義のない値）`
      : `err_type ${value}（${meaning}）`;
  const implied = top?.errType ?? null;
  if (!top) {
    return {
      value,
      meaning,
      implied: null,
      agrees: null,
      note: `${said}。照合できる行がないため比較できません。`,
    };
  }
  const row = `${top.table} ${top.code}`;
  if (implied === null) {
    return {
      value,
      meaning,
      implied,
      agrees: null,
      note: `${said}。最上位候補 ${row} は個別コードを参照する行で、err_type を示さないため比較できません。`,
    };
  }
  const expected = `err_type ${implied}（${ERR_TYPES[implied]}）`;
  return value === implied
    ? {
        value,
        meaning,
        implied,
        agrees: true,
        note: `${said} は最上位候補 ${row} が示す ${expected} と一致します。`,
      }
    : {
        value,
        meaning,
        implied,
        agrees: false,
        note: `${said} は最上位候補 ${row} が示す ${expected} と一致しません（食い違い）。応答の err_type と表の推奨処理の両方を確認してください。`,
      };
}

/** The route a parsed record's code took, and the code to look up along it. */
function routeOf(
  parsed: ParsedRecord,
): { via: Via; code: number; envelope: -10000 | -20000 | null } | null {
  if (parsed.kind === 'msdk' && parsed.ret !== null) {
    const envelope = parsed.ret === -10000 || parsed.ret === -20000 ? parsed.ret : null;
    if (envelope === null) return { via: 'ret', code: parsed.ret, envelope };
    return { via: ENVELOPES[envelope], code: parsed.msgCode ?? envelope, envelope };
  }
  if (parsed.code === null) return null;
  if (parsed.kind === 'wechat') return { via: 'wechat-body', code: parsed.code, envelope: null };
  if (parsed.kind === 'qq-oauth')
    return { via: 'qq-oauth-body', code: parsed.code, envelope: null };
  return {
    via: parsed.form === 'bare-msg' ? 'bare-msg' : 'bare-code',
    code: parsed.code,
    envelope: null,
  };
}

/** The envelope row itself as the one candidate, for an envelope whose msg has no code. */
function envelopeCandidate(row: Row): Candidate {
  return {
    table: row.table,
    tableName: TABLE_NAMES[row.table],
    code: row.code,
    url: codeUrl(row.table, row.code),
    description: row.description,
    handling: row.handling,
    action: row.action,
    errType: impliedErrType(row),
    reason: `msg の先頭にコードがないため、包み ret: ${row.code} の行そのものを示します（msg の具体的な記述を参照）`,
  };
}

/** Decodes one record already split from a paste. Never throws. */
export function decodeRecord(
  catalog: Catalog,
  raw: Pick<RawRecord, 'line' | 'input' | 'text' | 'original'>,
): DecodedRecord {
  const parsed = parseRecord(raw);
  const endpoint = endpointPattern(catalog)?.exec(raw.text)?.[1] ?? null;
  const base = {
    line: raw.line,
    input: raw.input,
    form: parsed.form,
    ret: parsed.ret,
    message: parsed.message,
    endpoint,
  };
  const route = parsed.error === null ? routeOf(parsed) : null;
  if (route === null) {
    return {
      ...base,
      code: null,
      envelope: null,
      candidates: [],
      range: null,
      nearest: [],
      elsewhere: [],
      errType: null,
      error: parsed.error ?? 'エラーコードが見つかりません。',
    };
  }
  const envelopeRow = route.envelope === null ? undefined : catalog.row('logic', route.envelope);
  let candidates: readonly Candidate[];
  if (envelopeRow && parsed.msgCode === null) {
    candidates = [envelopeCandidate(envelopeRow)];
  } else {
    candidates = rankCandidates(catalog, route.code, {
      via: route.via,
      endpoint,
      message: parsed.message,
    });
  }
  let range: RowRef | null = null;
  let nearest: RowRef[] = [];
  let elsewhere: RowRef[] = [];
  if (candidates.length === 0) {
    // Candidates are exact matches in the tables this route reaches; a table reached some
    // other way may still have the number, which is worth saying (never ranking).
    elsewhere = catalog.rowsWithCode(route.code).map(rowRef);
    // A range is a logic-layer notion: it applies to codes that arrive as ret (or bare), not
    // to a platform's own code inside an envelope or a raw platform body.
    if (route.via === 'ret' || route.via === 'bare-code' || route.via === 'bare-msg') {
      const found = rangeOf(catalog, route.code);
      const row = found ? catalog.row(found.table, found.code) : undefined;
      if (row) range = rowRef(row);
    }
    nearest = nearestRows(catalog, route.code, route.via).map(rowRef);
  }
  return {
    ...base,
    code: route.code,
    envelope: envelopeRow ? rowRef(envelopeRow) : null,
    candidates,
    range,
    nearest,
    elsewhere,
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
    return {
      line: raw.line,
      input: raw.input,
      form: null,
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
      error: 'この行は読み取れませんでした。',
    };
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
  /** The first line of the paste where it appears. */
  readonly firstLine: number;
}

/** The codes of a paste, most frequent first, and how many records could not be read. */
export interface Summary {
  readonly codes: readonly CodeSummary[];
  /** Records with an error (no code found, JSON cut off). */
  readonly unreadable: number;
  readonly records: number;
}

/**
 * Counts the distinct codes of decoded records (keyed by the best candidate's table and code,
 * or by the bare code when no table has it), most frequent first, ties in order of first
 * appearance; records that could not be read are counted apart as `unreadable`.
 */
export function summarize(records: readonly DecodedRecord[]): Summary {
  const byKey = new Map<string, { entry: CodeSummary; count: number }>();
  let unreadable = 0;
  for (const record of records) {
    const top = record.candidates[0];
    if (record.error !== null || (top === undefined && record.code === null)) {
      unreadable++;
      continue;
    }
    const key = top ? `${top.table}\u0000${top.code}` : `?\u0000${record.code}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    byKey.set(key, {
      count: 1,
      entry: top
        ? {
            code: top.code,
            table: top.table,
            url: top.url,
            count: 0,
            description: top.description,
            firstLine: record.line,
          }
        : {
            code: record.code,
            table: null,
            url: null,
            count: 0,
            description: null,
            firstLine: record.line,
          },
    });
  }
  const codes = [...byKey.values()]
    .map(({ entry, count }) => ({ ...entry, count }))
    .sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
  return { codes, unreadable, records: records.length };
}

/** Folds full-width digits, minus signs and punctuation to ASCII (exported for the UI). */
export { foldChars };
