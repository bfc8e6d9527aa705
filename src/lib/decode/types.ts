/**
 * The decoder's output: one `DecodedRecord` per record found in a paste. The browser widget
 * and the CLI both render these; `--json` prints them as they are.
 */
import type { ActionSlug, ErrType, Route, TableSlug } from '../catalog/index.ts';

/**
 * The syntax a record was written in (named in words by `RECORD_FORM_WORDS`): an MSDK, WeChat
 * or QQ OAuth JSON body, key=value pairs (of any of them), a bare code or a bare msg value.
 * How the code reached the caller is the record's `route`.
 */
export type RecordForm =
  'msdk-response' | 'wechat-body' | 'qq-oauth-body' | 'pairs' | 'bare-code' | 'bare-msg';

/** A row that may explain the record, with why it ranked where it did. */
export interface Candidate {
  readonly table: TableSlug;
  /** The table's short name, e.g. モバイルQQプラットフォーム. */
  readonly tableName: string;
  readonly code: number;
  readonly url: string;
  readonly description: string;
  readonly handling: string;
  readonly action: ActionSlug;
  readonly errType: ErrType | null;
  /** Why this row is here and ranked at this place, in plain Japanese. */
  readonly reason: string;
}

/** A reference to one row: an envelope or a range. */
export interface RowRef {
  readonly table: TableSlug;
  readonly code: number;
  readonly url: string;
  readonly description: string;
}

/** The err_type found in the response, explained and checked against the best candidate. */
export interface ErrTypeCheck {
  readonly value: number;
  /** The source document's meaning of that value, or null for a value it does not define. */
  readonly meaning: string | null;
  /** The err_type the best candidate implies (null when it implies none). */
  readonly implied: ErrType | null;
  /** True when they agree, false when they disagree, null when there is nothing to compare. */
  readonly agrees: boolean | null;
  /** A sentence saying so. */
  readonly note: string;
}

/** One record of a paste, decoded. */
export interface DecodedRecord {
  /** 1-based line of the paste where the record starts. */
  readonly line: number;
  /** The record's text as pasted. */
  readonly input: string;
  readonly form: RecordForm | null;
  /**
   * How the looked-up code reached the caller (`ROUTES`: `ret`, inside `msg` of a -10000 or
   * -20000 response, a raw WeChat or QQ OAuth body, or a bare code or msg value), or null for a
   * record that could not be read. It decides which tables are searched.
   */
  readonly route: Route | null;
  /** The `ret` of an MSDK response, when there was one. */
  readonly ret: number | null;
  /** The code looked up in the tables. */
  readonly code: number | null;
  /** The message verbatim (msg, errmsg or error_description), when there was one. */
  readonly message: string | null;
  /** The logic row the code came wrapped in (-10000 or -20000), when it did. */
  readonly envelope: RowRef | null;
  /** An endpoint path found in the record, e.g. `/share/qq`. */
  readonly endpoint: string | null;
  /** Rows whose (table, code) exactly match the looked-up code, best first. */
  readonly candidates: readonly Candidate[];
  /** For a code in no table: the range it falls in, if any. */
  readonly range: RowRef | null;
  /** For a code in no table: the nearest documented codes. */
  readonly nearest: readonly RowRef[];
  /**
   * For a code with no candidate: rows of tables that have the number but are not reached the
   * way this record came (a WeChat code pasted as `ret`, say). Never candidates, only hints.
   */
  readonly elsewhere: readonly RowRef[];
  readonly errType: ErrTypeCheck | null;
  /** Why the record could not be read (Japanese), or null. */
  readonly error: string | null;
}
