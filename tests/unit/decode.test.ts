import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, loadCatalog } from '../support/catalog.ts';
import { UNREADABLE } from '../../src/lib/words/index.ts';
import {
  decode,
  decodeChunks,
  decodePaste,
  type DecodedRecord,
} from '../../src/lib/decode/index.ts';

const PASTES = join(ROOT, 'tests', 'fixtures', 'pastes');
const catalog = loadCatalog();
const fixture = (name: string) => readFileSync(join(PASTES, name), 'utf8');

/** What one pasted record must decode to; unspecified fields must be null / empty. */
interface Expected {
  /** The ranked candidates as "table code", best first. */
  candidates: string[];
  envelope?: number;
  range?: number;
  /** The nearest codes as "table code", for a code in no table. */
  nearest?: string[];
  error?: RegExp;
  form?: DecodedRecord['form'];
  code?: number;
  endpoint?: string;
  errTypeAgrees?: boolean | null;
}

const QQ_73 = 'qq-platform -73';

/** Realistic pastes, one record each, modelled on what MSDK users paste into tickets. */
const CASES: [string, string, Expected][] = [
  // MSDK responses and their envelopes.
  [
    'ret -10000 envelope: the msg code is a QQ platform code',
    '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    {
      candidates: [QQ_73],
      envelope: -10000,
      form: 'msdk-response',
      code: -73,
      errTypeAgrees: true,
    },
  ],
  [
    'ret as a string',
    '{"ret":"-303","msg":"appid has no permission"}',
    { candidates: ['access -303'], form: 'msdk-response', code: -303 },
  ],
  [
    'ret -20000 envelope in a Java log line with text after the JSON',
    '2024-05-01 10:00:00.123 ERROR [main] c.t.msdk.LoginService - resp={"ret":-20000,"msg":"42001,access_token expired rid: 663a1b"} cost=12ms',
    { candidates: ['wechat-platform 42001'], envelope: -20000, code: 42001 },
  ],
  [
    'ret -10000 without a code in msg points at the envelope row itself',
    '{"ret":-10000,"msg":"the user modify password wrong","err_type":2}',
    { candidates: ['logic -10000'], envelope: -10000, errTypeAgrees: null },
  ],
  [
    'ret -10000 with msg -1: the QQ platform first, then the other QQ-side table with -1',
    '{"ret":-10000,"msg":"-1,client request param invalid"}',
    { candidates: ['qq-platform -1', 'qq-blue-diamond -1'], envelope: -10000 },
  ],
  [
    'ret -10000 with msg 100000 and no context: QQ platform first',
    '{"ret":-10000,"msg":"100000,response_type is missing"}',
    { candidates: ['qq-platform 100000', 'qq-share 100000'], envelope: -10000 },
  ],
  [
    'ret -10000 with msg 100000 and /share/qq in the record: QQ share first',
    'POST /share/qq?appid=1000001 resp={"ret":-10000,"msg":"100000,permission denied"}',
    {
      candidates: ['qq-share 100000', 'qq-platform 100000'],
      envelope: -10000,
      endpoint: '/share/qq',
    },
  ],
  [
    'ret -10000 with msg 100000 and no endpoint: the QQ platform first, then QQ share',
    '{"ret":-10000,"msg":"100000,uin,skey error"}',
    { candidates: ['qq-platform 100000', 'qq-share 100000'], envelope: -10000 },
  ],
  [
    'ret -10000 with msg 1002 and /share/qzone: the QZone share table',
    'POST https://msdk.qq.com/share/qzone/?appid=1 resp={"ret":-10000,"msg":"1002,please login"}',
    { candidates: ['qzone-share 1002'], envelope: -10000, endpoint: '/share/qzone' },
  ],
  [
    'ret -10000 with msg 100012: QQ platform before QQ share',
    '{"ret":-10000,"msg":"100012,not post"}',
    { candidates: ['qq-platform 100012', 'qq-share 100012'], envelope: -10000 },
  ],
  [
    'ret -20000 whose msg is itself a WeChat body',
    '{"ret":-20000,"msg":"{\\"errcode\\":40001,\\"errmsg\\":\\"invalid credential\\"}"}',
    { candidates: ['wechat-platform 40001'], envelope: -20000 },
  ],
  [
    'a response nested in a wrapper object',
    '{"code":0,"data":{"ret":-10000,"msg":"-21,access_token discarded"}}',
    { candidates: ['qq-platform -21'], envelope: -10000 },
  ],
  // Ambiguous numbers that arrive in ret.
  [
    'ret 0: every ret table that has 0',
    '{"ret":0,"msg":"success"}',
    { candidates: ['access 0', 'logic 0', 'qq-game-center 0'] },
  ],
  [
    'ret -1: only the blue diamond table has -1 in ret',
    '{"ret":-1,"msg":"param error"}',
    { candidates: ['qq-blue-diamond -1'] },
  ],
  [
    'ret -101: access before logic',
    '{"ret":-101,"msg":"http parse error"}',
    { candidates: ['access -101', 'logic -101'] },
  ],
  [
    'ret -101: the access layer first (every response passes it), then the logic layer',
    '{"ret":-101,"msg":"msdk logic internal error"}',
    { candidates: ['access -101', 'logic -101'] },
  ],
  [
    'ret 100012: only QQ share has it in ret',
    'ret=100012&msg=service+timeout',
    { candidates: ['qq-share 100012'], form: 'pairs' },
  ],
  ['ret 1: the logic table', '{"ret":1,"msg":"no data"}', { candidates: ['logic 1'] }],
  [
    'ret -10002: logic before blue diamond',
    '{"ret":-10002}',
    { candidates: ['logic -10002', 'qq-blue-diamond -10002'] },
  ],
  [
    'ret -4009: game center',
    '{"ret":-4009,"msg":"freq limit"}',
    { candidates: ['qq-game-center -4009'] },
  ],
  [
    'ret 2 on /share/qq',
    'GET /share/qq/ ret:2 msg:param error',
    { candidates: ['qq-share 2'], endpoint: '/share/qq' },
  ],
  // Unknown codes: ranges and nearest codes.
  ['unknown ret -150 falls in logic -100', '{"ret":-150}', { candidates: [], range: -100 }],
  [
    'unknown ret -1500 falls in logic -1000',
    '{"ret":-1500,"msg":"client error"}',
    { candidates: [], range: -1000 },
  ],
  [
    'unknown ret -2011 falls in logic -2000, next to -2010',
    '{"ret":-2011,"msg":"timeout"}',
    { candidates: [], range: -2000, nearest: ['logic -2010', 'logic -2009', 'logic -2008'] },
  ],
  ['unknown ret -10099 falls in logic -10000', 'ret=-10099', { candidates: [], range: -10000 }],
  [
    'unknown ret -20099 falls in logic -20000',
    'ret:-20099 msg:x',
    { candidates: [], range: -20000 },
  ],
  ['unknown ret -30099 falls in logic -30000', '{"ret":-30099}', { candidates: [], range: -30000 }],
  [
    'an unknown QQ code in the envelope has no range, and QQ-side neighbours',
    '{"ret":-10000,"msg":"-99,unknown"}',
    {
      candidates: [],
      envelope: -10000,
      nearest: ['qq-platform -73', 'qq-platform -72', 'qq-platform -71'],
    },
  ],
  [
    'an unknown WeChat errcode has no range, and WeChat neighbours',
    '{"errcode":40099,"errmsg":"what"}',
    {
      candidates: [],
      nearest: ['wechat-platform 40037', 'wechat-platform 40036', 'wechat-platform 40032'],
    },
  ],
  // Raw platform bodies.
  [
    'a WeChat body with a hints suffix',
    '{"errcode":40001,"errmsg":"invalid credential, hints: [ req_id: xyz ]"}',
    { candidates: ['wechat-platform 40001'], form: 'wechat-body' },
  ],
  [
    'a WeChat body -1 goes to the WeChat table only',
    '{"errcode":-1,"errmsg":"system error"}',
    { candidates: ['wechat-platform -1'], form: 'wechat-body' },
  ],
  [
    'a QQ OAuth body',
    '{"error":100013,"error_description":"access token is illegal"}',
    { candidates: ['qq-platform 100013'], form: 'qq-oauth-body' },
  ],
  [
    'a QQ OAuth body as JSONP',
    'callback( {"error":100013,"error_description":"access token is illegal"} );',
    { candidates: ['qq-platform 100013'], form: 'qq-oauth-body' },
  ],
  [
    'a QQ OAuth 100000 body goes to the QQ platform only',
    'jsonp_cb_17({"error":100000,"error_description":"response_type is wrong"})',
    { candidates: ['qq-platform 100000'] },
  ],
  // Pairs.
  [
    'query-string pairs',
    'ret=-303&msg=appid%20no%20permission',
    { candidates: ['access -303'], form: 'pairs' },
  ],
  ['colon pairs', 'ret:-303 msg:appid error', { candidates: ['access -303'], form: 'pairs' }],
  [
    'spaced pairs with an envelope',
    'ret = -10000, msg = -73,the user modify password wrong',
    { candidates: [QQ_73], envelope: -10000, form: 'pairs' },
  ],
  [
    'a Java Map printed by toString',
    '{ret=-10000, msg=-73,the user modify password wrong, err_type=2}',
    { candidates: [QQ_73], envelope: -10000, errTypeAgrees: true },
  ],
  ['a Python dict', "{'ret': -303, 'msg': 'appid error'}", { candidates: ['access -303'] }],
  [
    'WeChat pairs',
    'errcode=45009&errmsg=api+freq+out+of+limit',
    { candidates: ['wechat-platform 45009'] },
  ],
  [
    'ret with a space only, after a log prefix',
    '[2024-05-01 10:00:00] INFO ret -303',
    { candidates: ['access -303'] },
  ],
  // Bare codes and bare msg values.
  ['a bare code', '-303', { candidates: ['access -303'], form: 'bare-code' }],
  ['a bare code in quotes', '"-303"', { candidates: ['access -303'], form: 'bare-code' }],
  [
    'a bare code after a log level',
    'ERROR: -303',
    { candidates: ['access -303'], form: 'bare-code' },
  ],
  [
    'bare -1: every table with -1, in document order',
    '-1',
    { candidates: ['qq-platform -1', 'wechat-platform -1', 'qq-blue-diamond -1'] },
  ],
  ['bare -101', '-101', { candidates: ['access -101', 'logic -101'] }],
  ['bare 100000', '100000', { candidates: ['qq-platform 100000', 'qq-share 100000'] }],
  ['bare 100012', '100012', { candidates: ['qq-platform 100012', 'qq-share 100012'] }],
  ['bare 1', '1', { candidates: ['logic 1'] }],
  ['an unknown bare code -2011 falls in logic -2000', '-2011', { candidates: [], range: -2000 }],
  ['a bare msg value', '-73,internal error', { candidates: [QQ_73], form: 'bare-msg' }],
  [
    'a bare msg with Java exception text',
    '-2004,java.net.SocketTimeoutException: Read timed out at java.net.SocketInputStream.read(SocketInputStream.java:150)',
    { candidates: ['logic -2004'], form: 'bare-msg' },
  ],
  [
    'a bare msg after a log4j prefix',
    '2024-05-01 10:00:00,123 ERROR [main] com.tencent.msdk.Auth - -2004,java.net.SocketTimeoutException: Read timed out',
    { candidates: ['logic -2004'], form: 'bare-msg' },
  ],
  [
    'a WeChat msg with a rid suffix',
    '40001,invalid credential, access_token is invalid or not latest rid: 6634a1b2-0c9e',
    { candidates: ['wechat-platform 40001'], form: 'bare-msg' },
  ],
  [
    'bare msg -1 with a WeChat hints suffix: the msg tables first, in the source order',
    '-1,system error, hints: [ req_id: ABC ]',
    {
      candidates: ['qq-platform -1', 'wechat-platform -1', 'qq-blue-diamond -1'],
      form: 'bare-msg',
    },
  ],
  // What people really paste: full-width and look-alike characters.
  ['full-width digits and U+2212 minus', '−３０３', { candidates: ['access -303'] }],
  [
    'full-width minus, digits and commas in JSON',
    '{"ret":－１００００，"msg":"－７３，the user modify password wrong"}',
    { candidates: [QQ_73], envelope: -10000 },
  ],
  ['full-width equals and ampersand', 'ret＝−303＆msg＝appid', { candidates: ['access -303'] }],
  [
    'full-width comma in a bare msg',
    '－７３，ユーザーがパスワードを変更しました',
    { candidates: [QQ_73] },
  ],
  [
    'tabs between pairs',
    '2024-05-01\tERROR\tret:\t-2004\tmsg:\t-2004,java.net.SocketTimeoutException: Read timed out',
    { candidates: ['logic -2004'] },
  ],
  // err_type checks.
  [
    'err_type disagreeing with the row',
    '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":5}',
    { candidates: [QQ_73], envelope: -10000, errTypeAgrees: false },
  ],
  [
    'err_type 3 agreeing with an expired WeChat token',
    '{"ret":-20000,"msg":"42001,access_token expired","err_type":3}',
    { candidates: ['wechat-platform 42001'], envelope: -20000, errTypeAgrees: true },
  ],
  // Unreadable records.
  [
    'truncated JSON',
    '{"ret":-10000,"msg":"-73,the user',
    { candidates: [], error: /JSON が途中で切れています/ },
  ],
  ['garbage', 'hello world', { candidates: [], error: /エラーコードが見つかりません/ }],
  [
    'JSON without any code',
    '{"foo":1,"bar":"baz"}',
    { candidates: [], error: /JSON に ret・errcode・error のどれもありません/ },
  ],
  ['a lone brace', '}', { candidates: [], error: /エラーコードが見つかりません/ }],
];

