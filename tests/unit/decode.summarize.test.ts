import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import { decode, decodePaste, summarize } from '../../src/lib/decode/index.ts';

const catalog = loadCatalog();

describe('summarize', () => {
  test('counts distinct codes by best candidate, most frequent first, unreadable apart', () => {
    const paste = [
      '{"ret":-10000,"msg":"-73,the user modify password wrong"}',
      '-303',
      'ret=-303&msg=x',
      '-73,x',
      '{"ret":-2011}',
      'hello',
      '{"ret":-10000,"msg":"-73,again"}',
      '{"ret":"-303"}',
      '{"ret":-10000,"msg":"-7',
    ].join('\n');
    const { records, context } = decodePaste(catalog, paste);
    const summary = summarize(records, { context });
    // `hello` holds no code: a context line, counted apart, not an unreadable record.
    expect(summary.unreadable.map((record) => record.line)).toEqual([9]);
    expect(summary.context).toBe(1);
    expect(summary.codes).toEqual([
      {
        code: -73,
        table: 'qq-platform',
        url: '/codes/qq-platform/-73/',
        count: 3,
        description: catalog.row('qq-platform', -73)?.description,
      },
      {
        code: -303,
        table: 'access',
        url: '/codes/access/-303/',
        count: 3,
        description: catalog.row('access', -303)?.description,
      },
      { code: -2011, table: null, url: null, count: 1, description: null },
    ]);
  });

  test('the same number in two tables is two entries', () => {
    const summary = summarize(decode(catalog, '{"ret":-1}\n{"errcode":-1}\n{"errcode":-1}'));
    expect(summary.codes.map((c) => [c.table, c.code, c.count])).toEqual([
      ['wechat-platform', -1, 2],
      ['qq-blue-diamond', -1, 1],
    ]);
  });

  test('an empty paste summarizes to nothing', () => {
    expect(summarize(decode(catalog, ''))).toEqual({ codes: [], unreadable: [], context: 0 });
  });
});
