import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import { catalogFromCompact } from '../../src/lib/catalog/compact.ts';
import { rankRows } from '../../src/lib/classify/rank.ts';
import { TABLE_NAMES } from '../../src/lib/catalog/vocabulary.ts';
import { codeUrl } from '../../src/lib/urls.ts';
import { lookupData } from '../../src/lib/search/data.ts';
import { exactLookup } from '../../src/lib/search/exact.ts';
import { QUERY_ROUTES } from '../../src/lib/search/query.ts';

const catalog = loadCatalog();
// Through JSON, as the browser receives it.
const data = JSON.parse(JSON.stringify(lookupData(catalog))) as ReturnType<typeof lookupData>;
const rows = (query: string) => exactLookup(data, query)?.candidates.map((c) => c.url);

describe('the exact lookup follows the classification', () => {
  test('for every number of the catalog and every route a query can name', () => {
    const prefix = {
      'bare-code': '',
      ret: 'ret ',
      'wechat-body': 'errcode ',
      'qq-oauth-body': 'error ',
      'bare-msg': 'msg ',
    };
    expect(catalog.numbers.length).toBeGreaterThan(200);
    for (const code of catalog.numbers) {
      for (const route of QUERY_ROUTES) {
        const expected = rankRows(catalog, code, { route }).map(({ row }) => row);
        const found = exactLookup(data, `${prefix[route]}${code}`)!.candidates;
        expect(found, `${route} ${code}`).toEqual(
          expected.map((row) => ({
            tableName: TABLE_NAMES[row.table],
            code: row.code,
            url: codeUrl(row.table, row.code),
            description: row.description,
          })),
        );
      }
    }
  });

  test('a bare -1 lists all three tables, in the source document order', () => {
    expect(rows('-1')).toEqual([
      '/codes/qq-platform/-1/',
      '/codes/wechat-platform/-1/',
      '/codes/qq-blue-diamond/-1/',
    ]);
    expect(exactLookup(data, '-1')?.numberUrl).toBe('/codes/-1/');
    expect(exactLookup(data, '-303')?.numberUrl).toBeNull();
  });

  test('errcode 40001 is a WeChat body: WeChat first', () => {
    expect(rows('errcode 40001')).toEqual(['/codes/wechat-platform/40001/']);
    expect(rows('ｅｒｒｃｏｄｅ：４０００１')).toEqual(['/codes/wechat-platform/40001/']);
  });

  test('ret -10000 is the logic envelope row', () => {
    expect(rows('ret -10000')).toEqual(['/codes/logic/-10000/']);
  });

  test('msg -73 ranks like a bare msg value', () => {
    expect(rows('msg -73')).toEqual(['/codes/qq-platform/-73/']);
  });

  test('a number of two tables puts the tables its route reaches in that route order', () => {
    // 100000: QQ OAuth and QQ share; a `ret` reaches only the share table.
    expect(rows('100000')).toEqual(['/codes/qq-platform/100000/', '/codes/qq-share/100000/']);
    expect(rows('ret=100000')).toEqual(['/codes/qq-share/100000/']);
    expect(rows('error 100000')).toEqual(['/codes/qq-platform/100000/']);
  });

  test('a code its route never reaches is shown as a hint from the tables that have it', () => {
    const lookup = exactLookup(data, 'ret -73')!;
    expect(lookup.candidates).toEqual([]);
    expect(lookup.elsewhere.map((c) => c.url)).toEqual(['/codes/qq-platform/-73/']);
  });

  test('a number no table has offers the number with the other sign', () => {
    const lookup = exactLookup(data, '303')!;
    expect(lookup.candidates).toEqual([]);
    expect(lookup.elsewhere).toEqual([]);
    expect(lookup.otherSign.map((c) => c.url)).toEqual(['/codes/access/-303/']);
    expect(exactLookup(data, '-2011')?.otherSign).toEqual([]);
  });

  test('words are not looked up', () => {
    expect(exactLookup(data, 'ホワイトリスト')).toBeNull();
  });
});

describe('the lookup data', () => {
  test('carries the catalog for the decoder, without the handling texts', () => {
    const rebuilt = catalogFromCompact(data.catalog);
    expect(rebuilt.rows.map((r) => [r.table, r.code, r.action, r.description])).toEqual(
      catalog.rows.map((r) => [r.table, r.code, r.action, r.description]),
    );
    expect(new Set(rebuilt.rows.map((r) => r.handling))).toEqual(new Set(['']));
  });
});
