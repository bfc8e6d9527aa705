import { expect, test } from 'vitest';
import {
  catalogFromCompact,
  compactCatalogJson,
  parseCompactCatalog,
} from '../../src/lib/catalog/compact.ts';
import { decode } from '../../src/lib/decode/index.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();

test('the compact form the decoder page carries rebuilds the same catalog', () => {
  const json = compactCatalogJson(catalog);
  expect(json).not.toContain('</script');
  const rebuilt = catalogFromCompact(parseCompactCatalog(json)!);
  expect(rebuilt.rows).toEqual(catalog.rows);
  expect(rebuilt.numbers).toEqual(catalog.numbers);
  expect(
    rebuilt.tables.map((t) => [t.slug, t.layer, t.platform, t.endpoint, t.arrives, t.ranges]),
  ).toEqual(
    catalog.tables.map((t) => [t.slug, t.layer, t.platform, t.endpoint, t.arrives, t.ranges]),
  );
});

test('the browser decodes exactly as the CLI does', () => {
  const rebuilt = catalogFromCompact(parseCompactCatalog(compactCatalogJson(catalog))!);
  const paste = [
    '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    'POST /share/qq ret=100000&msg=uin,skey error',
    '{"errcode":45009,"errmsg":"api freq out of limit"}',
    'ret:-2011 msg:unknown',
  ].join('\n');
  expect(decode(rebuilt, paste)).toEqual(decode(catalog, paste));
});

test('data that is not the compact catalog is refused, not trusted', () => {
  expect(parseCompactCatalog('')).toBeNull();
  expect(parseCompactCatalog('{"v":99,"tables":[]}')).toBeNull();
  expect(parseCompactCatalog('not json')).toBeNull();
});
