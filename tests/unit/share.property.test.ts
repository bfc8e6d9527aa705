/**
 * A random secret inside a random realistic carrier never appears in what is shared: not in
 * the masked original paste, not in the link, not in a ticket.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode } from '../../src/lib/decode/index.ts';
import { maskText, recordShare, shareContent } from '../../src/lib/share/index.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();

/** Keys the allow-list lets through (in any spelling): a generated key must be none of them. */
const HARMLESS =
  /^(?:ret|errcode|error|code|errorcode|errno|status|statuscode|errtype|msg|errmsg|errordescription|message|path|endpoint|uri|url|time|timestamp|ts|date|datetime|createdat|level|severity|stream|contenttype|contentlength)$/;

/** A field name as programs spell them: snake_case, camelCase, with a vendor prefix or not. */
const key = fc
  .tuple(
    fc.constantFrom('', 'wx_', 'qq_', 'x_', 'msdk_', 'user'),
    fc.constantFrom(
      'access_token',
      'openid',
      'openkey',
      'pf_key',
      'pay_token',
      'secret',
      'sig',
      'unionid',
      'session',
      'ticket',
      'passwd',
      'auth',
      'nonce',
      'device_id',
      'imei',
      'phone',
      'nickname',
      'skey',
      'p_skey',
      'uid',
    ),
    fc.constantFrom('', 'Id', '_v2', 'Token', '2'),
  )
  .map(([prefix, name, suffix]) => `${prefix}${name}${suffix}`)
  .filter((name) => !HARMLESS.test(name.toLowerCase().replace(/[-_.@$]/g, '')));

/** A secret: a run of the characters tokens and passwords are made of, with a letter and a digit. */
const secret = fc
  .string({
    unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTWXYZabcdefghjkmnpqrstwxyz0123456789_-.~#!*+/'),
    minLength: 6,
    maxLength: 40,
  })
  .map((text) => `k7${text}Q9`);

/** The syntaxes a keyed value is pasted in. */
const CARRIERS: ((k: string, s: string) => string)[] = [
  (k, s) => `{"ret":-10000,"msg":"-73,the user modify password wrong","${k}":"${s}"}`,
  (k, s) => `{"body":"{\\"${k}\\":\\"${s}\\",\\"ret\\":-303}"}`,
  (k, s) => `{"log":"resp={\\\\\\"${k}\\\\\\":\\\\\\"${s}\\\\\\"}"}`,
  (k, s) =>
    `GET /auth/verify_login?appid=1104866235&${k}=${encodeURIComponent(s)}&ret=-303 HTTP/1.1`,
  (k, s) => `cb=https%3A%2F%2Fgame.example.com%2Fcb%3F${k}%3D${encodeURIComponent(s)}%26state%3D1`,
  (k, s) => `X-${k.replace(/_/g, '-')}: ${s}`,
  (k, s) => `Cookie: uin=o0123456789; ${k}=${s}; lang=ja`,
  (k, s) => `array (\n  'ret' => -303,\n  '${k}' => '${s}',\n)`,
  (k, s) => `Array\n(\n    [ret] => -303\n    [${k}] => ${s}\n)`,
  (k, s) => `{"${k}"=>"${s}", "ret"=>-303}`,
  (k, s) => `{:${k.replace(/[^\w]/g, '_')} => "${s}", :ret => -303}`,
  (k, s) => `{'ret': -303.0, '${k}': '${s}'}`,
  (k, s) =>
    `{Ret:-303 ${k.charAt(0).toUpperCase()}${k.slice(1)}:${s.replace(/[\s,;&}]/g, '')} Msg:x}`,
  (k, s) => `{ret=-10000.0, ${k}=${s.replace(/[\s,;&}]/g, '')}, msg=-73,x}`,
  (k, s) => `level=error ${k}="${s}" ret=-303 msg="appid has no permission"`,
  (k, s) => `${k}: ${s}\nret: -303`,
  (k, s) => `<pre>{&quot;ret&quot;:-303,&quot;${k}&quot;:&quot;${s}&quot;}</pre>`,
  (k, s) => `"{""ret"":-303,""${k}"":""${s}""}"`,
  (k, s) => `{\\x22ret\\x22:-303,\\x22${k}\\x22:\\x22${s}\\x22}`,
];

/** Lines a log puts around a record. */
const context = fc.constantFrom(
  '',
  '2024-05-13 10:21:07.114 WARN [msdk-worker-3] c.t.g.login.MsdkClient - ',
  '05-13 10:21:07.114  4321  4388 E MSDK    : ',
  '[2024-05-13T02:21:07Z] ',
);

/** Secrets that stand in a paste with no key at all, as tokens. */
const keyless = fc.oneof(
  fc.stringMatching(/^[0-9A-F]{32}$/),
  fc.stringMatching(/^o[A-Za-z0-9_-]{27}$/).filter((s) => /\d/.test(s) && /[A-Za-z]{2}/.test(s)),
  fc
    .tuple(fc.stringMatching(/^[\w-]{10,20}$/), fc.stringMatching(/^[\w-]{10,30}$/))
    .map(([a, b]) => `eyJhbGciOiJIUzI1NiJ9.${a}.${b}`),
  fc.stringMatching(/^[a-z]{3,8}\.[a-z]{3,8}@[a-z]{4,8}\.(?:com|cn|jp)$/),
  fc.stringMatching(/^1[3-9]\d{9}$/),
);

describe('a random secret in a random carrier is never shared', () => {
  test('keyed values: masked in the original, absent from the link and the tickets', () => {
    fc.assert(
      fc.property(key, secret, fc.nat(CARRIERS.length - 1), context, (k, s, carrier, prefix) => {
        const paste = `${prefix}${CARRIERS[carrier]!(k, s)}`;
        const records = decode(catalog, paste);
        const shared = [maskText(paste).text];
        for (const includeOriginal of [false, true]) {
          const content = shareContent(catalog, {
            paste,
            records,
            origin: 'https://codes.example.com',
            includeOriginal,
          });
          shared.push(content.ticket, decodeURIComponent(content.link ?? ''));
          for (const record of records) {
            shared.push(
              recordShare(catalog, record, 'https://x.test', includeOriginal)?.ticket ?? '',
            );
          }
        }
        for (const text of shared) {
          expect(text).not.toContain(s);
          // Nor the larger part of it (a value cut in two at a character the syntax stops at).
          expect(text).not.toContain(s.slice(0, Math.ceil(s.length * 0.75)));
        }
      }),
      { numRuns: 400 },
    );
  });

  test('keyless tokens: masked wherever they stand, also inside a message', () => {
    fc.assert(
      fc.property(keyless, context, (token, prefix) => {
        const paste = `${prefix}login failed for ${token}: {"ret":-10000,"msg":"-73,user ${token} modify password"}`;
        expect(maskText(paste).text).not.toContain(token);
        expect(maskText(`-73,user ${token} wrong`, 'message').text).not.toContain(token);
      }),
      { numRuns: 300 },
    );
  });
});
