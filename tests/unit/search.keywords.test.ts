import { describe, expect, test } from 'vitest';
import { CatalogError } from '../../src/lib/catalog/errors.ts';
import { parseTableFile } from '../../src/lib/catalog/parse.ts';
import { parseTopicsFile } from '../../src/lib/catalog/topics.ts';
import { loadCatalog, tableFiles } from '../support/catalog.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/catalog.ts';

const wechat = tableFiles().find((f) => f.file.endsWith('/wechat-platform.yaml'))!;
const topicsFile = join(ROOT, 'content', 'topics.yaml');
const topicsText = readFileSync(topicsFile, 'utf8');

/** The problems a table file with other keywords is reported with (none when it is valid). */
function problems(keywords: string): readonly string[] {
  const text = wechat.text.replace(/^keywords:[\s\S]*?(?=^rows:)/m, `keywords: ${keywords}\n`);
  try {
    parseTableFile(wechat.file, text);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
}

describe('search keywords of tables and topics', () => {
  test('every table and every topic has some, in both languages', () => {
    for (const { file, text } of tableFiles()) {
      const keywords = parseTableFile(file, text).data.keywords ?? [];
      expect(
        keywords.some((k) => /[a-z]/i.test(k)),
        file,
      ).toBe(true);
      expect(
        keywords.some((k) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(k)),
        file,
      ).toBe(true);
    }
    for (const topic of parseTopicsFile(topicsFile, topicsText, loadCatalog())) {
      const keywords = topic.keywords ?? [];
      expect(
        keywords.some((k) => /[a-z]/i.test(k)),
        topic.slug,
      ).toBe(true);
      expect(
        keywords.some((k) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(k)),
        topic.slug,
      ).toBe(true);
    }
  });

  test('the WeChat table is found as WeChat, 微信 and ウィーチャット', () => {
    expect(parseTableFile(wechat.file, wechat.text).data.keywords).toEqual(
      expect.arrayContaining(['WeChat', '微信', 'ウィーチャット']),
    );
  });

  test('a keyword that is too long, listed twice, or not text is reported in plain words', () => {
    expect(problems(`[WeChat, '${'x'.repeat(41)}']`)).toEqual([
      'field "keywords", item 2: a keyword must be at most 40 characters long',
    ]);
    expect(problems('[WeChat, WeChat]')).toEqual(['field "keywords": a keyword is listed twice']);
    expect(problems('[WeChat, 42]')).toEqual([
      'field "keywords", item 2: expected text, found number 42',
    ]);
    expect(problems(`[${Array.from({ length: 25 }, (_, i) => `k${i}`).join(', ')}]`)).toEqual([
      'field "keywords": at most 24 keywords',
    ]);
  });

  test('keywords are optional', () => {
    const text = wechat.text.replace(/^keywords:[\s\S]*?(?=^rows:)/m, '');
    expect(parseTableFile(wechat.file, text).data.keywords).toBeUndefined();
  });
});
