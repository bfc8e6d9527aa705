/**
 * The decoder on realistic pastes (tests/fixtures/wild-pastes.ts, realworld-pastes.ts and
 * source-pastes.ts): every record each must give, in order, with its code, form, best row,
 * nearest rows and endpoint, or the error it must give; context lines give no record. A case
 * may ask for more: the record's route, its full ranked candidate list (and then no envelope,
 * endpoint, range or nearest rows but those it names), its envelope and range, and how many
 * lines of the paste were context. The few forms not read yet are listed as gaps, and
 * expected to fail.
 */
import { describe, expect, test } from 'vitest';
import {
  decode,
  decodeChunks,
  decodePaste,
  type DecodedRecord,
} from '../../src/lib/decode/index.ts';
import { UNREADABLE } from '../../src/lib/words/index.ts';
import { FIELD_PASTES_MORE } from '../fixtures/field-pastes-more.ts';
import { FIELD_PASTES } from '../fixtures/field-pastes.ts';
import { REALWORLD_PASTES } from '../fixtures/realworld-pastes.ts';
import { SOURCE_PASTES } from '../fixtures/source-pastes.ts';
import { WILD_PASTES, type Want, type WildCase } from '../fixtures/wild-pastes.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();

const row = (ref: { table: string; code: number } | undefined) =>
  ref ? `${ref.table} ${ref.code}` : null;

/** What a record shows of what a case wants of it. */
function seen(want: Want, record: DecodedRecord | undefined): unknown {
  if (!record) return undefined;
  if ('error' in want)
    return { error: record.error, code: record.code, candidates: record.candidates.map(row) };
  const forms = want.form === undefined ? undefined : [want.form].flat();
  const full = want.candidates !== undefined;
  return {
    error: record.error,
    code: record.code,
    ...(forms && { form: forms.includes(record.form!) ? want.form : record.form }),
    best: row(record.candidates[0]),
    ...(want.route !== undefined && { route: record.route }),
    ...(full && { candidates: record.candidates.map(row) }),
    ...((full || want.envelope !== undefined) && { envelope: record.envelope?.code ?? null }),
    ...((full || want.range !== undefined) && { range: record.range?.code ?? null }),
    ...((full || want.nearest) && { nearest: record.nearest.map(row) }),
    ...((full || want.endpoint !== undefined) && { endpoint: record.endpoint }),
  };
}

/** The same, as the case wants it. */
function wanted(want: Want): unknown {
  if ('error' in want)
    return { error: expect.stringMatching(want.error) as unknown, code: null, candidates: [] };
  const full = want.candidates !== undefined;
  return {
    error: null,
    code: want.code,
    ...(want.form !== undefined && { form: want.form }),
    best: want.best,
    ...(want.route !== undefined && { route: want.route }),
    ...(full && { candidates: want.candidates }),
    ...((full || want.envelope !== undefined) && { envelope: want.envelope ?? null }),
    ...((full || want.range !== undefined) && { range: want.range ?? null }),
    ...((full || want.nearest) && { nearest: want.nearest ?? [] }),
    ...((full || want.endpoint !== undefined) && { endpoint: want.endpoint ?? null }),
  };
}

/** One test per case, in a block per category; a gap is expected to fail. */
function testCases(cases: WildCase[]): void {
  describe.each([...new Set(cases.map((c) => c.cat))])('%s', (category) => {
    for (const { name, paste, want, context, gap } of cases.filter((c) => c.cat === category)) {
      (gap ? test.fails : test)(gap ? `${name} (not yet: ${gap})` : name, () => {
        const decoded = decodePaste(catalog, paste);
        expect({
          records: decoded.records.map((record, n) => seen(want[n] ?? want[0]!, record)),
          ...(context !== undefined && { context: decoded.context }),
        }).toEqual({ records: want.map(wanted), ...(context !== undefined && { context }) });
      });
    }
  });
}

testCases(WILD_PASTES);

describe('what the field sends (a third set, aimed at forms the others miss)', () => {
  testCases(FIELD_PASTES);
});

describe('what the field sends, a fourth set (prose, objects shown twice, wrappers, cut lines)', () => {
  testCases(FIELD_PASTES_MORE);
});

describe('what real systems print', () => {
  testCases(REALWORLD_PASTES);

  test('there are at least 60 realistic pastes, in every category', () => {
    expect(REALWORLD_PASTES.length).toBeGreaterThanOrEqual(60);
  });

  test('the pastes one after another decode to the same records, in order', async () => {
    // A paste of nothing but context gets one record saying so; among others it has none.
    // (Such a case names its error exactly: `^` and the text, see exactly().)
    const onlyContext = ({ want: [first, ...rest] }: WildCase) =>
      rest.length === 0 &&
      first &&
      'error' in first &&
      /^\^(?:エラーコードが見つかりません|JSON に ret)/.test(first.error.source);
    const some = REALWORLD_PASTES.filter((c) => !onlyContext(c));
    const all = some.map((c) => c.paste).join('\n\n');
    const expected = some.flatMap((c) => decodePaste(catalog, c.paste).records);
    const { records } = decodePaste(catalog, all);
    const key = (r: DecodedRecord) => [r.code, r.route, r.error, r.candidates.map((c) => c.table)];
    expect(records.map(key)).toEqual(expected.map(key));
    // decodeChunks gives the same, and its return value counts the context lines.
    const chunks = decodeChunks(catalog, all, 50);
    const batches: DecodedRecord[][] = [];
    let result = await chunks.next();
    while (!result.done) {
      batches.push(result.value);
      result = await chunks.next();
    }
    expect(batches.flat()).toEqual(records);
    expect(result.value.context).toBe(decodePaste(catalog, all).context);
  });

  test('several responses on one line share the line, each with its own part as input', () => {
    const line = 'first={"ret":-2004,"msg":"-2004,timeout"} retry={"ret":0,"msg":"success"}';
    const { records } = decodePaste(catalog, line);
    expect(records.map((r) => [r.line, r.input])).toEqual([
      [1, 'first={"ret":-2004,"msg":"-2004,timeout"}'],
      [1, 'retry={"ret":0,"msg":"success"}'],
    ]);
  });

  test('a header never gives its number as a code, whatever the header', () => {
    const headers = [
      'HTTP/1.1 200 OK',
      'HTTP/2 502',
      'Content-Length: 45',
      'X-Request-Id: 123',
      'Retry-After: 120',
      'Age: 3600',
      '< Content-Length: 45',
      '> Content-Length: 1024',
      '< HTTP/1.1 404 Not Found',
    ];
    for (const header of headers) {
      const { records } = decodePaste(catalog, `${header}\n{"ret":-303}`);
      expect(records.map((r) => r.code)).toEqual([-303]);
    }
  });
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
