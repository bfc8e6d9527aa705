/**
 * Realistic pastes of what real systems print, one category of issue 13 after another: the
 * context around a response, several responses on a line, bodies escaped once more and log
 * shippers' wrappers, dumps of a parsed body, codes glued to their message, sentences naming a
 * code, long and odd input, and nearest codes of unknown ones. Each case names every record
 * found: its looked-up code, route, envelope and full ranked candidate list, or its exact
 * error; and how many lines were context.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import type { Route } from '../../src/lib/catalog/vocabulary.ts';
import { decodeChunks, decodePaste, type DecodedRecord } from '../../src/lib/decode/index.ts';

const catalog = loadCatalog();

/** One record as it must come out. */
type Want =
  | {
      code: number;
      route: Route;
      /** The ranked candidates as "table code", best first. */
      candidates: string[];
      envelope?: number;
      endpoint?: string;
      range?: number;
      /** For a code in no table: the nearest documented codes, as "table code". */
      nearest?: string[];
    }
  | { error: string };

interface Case {
  name: string;
  paste: string;
  /** Lines with no code that are not part of a record. */
  context: number;
  records: Want[];
}

/** A base64 PNG of about a megabyte, as an avatar upload inlines it. */
const B64 = 'iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzkAAAgAElEQVR4nOy9ebRl'.repeat(16_500);