function check(record: DecodedRecord | undefined, expected: Expected): void {
  expect(record).toBeDefined();
  if (!record) return;
  expect(record.candidates.map((c) => `${c.table} ${c.code}`)).toEqual(expected.candidates);
  expect(record.envelope?.code ?? null).toBe(expected.envelope ?? null);
  expect(record.range?.code ?? null).toBe(expected.range ?? null);
  if (expected.range !== undefined) expect(record.range?.table).toBe('logic');
  if (expected.nearest) {
    expect(record.nearest.map((n) => `${n.table} ${n.code}`)).toEqual(expected.nearest);
  }
  if (expected.error) {
    expect(record.error).toMatch(expected.error);
  } else {
    expect(record.error).toBeNull();
  }
  if (expected.form !== undefined) expect(record.form).toBe(expected.form);
  if (expected.code !== undefined) expect(record.code).toBe(expected.code);
  expect(record.endpoint).toBe(expected.endpoint ?? null);
  if (expected.errTypeAgrees !== undefined)
    expect(record.errType?.agrees).toBe(expected.errTypeAgrees);
}

describe('decode: one record per paste', () => {
  test('there are at least 40 realistic pastes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(CASES)('%s', (_name, paste, expected) => {
    const records = decode(catalog, paste);
    expect(records).toHaveLength(1);
    check(records[0], expected);
  });
});

