import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ROOT } from '../support/catalog.ts';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs a real `astro build` on a copy of content/ broken by `breakIt`; returns its output. */
function buildWith(breakIt: (tables: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'msdk-broken-'));
  temps.push(dir);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  breakIt(join(dir, 'content', 'tables'));
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
}

test('a row with an unknown action stops the build, naming file, row and field', () => {
  const { status, output } = buildWith((tables) => {
    const file = join(tables, 'wechat-platform.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('action: refresh-token', 'action: refresh'),
    );
  });
  expect(status).not.toBe(0);
  expect(output).toContain('wechat-platform.yaml');
  expect(output).toContain('row 6 (code 42001), field "action": unknown value "refresh"');
}, 60_000);

test('a file named after no table stops the build', () => {
  const { status, output } = buildWith((tables) =>
    renameSync(join(tables, 'qq-share.yaml'), join(tables, 'qq-shares.yaml')),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('unknown table slug "qq-shares"');
}, 60_000);
