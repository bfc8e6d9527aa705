/**
 * The decoder on the command line (DESIGN §3): `npm run decode -- [--json] [INPUT]`.
 * All the logic is in `src/lib/decode`; this file reads the catalog and the input and prints.
 *
 * Exit status: 0 when every record was decoded, 1 when some record could not be read,
 * 2 on a usage error (unknown option, no input).
 */
import { readFileSync } from 'node:fs';
import { ACTIONS, TABLE_NAMES } from '../lib/catalog/index.ts';
import { RECORD_FORMS, decode, summarize, type DecodedRecord } from '../lib/decode/index.ts';
import { readCatalog } from '../node/catalog.ts';

const USAGE = `使い方: npm run decode -- [--json] [INPUT…]

MSDK のレスポンス、ログ、エラーコードを解読します。
INPUT を省略すると標準入力を読みます（複数の引数は空白でつなぎます）。

  --json    レコードごとの結果を JSON 配列で出力します
  --help    この説明を表示します

終了コード: 0 すべて解読 / 1 読めないレコードあり / 2 使い方の誤り
例: npm run decode -- --json '{"ret":-10000,"msg":"-73,the user modify password wrong"}'
`;

/** The parsed command line, or a usage error. */
type Options = { json: boolean; help: boolean; input: string | null } | { error: string };

/**
 * Reads the arguments. A lone negative number (`-303`) is input, not an option; everything
 * after `--` is input too.
 */
export function parseArgs(args: readonly string[]): Options {
  let json = false;
  let help = false;
  const input: string[] = [];
  let rest = false;
  for (const arg of args) {
    if (rest) input.push(arg);
    else if (arg === '--') rest = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (/^-(?:-|[A-Za-z])/.test(arg)) return { error: `不明なオプションです: ${arg}` };
    else input.push(arg);
  }
  return { json, help, input: input.length ? input.join(' ') : null };
}

const oneLine = (text: string, max = 100) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The readable summary of one record. */
export function formatRecord(record: DecodedRecord): string {
  const out = [`■ ${record.line}行目: ${oneLine(record.input)}`];
  if (record.error !== null) {
    out.push(`  読み取れません: ${record.error}`);
    return out.join('\n');
  }
  const form = record.form ? RECORD_FORMS[record.form] : '不明';
  out.push(
    `  形式: ${form}${record.ret !== null ? `  ret: ${record.ret}` : ''}  照合したコード: ${record.code}`,
  );
  if (record.envelope) {
    out.push(
      `  包み: ${record.envelope.table} ${record.envelope.code} — ${record.envelope.description}  ${record.envelope.url}`,
    );
  }
  if (record.endpoint) out.push(`  エンドポイント: ${record.endpoint}`);
  if (record.message !== null) out.push(`  メッセージ: ${oneLine(record.message)}`);
  record.candidates.forEach((candidate, n) => {
    const action = ACTIONS[candidate.action];
    out.push(
      `  ${n + 1}. ${TABLE_NAMES[candidate.table]} (${candidate.table}) ${candidate.code}: ${candidate.description}`,
      `     対応: ${action.label}${candidate.handling ? ` — ${candidate.handling}` : ''}`,
      `     ${candidate.url}`,
      `     理由: ${candidate.reason}`,
    );
  });
  if (record.candidates.length === 0) {
    out.push(
      record.elsewhere.length > 0
        ? `  コード ${record.code} はこの届き方で引く表にはありません。ほかの届き方の表にあります:`
        : `  コード ${record.code} はどの表にもありません。`,
    );
    for (const row of record.elsewhere) {
      out.push(`  ほかの表: ${row.table} ${row.code} — ${row.description}  ${row.url}`);
    }
    if (record.range) {
      out.push(
        `  範囲: ${record.range.table} ${record.range.code} — ${record.range.description}  ${record.range.url}`,
      );
    }
    for (const row of record.nearest) {
      out.push(`  近いコード: ${row.table} ${row.code} — ${row.description}  ${row.url}`);
    }
  }
  if (record.errType) out.push(`  err_type: ${record.errType.note}`);
  return out.join('\n');
}

function formatSummary(records: readonly DecodedRecord[]): string {
  const summary = summarize(records);
  const lines = [
    `— ${records.length} 件のレコード（読めないもの ${summary.unreadable.length} 件）`,
  ];
  for (const entry of summary.codes) {
    const where = entry.table ? `${entry.table} ${entry.code}` : `${entry.code}（表にないコード）`;
    lines.push(
      `  ${String(entry.count).padStart(5)} × ${where}${entry.description ? ` ${entry.description}` : ''}`,
    );
  }
  return lines.join('\n');
}

/** Runs the command line; returns the exit status. */
export function main(args: readonly string[], stdin: () => string | null): number {
  const options = parseArgs(args);
  if ('error' in options) {
    process.stderr.write(`${options.error}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const input = options.input ?? stdin();
  if (input === null || input.trim() === '') {
    process.stderr.write(
      `入力がありません。INPUT を指定するか、標準入力に貼り付けてください。\n\n${USAGE}`,
    );
    return 2;
  }
  const records = decode(readCatalog(), input);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  } else {
    const blocks = records.map(formatRecord);
    if (records.length > 1) blocks.push(formatSummary(records));
    process.stdout.write(`${blocks.join('\n\n')}\n`);
  }
  return records.some((record) => record.error !== null) ? 1 : 0;
}

/** The whole of standard input, or null when it is a terminal (nothing was piped in). */
function readStdin(): string | null {
  if (process.stdin.isTTY) return null;
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return null;
  }
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2), readStdin);
