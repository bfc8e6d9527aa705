/**
 * Benchmark of the decoder: 10,000 realistic, mixed log lines (generated deterministically),
 * decoded after a warm-up, with a full garbage collection before each timed run (so that no
 * run pays for the garbage of the one before); prints one JSON line with the median, the 90th
 * percentile and the time of the first call in the process (code not yet optimised).
 *
 *   node_modules/.bin/node tests/bench/decode.ts [--runs N]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decode } from '../../src/lib/decode/index.ts';
import { readCatalog } from '../../src/node/catalog.ts';
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

/** A small deterministic generator (mulberry32), so every run decodes the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20240501);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const rets = [-303, -101, -2004, -2011, -1011, 0, -4009, -10002, 1002, 2, -150];
const qq = [-73, -21, -1, 100013, 100000, 100014, -6];
const wechat = [40001, 42001, 45009, -1, 48001];
const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
const prefix = (n: number) =>
  `2024-05-01 10:${String(Math.floor(n / 600) % 60).padStart(2, '0')}:${String(Math.floor(n / 10) % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')} ${pick(levels)} [pool-1-thread-${n % 8}] c.t.msdk.LoginService -`;

const shapes: ((n: number) => string)[] = [
  (n) =>
    `${prefix(n)} resp={"ret":-10000,"msg":"${pick(qq)},the user modify password wrong","err_type":2} cost=${n % 97}ms`,
  (n) =>
    `${prefix(n)} resp={"ret":-20000,"msg":"${pick(wechat)},invalid credential, hints: [ req_id: ${n.toString(36)} ]","err_type":3}`,
  (n) => `${prefix(n)} resp={"ret":${pick(rets)},"msg":"appid has no permission","err_type":5}`,
  (n) =>
    `${prefix(n)} POST /share/qq?openid=ABC${n}&access_token=T${n} ret=${pick([2, 7, 100000, -10000])}&msg=${pick(qq)}%2Cfailed`,
  () =>
    `{"errcode":${pick(wechat)},"errmsg":"invalid credential, access_token is invalid or not latest rid: 6634a1b2-0c9e"}`,
  () =>
    `callback( {"error":${pick([100013, 100014, 100016])},"error_description":"access token is illegal"} );`,
  () => `${pick(rets)}`,
  () => `${pick(qq)},internal error`,
  (n) => `${prefix(n)} ret:${pick(rets)} msg:内部エラー err_type:1`,
  (n) => `${prefix(n)} heartbeat ok sessions=${n % 50}`,
  () =>
    `-2004,java.net.SocketTimeoutException: Read timed out at java.net.SocketInputStream.socketRead0(Native Method)`,
  () => `{"ret":"−３０３","msg":"appid　invalid"}`,
];

const lines: string[] = [];
for (let n = 0; n < LINES; n++) lines.push(pick(shapes)(n));
const paste = lines.join('\n');

/** A full garbage collection, which the bench asks for between timed runs. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Times `decode` on a paste: the first call in this process (code not yet optimised, as in
 * one run of the command line), `warmup` more untimed runs, then `count` timed ones.
 */
function measure(text: string, warmup: number, count: number) {
  const first = performance.now();
  decode(catalog, text);
  const firstMs = performance.now() - first;
  for (let i = 1; i < warmup; i++) decode(catalog, text);
  const times: number[] = [];
  let records = 0;
  for (let i = 0; i < count; i++) {
    // Each run starts with the garbage of the runs before it collected, as a single decode
    // (the command line, a paste) would: otherwise some runs pay for collecting earlier ones.
    collectGarbage();
    const start = performance.now();
    records = decode(catalog, text).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    median_ms: round(at(0.5)),
    p90_ms: round(at(0.9)),
    first_ms: round(firstMs),
    runs: count,
    records,
  };
}

console.log(
  JSON.stringify({ name: 'decode-10k-lines', ...measure(paste, WARMUP, runs), lines: LINES }),
);

// Hostile input: 5 MB of binary junk must stay linear and never throw.
let junk = '';
while (junk.length < 5 * 1024 * 1024) {
  junk += String.fromCharCode(...Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
  junk += next() < 0.5 ? '\n' : '{"ret":';
}
console.log(
  JSON.stringify({ name: 'decode-5mb-junk', ...measure(junk, 1, 3), bytes: junk.length }),
);
