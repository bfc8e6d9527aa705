/**
 * A real `astro build` on a copy of content/ that a test has broken on purpose, to prove the
 * build stops with a message naming the file, the row (or topic) and the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './catalog.ts';

/** Builds with `breakIt(contentDir)` applied to a fresh copy of content/; returns the outcome. */
export function buildWithBrokenContent(breakIt: (content: string) => void): {
  status: number | null;
  output: string;
} {
  const dir = mkdtempSync(join(tmpdir(), 'msdk-broken-'));
  try {
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    breakIt(join(dir, 'content'));
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
        'build',
        '--outDir',
        join(dir, 'dist'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, MSDK_CONTENT_DIR: join(dir, 'content') },
        encoding: 'utf8',
      },
    );
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
