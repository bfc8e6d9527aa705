import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import { decode, type DecodedRecord } from '../../src/lib/decode/index.ts';

const catalog = loadCatalog();

/** Pieces of what people paste, shuffled together by fast-check. */
const fragment = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '{',
    '}',
    '"',
    '\\',
    '{"ret":',
    '"msg":"',
    '-10000',
    '-20000',
    ',"err_type":',
    '{"errcode":',
    '{"error":',
    'callback( ',
    ' );',
    'ret=',
    '&msg=',
    'ret:',
    ' msg:',
    '−',
    '－',
    '，',
    '３',
    '\r\n',
    '\n',
    '\t',
    '\uFEFF',
    '/share/qq',
    '/share/qzone',
    'hints: [ req_id: x ]',
    'java.net.SocketTimeoutException: ',
    '\tat Foo.bar(Foo.java:1)',
  ),
  fc.integer({ min: -40000, max: 120000 }).map(String),
);
const paste = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

/** A record is consistent: either an error and nothing else, or a code with its findings. */
function consistent(record: DecodedRecord): void {
  expect(record.line).toBeGreaterThanOrEqual(1);
  if (record.error !== null) {
    expect(typeof record.error).toBe('string');
    expect(record.error.length).toBeGreaterThan(0);
    expect(record.candidates).toEqual([]);
    return;
  }
  expect(record.code).not.toBeNull();
  if (record.candidates.length > 0) {
    expect(record.range).toBeNull();
    expect(record.nearest).toEqual([]);
    for (const candidate of record.candidates) {
      expect(catalog.row(candidate.table, candidate.code)).toBeDefined();
      expect(candidate.code).toBe(record.code);
      expect(candidate.reason.length).toBeGreaterThan(0);
    }
  } else {
    expect(record.nearest.length).toBeGreaterThan(0);
    expect(record.nearest.length).toBeLessThanOrEqual(3);
    if (record.range) expect(catalog.row(record.range.table, record.range.code)).toBeDefined();
  }
  if (record.errType) expect(typeof record.errType.note).toBe('string');
}

describe('decode never throws and always answers', () => {
  test('any string: records for non-blank input, none for blank input, each consistent', () => {
    fc.assert(
      fc.property(paste, (text) => {
        const records = decode(catalog, text);
        if (text.trim() === '') expect(records).toEqual([]);
        else expect(records.length).toBeGreaterThan(0);
        records.forEach(consistent);
        // Records come in paste order and never share a line.
        for (let i = 1; i < records.length; i++) {
          expect(records[i]?.line).toBeGreaterThan(records[i - 1]?.line ?? 0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test('any code in a response decodes to exact rows or to a range and neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50000, max: 200000 }), (code) => {
        const [record] = decode(catalog, `{"ret":${code},"msg":"x"}`);
        expect(record?.error).toBeNull();
        consistent(record as DecodedRecord);
      }),
    );
  });
});
