/**
 * Tables of responses, one row a record: PowerShell's `Format-Table` (columns aligned under
 * dashes) and tables with a header row that names a column of codes (tab-separated from Excel,
 * CSV, Markdown, Jira, mysql, psql). The splitter finds them (`split.ts`); each row becomes the
 * text of its record, its fields as JSON (or a bare code), which the parser reads as any other.
 */
import { CODE_NAMES, type Route } from '../catalog/vocabulary.ts';
import { foldChars } from './normalize.ts';

/** One column of a table: its name, and where the dashes under it are. */
export interface Column {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The dashes under the names of a table's header, as PowerShell's Format-Table prints them. */
export const COLUMN_RULE = /^\s*-+(?:\s+-+)+\s*$/;
/** Columns of numbers, which Format-Table aligns to the right (to the end of their dashes). */
const NUMBER_COLUMN = /^(?:ret|errcode|error|err_?type)$/i;

/** The columns of a header and its dashes, when they match one for one and name a code. */
export function tableColumns(header: string, rule: string): Column[] | null {
  const names = [...header.matchAll(/\S+/g)];
  const dashes = [...rule.matchAll(/-+/g)];
  if (
    names.length !== dashes.length ||
    !names.some(([name]) => /^(?:ret|errcode|error)$/i.test(name))
  ) {
    return null;
  }
  return dashes.map((dash, i) => ({
    name: names[i]?.[0] ?? '',
    start: dash.index,
    end: dash.index + dash[0].length,
  }));
}

/**
 * One row of a table, as the text of its record, the row's fields as JSON: a number is the word
 * that ends under its column's dashes, a text runs from its column's dashes to the next cell.
 * Null for a line with no integer under a number column: not a row.
 */
export function tableRow(columns: readonly Column[], text: string): string | null {
  /** The start and end of the word of `text` at `at`, or of none. */
  const wordAt = (at: number): [number, number] => {
    if (!/\S/.test(text.charAt(at))) return [at + 1, at + 1];
    let start = at;
    while (start > 0 && /\S/.test(text.charAt(start - 1))) start--;
    let end = at;
    while (end < text.length && /\S/.test(text.charAt(end))) end++;
    return [start, end];
  };
  const cells = columns.map((column) =>
    NUMBER_COLUMN.test(column.name) ? wordAt(column.end - 1) : null,
  );
  if (!cells.some((cell) => cell && /^[+-]?\d{1,10}(?:\.0+)?$/.test(text.slice(...cell))))
    return null;
  const fields: Record<string, string> = {};
  columns.forEach((column, i) => {
    const next = columns[i + 1];
    const cell = cells[i] ?? [column.start, next ? (cells[i + 1]?.[0] ?? next.start) : text.length];
    fields[column.name] = text.slice(...cell).trim();
  });
  return JSON.stringify(fields);
}

/** A table's header: its column names, and how its lines split into cells. */
export interface Cells {
  readonly names: readonly string[];
  readonly split: (line: string) => string[];
}

/** The response key a code of each route is read from; a bare code stands alone. */
const KEY_OF_ROUTE: Partial<Record<Route, string>> = {
  ret: 'ret',
  'wechat-body': 'errcode',
  'qq-oauth-body': 'error',
  'bare-code': 'code',
};
/** A header's name of a column of codes (`CODE_NAMES`), and the response key it stands for. */
const CODE_HEADERS: Record<string, string> = Object.fromEntries(
  Object.entries(CODE_NAMES).map(([name, route]) => [name, KEY_OF_ROUTE[route] ?? 'code']),
);
/** A cell naming a column of codes, between tabs, `|` or commas. */
const HEADER_CELL = new RegExp(
  `(?:^|[\\t|,])\\s*(?:${Object.keys(CODE_HEADERS).join('|')})\\s*(?:[\\t|,]|$)`,
  'i',
);
/** A line of a table's rules only: `+----+----+`, `----+----`, `|---|:--|`. */
export const RULE_LINE = /^[\s|+:=-]*-{3}[\s|+:=-]*$/;

/** CSV's cells: quoted (with `""` for a quote) or not. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  for (const [, quoted, bare] of line.matchAll(/(?:^|,)[ \t]*(?:"((?:[^"]|"")*)"|([^,]*))/g)) {
    cells.push(quoted === undefined ? (bare ?? '') : quoted.replace(/""/g, '"'));
  }
  return cells;
}

/** The cells of a line between `|` (Markdown, mysql, psql, Jira's `||`). */
const pipeCells = (line: string) => line.replace(/^\s*\|+|\|+\s*$/g, '').split(/\|+/);

/**
 * The header of a table of cells, when a line is one: two names or more, split by tabs, `|`
 * or commas, one of them a column of codes (`ret`, `errcode`, `错误码`, …).
 */
export function tableHeader(line: string): Cells | null {
  // A header holds no JSON, pairs or times, and most lines no cell that names a column of codes.
  if (/[{=:]/.test(line) || !HEADER_CELL.test(line)) return null;
  const split = line.includes('\t')
    ? (row: string) => row.split('\t')
    : line.includes('|')
      ? pipeCells
      : line.includes(',')
        ? csvCells
        : null;
  if (!split) return null;
  const names = split(line).map((cell) => foldChars(cell).trim().toLowerCase());
  const named = names.every((name) => /^(?![+-]?\d)[^\s"'{}=:][^"'{}=:]{0,39}$/.test(name));
  return names.length >= 2 && named && names.some((name) => name in CODE_HEADERS)
    ? { names, split }
    : null;
}

/**
 * One row of a table of cells, as the text of its record: its fields as JSON (a column of
 * codes under its response key), or the code alone; null for a line that is no row of it.
 */
export function cellsRow({ names, split }: Cells, original: string): string | null {
  const cells = split(original).map((cell) => cell.trim());
  if (cells.length !== names.length) return null;
  const fields: Record<string, string> = {};
  let code: string | undefined;
  names.forEach((name, i) => {
    const key = CODE_HEADERS[name] ?? name;
    const cell = cells[i] ?? '';
    if (CODE_HEADERS[name] && /^[+-]?\d{1,10}$/.test(foldChars(cell))) code ??= cell;
    fields[key] ??= cell;
  });
  if (code === undefined) return null;
  // An envelope's inner code in a column of its own: `ret  errcode` → -20000 and 42001.
  if (fields['ret'] !== undefined && fields['msg'] === undefined) {
    fields['msg'] = fields['errcode'] ?? fields['code'] ?? '';
  }
  // A column of codes of no response key: the code alone, read as a bare code.
  return (fields['ret'] ?? fields['errcode'] ?? fields['error']) ? JSON.stringify(fields) : code;
}
