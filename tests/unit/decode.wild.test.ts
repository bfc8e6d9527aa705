/**
 * The decoder on realistic pastes from the wild (tests/fixtures/wild-pastes.ts and
 * source-pastes.ts): every record
 * each must give, in order, with its code, form, best row, nearest rows and endpoint, or the
 * error it must give; context lines give no record. The few forms not read yet are listed as
 * gaps, and expected to fail.
 */
import { describe, expect, test } from 'vitest';
import { decode, type DecodedRecord } from '../../src/lib/decode/index.ts';
import { UNREADABLE } from '../../src/lib/words/index.ts';
import { SOURCE_PASTES } from '../fixtures/source-pastes.ts';
import { WILD_PASTES, type Want } from '../fixtures/wild-pastes.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();

const row = (ref: { table: string; code: number } | undefined) =>
  ref ? `${ref.table} ${ref.code}` : null;

/** What a record shows of what a case wants of it. */
function seen(want: Want, record: DecodedRecord | undefined): unknown {
  if (!record) return undefined;
  if ('error' in want) return { error: record.error };
  const forms = want.form === undefined ? undefined : [want.form].flat();
  return {
    error: record.error,
    code: record.code,
    ...(forms && { form: forms.includes(record.form!) ? want.form : record.form }),
    best: row(record.candidates[0]),
    ...(want.nearest && { nearest: record.nearest.map(row) }),
    ...(want.endpoint !== undefined && { endpoint: record.endpoint }),
  };
}

/** The same, as the case wants it. */
function wanted(want: Want): unknown {
  if ('error' in want) return { error: expect.stringMatching(want.error) as unknown };
  return {
    error: null,
    code: want.code,
    ...(want.form !== undefined && { form: want.form }),
    best: want.best,
    ...(want.nearest && { nearest: want.nearest }),
    ...(want.endpoint !== undefined && { endpoint: want.endpoint }),
  };
}

describe.each([...new Set(WILD_PASTES.map((c) => c.cat))])('%s', (category) => {
  for (const { name, paste, want, gap } of WILD_PASTES.filter((c) => c.cat === category)) {
    (gap ? test.fails : test)(gap ? `${name} (not yet: ${gap})` : name, () => {
      const records = decode(catalog, paste);
      expect(records.map((record, n) => seen(want[n] ?? want[0]!, record))).toEqual(
        want.map(wanted),
      );
    });
  }
});

describe.each([...new Set(SOURCE_PASTES.map((c) => c.src))])('from %s', (source) => {
  for (const { name, paste, want, gap, optional } of SOURCE_PASTES.filter(
    (c) => c.src === source,
  )) {
    if (optional) continue;
    (gap ? test.fails : test)(gap ? `${name} (not yet: ${gap})` : name, () => {
      const records = decode(catalog, paste);
      expect(
        records.map((record) =>
          record.error
            ? { error: record.error }
            : { code: record.code, best: row(record.candidates[0]) },
        ),
      ).toEqual(
        want.map((one) =>
          'e' in one
            ? {
                error:
                  typeof one.e === 'string'
                    ? UNREADABLE[one.e as keyof typeof UNREADABLE]
                    : (expect.stringMatching(one.e) as unknown),
              }
            : { code: one.c, best: one.b },
        ),
      );
    });
  }
});
