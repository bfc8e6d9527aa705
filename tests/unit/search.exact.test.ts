import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import { catalogFromCompact } from '../../src/lib/catalog/compact.ts';
import { lookupCatalog } from '../../src/lib/search/data.ts';
import { exactLookup } from '../../src/lib/search/exact.ts';
import { rankCandidates } from '../../src/lib/classify/rank.ts';

const catalog = loadCatalog();
const rows = (query: string) =>
  exactLookup(catalog, query)?.candidates.map((c) => `${c.table} ${c.code}`);

describe('the exact lookup follows the classification', () => {
  test('a bare -1 lists all three tables, in the source document order', () => {
    expect(rows('-1')).toEqual(['qq-platform -1', 'wechat-platform -1', 'qq-blue-diamond -1']);
    expect(exactLookup(catalog, '-1')?.numberUrl).toBe('/codes/-1/');
  });

  test('errcode 40001 is a WeChat body: WeChat first', () => {
    expect(rows('errcode 40001')).toEqual(['wechat-platform 40001']);
    expect(rows('ｅｒｒｃｏｄｅ：４０００１')).toEqual(['wechat-platform 40001']);
  });

  test('ret -10000 is the logic envelope row', () => {
    expect(rows('ret -10000')).toEqual(['logic -10000']);
  });

  test('msg -73 ranks like a bare msg value', () => {
    expect(rows('msg -73')).toEqual(
      rankCandidates(catalog, -73, { via: 'bare-msg' }).map((c) => `${c.table} ${c.code}`),
    );
    expect(rows('msg -73')).toEqual(['qq-platform -73']);
  });

  test('a number of two tables puts the tables its route reaches in that route order', () => {
    // 100000: QQ OAuth and QQ share; a `ret` reaches only the share table.
    expect(rows('100000')).toEqual(['qq-platform 100000', 'qq-share 100000']);
    expect(rows('ret=100000')).toEqual(['qq-share 100000']);
    expect(rows('error 100000')).toEqual(['qq-platform 100000']);
  });

  test('a code its route never reaches is shown as a hint from the tables that have it', () => {
    const lookup = exactLookup(catalog, 'ret -73')!;
    expect(lookup.candidates).toEqual([]);
    expect(lookup.elsewhere.map((c) => `${c.table} ${c.code}`)).toEqual(['qq-platform -73']);
  });

  test('an unknown number gets its range and the number with the other sign', () => {
    const lookup = exactLookup(catalog, '-2011')!;
    expect(lookup.candidates).toEqual([]);
    expect(lookup.range?.code).toBe(-2000);
    expect(exactLookup(catalog, '303')?.otherSign.map((c) => c.url)).toEqual([
      '/codes/access/-303/',
    ]);
  });

  test('words are not looked up', () => {
    expect(exactLookup(catalog, 'ホワイトリスト')).toBeNull();
  });
});

describe('the lookup data', () => {
  test('rebuilds the same tables and rows, without the handling texts', () => {
    const rebuilt = catalogFromCompact(lookupCatalog(catalog));
    expect(rebuilt.rows.map((r) => [r.table, r.code, r.action, r.description])).toEqual(
      catalog.rows.map((r) => [r.table, r.code, r.action, r.description]),
    );
    expect(new Set(rebuilt.rows.map((r) => r.handling))).toEqual(new Set(['']));
    for (const query of ['-1', 'errcode 40001', 'ret -10000', 'msg -73', '100000']) {
      expect(exactLookup(rebuilt, query)?.candidates.map((c) => c.url)).toEqual(
        exactLookup(catalog, query)?.candidates.map((c) => c.url),
      );
    }
  });
});
