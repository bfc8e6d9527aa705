import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { CODE_DIGITS, TABLE_SLUGS } from '../../src/lib/catalog/vocabulary.ts';
import { loadCatalog, ROOT } from '../support/catalog.ts';
import { squeezeSpaces, seedOverview, seedRows } from '../support/seed.ts';

const catalog = loadCatalog();
const seed = seedRows();

describe('the YAML holds the source document verbatim', () => {
  test('the seed has 229 rows in eight tables, and so does the catalog', () => {
    expect(seed).toHaveLength(229);
    expect(catalog.rows).toHaveLength(229);
    expect(catalog.tables.map((table) => table.slug)).toEqual([...TABLE_SLUGS]);
  });

  test('no code has more digits than CODE_DIGITS, which the decoder and the share rely on', () => {
    const digits = seed.map((row) => String(Math.abs(row.code)).length);
    expect(Math.max(...digits)).toBe(CODE_DIGITS);
  });

  test.each(TABLE_SLUGS)('table %s has the seed rows, in the seed order', (slug) => {
    const expected = seed.filter((row) => row.table === slug);
    const actual = catalog.table(slug).rows.map((row) => ({
      table: row.table,
      code: row.code,
      description: squeezeSpaces(row.description),
      handling: squeezeSpaces(row.handling),
    }));
    expect(actual).toEqual(expected);
  });

  test('every row of the seed is found by (table, code) with its own text', () => {
    for (const row of seed) {
      const found = catalog.row(row.table, row.code);
      expect(found, `${row.table} ${row.code}`).toBeDefined();
      expect(squeezeSpaces(found!.description)).toBe(row.description);
      expect(squeezeSpaces(found!.handling)).toBe(row.handling);
    }
  });

  test('the overview points are the seed overview, verbatim', () => {
    const overview = yaml.load(readFileSync(join(ROOT, 'content', 'overview.yaml'), 'utf8')) as {
      items: string[];
    };
    expect(overview.items.map(squeezeSpaces)).toEqual(seedOverview());
    expect(seedOverview()).toHaveLength(6);
  });
});

describe('the curated data around the rows', () => {
  test('every row carries an action; envelopes and range rows point to the specific code', () => {
    const logic = catalog.table('logic');
    for (const range of logic.ranges) {
      expect(catalog.row('logic', range.code)?.action).toBe('see-specific-code');
    }
    expect(catalog.rows.filter((row) => row.action === 'see-specific-code')).toHaveLength(6);
  });

  test('the logic table announces its six ranges', () => {
    expect(catalog.table('logic').ranges.map((r) => [r.code, r.max, r.min ?? null])).toEqual([
      [-100, -100, -999],
      [-1000, -1000, -1999],
      [-2000, -2000, -9999],
      [-10000, -10000, -19999],
      [-20000, -20000, -29999],
      [-30000, -30000, null],
    ]);
  });

  test('the share tables name their endpoints', () => {
    expect(catalog.table('qq-share').endpoint).toBe('/share/qq');
    expect(catalog.table('qzone-share').endpoint).toBe('/share/qzone');
  });
});
