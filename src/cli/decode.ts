/**
 * The decoder on the command line (DESIGN §3): `npm run decode -- [--json|--jsonl] [INPUT]`.
 * All the logic is in `src/lib/decode`; this file reads the catalog and the input and prints.
 *
 * Standard input is read as a stream (a slow or late pipe such as `tail -f app.log | …`
 * works), decoded line by line by the same `PasteDecoder` the browser uses, and each record is
 * printed as soon as it is complete; memory stays bounded whatever the size of the input.
 * Output into a closed pipe (`| head`) ends quietly.
 *
 * Exit status: 0 when every record was decoded, 1 when some record could not be read,
 * 2 on a usage error (unknown option, no input). A closed output pipe ends with 0.
 */
import { ACTIONS, TABLE_NAMES } from '../lib/catalog/index.ts';
import {
  LineReader,
  PasteDecoder,
  SummaryTally,
  type Candidate,
  type DecodedRecord,
} from '../lib/decode/index.ts';
import { readCatalog } from '../node/catalog.ts';
import {
  RECORD_FORM_WORDS,
  UNREADABLE_LABEL,
  codeSubject,
  inNoTable,
  notOnRoute,
} from '../lib/words/index.ts';

const USAGE = `使い方: npm run decode -- [--json | --jsonl] [INPUT…]

MSDK のレスポンス、ログ、エラーコードを解読します。
INPUT を省略するか - を指定すると標準入力を読みます（複数の引数は空白でつなぎます）。
標準入力は流れとして読み、レコードが揃うたびに結果を出力します（tail -f … | でも使えます）。
UTF-8 のほか、BOM 付き UTF-16（PowerShell の出力）も読めます。
HTTP ヘッダーやスタックトレースなど、コードのない文脈の行はレコードにせず、件数だけを数えます。

  --json    レコードごとの結果を一つの JSON 配列で出力します（出力しながら書きます）
  --jsonl   レコードごとの結果を 1 行に 1 つの JSON オブジェクトで出力します
  --help    この説明を表示します

終了コード: 0 すべて解読 / 1 読めないレコードあり / 2 使い方の誤り
（出力先のパイプが閉じたとき（| head など）は、そこで静かに終了コード 0 で終わります）
例: npm run decode -- --json '{"ret":-10000,"msg":"-73,the user modify password wrong"}'
    tail -f app.log | grep msdk | npm run decode -- --jsonl
`;

/** How the records are printed. */
type Mode = 'text' | 'json' | 'jsonl';

/** The parsed command line, or a usage error. `input` null means standard input. */
type Options = { mode: Mode; help: boolean; input: string | null } | { error: string };

/**
 * Reads the arguments. A lone negative number (`-303`) is input, not an option; a lone `-`
 * means standard input; everything after `--` is input too.
 */
export function parseArgs(args: readonly string[]): Options {
  let mode: Mode = 'text';
  let help = false;
  const input: string[] = [];
  let rest = false;
  let stdin = false;
  for (const arg of args) {
    if (rest) input.push(arg);
    else if (arg === '--') rest = true;
    else if (arg === '-') stdin = true;
    else if (arg === '--json' || arg === '--jsonl') {
      const wanted = arg === '--json' ? 'json' : 'jsonl';
      if (mode !== 'text' && mode !== wanted)
        return { error: '--json と --jsonl は同時に使えません' };
      mode = wanted;
    } else if (arg === '--help' || arg === '-h') help = true;
    else if (/^-(?:-|[A-Za-z])/.test(arg)) return { error: `不明なオプションです: ${arg}` };
    else input.push(arg);
  }
  if (stdin && input.length) return { error: '- (標準入力) と INPUT は同時に使えません' };
  return { mode, help, input: input.length ? input.join(' ') : null };
}

const oneLine = (text: string, max = 100) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Candidate lists already written out: the decoder shares one list between equal records. */
const written = new WeakMap<readonly Candidate[], string>();

/** The lines of a record's candidates, best first. */
function candidateLines(candidates: readonly Candidate[]): string {
  let text = written.get(candidates);
  if (text === undefined) {
    text = candidates
      .flatMap((candidate, n) => [
        `  ${n + 1}. ${TABLE_NAMES[candidate.table]} (${candidate.table}) ${candidate.code}: ${candidate.description}`,
        `     対応: ${ACTIONS[candidate.action].label}${candidate.handling ? ` — ${candidate.handling}` : ''}`,
        `     ${candidate.url}`,
        `     理由: ${candidate.reason}`,
      ])
      .join('\n');
    written.set(candidates, text);
  }
  return text;
}

