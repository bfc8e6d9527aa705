/**
 * The share link: its fragment round-trips any text, a malformed one is recovered as far as it
 * can be, a long paste is shared as its distinct records with their counts, and the records a
 * link carries decode exactly as the paste did.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode, type DecodedRecord } from '../../src/lib/decode/index.ts';
import {
  MAX_ORIGINAL_LINK,
  maskedOriginal,
  readShareFragment,
  shareContent,
  shareFragment,
  shareOf,
  shareText,
} from '../../src/lib/share/index.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();

describe('the share fragment', () => {
  test('carries the text percent-encoded after #q=, and gives it back', () => {
    const text = '{"ret":-10000,"msg":"-73,パスワード　誤り"}\n−３０３ & 100% #x';
    const fragment = shareFragment(text)!;
    expect(fragment).toMatch(/^#q=[\w.!~*'()%-]+$/);
    expect(readShareFragment(fragment)).toEqual({
      text,
      counts: null,
      original: null,
      damaged: false,
    });
  });

  test('carries counts and the original alongside, and gives them back', () => {
    const fragment = shareFragment('-303\n-304', { counts: [12, 1], original: 'a&b=c' })!;
    expect(readShareFragment(fragment)).toEqual({
      text: '-303\n-304',
      counts: [12, 1],
      original: 'a&b=c',
      damaged: false,
    });
  });

  test('any text round-trips; a lone surrogate becomes U+FFFD instead of throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(readShareFragment(shareFragment(text)!)?.text).toBe(text);
      }),
    );
    expect(readShareFragment(shareFragment('a\uD800b')!)?.text).toBe('a\uFFFDb');
  });

  test('a fragment over 16,000 characters is not made', () => {
    expect(shareFragment('x'.repeat(15_997))).toHaveLength(16_000);
    expect(shareFragment('x'.repeat(15_998))).toBeNull();
  });

  test('other fragments carry no share', () => {
    for (const hash of ['', '#', '#top', '#x=1', '#code-303']) {
      expect(readShareFragment(hash)).toBeNull();
    }
    expect(readShareFragment('#q=')?.text).toBe('');
  });

  test.each([
    ['a lone %', '#q=-303%20100%', '-303 100%'],
    ['a % before non-hex', '#q=ret%3D-303%zz', 'ret=-303%zz'],
    ['a cut-off UTF-8 character', '#q=-73%2C%E3%83%91%E3%82', '-73,パ\uFFFD'],
    ['an invalid byte', '#q=-303%FF%20x', '-303\uFFFD x'],
  ])('%s is recovered as far as it can be, and said to be damaged', (_name, hash, text) => {
    expect(readShareFragment(hash)).toMatchObject({ text, damaged: true });
  });

  test('counts that do not match the lines are dropped, and the link said to be damaged', () => {
    expect(readShareFragment('#q=-303%0A-304&n=3')).toMatchObject({ counts: null, damaged: true });
    expect(readShareFragment('#q=-303&n=x')).toMatchObject({ counts: null, damaged: true });
  });
});

/** What decoding found, as the share must keep it. */
const outcome = (record: DecodedRecord) => [
  record.route,
  record.form,
  record.code,
  record.envelope?.code ?? null,
  record.endpoint,
  record.errType?.value ?? null,
  record.candidates.map((candidate) => `${candidate.table} ${candidate.code}`),
];

/** A record as real systems print it, with a code the catalog has (or not). */
const record = fc
  .tuple(
    fc.constantFrom(...catalog.rows.map((row) => row.code), -2011, 99999, 40099),
    fc.constantFrom(
      (c: number, m: string) => `{"ret":${c},"msg":${JSON.stringify(m)}}`,
      (c: number, m: string) => `{"ret":-10000,"msg":${JSON.stringify(`${c},${m}`)},"err_type":2}`,
      (c: number, m: string) => `{"ret":"-20000","msg":${JSON.stringify(`${c},${m}`)}}`,
      (c: number, m: string) => `{"errcode":${c},"errmsg":${JSON.stringify(m)}}`,
      (c: number, m: string) => `cb( {"error":${c},"error_description":${JSON.stringify(m)}} );`,
      (c: number, m: string) => `ret=${c}&msg=${encodeURIComponent(m)}`,
      (c: number) => `2024-05-13 10:21:07 ERROR [msdk] - ${c}`,
      (c: number, m: string) => `[/share/qq] ${c},${m.replace(/[\n{}]/g, ' ')}`,
      (c: number, m: string) => `/share/qzone resp={"ret":${c},"msg":${JSON.stringify(m)}}`,
    ),
    fc.oneof(
      fc.constantFrom('appid has no permission', 'invalid credential, rid: 6650a1f3-1c2d3e4f'),
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[a-z_]{3,12}=[A-Za-z0-9]{4,40}$/),
    ),
  )
  .map(([code, form, message]) => form(code, message));

describe('what a link carries decodes as the paste did', () => {
  test('each readable record, in order, with the same route, code, envelope and ranking', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), (lines) => {
        const records = decode(catalog, lines.join('\n'));
        const share = shareOf(catalog, records);
        const readable = records.filter((one) => one.error === null);
        expect(share.grouped).toBe(false);
        expect(share.total + share.unreadable).toBe(records.length);
        expect(decode(catalog, shareText(share)).map(outcome)).toEqual(
          readable.slice(0, share.total).map(outcome),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('a long log is shared as its distinct records with their counts, in the order they first appear, and says so', () => {
    const lines = Array.from({ length: 5000 }, (_, n) =>
      n % 10 === 0
        ? `2024-05-13 10:${String(n % 60).padStart(2, '0')}:07 WARN resp={"ret":-303,"msg":"appid has no permission","openid":"${n.toString(16).padStart(32, 'A')}"}`
        : `2024-05-13 10:21:07 WARN resp={"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}`,
    );
    const paste = lines.join('\n');
    const content = shareContent(catalog, {
      paste,
      records: decode(catalog, paste),
      origin: 'https://codes.example.com',
      includeOriginal: false,
    });
    expect(content.share).toMatchObject({ grouped: true, total: 5000, omitted: 0 });
    expect(content.share.records).toEqual([
      { line: '{"ret":-303,"msg":"appid has no permission"}', count: 500 },
      {
        line: '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
        count: 4500,
      },
    ]);
    const shared = readShareFragment(new URL(content.link!).hash)!;
    expect(shared.counts).toEqual([500, 4500]);
    // The link's first record is the paste's first, though not its most frequent.
    expect(decode(catalog, shared.text)[0]?.candidates[0]).toMatchObject({
      table: 'access',
      code: -303,
    });
    expect(content.ticket).toContain('5000 件のレコード、異なるもの 2 種類');
    expect(content.ticket).toContain('4500 件 × `{"ret":-10000');
    expect(content.link!.length).toBeLessThan(2000);
  });

  test('the original of a long paste is cut to fit the link, never inside a token', () => {
    const token = 'F'.repeat(31);
    const paste = Array.from({ length: 2000 }, (_, n) => `line ${n} ${token}${n % 10}`).join('\n');
    const original = maskedOriginal(paste);
    expect(encodeURIComponent(original.text).length).toBeLessThanOrEqual(MAX_ORIGINAL_LINK);
    expect(original.cut).toBeGreaterThan(0);
    expect(original.text).toMatch(/…（以下 \d+ 文字省略）$/);
    expect(original.text).not.toMatch(/F{4}/);
  });
});
