/**
 * `npm run bench`: every budget of the project, measured. Runs each benchmark in
 * tests/bench/ as its own process (each prints JSON lines), then prints a table and
 * writes all results to bench-results/latest.json. Timings are medians; nothing here is
 * asserted (machines are noisy) — the budgets are read off by people.
 *
 *   npm run bench                 real catalog
 *   npm run bench -- --scale      also synthetic catalogs of 10× and 100× the rows
 *   npm run bench -- --big        also a 1 GB log piped through the command line
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../support/catalog.ts';

const scale = process.argv.includes('--scale');
const big = process.argv.includes('--big');

const steps: [string, string[]][] = [
  ['build', ['tests/bench/build.ts', '--runs', '3', ...(scale ? ['--scale', '10,100'] : [])]],
  // The build benchmark writes to temporary folders; build dist/ once for the rest.
  [
    'dist',
    [
      join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'build',
      '--site',
      'http://localhost:4321',
    ],
  ],
  ['weights', ['tests/bench/weights.ts']],
  ['decode', ['tests/bench/decode.ts']],
  // 50 MB through the command line in each mode; `npm run bench -- --big` adds a 1 GB pipe.
  ['decode-cli', ['tests/bench/decode-cli.ts', ...(big ? ['--big'] : [])]],
  ['decoder-browser', ['tests/bench/decoder-browser.ts']],
  ['search', ['tests/bench/search.ts']],
];

const results: Record<string, unknown>[] = [];
for (const [name, args] of steps) {
  if (!existsSync(resolve(ROOT, args[0]!))) {
    console.error(`bench: ${name} skipped (${args[0]} not found)`);
    continue;
  }
  process.stderr.write(`bench: ${name}…\n`);
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) {
    console.error(`bench: ${name} failed\n${run.stdout}\n${run.stderr}`);
    process.exitCode = 1;
    continue;
  }
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('{')) results.push(JSON.parse(line) as Record<string, unknown>);
  }
}

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const record = { date: new Date().toISOString(), node: process.version, results };
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), `${JSON.stringify(record, null, 1)}\n`);

console.log('\n| measure | result |\n|---|---|');
for (const { name, ...rest } of results) {
  const text = Object.entries(rest)
    .filter(([, value]) => typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  console.log(`| ${String(name)} | ${text} |`);
}
console.log(`\nwritten to bench-results/latest.json`);
