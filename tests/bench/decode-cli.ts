/**
 * Benchmark of the command line on big logs: `npm run decode` (the real CLI, in a child
 * process) reading a generated 50 MB log from a file on standard input, in each mode (text,
 * `--json`, `--jsonl`), output to /dev/null; prints one JSON line per mode with the wall time,
 * the child's peak RSS (budget: 300 MB) and its exit status. With `--big` it also pipes a
 * 1 GB log, generated on the fly, into `--jsonl` (the memory bound in a long pipeline).
 *
 *   node_modules/.bin/node tests/bench/decode-cli.ts [--mb 50] [--big] [--gb 1]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { logChunks } from './log.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'decode.ts');
const { values: options } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    big: { type: 'boolean', default: false },
    gb: { type: 'string', default: '1' },
  },
});
const MB = 1024 * 1024;

/** Reports the child's peak RSS on stderr as it exits (`--import` of a data: module). */
const REPORT = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss_kb="+process.resourceUsage().maxRSS+"\\n"))`;

/** Runs the CLI with standard input from `stdin` (a file descriptor, or 'pipe' to feed). */
function runCli(
  mode: string[],
  stdin: number | 'pipe',
  feed?: (input: NodeJS.WritableStream) => Promise<void>,
) {
  const devNull = openSync('/dev/null', 'w');
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT, CLI, ...mode], {
    cwd: ROOT,
    stdio: [stdin, devNull, 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (data: string) => (stderr += data));
  const fed = feed && child.stdin ? feed(child.stdin) : Promise.resolve();
  return new Promise<{ seconds: number; maxRssMb: number; status: number | null }>((resolve) => {
    child.on('close', (status) => {
      closeSync(devNull);
      void fed.then(() => {
        const rss = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
        if (status !== 0 && status !== 1) process.stderr.write(stderr);
        resolve({
          seconds: Math.round((performance.now() - start) / 100) / 10,
          maxRssMb: Math.round(rss / 1024),
          status,
        });
      });
    });
  });
}

/** Writes about `bytes` of generated log into a stream, waiting when its buffer is full. */
async function feedLog(input: NodeJS.WritableStream, bytes: number): Promise<void> {
  let written = 0;
  for (const chunk of logChunks()) {
    if (written >= bytes) break;
    written += chunk.length;
    if (!input.write(chunk)) await new Promise((resolve) => input.once('drain', resolve));
  }
  input.end();
}

// The 50 MB log as a file, read through standard input as `npm run decode < app.log` does.
const dir = mkdtempSync(join(tmpdir(), 'msdk-decode-bench-'));
try {
  const file = join(dir, 'app.log');
  const bytes = Number(options.mb) * MB;
  const out = openSync(file, 'w');
  let size = 0;
  for (const chunk of logChunks()) {
    if (size >= bytes) break;
    size += writeSync(out, chunk);
  }
  closeSync(out);
  for (const mode of [[], ['--json'], ['--jsonl']]) {
    const input = openSync(file, 'r');
    const result = await runCli(mode, input);
    closeSync(input);
    console.log(
      JSON.stringify({
        name: `decode-cli-${options.mb}mb${mode[0] ?? '-text'}`.replace('--', '-'),
        wall_s: result.seconds,
        max_rss_mb: result.maxRssMb,
        status: result.status,
        bytes: size,
      }),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (options.big) {
  const bytes = Number(options.gb) * 1024 * MB;
  const result = await runCli(['--jsonl'], 'pipe', (input) => feedLog(input, bytes));
  console.log(
    JSON.stringify({
      name: `decode-cli-${options.gb}gb-pipe-jsonl`,
      wall_s: result.seconds,
      max_rss_mb: result.maxRssMb,
      status: result.status,
      bytes,
    }),
  );
}