/** The readable summary of one record. */
export function formatRecord(record: DecodedRecord): string {
  const out = [`■ ${record.line}行目: ${oneLine(record.input)}`];
  if (record.error !== null) {
    out.push(`  ${UNREADABLE_LABEL}: ${record.error}`);
    return out.join('\n');
  }
  const form = record.form ? RECORD_FORM_WORDS[record.form] : '不明';
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
  if (record.candidates.length > 0) out.push(candidateLines(record.candidates));
  if (record.candidates.length === 0) {
    out.push(
      record.elsewhere.length > 0
        ? `  ${notOnRoute(codeSubject(record.code))}ほかの届き方の表にあります:`
        : `  ${inNoTable(codeSubject(record.code))}`,
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

/** Distinct codes listed in the text summary; the rest are counted on one line. */
const SUMMARY_CODES = 50;

/** The text summary: records, unreadable ones, context lines and the distinct codes. */
function formatSummary(tally: SummaryTally, context: number): string {
  const summary = tally.summary(context);
  const lines = [
    `— ${tally.records} 件のレコード（読めないもの ${tally.unreadableCount} 件）、コードのない文脈の行 ${context} 行`,
  ];
  for (const entry of summary.codes.slice(0, SUMMARY_CODES)) {
    const where = entry.table ? `${entry.table} ${entry.code}` : `${entry.code}（表にないコード）`;
    lines.push(
      `  ${String(entry.count).padStart(5)} × ${where}${entry.description ? ` ${entry.description}` : ''}`,
    );
  }
  const more = summary.codes.slice(SUMMARY_CODES).reduce((sum, entry) => sum + entry.count, 0);
  const others = more + tally.overflow;
  if (others > 0) lines.push(`  ${String(others).padStart(5)} × ほかのコード`);
  return lines.join('\n');
}

/**
 * Bytes to text for the input: UTF-8 (a BOM is dropped), or UTF-16 when it starts with a BOM
 * (PowerShell's `>` and `Out-File` write UTF-16 LE with one) or, without one, when every
 * other byte of its start is zero.
 */
class InputText {
  #decoder: TextDecoder | undefined;
  #head = new Uint8Array(0);

  push(bytes: Uint8Array): string {
    if (this.#decoder) return this.#decoder.decode(bytes, { stream: true });
    const head = new Uint8Array(this.#head.length + bytes.length);
    head.set(this.#head);
    head.set(bytes, this.#head.length);
    // Two bytes tell a UTF-16 BOM; a lone first byte waits for the next.
    if (head.length < 2) {
      this.#head = head;
      return '';
    }
    this.#decoder = new TextDecoder(encodingOf(head));
    return this.#decoder.decode(head, { stream: true });
  }

  end(): string {
    this.#decoder ??= new TextDecoder(encodingOf(this.#head));
    const rest = this.#decoder.decode(this.#head.length ? this.#head : undefined);
    this.#head = new Uint8Array(0);
    return rest;
  }
}

/** The encoding of a text from its first bytes. */
function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(256, head.length >> 1);
  if (pairs < 2) return 'utf-8';
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return 'utf-8';
}

/** Where the records go, in the chosen mode, written as they come. */
class Printer {
  readonly #mode: Mode;
  readonly #tally = new SummaryTally(0);
  #parts: string[] = [];
  #count = 0;

  constructor(mode: Mode) {
    this.#mode = mode;
  }

  get tally(): SummaryTally {
    return this.#tally;
  }

  /** Adds a record to what is to be written. */
  add(record: DecodedRecord): void {
    this.#tally.add(record);
    const first = this.#count++ === 0;
    if (this.#mode === 'jsonl') this.#parts.push(`${JSON.stringify(record)}\n`);
    else if (this.#mode === 'json') {
      // The same text as JSON.stringify(records, null, 2), one record at a time.
      const json = JSON.stringify(record, null, 2).replace(/\n/g, '\n  ');
      this.#parts.push(`${first ? '[\n' : ',\n'}  ${json}`);
    } else this.#parts.push(`${first ? '' : '\n'}${formatRecord(record)}\n`);
  }

  /** What is to be written since the last call. */
  take(): string {
    const text = this.#parts.join('');
    this.#parts = [];
    return text;
  }

  /** The end of the output: the array's closing bracket, or the text summary. */
  finish(context: number): string {
    const tail =
      this.#mode === 'json'
        ? this.#count
          ? '\n]\n'
          : '[]\n'
        : this.#mode === 'text' && (this.#count > 1 || context > 0)
          ? `\n${formatSummary(this.#tally, context)}\n`
          : '';
    return this.take() + tail;
  }
}

/** How long a quiet input waits before a complete record still open to a stack trace shows. */
const QUIET_MS = 150;

/** What the command line reads from and writes to. */
export interface Io {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Writes text, waiting while the stream's buffer is full (bounded memory on a slow reader). */
async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!text || stream.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Runs the command line; resolves to the exit status. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  const options = parseArgs(args);
  if ('error' in options) {
    io.stderr.write(`${options.error}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.input === null && io.stdin.isTTY) return noInput(io);
  const decoder = new PasteDecoder(readCatalog());
  const printer = new Printer(options.mode);
  const lines = new LineReader();
  const take = (records: readonly DecodedRecord[]) => {
    for (const record of records) printer.add(record);
  };
  const feed = (text: string) => {
    for (const line of lines.push(text)) take(decoder.push(line));
  };
  if (options.input !== null) {
    feed(options.input);
  } else {
    const text = new InputText();
    let quiet: ReturnType<typeof setTimeout> | undefined;
    for await (const chunk of io.stdin) {
      clearTimeout(quiet);
      feed(text.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
      await write(io.stdout, printer.take());
      // A record complete but for a stack trace that may follow shows once the input is quiet.
      if (decoder.pending) {
        quiet = setTimeout(() => {
          take(decoder.flush());
          void write(io.stdout, printer.take());
        }, QUIET_MS);
      }
    }
    clearTimeout(quiet);
    feed(text.end());
  }
  for (const line of lines.end()) take(decoder.push(line));
  take(decoder.end());
  if (decoder.records === 0) return noInput(io);
  await write(io.stdout, printer.finish(decoder.context));
  return printer.tally.unreadableCount > 0 ? 1 : 0;
}

function noInput(io: Io): number {
  io.stderr.write(
    `入力がありません。INPUT を指定するか、標準入力に貼り付けてください。\n\n${USAGE}`,
  );
  return 2;
}

if (import.meta.main) {
  // A reader that went away (`| head`) is not an error: stop there, quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  process.exitCode = await main(process.argv.slice(2), io);
}
