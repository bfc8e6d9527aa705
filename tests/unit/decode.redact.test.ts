import { describe, expect, test } from 'vitest';
import { REDACTED, redact } from '../../src/lib/decode/index.ts';

describe('redact', () => {
  test.each([
    [
      'JSON tokens and openid',
      '{"ret":0,"access_token":"3A9F0E","refresh_token":"B1C2","openid":"o7Xk2","msg":"ok"}',
      '{"ret":0,"access_token":"[REDACTED]","refresh_token":"[REDACTED]","openid":"[REDACTED]","msg":"ok"}',
    ],
    [
      'a query string keeps every key and the ret/msg pair',
      'openid=ABC123&openkey=K9&pf=qq_m&pf_key=PF0&pay_token=PT1&sig=5f4dcc&timestamp=1714528800&ret=-303&msg=x',
      'openid=[REDACTED]&openkey=[REDACTED]&pf=qq_m&pf_key=[REDACTED]&pay_token=[REDACTED]&sig=[REDACTED]&timestamp=1714528800&ret=-303&msg=x',
    ],
    [
      'camelCase and log-style pairs, any case',
      'accessToken: abc, OpenId = def; SKEY=@xyz sessionKey=1 openKey="q" appKey=\'k\'',
      'accessToken: [REDACTED], OpenId = [REDACTED]; SKEY=[REDACTED] sessionKey=[REDACTED] openKey="[REDACTED]" appKey=\'[REDACTED]\'',
    ],
    [
      'a number value after a JSON key stays JSON',
      '{"openid": 12345, "ret": -303}',
      '{"openid": "[REDACTED]", "ret": -303}',
    ],
    [
      'signatures and secrets',
      'signature=abc client_secret=s3 appsecret=s4 msdkkey=m5',
      'signature=[REDACTED] client_secret=[REDACTED] appsecret=[REDACTED] msdkkey=[REDACTED]',
    ],
    [
      'JSON inside a JSON string',
      '{"body":"{\\"access_token\\":\\"SECRET\\",\\"errcode\\":40001}"}',
      '{"body":"{\\"access_token\\":\\"[REDACTED]\\",\\"errcode\\":40001}"}',
    ],
    [
      'full-width separators',
      'openid：o7Xk2 access_token＝ABC',
      'openid：[REDACTED] access_token＝[REDACTED]',
    ],
  ])('%s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  test('words that only contain a key name, and empty or null values, are left alone', () => {
    const text =
      'msg=token expired signup_time=5 "sig":null "openid":"" errmsg:"invalid openid, hints: [ req_id: x ]" "token":{"a":1}';
    expect(redact(text)).toBe(text);
  });

  test('redaction is idempotent', () => {
    const once = redact('openid=abc&access_token=def "pay_token":"ghi"');
    expect(redact(once)).toBe(once);
    expect(once.split(REDACTED)).toHaveLength(4);
  });

  test('the text around the secrets is kept byte for byte', () => {
    const text =
      '2024-05-01 ERROR [main] resp={"ret":-10000,"msg":"-73,the user modify password wrong"} openid=o1\n';
    expect(redact(text)).toBe(text.replace('openid=o1', `openid=${REDACTED}`));
  });
});