const CASES: Case[] = [
  // 1. Context is not a record.
  {
    name: 'a curl -v transcript of /share/qq: only the body is a record, the request line gives the endpoint',
    paste: [
      'Note: Unnecessary use of -X or --request, POST is already inferred.',
      '*   Trying 203.0.113.10:443...',
      '* Connected to msdk.qq.com (203.0.113.10) port 443',
      '* ALPN: curl offers h2,http/1.1',
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
      '* Server certificate:',
      '*  subject: C=CN; ST=Guangdong; L=Shenzhen; O=Shenzhen Tencent Computer Systems Company Limited; CN=msdk.qq.com',
      '*  expire date: Nov 30 23:59:59 2025 GMT',
      '> POST /share/qq?timestamp=1714528800&appid=1000001&sig=3b1f0c9e2a&openid=F3A9C0D1E2B34A56&encode=1 HTTP/1.1',
      '> Host: msdk.qq.com',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '> Content-Type: application/json',
      '> Content-Length: 162',
      '> ',
      '} [162 bytes data]',
      '< HTTP/1.1 200 OK',
      '< Server: nginx',
      '< Date: Wed, 01 May 2024 02:00:00 GMT',
      '< Content-Type: application/json;charset=utf-8',
      '< Content-Length: 58',
      '< Connection: keep-alive',
      '< X-Request-Id: 8a1f2e3d4c5b6a79',
      '< ',
      '{ [58 bytes data]',
      '100   220  100    58  100   162    212    594 --:--:-- --:--:-- --:--:--   806',
      '* Connection #0 to host msdk.qq.com left intact',
      '{"ret":-10000,"msg":"100000,uin skey error","err_type":2}',
    ].join('\n'),
    context: 28,
    records: [
      {
        code: 100000,
        route: 'msg-of-10000',
        candidates: ['qq-share 100000', 'qq-platform 100000'],
        envelope: -10000,
        endpoint: '/share/qq',
      },
    ],
  },
  {
    name: 'curl -i: a status line and headers with CRLF, then the body',
    paste:
      'HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nDate: Wed, 01 May 2024 02:00:00 GMT\r\nContent-Type: application/json\r\nContent-Length: 45\r\nConnection: keep-alive\r\nX-Request-Id: 123\r\nVary: Accept-Encoding\r\n\r\n{"ret":-303,"msg":"appid has no permission"}\r\n',
    context: 8,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'HTTPie: headers, then a pretty-printed body',
    paste: [
      'HTTP/1.1 200 OK',
      'Connection: keep-alive',
      'Content-Length: 92',
      'Content-Type: application/json; charset=utf-8',
      'Date: Wed, 01 May 2024 02:00:00 GMT',
      'Server: nginx',
      '',
      '{',
      '    "err_type": 3,',
      '    "msg": "42001,access_token expired rid: 6631a2b3-0c9e4f1a",',
      '    "ret": -20000',
      '}',
    ].join('\n'),
    context: 6,
    records: [
      {
        code: 42001,
        route: 'msg-of-20000',
        candidates: ['wechat-platform 42001'],
        envelope: -20000,
      },
    ],
  },
  {
    name: 'headers pasted without their status line: their numbers are not codes',
    paste:
      'Content-Type: application/json\nContent-Length: 45\nX-Request-Id: 123\nX-Trace-Id: 9f8e7d6c5b4a\n{"ret":-2004,"msg":"-2004,java.net.SocketTimeoutException: Read timed out"}',
    context: 4,
    records: [{ code: -2004, route: 'ret', candidates: ['logic -2004'] }],
  },
  {
    name: 'a raw HTTP exchange from a proxy: the request line ranks the QZone share table',
    paste: [
      'POST /share/qzone?appid=1000001&openid=F3A9C0D1E2B34A56 HTTP/1.1',
      'Host: msdk.qq.com',
      'Content-Type: application/x-www-form-urlencoded',
      'Content-Length: 211',
      '',
      'title=%E6%B4%BB%E5%8A%A8&summary=share&targetUrl=https%3A%2F%2Fgame.example.com%2Fevent',
      '',
      'HTTP/1.1 200 OK',
      'Content-Type: application/json',
      'Content-Length: 52',
      '',
      '{"ret":-10000,"msg":"1002,please login","err_type":2}',
    ].join('\n'),
    context: 8,
    records: [
      {
        code: 1002,
        route: 'msg-of-10000',
        candidates: ['qzone-share 1002'],
        envelope: -10000,
        endpoint: '/share/qzone',
      },
    ],
  },
  {
    name: 'a Java stack trace around the exception that carries the response',
    paste: [
      '2024-05-01 10:00:02.303 ERROR 28417 --- [nio-8080-exec-3] c.t.game.auth.AuthController : verify_login failed for openid F3A9C0D1E2B34A56',
      'com.tencent.msdk.MsdkException: ret=-10000, msg=-73,the user modify password wrong',
      '\tat com.tencent.msdk.MsdkClient.verifyLogin(MsdkClient.java:188)',
      '\tat com.tencent.game.auth.AuthController.login(AuthController.java:41)',
      '\tat sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
      'Caused by: java.io.IOException: upstream said no',
      '\t... 87 common frames omitted',
    ].join('\n'),
    context: 1,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'a Python traceback whose last line holds the parsed body',
    paste: [
      'Traceback (most recent call last):',
      '  File "/srv/game/msdk/client.py", line 88, in verify_login',
      '    data = self._post("/auth/verify_login/", payload)',
      '  File "/srv/game/msdk/client.py", line 61, in _post',
      '    raise MsdkError(ret=data["ret"], msg=data["msg"])',
      "msdk.client.MsdkError: {'ret': -2004.0, 'msg': '-2004,java.net.SocketTimeoutException: Read timed out'}",
    ].join('\n'),
    context: 5,
    records: [{ code: -2004, route: 'ret', candidates: ['logic -2004'] }],
  },
  {
    name: 'a Go panic with its goroutine dump',
    paste: [
      'panic: msdk: verify_login: ret=-303 msg=appid has no permission',
      '',
      'goroutine 1 [running]:',
      'main.verifyLogin({0xc00001c0f0, 0x20})',
      '\t/home/dev/game/cmd/auth/main.go:42 +0x1d4',
      'main.main()',
      '\t/home/dev/game/cmd/auth/main.go:17 +0x45',
      'exit status 2',
    ].join('\n'),
    context: 6,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'a Node error with the response data axios attached',
    paste: [
      'AxiosError: Request failed with status code 400',
      '    at settle (/srv/app/node_modules/axios/lib/core/settle.js:19:12)',
      '    at IncomingMessage.handleStreamEnd (/srv/app/node_modules/axios/lib/adapters/http.js:599:11)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {',
      "  code: 'ERR_BAD_REQUEST',",
      '  response: {',
      '    status: 400,',
      "    data: { ret: -309, msg: 'appid and openid do not match', err_type: 5 }",
      '  }',
      '}',
    ].join('\n'),
    context: 6,
    records: [{ code: -309, route: 'ret', candidates: ['access -309'] }],
  },
  {
    name: 'a support ticket in Markdown: prose and a code fence around the response',
    paste: [
      '## 現象',
      '2024/05/01 10:00 頃から一部ユーザーのログインが失敗します（約 120 件）。',
      '',
      '```json',
      '{"ret":-20000,"msg":"40001,invalid credential, access_token is invalid or not latest rid: 6631a2b3-0c9e","err_type":3}',
      '```',
      '',
      '再現率は 100% です。',
    ].join('\n'),
    context: 5,
    records: [
      {
        code: 40001,
        route: 'msg-of-20000',
        candidates: ['wechat-platform 40001'],
        envelope: -20000,
      },
    ],
  },
  {
    name: 'a quoted e-mail: the response after "> " is read, the quoted headers are not',
    paste: [
      'On Wed, May 1, 2024 at 10:12 AM ops@example.com wrote:',
      '> Date: Wed, 01 May 2024 02:00:00 GMT',
      '> Content-Length: 45',
      '> {"ret":-308,"msg":"openid is invalid"}',
    ].join('\n'),
    context: 3,
    records: [{ code: -308, route: 'ret', candidates: ['access -308'] }],
  },
  {
    name: 'a request logged on one line and the response on the next: the request names the endpoint',
    paste: [
      '2024-05-01 10:00:00.101 INFO  [share-worker-2] c.t.game.share.ShareService - POST https://msdk.qq.com/share/qq?appid=1000001&openid=F3A9C0D1E2B34A56',
      '2024-05-01 10:00:00.188 ERROR [share-worker-2] c.t.game.share.ShareService - resp={"ret":-10000,"msg":"100012,not post","err_type":1}',
    ].join('\n'),
    context: 1,
    records: [
      {
        code: 100012,
        route: 'msg-of-10000',
        candidates: ['qq-share 100012', 'qq-platform 100012'],
        envelope: -10000,
        endpoint: '/share/qq',
      },
    ],
  },
  {
    name: 'an nginx 502 page and its headers: no code anywhere, one record says so',
    paste: [
      'HTTP/1.1 502 Bad Gateway',
      'Server: nginx/1.24.0',
      'Content-Type: text/html',
      'Content-Length: 157',
      '',
      '<html>',
      '<head><title>502 Bad Gateway</title></head>',
      '<body>',
      '<center><h1>502 Bad Gateway</h1></center>',
      '</body>',
      '</html>',
    ].join('\n'),
    context: 9,
    records: [
      {
        error:
          'エラーコードが見つかりません。ret・errcode・error を含む応答、ログ、または -303 のようなコードを貼り付けてください。',
      },
    ],
  },
  {
    name: 'a log excerpt: lines about other things are context, the response lines are records',
    paste: [
      '2024-05-01 10:00:00.001 INFO  [main] c.t.game.Boot - started in 3.2 s, pid 28417, 8 workers',
      '2024-05-01 10:00:01.120 INFO  [pool-1-thread-3] c.t.msdk.LoginService - heartbeat ok sessions=12',
      '2024-05-01 10:00:01.250 WARN  [pool-1-thread-4] c.t.msdk.LoginService - resp={"ret":"-303","msg":"appid has no permission"} cost=12ms',
      '2024-05-01 10:00:01.260 INFO  [pool-1-thread-4] c.t.msdk.LoginService - retrying in 500 ms (attempt 2/3)',
      '2024-05-01 10:00:01.780 ERROR [pool-1-thread-4] c.t.msdk.LoginService - resp={"ret":-2004,"msg":"-2004,java.net.SocketTimeoutException: Read timed out"} cost=530ms',
    ].join('\n'),
    context: 3,
    records: [
      { code: -303, route: 'ret', candidates: ['access -303'] },
      { code: -2004, route: 'ret', candidates: ['logic -2004'] },
    ],
  },
  {
    name: 'curl -v prints its "Connection left intact" note right after a body with no newline',
    paste:
      '{"ret":-303,"msg":"appid has no permission"}* Connection #0 to host msdk.qq.com left intact',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: "Python requests' urllib3 debug lines: the status and the length are not codes",
    paste: [
      'DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): msdk.qq.com:443',
      'DEBUG:urllib3.connectionpool:https://msdk.qq.com:443 "POST /auth/verify_login/?timestamp=1714528800 HTTP/1.1" 200 71',
      "resp: {'ret': -2004, 'msg': '-2004,java.net.SocketTimeoutException: Read timed out'}",
    ].join('\n'),
    context: 2,
    records: [{ code: -2004, route: 'ret', candidates: ['logic -2004'] }],
  },
  {
    name: 'an HTTP gateway error body is no MSDK response: its "code" is not read',
    paste: '{"code":500,"message":"Internal Server Error","path":"/auth/verify_login/"}',
    context: 0,
    records: [{ error: 'JSON に ret・errcode・error のどれもありません。' }],
  },
  // 2. Several responses on one line.
  {
    name: 'curl URL1 URL2 prints the two bodies back to back',
    paste:
      '{"ret":-303,"msg":"appid has no permission"}{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    context: 0,
    records: [
      { code: -303, route: 'ret', candidates: ['access -303'] },
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'two WeChat bodies separated by a space',
    paste:
      '{"errcode":40001,"errmsg":"invalid credential"} {"errcode":42001,"errmsg":"access_token expired rid: 6631a2b3-0c9e"}',
    context: 0,
    records: [
      { code: 40001, route: 'wechat-body', candidates: ['wechat-platform 40001'] },
      { code: 42001, route: 'wechat-body', candidates: ['wechat-platform 42001'] },
    ],
  },
  {
    name: 'a log line with the first try and the retry',
    paste:
      '2024-05-01 10:00:00,101 WARN [auth-3] MsdkGateway - first={"ret":-2004,"msg":"-2004,timeout"} retry={"ret":0,"msg":"success"}',
    context: 0,
    records: [
      { code: -2004, route: 'ret', candidates: ['logic -2004'] },
      { code: 0, route: 'ret', candidates: ['access 0', 'logic 0', 'qq-game-center 0'] },
    ],
  },
  {
    name: 'a JSON array of responses on one line',
    paste:
      '[{"ret":-10000,"msg":"-21,access_token discarded"},{"errcode":45009,"errmsg":"api freq out of limit"}]',
    context: 0,
    records: [
      { code: -21, route: 'msg-of-10000', candidates: ['qq-platform -21'], envelope: -10000 },
      { code: 45009, route: 'wechat-body', candidates: ['wechat-platform 45009'] },
    ],
  },
  {
    name: 'a WeChat body and a QQ OAuth body from two calls',
    paste:
      'wx={"errcode":48001,"errmsg":"api unauthorized"} qq=callback( {"error":100016,"error_description":"access token check failed"} );',
    context: 0,
    records: [
      { code: 48001, route: 'wechat-body', candidates: ['wechat-platform 48001'] },
      { code: 100016, route: 'qq-oauth-body', candidates: ['qq-platform 100016'] },
    ],
  },
  {
    name: 'a request body and a response on one line: only the response is a record',
    paste:
      '2024-05-01 10:00:00.5 DEBUG http - req={"appid":"1000001","openid":"F3A9C0D1E2B34A56","openkey":"T0KEN"} resp={"ret":-309,"msg":"appid and openid do not match"}',
    context: 0,
    records: [{ code: -309, route: 'ret', candidates: ['access -309'] }],
  },
  {
    name: 'a Grafana Loki export: a time, a tab, the JSON log line',
    paste:
      '2024-05-01 10:00:00.123\t{"level":"error","caller":"auth/msdk.go:88","msg":"verify_login","ret":-1011}',
    context: 0,
    records: [{ code: -1011, route: 'ret', candidates: ['logic -1011'] }],
  },
  // 3. Escaped once more.
  {
    name: 'a JSON string literal holding the body',
    paste: '"{\\"ret\\":-303,\\"msg\\":\\"appid has no permission\\"}"',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'an escaped body inside a log value',
    paste:
      '2024-05-01 10:00:00,101 WARN [grpc-7] c.t.game.MsdkGateway - upstream body="{\\"ret\\":-10000,\\"msg\\":\\"-73,the user modify password wrong\\",\\"err_type\\":2}" latency=38ms',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: "nginx's \\x22 in an access log with the response body",
    paste:
      '203.0.113.7 - - [01/May/2024:10:00:00 +0800] "POST /auth/verify_login/?appid=1000001 HTTP/1.1" 200 71 "-" "okhttp/4.9.3" rt=0.038 resp="{\\x22ret\\x22:-10000,\\x22msg\\x22:\\x22-73,the user modify password wrong\\x22,\\x22err_type\\x22:2}"',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: "HTML's &quot; from a page that showed the response",
    paste:
      '<pre class="resp">{&quot;ret&quot;:-20000,&quot;msg&quot;:&quot;42001,access_token expired&quot;,&quot;err_type&quot;:3}</pre>',
    context: 0,
    records: [
      {
        code: 42001,
        route: 'msg-of-20000',
        candidates: ['wechat-platform 42001'],
        envelope: -20000,
      },
    ],
  },
  {
    name: 'HTML numeric entities &#34;',
    paste: '<td>{&#34;errcode&#34;:40013,&#34;errmsg&#34;:&#34;invalid appid&#34;}</td>',
    context: 0,
    records: [{ code: 40013, route: 'wechat-body', candidates: ['wechat-platform 40013'] }],
  },
  {
    name: "CSV's doubled quotes in an export",
    paste:
      '2024-05-01T02:00:00.123Z,game-01,auth,"{""ret"":-303,""msg"":""appid has no permission""}"',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: "Docker's json-file log line",
    paste:
      '{"log":"2024-05-01 10:00:00.123 ERROR [main] c.t.msdk.LoginService - resp={\\"ret\\":-20000,\\"msg\\":\\"40001,invalid credential\\",\\"err_type\\":3}\\n","stream":"stdout","time":"2024-05-01T02:00:00.123456789Z"}',
    context: 0,
    records: [
      {
        code: 40001,
        route: 'msg-of-20000',
        candidates: ['wechat-platform 40001'],
        envelope: -20000,
      },
    ],
  },
  {
    name: 'a Docker line whose log is a bare msg value',
    paste:
      '{"log":"2024-05-01 10:00:00 ERROR [auth] - -2004,java.net.SocketTimeoutException: Read timed out\\n","stream":"stderr","time":"2024-05-01T02:00:00.5Z"}',
    context: 0,
    records: [{ code: -2004, route: 'bare-msg', candidates: ['logic -2004'] }],
  },
  {
    name: 'an ELK/Filebeat document: message holds text followed by escaped JSON',
    paste:
      '{"@timestamp":"2024-05-01T02:00:00.123Z","log":{"level":"ERROR","file":{"path":"/var/log/game/app.log"},"offset":182734},"message":"2024-05-01 10:00:00.123 ERROR LoginService - verify_login resp={\\"ret\\":-10000,\\"msg\\":\\"100013,access token is illegal\\",\\"err_type\\":2}","host":{"name":"game-01"},"agent":{"version":"8.13.2"}}',
    context: 0,
    records: [
      { code: 100013, route: 'msg-of-10000', candidates: ['qq-platform 100013'], envelope: -10000 },
    ],
  },
  {
    name: "the message field copied from Kibana's JSON view",
    paste:
      '  "message": "2024-05-01 10:00:00.123 ERROR LoginService - verify_login resp={\\"ret\\":-10000,\\"msg\\":\\"100014,token expired\\",\\"err_type\\":3}",',
    context: 0,
    records: [
      { code: 100014, route: 'msg-of-10000', candidates: ['qq-platform 100014'], envelope: -10000 },
    ],
  },
  {
    name: "Fluent Bit's stdout output (Ruby hash, =>)",
    paste:
      '[0] kube.var.log.containers.game-7d9f_default_game-1a2b.log: [1714528800.123456789, {"log"=>"2024-05-01T02:00:00.123Z stdout F resp={\\"ret\\":-303,\\"msg\\":\\"appid has no permission\\"}", "stream"=>"stdout"}]',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'a CloudWatch Logs subscription event',
    paste:
      '{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/ecs/game-auth","logStream":"auth/game-auth/4f1c","logEvents":[{"id":"37590147618734501928374650192837465019283746501928374650","timestamp":1714528800123,"message":"ERROR msdk resp {\\"errcode\\":40001,\\"errmsg\\":\\"invalid credential, access_token is invalid or not latest rid: 6631a2b3-0c9e\\"}"}]}',
    context: 0,
    records: [{ code: 40001, route: 'wechat-body', candidates: ['wechat-platform 40001'] }],
  },
  {
    name: 'a k8s CRI log line',
    paste:
      '2024-05-01T02:00:00.123456789Z stdout F {"level":"error","ts":1714528800.123,"caller":"msdk/client.go:88","msg":"verify_login failed","resp":"{\\"ret\\":-10000,\\"msg\\":\\"-21,access_token discarded\\"}"}',
    context: 0,
    records: [
      { code: -21, route: 'msg-of-10000', candidates: ['qq-platform -21'], envelope: -10000 },
    ],
  },
  {
    name: "journald's JSON output",
    paste:
      '{"__REALTIME_TIMESTAMP":"1714528800123456","_HOSTNAME":"game-01","SYSLOG_IDENTIFIER":"auth","_PID":"28417","PRIORITY":"3","MESSAGE":"msdk resp ret=-1011 msg=msdk logic timeout"}',
    context: 0,
    records: [{ code: -1011, route: 'ret', candidates: ['logic -1011'] }],
  },
  {
    name: 'a percent-encoded callback body',
    paste:
      '2024-05-01 10:00:00 INFO [cb-1] PayCallback - data=%7B%22ret%22%3A-10000%2C%22msg%22%3A%22-73%2Cthe+user+modify+password+wrong%22%7D',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'a body escaped twice',
    paste: '"{\\\\\\"ret\\\\\\":-303,\\\\\\"msg\\\\\\":\\\\\\"appid has no permission\\\\\\"}"',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'quotes written as \\u0022',
    paste: 'payload: {\\u0022ret\\u0022:-1011,\\u0022msg\\u0022:\\u0022msdk logic timeout\\u0022}',
    context: 0,
    records: [{ code: -1011, route: 'ret', candidates: ['logic -1011'] }],
  },
  {
    name: "a GCP log entry's textPayload",
    paste:
      '{"insertId":"1x9k2f3g4h5j6k","textPayload":"verify_login failed ret=-10000 msg=-22,openid is invalid","resource":{"type":"k8s_container"},"timestamp":"2024-05-01T02:00:00.123456Z","severity":"ERROR"}',
    context: 0,
    records: [
      { code: -22, route: 'msg-of-10000', candidates: ['qq-platform -22'], envelope: -10000 },
    ],
  },
  {
    name: "Logstash's rubydebug output: a wrapper that is not JSON around an escaped body",
    paste: [
      '{',
      '       "message" => "2024-05-01 10:00:00 ERROR resp={\\"ret\\":-303,\\"msg\\":\\"appid has no permission\\"}",',
      '    "@timestamp" => 2024-05-01T02:00:00.123Z,',
      '      "@version" => "1",',
      '          "host" => "game-01"',
      '}',
    ].join('\n'),
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  // 4. Dumps of a parsed body.
  {
    name: 'PHP var_export over several lines',
    paste:
      "array (\n  'ret' => -309,\n  'msg' => 'appid and openid do not match',\n  'err_type' => 5,\n)",
    context: 0,
    records: [{ code: -309, route: 'ret', candidates: ['access -309'] }],
  },
  {
    name: 'PHP print_r of an envelope',
    paste:
      'Array\n(\n    [ret] => -10000\n    [msg] => -73,the user modify password wrong\n    [err_type] => 2\n)\n',
    context: 1,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'PHP print_r after an error_log prefix',
    paste:
      '[01-May-2024 10:00:00 Asia/Shanghai] PHP Notice:  msdk verify_login Array\n(\n    [ret] => -303\n    [msg] => appid has no permission\n)\n',
    context: 1,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'PHP var_dump',
    paste:
      'array(3) {\n  ["ret"]=>\n  int(-20000)\n  ["msg"]=>\n  string(24) "45009,api freq out of limit"\n  ["err_type"]=>\n  int(1)\n}',
    context: 0,
    records: [
      {
        code: 45009,
        route: 'msg-of-20000',
        candidates: ['wechat-platform 45009'],
        envelope: -20000,
      },
    ],
  },
  {
    name: 'Java Map.toString after Gson (numbers as doubles)',
    paste:
      '2024-05-01 10:00:00.555 INFO [main] c.t.m.Resp - result={ret=-10000.0, msg=-73,the user modify password wrong, err_type=2.0}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'Python dict repr with floats',
    paste: "resp: {'ret': -303.0, 'msg': 'appid has no permission', 'err_type': 5.0}",
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'Go %+v of a struct',
    paste:
      '2024/05/01 10:00:00 msdk.go:88: resp: &{Ret:-303 Msg:appid has no permission ErrType:5}',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'Go %v of a map',
    paste:
      '2024/05/01 10:00:00 resp=map[err_type:2 msg:-73,the user modify password wrong ret:-10000]',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'JSON with // and /* */ comments and a trailing comma',
    paste:
      '{\n  "ret": -10000, // the envelope\n  "msg": "-73,the user modify password wrong", /* the QQ code */\n  "err_type": 2,\n}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'ret as a string with .0',
    paste: '{"ret":"-2004.0","msg":"-2004,java.net.SocketTimeoutException: Read timed out"}',
    context: 0,
    records: [{ code: -2004, route: 'ret', candidates: ['logic -2004'] }],
  },
  {
    name: 'ret=-303.0 in pairs',
    paste: 'ret=-303.0&msg=appid+has+no+permission',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'a ret that is not an integer: a word',
    paste: '{"ret":"abc","msg":"ok"}',
    context: 0,
    records: [{ error: 'ret の値 "abc" は整数ではないため、エラーコードとして読めません。' }],
  },
  {
    name: 'a ret that is not an integer: a fraction',
    paste: '2024-05-01 10:00:00 WARN resp ret: 1.5 msg: half done',
    context: 0,
    records: [{ error: 'ret の値 1.5 は整数ではないため、エラーコードとして読めません。' }],
  },
  {
    name: "a ret that is Python's None",
    paste: "{'ret': None, 'msg': 'pending'}",
    context: 0,
    records: [{ error: 'ret の値 None は整数ではないため、エラーコードとして読めません。' }],
  },
  {
    name: "Node's util.inspect on one line",
    paste: "{ ret: -10000, msg: '-26,access_token expired', err_type: 3 }",
    context: 0,
    records: [
      { code: -26, route: 'msg-of-10000', candidates: ['qq-platform -26'], envelope: -10000 },
    ],
  },
  {
    name: 'a ticket listing the fields one per line',
    paste: 'ret: -10000\nmsg: -73,the user modify password wrong\nerr_type: 2',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'Python pprint over several lines',
    paste: "{'err_type': 2,\n 'msg': '-73,the user modify password wrong',\n 'ret': -10000}",
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'PowerShell Format-List of Invoke-RestMethod',
    paste: '\r\nret      : -303\r\nmsg      : appid has no permission\r\nerr_type : 5\r\n\r\n',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'a Ruby hash with =>',
    paste: '{"ret"=>-10000, "msg"=>"-73,the user modify password wrong", "err_type"=>2}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'an XML body',
    paste:
      '<?xml version="1.0" encoding="UTF-8"?>\n<xml><ret>-10000</ret><msg><![CDATA[-23,openkey is invalid]]></msg><err_type>2</err_type></xml>',
    context: 1,
    records: [
      { code: -23, route: 'msg-of-10000', candidates: ['qq-platform -23'], envelope: -10000 },
    ],
  },
  {
    name: 'logfmt',
    paste:
      'time=2024-05-01T02:00:00Z level=error msg="verify_login failed" errcode=40029 errmsg="invalid code"',
    context: 0,
    records: [{ code: 40029, route: 'wechat-body', candidates: ['wechat-platform 40029'] }],
  },
  {
    name: 'an NSDictionary printed by an iOS game (key = value;)',
    paste: [
      '2024-05-01 10:00:00.123 Game[1234:56789] [MSDK] verifyLogin result: {',
      '    "err_type" = 2;',
      '    msg = "-73,the user modify password wrong";',
      '    ret = "-10000";',
      '}',
    ].join('\n'),
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: "a Kotlin data class's toString in logcat",
    paste:
      '05-01 10:00:00.123  1234  5678 W MSDK    : VerifyResult(ret=-303, msg=appid has no permission, errType=5)',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'a C# record printed by ToString',
    paste:
      'fail: Game.Auth[0] MsdkResponse { Ret = -10000, Msg = -73,the user modify password wrong, ErrType = 2 }',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: "Rust's {:?} of a struct",
    paste:
      'ERROR game_auth: MsdkResponse { ret: -303, msg: "appid has no permission", err_type: Some(5) }',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: "Perl's Data::Dumper",
    paste:
      "$VAR1 = {\n          'ret' => -303,\n          'msg' => 'appid has no permission'\n        };",
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'a YAML dump with the response under a key',
    paste: 'response:\n  ret: -10000\n  msg: "-73,the user modify password wrong"\n  err_type: 2',
    context: 1,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'a Java map holding the response in a map',
    paste:
      '2024-05-01 10:00:00 INFO [main] c.t.g.Api - {code=0, data={ret=-309, msg=appid and openid do not match}}',
    context: 0,
    records: [{ code: -309, route: 'ret', candidates: ['access -309'] }],
  },
  // 5. A code at the start of msg with no separator.
  {
    name: 'a Chinese message right after the code',
    paste: '{"ret":-10000,"msg":"-73用户修改了密码","err_type":2}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'a full-width comma read as GBK',
    paste: '{"ret":-10000,"msg":"-73锛寀ser modify password wrong","err_type":2}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'a full-width comma read as Latin-1',
    paste: '{"ret":-10000,"msg":"-73ï¼Œthe user modify password wrong"}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  {
    name: 'a bare msg value with the comma garbled, after a log prefix',
    paste: '2024-05-01 10:00:00 ERROR [auth] - -73ï¼Œthe user modify password wrong',
    context: 0,
    records: [{ code: -73, route: 'bare-msg', candidates: ['qq-platform -73'] }],
  },
  {
    name: 'a WeChat code glued to its Chinese message',
    paste: '{"ret":-20000,"msg":"40001不合法的凭证","err_type":3}',
    context: 0,
    records: [
      {
        code: 40001,
        route: 'msg-of-20000',
        candidates: ['wechat-platform 40001'],
        envelope: -20000,
      },
    ],
  },
  {
    name: 'the code in brackets at the start of msg',
    paste: '{"ret":-10000,"msg":"[-73]the user modify password wrong","err_type":2}',
    context: 0,
    records: [
      { code: -73, route: 'msg-of-10000', candidates: ['qq-platform -73'], envelope: -10000 },
    ],
  },
  // 6. Sentences that name a code.
  {
    name: 'Chinese: 返回码：-1012 (a code in no table)',
    paste: '2024-05-01 10:00:00 [ERROR] 登录失败，返回码：-1012，请稍后重试',
    context: 0,
    records: [
      { code: -1012, route: 'bare-code', candidates: [], range: -1000, nearest: ['logic -1011'] },
    ],
  },
  {
    name: 'Chinese: 错误码100004 with no separator',
    paste: '支付回调失败 错误码100004 openid=F3A9C0D1E2B34A56',
    context: 0,
    records: [
      { code: 100004, route: 'bare-code', candidates: ['qq-platform 100004', 'qq-share 100004'] },
    ],
  },
  {
    name: 'Japanese: エラーコード -4017',
    paste: 'ゲームセンターのAPIからエラーコード -4017 が返りました',
    context: 0,
    records: [{ code: -4017, route: 'bare-code', candidates: ['qq-game-center -4017'] }],
  },
  {
    name: 'Japanese: エラーコードは100013です',
    paste: '問い合わせ: ログイン時にエラーコードは100013です、と表示されます',
    context: 0,
    records: [{ code: 100013, route: 'bare-code', candidates: ['qq-platform 100013'] }],
  },
  {
    name: 'English: error code: -303',
    paste: 'MSDK login failed with error code: -303 (appid has no permission)',
    context: 0,
    records: [{ code: -303, route: 'bare-code', candidates: ['access -303'] }],
  },
  {
    name: 'English: errcode is 40001 (a WeChat key)',
    paste: 'WeChat token refresh failed: errcode is 40001',
    context: 0,
    records: [{ code: 40001, route: 'wechat-body', candidates: ['wechat-platform 40001'] }],
  },
  {
    name: 'English: ErrorCode=-2004 in a .NET log',
    paste: 'fail: Game.Auth.MsdkClient[0] MSDK call failed. ErrorCode=-2004 Elapsed=30012ms',
    context: 0,
    records: [{ code: -2004, route: 'bare-code', candidates: ['logic -2004'] }],
  },
  {
    name: 'Chinese: 错误代码 for a WeChat code',
    paste: '微信授权失败，错误代码: 42001',
    context: 0,
    records: [{ code: 42001, route: 'bare-code', candidates: ['wechat-platform 42001'] }],
  },
  {
    name: 'English: failed with code -303',
    paste: '2024-05-01 10:00:00 ERROR MSDK verify_login failed with code -303, giving up',
    context: 0,
    records: [{ code: -303, route: 'bare-code', candidates: ['access -303'] }],
  },
  {
    name: 'English: status code 400 is HTTP, not a code',
    paste:
      'AxiosError: Request failed with status code 400\n{"ret":-1011,"msg":"msdk logic timeout"}',
    context: 1,
    records: [{ code: -1011, route: 'ret', candidates: ['logic -1011'] }],
  },
  {
    name: 'Chinese: 错误：-2004 with a full-width colon',
    paste: '2024-05-01 10:00:00 [auth-2] 登录失败，错误：-2004（请求超时）',
    context: 0,
    records: [{ code: -2004, route: 'bare-code', candidates: ['logic -2004'] }],
  },
  {
    name: 'Japanese: エラー（-303）',
    paste: 'ログイン時にエラー（-303）が発生しました。appid は 1000001 です。',
    context: 0,
    records: [{ code: -303, route: 'bare-code', candidates: ['access -303'] }],
  },
  // 7. Long and odd input.
  {
    name: 'a 1 MB upload request with an inline image and the response at its end',
    paste: `2024-05-01 10:00:00.123 INFO [upload-1] c.t.game.Avatar - POST /profile/avatar body={"openid":"F3A9C0D1E2B34A56","image":"data:image/png;base64,${B64}"} resp={"ret":-2003,"msg":"-2003,body too large"}`,
    context: 0,
    records: [{ code: -2003, route: 'ret', candidates: ['logic -2003'] }],
  },
  {
    name: 'a 1 MB line cut off inside its JSON',
    paste: `{"ret":-303,"msg":"${'x'.repeat(1_100_000)}`,
    context: 0,
    records: [
      { error: 'JSON が途中で切れています。応答の全体（閉じ括弧 } まで）を貼り付けてください。' },
    ],
  },
  {
    name: 'NUL bytes around a code',
    paste: 'ret=-303\0\0\0&msg=appid has no permission\0',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  {
    name: 'U+FFFD next to a bare code',
    paste: '2024-05-01 10:00:00 ERROR \uFFFD-2004\uFFFD',
    context: 0,
    records: [{ code: -2004, route: 'bare-code', candidates: ['logic -2004'] }],
  },
  {
    name: 'U+FFFD where the full-width comma was',
    paste: '-73\uFFFD\uFFFDuser modify password wrong',
    context: 0,
    records: [{ code: -73, route: 'bare-msg', candidates: ['qq-platform -73'] }],
  },
  {
    name: 'terminal colours from docker logs',
    paste:
      '\x1b[31mERROR\x1b[0m 2024-05-01T02:00:00Z \x1b[36mauth\x1b[0m resp={"ret":-10000,"msg":"-70,ip limit","err_type":1}',
    context: 0,
    records: [
      { code: -70, route: 'msg-of-10000', candidates: ['qq-platform -70'], envelope: -10000 },
    ],
  },
  {
    name: 'UTF-16 text read as UTF-8 (a zero byte after every character)',
    paste: '{"ret":-303,"msg":"appid"}'.split('').join('\0') + '\0',
    context: 0,
    records: [{ code: -303, route: 'ret', candidates: ['access -303'] }],
  },
  // 8. Nearest codes stay inside the range.
  {
    name: 'an unknown ret in -1000: only -1011 is inside',
    paste: '{"ret":-1500,"msg":"client error"}',
    context: 0,
    records: [
      { code: -1500, route: 'ret', candidates: [], range: -1000, nearest: ['logic -1011'] },
    ],
  },
  {
    name: 'an unknown ret in -2000',
    paste: 'ret=-2600&msg=unknown',
    context: 0,
    records: [
      {
        code: -2600,
        route: 'ret',
        candidates: [],
        range: -2000,
        nearest: ['logic -2010', 'logic -2009', 'logic -2008'],
      },
    ],
  },
  {
    name: 'an unknown bare code in -10000',
    paste: '-10999',
    context: 0,
    records: [
      {
        code: -10999,
        route: 'bare-code',
        candidates: [],
        range: -10000,
        nearest: ['logic -10014', 'logic -10013', 'logic -10012'],
      },
    ],
  },
  {
    name: 'an unknown ret in -20000',
    paste: '{"ret":-20777}',
    context: 0,
    records: [
      {
        code: -20777,
        route: 'ret',
        candidates: [],
        range: -20000,
        nearest: ['logic -20005', 'logic -20004', 'logic -20003'],
      },
    ],
  },
  {
    name: 'an unknown ret below -30000',
    paste: '{"ret":-35000,"msg":"?"}',
    context: 0,
    records: [
      { code: -35000, route: 'ret', candidates: [], range: -30000, nearest: ['logic -30001'] },
    ],
  },
  {
    name: 'an unknown ret in -100, next to the access codes of that range',
    paste: '{"ret":-150}',
    context: 0,
    records: [
      {
        code: -150,
        route: 'ret',
        candidates: [],
        range: -100,
        nearest: ['logic -110', 'logic -109', 'access -107'],
      },
    ],
  },
];

function check(record: DecodedRecord | undefined, want: Want): void {
  expect(record).toBeDefined();
  if (!record) return;
  if ('error' in want) {
    expect(record.error).toBe(want.error);
    expect(record.candidates).toEqual([]);
    expect(record.code).toBeNull();
    return;
  }
  expect(record.error).toBeNull();
  expect(record.code).toBe(want.code);
  expect(record.route).toBe(want.route);
  expect(record.candidates.map((c) => `${c.table} ${c.code}`)).toEqual(want.candidates);
  expect(record.envelope?.code ?? null).toBe(want.envelope ?? null);
  expect(record.endpoint).toBe(want.endpoint ?? null);
  expect(record.range?.code ?? null).toBe(want.range ?? null);
  expect(record.nearest.map((n) => `${n.table} ${n.code}`)).toEqual(want.nearest ?? []);
}

describe('decode: what real systems print', () => {
  test('there are at least 60 realistic pastes, in every category', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, { paste, context, records }) => {
    const decoded = decodePaste(catalog, paste);
    expect(decoded.records).toHaveLength(records.length);
    records.forEach((want, n) => check(decoded.records[n], want));
    expect(decoded.context).toBe(context);
  });

  test('the pastes one after another decode to the same records, in order', async () => {
    // A paste of nothing but context gets one record saying so; among others it has none.
    const onlyContext = ({ records: [first, ...rest] }: Case) =>
      rest.length === 0 &&
      first &&
      'error' in first &&
      /^(?:エラーコードが見つかりません|JSON に ret)/.test(first.error);
    const some = CASES.filter((c) => !onlyContext(c));
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
