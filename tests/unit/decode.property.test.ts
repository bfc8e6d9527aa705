import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import {
  LineReader,
  PasteDecoder,
  decode,
  decodePaste,
  type DecodedRecord,
} from '../../src/lib/decode/index.ts';

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
    // Context and the wrappers of issue 13.
    'HTTP/1.1 200 OK\r\n',
    'Content-Length: 45\n',
    '> ',
    '< ',
    '* ',
    '```json\n',
    '{ [45 bytes data]',
    'Traceback (most recent call last):\n',
    '  File "a.py", line 1, in f\n',
    'goroutine 1 [running]:\n',
    '\t/src/main.go:42 +0x1d\n',
    '\\"',
    '\\\\',
    '\\u0022',
    '\\x22',
    '&quot;',
    '&#34;',
    '""',
    '%22',
    '%7B',
    '{"log":"',
    '\\n","stream":"stdout"}',
    '{"message":"',
    '"=>',
    'array (\n',
    // base64: of `{"ret":`, of `{\n`, a JWT's header, and runs that decode to no text.
    'eyJyZXQiOi',
    'ewog',
    'eyJhbGciOiJIUzI1NiJ9.',
    'eyKApcrvlLneg6jN8pe84Yar0PWav',
    '==',
    // The wrappers and dumps of the third set of pastes.
    '2024-05-01T02:00:00.1Z stdout P ',
    '2024-05-01T02:00:00.2Z stderr F ',
    '1) "ret"\n',
    '2) (integer) ',
    '<<"',
    '">>',
    ' -> ',
    'Map(',
    '\u200E',
    '\u2060',
    ' returns ',
    '报',
    ' を返します',
    'msg の先頭は ',
    '`',
    "'ret' => ",
    '[ret] => ',
    '["ret"]=>\n  int(',
    'string(3) "',
    '<ret>',
    '</ret>',
    '<![CDATA[',
    '// c\n',
    '/* c */',
    ',}',
    '.0',
    '返回码：',
    '错误码',
    'エラーコード ',
    'error code: ',
    'errcode is ',
    '-73用户',
    '锛寀',
    'ï¼Œ',
    '\0',
    '\uFFFD',
    '\x1b[31m',
    '\u2028',
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

/** The responses wrapped below, with the code and route each must decode to. */
const RESPONSES: [body: string, code: number, route: string][] = [
  ['{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}', -73, 'msg-of-10000'],
  ['{"ret":-303,"msg":"appid has no permission"}', -303, 'ret'],
  ['{"errcode":40001,"errmsg":"invalid credential"}', 40001, 'wechat-body'],
  ['{"ret":-20000,"msg":"42001,access_token expired"}', 42001, 'msg-of-20000'],
];

/** What real systems wrap a line in (issue 13, category 3): each takes a line, gives a line. */
const WRAPPERS: Record<string, (line: string) => string> = {
  'a JSON string': (line) => JSON.stringify(line),
  'a log value': (line) => `2024-05-01 10:00:00 WARN [w-1] Gw - body=${JSON.stringify(line)} ms=3`,
  docker: (line) =>
    JSON.stringify({ log: `${line}\n`, stream: 'stdout', time: '2024-05-01T02:00:00.1Z' }),
  elk: (line) =>
    JSON.stringify({
      '@timestamp': '2024-05-01T02:00:00.123Z',
      message: `2024-05-01 10:00:00 ERROR Auth - resp=${line}`,
      host: { name: 'game-01' },
    }),
  html: (line) =>
    `<pre>${line.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}</pre>`,
  csv: (line) => `2024-05-01T02:00:00Z,game-01,"${line.replace(/"/g, '""')}"`,
  nginx: (line) =>
    `203.0.113.7 - - [01/May/2024:10:00:00 +0800] "POST /x HTTP/1.1" 200 71 resp="${line.replace(/["\\]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16)}`)}"`,
  percent: (line) => `callback data=${encodeURIComponent(line)}`,
};

/**
 * How a body itself may be encoded before it is wrapped: base64 (a HAR's content, a Kafka
 * value), base64url in an API gateway's event. Only a body is: base64 of other text is no
 * response the decoder looks for.
 */
const ENCODINGS: Record<string, (body: string) => string> = {
  base64: (body) => `resp_b64=${Buffer.from(body, 'utf8').toString('base64')} cost=3ms`,
  base64url: (body) =>
    JSON.stringify({
      body: Buffer.from(body, 'utf8').toString('base64url'),
      isBase64Encoded: true,
    }),
};

describe('decode never throws and always answers', () => {
  test('any string: records for non-blank input, none for blank input, each consistent', () => {
    fc.assert(
      fc.property(paste, (text) => {
        const records = decode(catalog, text);
        if (text.trim() === '') expect(records).toEqual([]);
        else expect(records.length).toBeGreaterThan(0);
        records.forEach(consistent);
        // Records come in paste order; several responses on one line share it.
        for (let i = 1; i < records.length; i++) {
          expect(records[i]?.line).toBeGreaterThanOrEqual(records[i - 1]?.line ?? 0);
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

  test('any wrapping of a response, base64 or not, up to two deep, in any context, never throws and is read', () => {
    const names = Object.keys(WRAPPERS);
    fc.assert(
      fc.property(
        fc.constantFrom(...RESPONSES),
        fc.option(fc.constantFrom(...Object.keys(ENCODINGS))),
        fc.array(fc.constantFrom(...names), { maxLength: 2 }),
        fc.constantFrom('', 'HTTP/1.1 200 OK\nContent-Length: 45\n\n', '```json\n', '> '),
        ([body, code, route], encoding, layers, before) => {
          const encoded = encoding === null ? body : (ENCODINGS[encoding]?.(body) ?? body);
          const line = layers.reduce((text, name) => WRAPPERS[name]?.(text) ?? text, encoded);
          const records = decode(catalog, `${before}${line}`);
          expect(records.map((r) => [r.code, r.route])).toEqual([[code, route]]);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('arbitrary text in arbitrary wrappings never throws', () => {
    const all = { ...ENCODINGS, ...WRAPPERS };
    const names = Object.keys(all);
    fc.assert(
      fc.property(paste, fc.array(fc.constantFrom(...names), { maxLength: 3 }), (text, layers) => {
        const wrapped = layers.reduce((inner, name) => all[name]?.(inner) ?? inner, text);
        decode(catalog, wrapped).forEach(consistent);
      }),
      { numRuns: 500 },
    );
  });

  test('a stream cut into arbitrary chunks decodes to the same records as the whole paste', () => {
    fc.assert(
      fc.property(paste, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const decoder = new PasteDecoder(catalog);
        const reader = new LineReader();
        const records: DecodedRecord[] = [];
        let from = 0;
        for (const cut of [...cuts.map((n) => n % (text.length + 1))].sort((a, b) => a - b)) {
          for (const line of reader.push(text.slice(from, cut)))
            records.push(...decoder.push(line));
          // A stream that goes quiet flushes what is complete; that never changes the records.
          from = cut;
        }
        for (const line of reader.push(text.slice(from))) records.push(...decoder.push(line));
        for (const line of reader.end()) records.push(...decoder.push(line));
        records.push(...decoder.end());
        const whole = decodePaste(catalog, text);
        expect(records).toEqual(whole.records);
        expect(decoder.context).toBe(whole.context);
      }),
      { numRuns: 500 },
    );
  });
});
