import { expect, test } from 'vitest';
import {
  catalogFromCompact,
  compactCatalogJson,
  type CompactCatalog,
} from '../../src/lib/catalog/compact.ts';
import { decode } from '../../src/lib/decode/index.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();
/** The catalog as the browser rebuilds it from the module the build writes. */
const rebuilt = catalogFromCompact(JSON.parse(compactCatalogJson(catalog)) as CompactCatalog);

test('the compact form the decoder script carries rebuilds the same catalog', () => {
  expect(rebuilt.rows).toEqual(catalog.rows);
  expect(rebuilt.numbers).toEqual(catalog.numbers);
  expect(
    rebuilt.tables.map((t) => [t.slug, t.layer, t.platform, t.endpoint, t.arrives, t.ranges]),
  ).toEqual(
    catalog.tables.map((t) => [t.slug, t.layer, t.platform, t.endpoint, t.arrives, t.ranges]),
  );
});

test('the browser decodes exactly as the CLI does', () => {
  const paste = [
    '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    'POST /share/qq ret=100000&msg=uin,skey error',
    '{"errcode":45009,"errmsg":"api freq out of limit"}',
    'ret:-2011 msg:unknown',
    '-1',
  ].join('\n');
  expect(decode(rebuilt, paste)).toEqual(decode(catalog, paste));
});
