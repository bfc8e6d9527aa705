import { describe, expect, test } from 'vitest';
import { looksLikePaste, queryKind, readCodeQuery } from '../../src/lib/search/query.ts';

const read = (query: string) => {
  const parsed = readCodeQuery(query);
  return parsed && [parsed.code, parsed.route];
};

describe('a code typed the way people type it', () => {
  test.each([
    ['-303', -303],
    ['40001', 40001],
    ['0', 0],
    ['+7', 7],
    ['  -303  ', -303],
    // The minus signs and digits an IME or a word processor types.
    ['−303', -303],
    ['－303', -303],
    ['－３０３', -303],
    ['１００００１', 100001],
    ['‐26', -26],
    // A Japanese input method types the long vowel mark for `-`.
    ['ー３０３', -303],
    ['ｰ303', -303],
    ['"-303"', -303],
  ])('%s is the bare code %i', (query, code) => {
    expect(read(query)).toEqual([code, 'bare-code']);
  });

  test.each([
    ['ret -10000', -10000, 'ret'],
    ['ret=-303', -303, 'ret'],
    ['ret:-303', -303, 'ret'],
    ['ret: -303', -303, 'ret'],
    ['ret = -303', -303, 'ret'],
    ['RET=-303', -303, 'ret'],
    ['"ret":-303,', -303, 'ret'],
    ['"ret": "-303"', -303, 'ret'],
    ['ret-303', -303, 'ret'],
    ['errcode 40001', 40001, 'wechat-body'],
    ['errcode=40001', 40001, 'wechat-body'],
    ['ErrCode:40001', 40001, 'wechat-body'],
    ['ｅｒｒｃｏｄｅ：４０００１', 40001, 'wechat-body'],
    ['ｅｒｒｃｏｄｅ　４０００１', 40001, 'wechat-body'],
    ['error 100013', 100013, 'qq-oauth-body'],
    ['error=100013', 100013, 'qq-oauth-body'],
    ['code -303', -303, 'bare-code'],
    ['code:-4009', -4009, 'bare-code'],
    ['エラーコード -303', -303, 'bare-code'],
    ['コード－３０３', -303, 'bare-code'],
    ['msg -73', -73, 'bare-msg'],
    ['msg=-73', -73, 'bare-msg'],
    ['msg：−73', -73, 'bare-msg'],
    ['retcode -303', -303, 'ret'],
    ['ret_code=-303', -303, 'ret'],
    ['errorCode 40001', 40001, 'bare-code'],
    ['err_code: 40001', 40001, 'bare-code'],
    ['Error code -303', -303, 'bare-code'],
    ['错误码 -303', -303, 'bare-code'],
    ['返回码-1011', -1011, 'bare-code'],
    ['エラー番号 -303', -303, 'bare-code'],
    ['#-303', -303, 'bare-code'],
    // Brackets, quotes and punctuation copied with it, and characters of no width.
    ['(-303)', -303, 'bare-code'],
    ['「-303」', -303, 'bare-code'],
    ['【－３０３】', -303, 'bare-code'],
    ['`-303`', -303, 'bare-code'],
    ['-303。', -303, 'bare-code'],
    ['errcode 40001.', 40001, 'wechat-body'],
    ['\u200E-303', -303, 'bare-code'],
    ['-\u00AD303', -303, 'bare-code'],
    ['40,001', 40001, 'bare-code'],
    // A code among words: the only number, signed or after a prefix.
    ['-303 appid', -303, 'bare-code'],
    ['-303とは', -303, 'bare-code'],
    ['what is -303?', -303, 'bare-code'],
    ['MSDK -303 エラー', -303, 'bare-code'],
    ['errcode 40001 invalid credential', 40001, 'wechat-body'],
  ])('%s is the code %i by the route %s', (query, code, route) => {
    expect(read(query)).toEqual([code, route]);
  });

  test.each([
    '',
    '-',
    'ret',
    'ret -',
    'ホワイトリスト',
    'invalid credential',
    '12345678901',
    'ret=-303&msg=x',
    '3.5',
    '- 303',
    'ret -10000 msg -73',
    '-303 or -304',
    'iOS 17',
    'HTTP 404 error',
    '2024-05-01',
    '5.0.1',
    '10:21',
  ])('%j is not one code', (query) => {
    expect(readCodeQuery(query)).toBeNull();
  });
});

describe('a paste for the decoder', () => {
  test.each([
    '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest hint: [abc]"}',
    'callback( {"error":100013,"error_description":"access token is illegal"} );',
    '{ "ret": -303,',
    'ret=-303&msg=appid%20not%20allowed',
    'ret:-303 msg:no permission',
    '2024-05-01 12:00:03 ERROR [auth] login failed ret=-303',
    'E/MSDK(1234): response errcode=42001',
    '-73,the user modify password wrong',
    '40001，invalid credential',
    '{"ret":-303}\n{"ret":-503}',
    'ret=-10000\nmsg=-73,xx',
    'ret -10000 msg -73',
    '"ret":-303,"msg":"no permission"',
    "'ret': -303, 'msg': 'no permission'",
    '12:00:03 login result errcode 40001',
    '2024-05-01 12:00:03 login failed (ret -303)',
  ])('%j looks like a paste', (query) => {
    expect(looksLikePaste(query)).toBe(true);
    expect(queryKind(query)).toBe('paste');
  });

  test.each([
    'ret=-303',
    '"ret":-303',
    '-303',
    'ホワイトリスト',
    'access token 期限切れ',
    'invalid credential',
    'api freq out of limit',
    '12:00 timeout',
    'https://example.com/share/qq',
    'QQ共有',
    '',
  ])('%j does not', (query) => {
    expect(looksLikePaste(query)).toBe(false);
  });
});

describe('queryKind', () => {
  test('one code, a paste, or words', () => {
    expect(queryKind('－３０３')).toBe('code');
    expect(queryKind('ret=-303&msg=x')).toBe('paste');
    expect(queryKind('レート制限')).toBe('text');
  });
});
