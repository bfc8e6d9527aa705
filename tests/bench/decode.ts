/**
 * Benchmark of the decoder: 10,000 realistic, mixed log lines (generated deterministically,
 * `log.ts`), decoded after a warm-up, with a full garbage collection before each timed run (so
 * that no run pays for the garbage of the one before); prints one JSON line with the median,
 * the 90th percentile and the time of the first call in the process (code not yet optimised).
 *
 * In the same run and the same way it times a bare `JSON.parse` of the same lines (of each
 * line's `{…}`, from its first `{` to its last `}`: what even the simplest reader of these
 * lines does) and prints the ratio, budgeted at 10×.
 *
 *   node_modules/.bin/node tests/bench/decode.ts [--runs N]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decode } from '../../src/lib/decode/index.ts';
import { readCatalog } from '../../src/node/catalog.ts';
import { benchLines, random } from './log.ts';

const LINES = 10_000;
const WARMUP = 5;
/** `--runs N` (or a bare N) sets the number of timed runs; 15 by default. */
function runsArgument(args: readonly string[]): number {
  const flag = args.indexOf('--runs');
  const value = Number(flag === -1 ? args.find((arg) => /^\d+$/.test(arg)) : args[flag + 1]);
  return Number.isInteger(value) && value > 0 ? value : 15;
}
const runs = runsArgument(process.argv.slice(2));

const catalog = readCatalog();
const lines = benchLines(LINES);
const paste = lines.join('\n');

/** A full garbage collection, which the bench asks for between timed runs. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Times runners in turn, run by run (so that all meet the same machine): the first call of
 * each in this process (code not yet optimised, as in one run of the command line), `warmup`
 * more untimed runs, then `count` timed ones of each.
 */
function measure(runners: readonly (() => number)[], warmup: number, count: number) {
  const firsts = runners.map((run) => {
    const first = performance.now();
    run();
    return performance.now() - first;
  });
  for (let i = 1; i < warmup; i++) for (const run of runners) run();
  const times = runners.map((): number[] => []);
  const records = runners.map(() => 0);
  for (let i = 0; i < count; i++) {
    runners.forEach((run, n) => {
      // Each run starts with the garbage of the runs before it collected, as a single decode
      // (the command line, a paste) would: otherwise some runs pay for collecting earlier ones.
      collectGarbage();
      const start = performance.now();
      records[n] = run();
      times[n]?.push(performance.now() - start);
    });
  }
  return runners.map((_, n) => {
    const sorted = (times[n] ?? []).sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      median_ms: round(at(0.5)),
      p90_ms: round(at(0.9)),
      first_ms: round(firsts[n] ?? 0),
      runs: count,
      records: records[n] ?? 0,
    };
  });
}

/** JSON.parse of each line's `{…}`; the count of lines that parsed. */
function parseLines(): number {
  let parsed = 0;
  for (const line of lines) {
    const start = line.indexOf('{');
    const end = line.lastIndexOf('}');
    if (start < 0 || end < start) continue;
    try {
      JSON.parse(line.slice(start, end + 1));
      parsed++;
    } catch {
      // Not JSON after all.
    }
  }
  return parsed;
}

const [decodeRuns, jsonRuns] = measure(
  [() => decode(catalog, paste).length, parseLines],
  WARMUP,
  runs,
);
if (decodeRuns && jsonRuns) {
  console.log(
    JSON.stringify({
      name: 'decode-10k-lines',
      ...decodeRuns,
      lines: LINES,
      json_parse_median_ms: jsonRuns.median_ms,
      ratio_to_json_parse: Math.round((decodeRuns.median_ms / jsonRuns.median_ms) * 10) / 10,
    }),
  );
}

// Hostile input: 5 MB of binary junk must stay linear and never throw.
const next = random(7);
let junk = '';
while (junk.length < 5 * 1024 * 1024) {
  junk += String.fromCharCode(...Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
  junk += next() < 0.5 ? '\n' : '{"ret":';
}
console.log(
  JSON.stringify({
    name: 'decode-5mb-junk',
    ...measure([() => decode(catalog, junk).length], 1, 3)[0],
    bytes: junk.length,
  }),
);
