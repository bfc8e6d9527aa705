/**
 * Nothing shared from the decoder carries a secret. Realistic pastes with live-looking
 * credentials in every form support tickets see (the credentials are made up): the share link
 * and every ticket text — by default, and with the original paste included on request — hold
 * none of them, and the link decodes to the same best row as the paste.
 */
import { describe, expect, test } from 'vitest';
import { decode } from '../../src/lib/decode/index.ts';
import {
  MASK,
  maskText,
  readShareFragment,
  recordShare,
  shareContent,
} from '../../src/lib/share/index.ts';
import { messageCode } from '../../src/lib/share/mask.ts';
import { loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();
const ORIGIN = 'https://codes.example.com';

interface Case {
  readonly name: string;
  readonly paste: string;
  /** Values that must appear in nothing shared. */
  readonly secrets: readonly string[];
  /** The best row of the paste's first record that has one: `table code`. */
  readonly best: string;
}

const QQ_OPENID = '9F3A2C1B7E6D5F4A3B2C1D0E9F8A7B6C';
const QQ_TOKEN = '5C8E1A9F0B7D3E2C4A6F8B1D3E5A7C9E';
const WX_OPENID = 'oGZUI0egBJY1zhBYw2KhdUfwVJJE';
const WX_UNIONID = 'o6_bmasdasdsad6_2sgVt7hMZOPfL';
const WX_TOKEN =
  '83_Xr7bNqQwE3kL9mPzT2vY6hJd0aGsF1cU5nBx8RtWqLpZ4yKmVeHjNiOu7gAsDfGhJkLzXcVbNm2_8PtMQ';
const WX_SECRET = '0f2b4c6d8e1a3b5c7d9e0f1a2b3c4d5e';
const WX_CODE = '081kQw0w3Qe3S53bXq3w3Vx0Qr3kQw0D';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

const CASES: Case[] = [
  {
    name: 'a Java log line with the openid and access token in the request',
    paste: `2024-05-13 10:21:07.114 WARN [msdk-worker-3] c.t.g.login.MsdkClient - /auth/verify_login?openid=${QQ_OPENID}&openkey=${QQ_TOKEN}&appid=1104866235 resp={"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}`,
    secrets: [QQ_OPENID, QQ_TOKEN],
    best: 'qq-platform -73',
  },
  {
    name: "WeChat's oauth2/access_token URL with the AppSecret and the OAuth code",
    paste: `GET https://api.weixin.qq.com/sns/oauth2/access_token?appid=wx1a2b3c4d5e6f7a8b&secret=${WX_SECRET}&code=${WX_CODE}&grant_type=authorization_code\n{"errcode":40029,"errmsg":"invalid code, rid: 6650a1f3-1c2d3e4f-5a6b7c8d"}`,
    secrets: [WX_SECRET, WX_CODE],
    best: 'wechat-platform 40029',
  },
  {
    name: 'a curl -v transcript with a bearer token and a session cookie',
    paste: [
      '*   Trying 203.205.254.157:443...',
      '* Connected to msdk.qq.com (203.205.254.157) port 443 (#0)',
      '> POST /relation/qqfriends_detail/ HTTP/1.1',
      '> Host: msdk.qq.com',
      `> Authorization: Bearer ${QQ_TOKEN}`,
      '> Cookie: uin=o0987654321; skey=@Xk9Lm2Np3',
      '> Content-Type: application/json',
      '>',
      '< HTTP/1.1 200 OK',
      '< Content-Length: 52',
      '<',
      '{"ret":-303,"msg":"appid has no permission"}',
    ].join('\n'),
    secrets: [QQ_TOKEN, '0987654321', '@Xk9Lm2Np3', '203.205.254.157'],
    best: 'access -303',
  },
  {
    name: 'QQ session cookies p_skey and pt4_token',
    paste: `Cookie: p_skey=Xy9kLm2nOp3QrStUvWxYz0AbCdE_; pt4_token=Ab-cD_efGhIjKlMn9oPq; p_uin=o0123456789\nresp={"ret":-10000,"msg":"-72,the user modify password wrong","err_type":2}`,
    secrets: ['Xy9kLm2nOp3QrStUvWxYz0AbCdE_', 'Ab-cD_efGhIjKlMn9oPq', '0123456789'],
    best: 'qq-platform -72',
  },
  {
    name: 'a percent-encoded access_token inside a callback URL',
    paste: `callback=https%3A%2F%2Fgame.example.com%2Flogin%2Fcb%3Faccess_token%3D${WX_TOKEN}%26openid%3D${WX_OPENID}%26state%3Dxyz ret=-20000&msg=42001,access_token expired`,
    secrets: [WX_TOKEN, WX_OPENID],
    best: 'wechat-platform 42001',
  },
  {
    name: 'a twice-percent-encoded token in a redirect chain',
    paste: `next=https%3A%2F%2Fsso.example.com%2F%3Fredirect%3Dhttps%253A%252F%252Fgame%252Fcb%253Faccess_token%253D${QQ_TOKEN} ret=-10000&msg=-71,token expired`,
    secrets: [QQ_TOKEN],
    best: 'qq-platform -71',
  },
  {
    name: 'doubly escaped JSON in a log shipper field',
    paste: `{"@timestamp":"2024-05-13T02:21:07.114Z","message":"resp={\\"body\\":\\"{\\\\\\"access_token\\\\\\":\\\\\\"${QQ_TOKEN}\\\\\\",\\\\\\"openid\\\\\\":\\\\\\"${QQ_OPENID}\\\\\\"}\\",\\"ret\\":-10000,\\"msg\\":\\"-73,the user modify password wrong\\"}"}`,
    secrets: [QQ_TOKEN, QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: 'prefixed key names: wx_access_token, qq_openid, id_token, msg_signature',
    paste: `wx_access_token=${WX_TOKEN}&qq_openid=${QQ_OPENID}&id_token=${JWT}&msg_signature=5f4dcc3b5aa765d61d8327deb882cf99&ret=-502&msg=url sign error`,
    secrets: [WX_TOKEN, QQ_OPENID, JWT, '5f4dcc3b5aa765d61d8327deb882cf99'],
    best: 'access -502',
  },
  {
    name: 'a bare 32-hex openid with no key',
    paste: `[2024-05-13 10:21:09] login failed for ${QQ_OPENID}: {"ret":-10000,"msg":"-73,the user modify password wrong"}`,
    secrets: [QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: 'PHP print_r of the request and the response',
    paste: `Array\n(\n    [openid] => ${QQ_OPENID}\n    [openkey] => ${QQ_TOKEN}\n    [pf] => desktop_m_qq-10000144-android-2002-\n    [ret] => -303\n    [msg] => appid has no permission\n)`,
    secrets: [QQ_OPENID, QQ_TOKEN, 'desktop_m_qq-10000144-android-2002-'],
    best: 'access -303',
  },
  {
    name: 'PHP var_export',
    paste: `array (\n  'ret' => -10000,\n  'msg' => '-73,the user modify password wrong',\n  'pay_token' => '${QQ_TOKEN}',\n)`,
    secrets: [QQ_TOKEN],
    best: 'qq-platform -73',
  },
  {
    name: 'a Ruby hash, with string and symbol keys',
    paste: `{"access_token"=>"${WX_TOKEN}", :openid => "${WX_OPENID}", "errcode"=>40001, "errmsg"=>"invalid credential"}`,
    secrets: [WX_TOKEN, WX_OPENID],
    best: 'wechat-platform 40001',
  },
  {
    name: 'a password whose value holds a #',
    paste: 'login=gm_admin&password=Tx#9k!Lp2&ret=-303&msg=appid has no permission',
    secrets: ['Tx#9k!Lp2', '9k!Lp2', 'gm_admin'],
    best: 'access -303',
  },
  {
    name: 'a jsapi_ticket and a ticket',
    paste: `{"ticket":"bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA","jsapi_ticket":"kgt8ON7yVITDhtdwci0qeZ_2Eh2iaPgIEqAQX9RG6qE","errcode":40001,"errmsg":"invalid credential"}`,
    secrets: [
      'bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA',
      'kgt8ON7yVITDhtdwci0qeZ_2Eh2iaPgIEqAQX9RG6qE',
    ],
    best: 'wechat-platform 40001',
  },
  {
    name: 'a password in JSON',
    paste: '{"user":"ops","password":"hunter2!","ret":-501,"msg":"http body is empty"}',
    secrets: ['hunter2!', '"ops"'],
    best: 'access -501',
  },
  {
    name: "WeChat's userinfo with the unionid",
    paste: `{"openid":"${WX_OPENID}","unionid":"${WX_UNIONID}","nickname":"Band","errcode":40003,"errmsg":"invalid openid"}`,
    secrets: [WX_OPENID, WX_UNIONID, 'Band'],
    best: 'wechat-platform 40003',
  },
  {
    name: 'a Python dict repr',
    paste: `{'ret': -10000.0, 'msg': '-73,the user modify password wrong', 'access_token': '${QQ_TOKEN}', 'openid': '${QQ_OPENID}'}`,
    secrets: [QQ_TOKEN, QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: "Go's %+v of a response struct",
    paste: `resp: {Ret:-303 Msg:appid has no permission OpenID:${QQ_OPENID} AccessToken:${QQ_TOKEN}}`,
    secrets: [QQ_OPENID, QQ_TOKEN],
    best: 'access -303',
  },
  {
    name: 'Java Map.toString after Gson',
    paste: `{ret=-10000.0, msg=-73,the user modify password wrong, openkey=${QQ_TOKEN}, pf=qq_m_qq-2001-android}`,
    secrets: [QQ_TOKEN, 'qq_m_qq-2001-android'],
    best: 'qq-platform -73',
  },
  {
    name: "Docker's log wrapper around an escaped body",
    paste: `{"log":"2024-05-13T02:21:07Z ERROR msdk resp={\\"ret\\":-20000,\\"msg\\":\\"40001,invalid credential\\",\\"access_token\\":\\"${WX_TOKEN}\\"}\\n","stream":"stderr","time":"2024-05-13T02:21:07.114Z"}`,
    secrets: [WX_TOKEN],
    best: 'wechat-platform 40001',
  },
  {
    name: "nginx's access log with \\x22 escapes and the query",
    paste: `10.1.2.3 - - [13/May/2024:10:21:07 +0800] "GET /auth/verify_login?openid=${QQ_OPENID}&openkey=${QQ_TOKEN} HTTP/1.1" 200 52 "-" "okhttp/3.12.1" resp_body={\\x22ret\\x22:-10000,\\x22msg\\x22:\\x22-73,the user modify password wrong\\x22,\\x22pf_key\\x22:\\x22a1b2c3d4e5f60718\\x22}`,
    secrets: [QQ_OPENID, QQ_TOKEN, 'a1b2c3d4e5f60718', '10.1.2.3'],
    best: 'qq-platform -73',
  },
  {
    name: 'an HTTP request line with the signature',
    paste: `POST /relation/qqfriends_detail/?timestamp=1715566867&appid=100703379&sig=3b9ac1f2d4e5f60718293a4b5c6d7e8f&openid=${QQ_OPENID}&encode=1 HTTP/1.1\n{"ret":-502,"msg":"msdk url sig error"}`,
    secrets: ['3b9ac1f2d4e5f60718293a4b5c6d7e8f', QQ_OPENID],
    best: 'access -502',
  },
  {
    name: 'the guest id, pf and pf_key of a guest login',
    paste: `guest_id=G_9F3A2C1B7E6D5F4A&pf=desktop_m_guest-73213123-android-73213123-guest&pf_key=f1e2d3c4b5a69788&ret=-2004&msg=guest login failed`,
    secrets: [
      'G_9F3A2C1B7E6D5F4A',
      'desktop_m_guest-73213123-android-73213123-guest',
      'f1e2d3c4b5a69788',
    ],
    best: 'logic -2004',
  },
  {
    name: "WeChat's refresh_token response",
    paste: `{"access_token":"${WX_TOKEN}","expires_in":7200,"refresh_token":"83_rT9yU8iO7pA6sD5fG4hJ3kL2zX1cV0bN9mQ8wE7rT6yU5iO4pA3sD2fG1hJ0kL_9zXcVbNm","openid":"${WX_OPENID}","scope":"snsapi_userinfo","errcode":42004,"errmsg":"refresh_token expired"}`,
    secrets: [
      WX_TOKEN,
      '83_rT9yU8iO7pA6sD5fG4hJ3kL2zX1cV0bN9mQ8wE7rT6yU5iO4pA3sD2fG1hJ0kL_9zXcVbNm',
      WX_OPENID,
    ],
    best: 'wechat-platform 42004',
  },
  {
    name: 'HTTP basic credentials',
    paste: 'Authorization: Basic Z2FtZW9wczpUeCM5ayFMcDI=\n{"ret":-503,"msg":"frequency limit"}',
    secrets: ['Z2FtZW9wczpUeCM5ayFMcDI='],
    best: 'access -503',
  },
  {
    name: 'a custom token header',
    paste: `X-Msdk-Token: ${QQ_TOKEN}\nX-Request-Id: 7f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b\n{"ret":-10000,"msg":"-73,the user modify password wrong"}`,
    secrets: [QQ_TOKEN, '7f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b'],
    best: 'qq-platform -73',
  },
  {
    name: 'an e-mail address in a message',
    paste: '{"ret":-701,"msg":"feedback from player.one@example.com rejected"}',
    secrets: ['player.one@example.com'],
    best: 'access -701',
  },
  {
    name: 'an IP address in a message',
    paste: '{"ret":-10000,"msg":"-4,app ip 113.108.22.33 not allowed"}',
    secrets: ['113.108.22.33'],
    best: 'qq-platform -4',
  },
  {
    name: 'a QQ number in a message',
    paste: '{"ret":-10000,"msg":"100000,uin 1234567890 skey error"}',
    secrets: ['1234567890'],
    best: 'qq-platform 100000',
  },
  {
    name: 'logfmt with quoted values',
    paste: `ts=2024-05-13T02:21:07Z level=error caller=login.go:88 openid=${QQ_OPENID} access_token="${QQ_TOKEN}" ret=-10000 msg="-73,the user modify password wrong"`,
    secrets: [QQ_OPENID, QQ_TOKEN],
    best: 'qq-platform -73',
  },
  {
    name: 'an Android logcat line with camelCase keys',
    paste: `05-13 10:21:07.114  4321  4388 E MSDK    : onLoginNotify openKey=${QQ_TOKEN}, payToken=${QQ_OPENID}, flag=-1 ret=-10000 msg=-73,the user modify password wrong`,
    secrets: [QQ_TOKEN, QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: 'HTML-escaped JSON from a web console',
    paste: `<pre>{&quot;ret&quot;:-303,&quot;msg&quot;:&quot;appid has no permission&quot;,&quot;openkey&quot;:&quot;${QQ_TOKEN}&quot;}</pre>`,
    secrets: [QQ_TOKEN],
    best: 'access -303',
  },
  {
    name: 'a CSV export with doubled quotes',
    paste: `"2024-05-13 10:21:07","msdk","{""ret"":-10000,""msg"":""-73,the user modify password wrong"",""openid"":""${QQ_OPENID}""}"`,
    secrets: [QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: 'Set-Cookie headers in a response',
    paste: `< HTTP/1.1 200 OK\n< Set-Cookie: msdk_session=s%3A${QQ_TOKEN}.abc; Path=/; HttpOnly\n< Set-Cookie: skey=@Tq7Pz1Wm9; Domain=.qq.com\n<\n{"ret":-10000,"msg":"-71,token expired"}`,
    secrets: [QQ_TOKEN, '@Tq7Pz1Wm9'],
    best: 'qq-platform -71',
  },
  {
    name: 'nested data object with tokens in a success-shaped body',
    paste: `{"ret":-10000,"msg":"-73,the user modify password wrong","data":{"access_token":"${QQ_TOKEN}","pay_token":"A1B2C3D4E5F6A7B8C9D0","openid":"${QQ_OPENID}","expire":7776000}}`,
    secrets: [QQ_TOKEN, 'A1B2C3D4E5F6A7B8C9D0', QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: 'a message that itself holds a key=value token',
    paste: `{"ret":-20000,"msg":"40001,invalid credential, access_token=${WX_TOKEN} is invalid or not latest"}`,
    secrets: [WX_TOKEN],
    best: 'wechat-platform 40001',
  },
  {
    name: 'a YAML-ish config dump next to the response',
    paste: `appid: 1104866235\nappkey: 8fB3kL9mPzT2vY6hJd0a\nmsdkkey: a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4\nret: -303\nmsg: appid has no permission`,
    secrets: ['8fB3kL9mPzT2vY6hJd0a', 'a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4'],
    best: 'access -303',
  },
  {
    name: 'a pretty-printed response with tokens on their own lines',
    paste: `{\n  "ret": -10000,\n  "msg": "-73,the user modify password wrong",\n  "err_type": 2,\n  "access_token": "${QQ_TOKEN}",\n  "openid": "${QQ_OPENID}"\n}`,
    secrets: [QQ_TOKEN, QQ_OPENID],
    best: 'qq-platform -73',
  },
  {
    name: 'an exception message carrying a token',
    paste: `java.lang.IllegalStateException: login failed token=${QQ_TOKEN} ret=-10000 msg=-73,the user modify password wrong\n\tat com.tencent.msdk.api.WGPlatform.onLoginNotify(WGPlatform.java:412)`,
    secrets: [QQ_TOKEN],
    best: 'qq-platform -73',
  },
  {
    name: 'a JSONP callback with the openid in its URL',
    paste: `GET https://graph.qq.com/oauth2.0/me?access_token=${QQ_TOKEN}&callback=cb\ncallback( {"error":100016,"error_description":"access token check failed"} );`,
    secrets: [QQ_TOKEN],
    best: 'qq-platform 100016',
  },
  {
    name: 'an axios error dump (a JS object literal)',
    paste: `AxiosError: Request failed\n  config: { headers: { Authorization: 'Bearer ${JWT}' }, data: '{"openid":"${WX_OPENID}"}' },\n  response: { data: { errcode: 40001, errmsg: 'invalid credential' } }`,
    secrets: [JWT, WX_OPENID],
    best: 'wechat-platform 40001',
  },
  {
    name: "a mini program's session_key",
    paste: `{"session_key":"tiihtNczf5v6AKRyjwEUhQ==","openid":"${WX_OPENID}","errcode":40029,"errmsg":"invalid code"}`,
    secrets: ['tiihtNczf5v6AKRyjwEUhQ==', WX_OPENID],
    best: 'wechat-platform 40029',
  },
  {
    name: 'a signed query with sign and nonce on the share endpoint',
    paste: `/share/qq?openid=${QQ_OPENID}&nonce=8x2Kq9&sign=C0FFEE00C0FFEE00C0FFEE00C0FFEE00 resp={"ret":-10000,"msg":"100000,uin,skey error"}`,
    secrets: [QQ_OPENID, '8x2Kq9', 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00'],
    best: 'qq-share 100000',
  },
  {
    name: 'a WeChat body with the openid after its own suffix',
    paste: `{"errcode":40003,"errmsg":"invalid openid hint: [${WX_OPENID}] rid: 6650a1f3-1c2d3e4f-5a6b7c8d"}`,
    secrets: [WX_OPENID],
    best: 'wechat-platform 40003',
  },
];

/** Everything a share of the paste puts on the clipboard, in each of its choices. */
function everythingShared(paste: string): string[] {
  const records = decode(catalog, paste);
  const shared: string[] = [];
  for (const includeOriginal of [false, true]) {
    const content = shareContent(catalog, { paste, records, origin: ORIGIN, includeOriginal });
    shared.push(content.link ?? '', decodeURIComponent(content.link ?? ''), content.ticket);
    for (const record of records) {
      const one = recordShare(catalog, record, ORIGIN, includeOriginal);
      if (one) shared.push(one.ticket);
    }
  }
  return shared;
}

describe('a credential word masks its value and keeps the prose', () => {
  test.each([
    ['token is invalid', 'token is invalid'],
    ['password wrong', 'password wrong'],
    ['the password was changed', 'the password was changed'],
    ['-73,the user modify password wrong', '-73,the user modify password wrong'],
    ['the new gm password is Welcome_2024', `the new gm password is ${MASK}`],
    ['reset the password to Summer.2024', `reset the password to ${MASK}`],
    ['短信验证码 583920，5分钟内有效', `短信验证码 ${MASK}，5分钟内有效`],
    ['暗証番号は 4827 です', `暗証番号は ${MASK} です`],
    ['Kennwort Sonnenblume abgelehnt', `Kennwort ${MASK} abgelehnt`],
    ['security answer: Fluffy mismatch', `security answer: ${MASK} mismatch`],
    ['storePassword "Marigold"', `storePassword "${MASK}"`],
    ['redis.password -> Marigold', `redis.password -> ${MASK}`],
    ['os.Setenv("REDIS_PASSWORD", "Sunflower")', `os.Setenv("REDIS_PASSWORD", "${MASK}")`],
  ])('%s', (text, expected) => {
    expect(maskText(text, 'message').text).toBe(expected);
  });

  test('numbers written outside ASCII are judged as theirs are', () => {
    for (const number of ['６２２２ ０２１２ ３４５６ ７８９０', '138　1234　5678', '٠٥٠١٢٣٤٥٦٧']) {
      expect(maskText(`卡号 ${number}`).text).toBe(`卡号 ${MASK}`);
    }
    expect(maskText('联系邮箱 li.lei＠corp-example.cn').text).toBe(`联系邮箱 ${MASK}`);
  });

  test('what the rules for values named after them, calls, times and passphrases leave readable', () => {
    for (const text of [
      // A recent time in epoch seconds or milliseconds, under a time key.
      '{"ret":-303,"msg":"appid has no permission","time":"1714528800"}',
      '{"ret":-303,"msg":"appid has no permission","ts":1714528800123}',
      // A .NET logger's name (three capitalised words), a code before its comma.
      'info: Microsoft.Hosting.Lifetime[0] {"ret":-10000,"msg":"-73,the user modify password wrong"}',
      // `tried` before names and counts, not passwords.
      'tried verify_login twice, retried 3 times',
      // A call with no credential in its name, and a login call with no quoted argument.
      'client.fetch("/share/qq", "gm") then login(user, pass)',
    ]) {
      expect(maskText(text).text).toBe(text);
    }
    // A message's leading code is its code unless the words after it name it a credential.
    expect(messageCode('100000,uin skey error 482913 is your verification code')).toBe('100000');
    expect(messageCode('739201 is your verification code')).toBeNull();
    // An exception's quoted value stays when no frame under it takes a credential.
    const thrown =
      "FormatException: input 'abc' was not in a correct format.\n   at Gm.Parse(String text)";
    expect(maskText(thrown).text).toContain("'abc'");
  });

  test('a key that is kept stays as it is', () => {
    expect(maskText('{"errcode":40029,"errmsg":"invalid code"}').text).toBe(
      '{"errcode":40029,"errmsg":"invalid code"}',
    );
  });
});

describe('a value is masked under the header, label or tag that names its credential', () => {
  test('a table: the cells under a credential column, in Markdown, CSV and TSV', () => {
    expect(
      maskText('| zone | user | **Password** |\n|---|---|---|\n| 2 | gm | Sunflower |').text,
    ).toBe(`| zone | user | **Password** |\n|---|---|---|\n| 2 | gm | ${MASK} |`);
    expect(maskText('zone,secret\n2,Sunflower').text).toBe(`zone,secret\n2,${MASK}`);
    expect(maskText('区服\t支付密码\n安卓\tSunflower').text).toBe(`区服\t支付密码\n安卓\t${MASK}`);
  });

  test('a label: the value on the line after it', () => {
    expect(maskText('【登录密码】\nSunflower\n{"ret":-303}').text).toBe(
      `【登录密码】\n${MASK}\n{"ret":-303}`,
    );
    expect(maskText('Token\n\nSunflower').text).toBe(`Token\n\n${MASK}`);
  });

  test('markup: the text after a tag, an attribute or a label naming a credential', () => {
    expect(maskText('<secret>Sunflower</secret>').text).toBe(`<secret>${MASK}</secret>`);
    expect(maskText('<item><name>session_key</name><value>Sunflower</value></item>').text).toBe(
      `<item><name>session_key</name><value>${MASK}</value></item>`,
    );
    expect(maskText('<property id="gm.secret">\n  Sunflower\n</property>').text).toBe(
      `<property id="${MASK}">\n  ${MASK}\n</property>`,
    );
  });

  test('a multipart part: its value after its header and the blank line', () => {
    const part = 'Content-Disposition: form-data; name="otp"\r\nContent-Type: text/plain\r\n\r\n';
    expect(maskText(`${part}Sunflower\r\n--x--`).text).toMatch(
      new RegExp(`\\r\\n\\r\\n\\[REDACTED\\]\\r\\n--x--$`),
    );
  });

  test('a table or markup with no credential in its names stays readable', () => {
    for (const text of [
      '| zone | result |\n|---|---|\n| android | failed |',
      'zone,result\nandroid,failed',
      '<Result><ret>-303</ret><msg>appid has no permission</msg></Result>',
      '<label>Result</label><span>failed</span>',
      'Status\nfailed',
      // A credential's name in prose, not a label: what follows it is no element's own text.
      '<p>The <b>session_key</b> was reset.</p>',
    ]) {
      expect(maskText(text).text).toBe(text);
    }
    // Lines with commas are no table unless their first holds only names: each is masked alone.
    const line = 'a.log:1:{"ret":-1,"msg":"100014,token expired"}';
    expect(maskText(`${line}\n${line}`).text).toBe(
      `${maskText(line).text}\n${maskText(line).text}`,
    );
    // A class names a style, not a value.
    expect(maskText('<div class="auth-box"><span>Login failed</span></div>').text).toContain(
      '<span>Login failed</span>',
    );
  });
});

describe('nothing shared carries a secret', () => {
  test('the set covers at least 40 realistic pastes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(CASES)('$name: no secret in the link or the tickets', ({ paste, secrets }) => {
    for (const text of everythingShared(paste)) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  test.each(CASES)('$name: the link decodes to the same best row', ({ paste, best }) => {
    const records = decode(catalog, paste);
    const top = records.find((record) => record.candidates.length > 0)?.candidates[0];
    expect(top && `${top.table} ${top.code}`).toBe(best);
    // By default and with the original included.
    for (const includeOriginal of [false, true]) {
      const { link, masked } = shareContent(catalog, {
        paste,
        records,
        origin: ORIGIN,
        includeOriginal,
      });
      const shared = readShareFragment(new URL(link!).hash)!;
      const again = decode(catalog, shared.text).find((record) => record.candidates.length > 0);
      expect(again && `${again.candidates[0]!.table} ${again.candidates[0]!.code}`).toBe(best);
      if (includeOriginal) {
        expect(shared.original).toContain(MASK);
        expect(masked).toBeGreaterThan(0);
      }
    }
  });
});