describe('decode: candidates', () => {
  test('every candidate carries its row, its link and a Japanese reason', () => {
    const [record] = decode(catalog, '{"ret":-10000,"msg":"-1,x"}');
    for (const candidate of record?.candidates ?? []) {
      const row = catalog.row(candidate.table, candidate.code);
      expect(candidate.description).toBe(row?.description);
      expect(candidate.handling).toBe(row?.handling);
      expect(candidate.action).toBe(row?.action);
      expect(candidate.url).toBe(`/codes/${candidate.table}/${candidate.code}/`);
      expect(candidate.reason).toMatch(/^第\d候補：QQ側の表の既定の順（/);
    }
    expect(record?.candidates.map((c) => c.reason.slice(0, 4))).toEqual(['第1候補', '第2候補']);
  });

  test('the endpoint reason says why the share table is first', () => {
    const [record] = decode(catalog, '/share/qq {"ret":-10000,"msg":"100000,x"}');
    expect(record?.candidates[0]?.reason).toMatch(/\/share\/qq が含まれるため/);
  });

  test('candidates are only exact (table, code) matches, never the same number elsewhere', () => {
    for (const record of decode(catalog, CASES.map(([, paste]) => paste).join('\n'))) {
      for (const candidate of record.candidates) {
        expect(candidate.code).toBe(record.code);
        expect(catalog.row(candidate.table, candidate.code)).toBeDefined();
      }
    }
  });

  test('a code reached the wrong way has no candidate but names the tables that have it', () => {
    const [record] = decode(catalog, '{"ret":40001,"msg":"invalid credential"}');
    expect(record?.candidates).toEqual([]);
    expect(record?.elsewhere.map((row) => `${row.table} ${row.code}`)).toEqual([
      'wechat-platform 40001',
    ]);
    const [unknown] = decode(catalog, 'ret=-2011');
    expect(unknown?.elsewhere).toEqual([]);
  });

  test('an err_type disagreement is explained', () => {
    const [record] = decode(catalog, '{"ret":-10000,"msg":"-73,x","err_type":5}');
    expect(record?.errType).toMatchObject({
      value: 5,
      meaning: '未知エラー',
      implied: 2,
      agrees: false,
    });
    expect(record?.errType?.note).toMatch(/一致しません/);
  });

  test('an err_type the document does not define has no meaning', () => {
    const [record] = decode(catalog, '{"ret":-303,"err_type":4}');
    expect(record?.errType).toMatchObject({ value: 4, meaning: null, implied: 5, agrees: false });
  });

  test('a response without err_type has no check', () => {
    expect(decode(catalog, '{"ret":-303}')[0]?.errType).toBeNull();
  });
});

