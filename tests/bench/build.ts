/**
 * Build benchmark: wall time and peak memory of a full `astro build` (Pagefind included)
 * for the real catalog and, with --scale, for synthetic catalogs of 10× and 100× its rows,
 * generated into a temporary content folder. Prints one JSON line per measure.
 *
 *   node tests/bench/build.ts [--runs 3] [--scale 10,100]
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { TableData } from '../../src/lib/catalog/schema.ts';
import { median } from './stats.ts';
import { ROOT } from '../support/catalog.ts';

const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const TIME = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path));

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const runs = Number(arg('runs', '3'));
const scales = arg('scale', '').split(',').filter(Boolean).map(Number);

/** One build into `outDir`; wall seconds and peak RSS in MiB (null without GNU time). */
function build(contentDir: string, outDir: string): { seconds: number; peakMiB: number | null } {
  const command = [process.execPath, ASTRO, 'build', '--outDir', outDir];
  const start = performance.now();
  const result = spawnSync(
    TIME ? TIME : command[0]!,
    TIME ? ['-f', '%M', ...command] : command.slice(1),
    {
      cwd: ROOT,
      env: { ...process.env, MSDK_CONTENT_DIR: contentDir },
      encoding: 'utf8',
      // Astro lists every page it writes: a large catalog prints megabytes.
      maxBuffer: 1 << 30,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) {
    throw new Error(`build failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
  const kib = TIME ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { seconds, peakMiB: Number.isFinite(kib) ? Math.round(kib / 1024) : null };
}

/** A copy of content/ whose tables hold `factor` times the rows (new codes, same shape). */
function syntheticContent(factor: number): string {
  const dir = mkdtempSync(join(tmpdir(), `msdk-x${factor}-`));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const tables = join(dir, 'content', 'tables');
  for (const name of readdirSync(tables)) {
    const path = join(tables, name);
    const table = yaml.load(readFileSync(path, 'utf8')) as TableData;
    const copies = table.rows.flatMap((row) =>
      Array.from({ length: factor - 1 }, (_, i) => ({
        ...row,
        code: (row.code < 0 ? -1 : 1) * (Math.abs(row.code) + (i + 1) * 1_000_000),
        description: `${row.description}（合成 ${i + 1}）`,
      })),
    );
    writeFileSync(
      path,
      yaml.dump({ ...table, rows: [...table.rows, ...copies] }, { lineWidth: -1 }),
    );
  }
  return join(dir, 'content');
}

function measure(name: string, contentDir: string, rows: number, times: number) {
  const out = mkdtempSync(join(tmpdir(), 'msdk-bench-dist-'));
  try {
    const results = Array.from({ length: times }, () => build(contentDir, out));
    const pages = readdirSync(join(out, 'codes'), { recursive: true }).filter((f) =>
      String(f).endsWith('index.html'),
    ).length;
    console.log(
      JSON.stringify({
        name,
        rows,
        pages_under_codes: pages,
        median_s: Number(median(results.map((r) => r.seconds)).toFixed(2)),
        runs: results.map((r) => Number(r.seconds.toFixed(2))),
        peak_mib: results[0]!.peakMiB === null ? null : median(results.map((r) => r.peakMiB!)),
        ms_per_row: Number(((median(results.map((r) => r.seconds)) * 1000) / rows).toFixed(2)),
      }),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

measure('build-real', join(ROOT, 'content'), 229, runs);
for (const factor of scales) {
  const content = syntheticContent(factor);
  try {
    measure(`build-x${factor}`, content, 229 * factor, factor >= 100 ? 1 : Math.min(runs, 2));
  } finally {
    rmSync(join(content, '..'), { recursive: true, force: true });
  }
}
