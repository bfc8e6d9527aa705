/**
 * A real `astro build` on a copy of content/ that a test has changed (broken on purpose, or
 * given a row with markup in it), into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './catalog.ts';

/** A finished build: its exit status, everything it printed, and its folder. */
export interface BuildResult {
  status: number | null;
  output: string;
  /** The temporary folder: `content/` (as changed) and `dist/` (when the build succeeded). */
  dir: string;
  /** Removes the temporary folder. */
  remove: () => void;
}

/** Builds the site with `change(contentDir)` applied to a fresh copy of content/. */
export function buildWithContent(
  change: (content: string) => void,
  args: readonly string[] = [],
): BuildResult {
  const dir = mkdtempSync(join(tmpdir(), 'msdk-build-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    change(join(dir, 'content'));
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
        'build',
        '--outDir',
        join(dir, 'dist'),
        ...args,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, MSDK_CONTENT_DIR: join(dir, 'content') },
        encoding: 'utf8',
      },
    );
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, dir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Builds with `breakIt(contentDir)` applied to a fresh copy of content/; returns the outcome. */
export function buildWithBrokenContent(breakIt: (content: string) => void): {
  status: number | null;
  output: string;
} {
  const { status, output, remove } = buildWithContent(breakIt);
  remove();
  return { status, output };
}
