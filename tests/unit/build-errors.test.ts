/**
 * A real build on broken content stops with one plain message naming the file, the entry and
 * the field — the same for tables, topics and the overview — and no stack trace.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildWithBrokenContent } from '../support/build.ts';

/** Replaces one exact piece of text (which must be there) in a content file. */
function edit(content: string, file: string, from: string, to: string): void {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** Builds with the change and checks the build stopped with the plain message and no trace. */
function expectPlainStop(change: (content: string) => void, ...lines: string[]): string {
  const { status, output } = buildWithBrokenContent(change);
  expect(status).not.toBe(0);
  expect(output).toContain("The site's data in content/ has problems:");
  for (const line of lines) expect(output).toContain(line);
  // No stack trace, no "Location:" block: only the plain message.
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toContain('Location:');
  expect(output).not.toContain('Stack trace');
  return output;
}

test('a row with an unknown action stops the build, naming file, row and field', () => {
  expectPlainStop(
    (content) =>
      edit(content, 'tables/wechat-platform.yaml', 'action: refresh-token', 'action: refresh'),
    'wechat-platform.yaml',
    'row 6 (code 42001), field "action": unknown value "refresh"',
  );
}, 60_000);

test('a file named after no table stops the build, and the table it replaced is missing', () => {
  expectPlainStop(
    (content) =>
      renameSync(
        join(content, 'tables', 'qq-share.yaml'),
        join(content, 'tables', 'qq-shares.yaml'),
      ),
    'unknown table slug "qq-shares"',
    'the table "qq-share" has no file: expected qq-share.yaml here',
  );
}, 60_000);

test('a missing table file stops the build, naming the slug', () => {
  expectPlainStop(
    (content) => rmSync(join(content, 'tables', 'qq-blue-diamond.yaml')),
    'content/tables:',
    'the table "qq-blue-diamond" has no file: expected qq-blue-diamond.yaml here',
  );
}, 60_000);

test('an empty table file says so', () => {
  expectPlainStop(
    (content) => writeFileSync(join(content, 'tables', 'logic.yaml'), '# nothing yet\n\n'),
    'logic.yaml:',
    'the file is empty: it has no data, only blank lines or comments',
  );
}, 60_000);

test('a 2,000,000-character description stops the build at once', () => {
  const output = expectPlainStop(
    (content) =>
      edit(
        content,
        'tables/access.yaml',
        'description: このappidはmsdkでは権限がありません',
        `description: ${'あ'.repeat(2_000_000)}`,
      ),
    'access.yaml:',
    'field "description": too long: 2,000,000 characters, at most 300',
  );
  // The message quotes no part of the text.
  expect(output.length).toBeLessThan(20_000);
}, 60_000);

test('a handling text over its limit names the limit', () => {
  expectPlainStop(
    (content) =>
      edit(
        content,
        'tables/access.yaml',
        'handling: appidが正確か確認してください。このサービスの基本資料の審査に合格したか確認してください。このサービスは当該インターフェースの権限があるか確認してください。',
        `handling: ${'い'.repeat(1001)}`,
      ),
    'field "handling": too long: 1,001 characters, at most 1,000',
  );
}, 60_000);

test('a code that is not a safe integer is explained in plain words', () => {
  expectPlainStop(
    (content) => edit(content, 'tables/access.yaml', 'code: -303', 'code: -123456789012345678901'),
    'access.yaml:',
    'is too small to be an exact code; a code must be a whole number from -9007199254740991 to 9007199254740991',
  );
}, 60_000);

test('a broken topics.yaml ends with the same plain message, naming topic, row and field', () => {
  expectPlainStop(
    (content) =>
      edit(
        content,
        'topics.yaml',
        '{ table: qq-game-center, code: -4016 }',
        '{ table: qq-gamecenter, code: -4016 }',
      ),
    'content/topics.yaml:',
    'topic 3 (signature), row 3 (code -4016), field "table": unknown value "qq-gamecenter"',
  );
}, 60_000);

test('a broken overview.yaml ends with the same plain message, naming the field', () => {
  expectPlainStop(
    (content) => edit(content, 'overview.yaml', 'heading: 概説', 'heading: [概説]'),
    'content/overview.yaml:',
    'field "heading": expected text, found a list',
  );
}, 60_000);

test('an overview.yaml that is not YAML names its line', () => {
  expectPlainStop(
    (content) => writeFileSync(join(content, 'overview.yaml'), 'title: x\nitems: [a, b\n'),
    'content/overview.yaml:',
    'not valid YAML:',
  );
}, 60_000);

test('problems in several files are reported together', () => {
  expectPlainStop(
    (content) => {
      edit(content, 'tables/logic.yaml', 'action: retry', 'action: retyr');
      edit(content, 'overview.yaml', 'heading: 概説', 'heading: ""');
    },
    'logic.yaml:',
    'field "action": unknown value "retyr"',
    'content/overview.yaml:',
    'field "heading": must not be empty',
  );
}, 60_000);
