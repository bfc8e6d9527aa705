import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildWithBrokenContent } from '../support/build.ts';

test('a row with an unknown action stops the build, naming file, row and field', () => {
  const { status, output } = buildWithBrokenContent((content) => {
    const file = join(content, 'tables', 'wechat-platform.yaml');
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
  const { status, output } = buildWithBrokenContent((content) =>
    renameSync(join(content, 'tables', 'qq-share.yaml'), join(content, 'tables', 'qq-shares.yaml')),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('unknown table slug "qq-shares"');
}, 60_000);