describe('decode: pastes of many records', () => {
  test('blank input has no records', () => {
    expect(decode(catalog, '')).toEqual([]);
    expect(decode(catalog, ' \n\t\r\n\u3000\n')).toEqual([]);
  });

  test('a pretty-printed response under a log line is one record; the log line is context', () => {
    const { records, context } = decodePaste(catalog, fixture('pretty-printed.txt'));
    expect(records).toHaveLength(1);
    expect(context).toBe(1);
    expect(records[0]?.line).toBe(2);
    check(records[0], { candidates: [QQ_73], envelope: -10000, errTypeAgrees: true });
  });

  test('a logcat object repeats its prefix on every line and is still one record', () => {
    const records = decode(catalog, fixture('logcat.txt'));
    expect(records).toHaveLength(1);
    check(records[0], {
      candidates: ['wechat-platform 42001'],
      envelope: -20000,
      errTypeAgrees: true,
    });
  });

  test('a support-ticket log with CRLF, a BOM and a stack trace', () => {
    const paste = `\uFEFF${fixture('support-ticket.txt').replace(/\n/g, '\r\n')}`;
    const { records, context } = decodePaste(catalog, paste);
    // The last line, `heartbeat ok`, holds no code: it is context, not an unreadable record.
    expect(records.map((r) => r.line)).toEqual([1, 3, 4, 9, 10]);
    expect(context).toBe(1);
    check(records[0], {
      candidates: ['qq-share 100000', 'qq-platform 100000'],
      envelope: -10000,
      endpoint: '/share/qq',
      errTypeAgrees: true,
    });
    check(records[1], { candidates: ['access -303'] });
    check(records[2], { candidates: ['logic -2004'], form: 'bare-msg' });
    expect(records[2]?.input).toMatch(/\.\.\. 12 more$/);
    check(records[3], { candidates: ['wechat-platform 40001'] });
    check(records[4], { candidates: ['qq-platform 100013'] });
    expect(records[0]?.input.startsWith('[2024')).toBe(true);
  });

  test('a pretty-printed object cut off at the end of the paste is one truncated record', () => {
    const records = decode(catalog, fixture('truncated-pretty.txt'));
    expect(records).toHaveLength(2);
    check(records[0], { candidates: ['access -303'] });
    expect(records[1]?.line).toBe(2);
    check(records[1], { candidates: [], error: /JSON が途中で切れています/ });
  });

  test('a line cut off inside JSON does not swallow the lines after it', () => {
    const records = decode(catalog, '{"ret":-10000,"msg":"-73,the\n-303\n{"errcode":40001}');
    expect(records.map((r) => r.error === null)).toEqual([false, true, true]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  test.each([
    ['msg=(', 'ret=0&msg=( '],
    ['a percent-encoded value before it', 'ret=0&msg=%25('],
    ['a word before it', 'ret=-303&msg=see A('],
  ])(
    'a response whose msg ends with "(" (%s) is no dump and does not swallow the next line',
    (_, line) => {
      const records = decode(
        catalog,
        `${line}\n{"ret":-10000,"msg":"-73,the user modify password wrong"}`,
      );
      expect(records.map((record) => [record.line, record.form])).toEqual([
        [1, 'pairs'],
        [2, 'msdk-response'],
      ]);
    },
  );

  test("a CRI log's parts of one line (P … F) are one record; a part whose end never came is read as it is", () => {
    const parts = [
      '2024-05-01T02:00:00.100000000Z stdout P {"ret":-10000,"msg":"-73,the us',
      '2024-05-01T02:00:00.100000001Z stdout P er modify pass',
      '2024-05-01T02:00:00.100000002Z stdout F word wrong","err_type":2}',
      '2024-05-01T02:00:01.000000000Z stdout F {"ret":-303,"msg":"appid has no permission"}',
      '2024-05-01T02:00:02.000000000Z stderr P ret=-2004&msg=timeout',
    ];
    const { records, context } = decodePaste(catalog, parts.join('\n'));
    expect(records.map((record) => [record.line, record.code, record.message])).toEqual([
      [3, -73, '-73,the user modify password wrong'],
      [4, -303, 'appid has no permission'],
      [5, -2004, 'timeout'],
    ]);
    expect(context).toBe(0);
  });

  test("redis-cli's replies of a hash are one record; replies of no response stay what they are", () => {
    const paste = [
      '127.0.0.1:6379> HGETALL msdk:last:qq',
      '1) "ret"',
      '2) (integer) -20000',
      '3) "msg"',
      '4) "42001,access_token expired"',
      '127.0.0.1:6379> LRANGE msdk:codes 0 -1',
      '1) "-303"',
      '{"ret":-303,"msg":"appid has no permission"}',
    ].join('\n');
    const { records, context } = decodePaste(catalog, paste);
    expect(
      records.map((record) => [record.line, record.code, record.candidates[0]?.table]),
    ).toEqual([
      [2, 42001, 'wechat-platform'],
      [8, -303, 'access'],
    ]);
    // The two commands and the list's reply, as before.
    expect(context).toBe(3);
  });

  test('a response shown again field by field under its one-line preview is one record; a different one is two', () => {
    const preview = "{ret: -10000, msg: '-73,the user modify password wrong', err_type: 2}";
    const fields = (msg: string) => ['err_type: 2', `msg: "${msg}"`, 'ret: -10000'];
    const same = decodePaste(
      catalog,
      [preview, ...fields('-73,the user modify password wrong')].join('\n'),
    );
    expect(same.records.map((record) => [record.line, record.code])).toEqual([[1, -73]]);
    expect(same.context).toBe(3);
    const other = decode(catalog, [preview, ...fields('-74,token expired')].join('\n'));
    expect(other.map((record) => [record.line, record.code])).toEqual([
      [1, -73],
      [2, -74],
    ]);
    // Two one-line responses in a row stay two, however alike.
    expect(decode(catalog, `${preview}\n${preview}`)).toHaveLength(2);
  });

  test('a body cut inside a string goes on on the next line only when that line closes it', () => {
    const cut = '2024-05-02 10:00:01.234 [auth] resp={"ret":-10000,"msg":"-73,the u';
    const rest = '2024-05-02 10:00:01.235 [auth] ser modify password wrong","err_type":2}';
    expect(decode(catalog, `${cut}\n${rest}`).map((record) => [record.line, record.code])).toEqual([
      [1, -73],
    ]);
    expect(
      decode(catalog, [cut, '2024-05-02 10:00:02.000 [auth] resp={"ret":-303}'].join('\n')),
    ).toMatchObject([
      { line: 1, error: UNREADABLE.truncated },
      { line: 2, code: -303 },
    ]);
  });

  test('a line after a body cut inside a string is read whatever its prefix (a space first, junk)', () => {
    // A log prefix that starts with a space once sent the search for a repeated prefix round
    // for ever.
    const lines = [' x {"ret":"a', 'y z', '{"ret":-303,"msg":"appid has no permission"}'];
    expect(decode(catalog, lines.join('\n')).map((record) => record.code)).toContain(-303);
  });

  test('a count or a date before text is no code (2台目, 5월, 3件)', () => {
    for (const line of [
      '2台目のサーバーだけ 14時以降',
      '5월 2일 오후 3시부터 서버 2대에서',
      '3件のログ',
    ]) {
      expect(decode(catalog, line)[0]?.code, line).toBeNull();
    }
  });

  test('every record keeps its line and its input as pasted', () => {
    const records = decode(catalog, 'ret＝−303\n\n  -73,x  \n');
    expect(records.map((r) => [r.line, r.input])).toEqual([
      [1, 'ret＝−303'],
      [3, '  -73,x  '],
    ]);
  });

  test('decodeChunks yields the same records as decode, in batches', async () => {
    const lines = Array.from({ length: 1234 }, (_, n) =>
      n % 3 ? `{"ret":-10000,"msg":"-${(n % 26) + 1},x"}` : `ret=${-100 - n}`,
    );
    const paste = lines.join('\n');
    const batches: DecodedRecord[][] = [];
    for await (const batch of decodeChunks(catalog, paste, 500)) batches.push(batch);
    expect(batches.length).toBe(3);
    expect(batches.flat()).toEqual(decode(catalog, paste));
  });
});

describe('decode: hostile input', () => {
  test('5 MB of binary junk decodes without throwing, and without backtracking for minutes', () => {
    let seed = 7;
    const units: number[] = [];
    for (let i = 0; i < 5 * 1024 * 1024; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      units.push(seed % 97 === 0 ? 10 : seed % 256);
    }
    const junk = String.fromCharCode(...units.slice(0, 100_000)).repeat(52);
    const records = decode(catalog, junk);
    expect(records.length).toBeGreaterThan(0);
    // No timing is asserted (the benchmark measures it: `decode-5mb-junk`, under 1 s); the
    // test's timeout only catches a regular expression gone exponential.
  }, 60_000);

  test('a single 5 MB line is cut, not scanned to the end', () => {
    const line = `{"ret":-303,"msg":"${'x'.repeat(5_000_000)}"}`;
    const [record] = decode(catalog, line);
    expect(record?.input.length).toBeLessThan(20_000);
    expect(record?.error).toMatch(/JSON/);
  });

  test('deeply nested braces do not overflow', () => {
    const paste = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}\n${'{'.repeat(100_000)}`;
    expect(() => decode(catalog, paste)).not.toThrow();
  });
});
