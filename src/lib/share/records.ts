/**
 * What a share link and a ticket carry by default: not the paste, but the records decoded from
 * it, each rebuilt as one line from what the decoding read — its form, `ret` / `errcode` /
 * `error`, the message (masked, `mask.ts`), `err_type` and the endpoint path. Nothing else of
 * the paste goes along. Each line is decoded again before it is used, so opening the link
 * gives the same records, candidates and ranking as the paste did.
 */
import type { Catalog } from '../catalog/index.ts';
import { decode, type DecodedRecord } from '../decode/index.ts';
import { maskText, messageCode } from './mask.ts';

/** One shared record: its rebuilt line, and how many records of the paste it stands for. */
export interface SharedRecord {
  readonly line: string;
  readonly count: number;
}

/** What a share carries, and what it leaves out. */
export interface Share {
  /** The records, in paste order, or (when `grouped`) the distinct ones with their counts, in the order they first appear. */
  readonly records: readonly SharedRecord[];
  /** True when a long paste is shared as its distinct records with counts. */
  readonly grouped: boolean;
  /** How many records the paste had that could be read. */
  readonly total: number;
  /** Distinct records left out because the link would be too long (most frequent kept). */
  readonly omitted: number;
  /** Records that could not be read: they are not shared. */
  readonly unreadable: number;
  /** How many values were masked in the shared records. */
  readonly masked: number;
}

/**
 * The longest records part of a share link, in characters once percent-encoded, that still
 * makes a practical link (pasted into tickets and chats); a longer paste is grouped.
 */
export const MAX_SHARE_LINK = 6000;

/** A line's length in a link: percent-encoded, with its line break. */
const linkLength = (line: string) => encodeURIComponent(line.toWellFormed()).length + 3;

/** A message value as `key=value` pairs carry it: the characters pairs would misread, escaped. */
const pairValue = (text: string) => text.replace(/[%&=+\n\r]/g, (ch) => encodeURIComponent(ch));

/** The line that carries a record's fields, its message as given (or left out when null). */
function lineFor(record: DecodedRecord, message: string | null): string | null {
  const { form, route, ret, code, errType, endpoint } = record;
  if (code === null || route === null) return null;
  const err = errType === null ? null : errType.value;
  /** The fields in the record's own syntax: JSON, or key=value pairs. */
  const body = (fields: [string, string | number | null][]) => {
    const present = fields.filter((field): field is [string, string | number] => field[1] !== null);
    return form === 'pairs'
      ? present
          .map(([key, value]) => `${key}=${typeof value === 'string' ? pairValue(value) : value}`)
          .join('&')
      : JSON.stringify(Object.fromEntries(present));
  };
  let line: string;
  if (route === 'ret' || route === 'msg-of-10000' || route === 'msg-of-20000') {
    line = body([
      ['ret', ret ?? code],
      ['msg', message],
      ['err_type', err],
    ]);
  } else if (route === 'wechat-body') {
    line = body([
      ['errcode', code],
      ['errmsg', message],
      ['err_type', err],
    ]);
  } else if (route === 'qq-oauth-body') {
    line = body([
      ['error', code],
      ['error_description', message],
      ['err_type', err],
    ]);
  } else if (route === 'bare-msg' && message !== null) {
    line = message.replace(/[\r\n]+/g, ' ');
  } else {
    line = String(code);
  }
  // The endpoint goes first, in brackets as a log prefix would have it.
  return endpoint ? `[${endpoint}] ${line}` : line;
}

/** What a decoding found, as far as the share must keep it: route, code, ranking, err_type. */
const outcome = (record: DecodedRecord) =>
  JSON.stringify([
    record.route,
    record.form,
    record.code,
    record.envelope?.code ?? null,
    record.endpoint,
    record.errType?.value ?? null,
    record.candidates.map((candidate) => `${candidate.table} ${candidate.code}`),
  ]);

/**
 * A record rebuilt as one line, with its message masked, and how many values were masked; null
 * for a record that could not be read. If the masked message would change what the line
 * decodes to, the message is left out (the code and the route are what matter).
 */
export function recordLine(
  catalog: Catalog,
  record: DecodedRecord,
): { line: string; masked: number } | null {
  if (record.error !== null) return null;
  const message = record.message === null ? null : maskText(record.message, 'message');
  const expected = outcome(record);
  const tries: [string | null, number][] = [
    [message?.text ?? null, message?.masked ?? 0],
    // The code at the start of the message alone, then no message at all.
    [messageCode(record.message ?? ''), record.message ? 1 : 0],
    [null, record.message ? 1 : 0],
  ];
  for (const [text, masked] of tries) {
    const line = lineFor(record, text);
    if (line === null) return null;
    // Twice, so that a line that would swallow the next one (an open brace) is refused too.
    const again = decode(catalog, `${line}\n${line}`);
    if (again.length === 2 && again.every((one) => outcome(one) === expected)) {
      return { line, masked };
    }
  }
  return null;
}

/**
 * The share of a paste's decoded records: every record in order when they fit in `maxLink`
 * characters of a link, else the distinct records with their counts in the order they first
 * appear (the most frequent, when not all fit).
 */
export function shareOf(
  catalog: Catalog,
  records: readonly DecodedRecord[],
  maxLink = MAX_SHARE_LINK,
): Share {
  // A log repeats few records: each distinct one is rebuilt (and checked) once.
  const rebuilt = new Map<string, { line: string; masked: number } | null>();
  const lines: { line: string; masked: number }[] = [];
  let unreadable = 0;
  for (const record of records) {
    const key = outcome(record) + JSON.stringify(record.message);
    if (!rebuilt.has(key)) rebuilt.set(key, recordLine(catalog, record));
    const line = rebuilt.get(key);
    if (line) lines.push(line);
    else unreadable++;
  }
  const total = lines.length;
  const length = lines.reduce((sum, { line }) => sum + linkLength(line), 0);
  if (length <= maxLink) {
    return {
      records: lines.map(({ line }) => ({ line, count: 1 })),
      grouped: false,
      total,
      omitted: 0,
      unreadable,
      masked: lines.reduce((sum, { masked }) => sum + masked, 0),
    };
  }
  const counts = new Map<string, { line: string; masked: number; count: number; first: number }>();
  lines.forEach(({ line, masked }, first) => {
    const entry = counts.get(line) ?? { line, masked, count: 0, first };
    entry.count++;
    counts.set(line, entry);
  });
  // The first record, then the most frequent, are kept when not all fit (sorting is stable:
  // ties by first appearance), then given in the paste's order.
  const distinct = [...counts.values()].sort((a, b) => b.count - a.count);
  const kept: typeof distinct = [];
  let used = 0;
  // The paste's first record always goes, so that the link opens on the same first record.
  const first = counts.get(lines[0]?.line ?? '');
  if (first && linkLength(first.line) <= maxLink) {
    kept.push(first);
    used += linkLength(first.line);
  }
  for (const entry of distinct) {
    if (entry === first) continue;
    if (used + linkLength(entry.line) > maxLink) continue;
    kept.push(entry);
    used += linkLength(entry.line);
  }
  kept.sort((a, b) => a.first - b.first);
  return {
    records: kept.map(({ line, count }) => ({ line, count })),
    grouped: true,
    total,
    omitted: distinct.length - kept.length,
    unreadable,
    masked: kept.reduce((sum, { masked }) => sum + masked, 0),
  };
}

/** The text a share puts into the decoder: one rebuilt record per line. */
export const shareText = (share: Share): string =>
  share.records.map((record) => record.line).join('\n');
