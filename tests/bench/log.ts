/**
 * Realistic, mixed game-server log lines for the decoder's benchmarks, generated
 * deterministically (mulberry32), so that every run reads the same text.
 */

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rets = [-303, -101, -2004, -2011, -1011, 0, -4009, -10002, 1002, 2, -150];
const qq = [-73, -21, -1, 100013, 100000, 100014, -6];
const wechat = [40001, 42001, 45009, -1, 48001];
const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];

/** The one-line shapes of the 10,000-line benchmark (unchanged, so figures compare). */
function lineShapes(pick: <T>(items: readonly T[]) => T): ((n: number) => string)[] {
  const prefix = (n: number) =>
    `2024-05-01 10:${String(Math.floor(n / 600) % 60).padStart(2, '0')}:${String(Math.floor(n / 10) % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')} ${pick(levels)} [pool-1-thread-${n % 8}] c.t.msdk.LoginService -`;
  return [
    (n) =>
      `${prefix(n)} resp={"ret":-10000,"msg":"${pick(qq)},the user modify password wrong","err_type":2} cost=${n % 97}ms`,
    (n) =>
      `${prefix(n)} resp={"ret":-20000,"msg":"${pick(wechat)},invalid credential, hints: [ req_id: ${n.toString(36)} ]","err_type":3}`,
    (n) => `${prefix(n)} resp={"ret":${pick(rets)},"msg":"appid has no permission","err_type":5}`,
    (n) =>
      `${prefix(n)} POST /share/qq?openid=ABC${n}&access_token=T${n} ret=${pick([2, 7, 100000, -10000])}&msg=${pick(qq)}%2Cfailed`,
    () =>
      `{"errcode":${pick(wechat)},"errmsg":"invalid credential, access_token is invalid or not latest rid: 6634a1b2-0c9e"}`,
    () =>
      `callback( {"error":${pick([100013, 100014, 100016])},"error_description":"access token is illegal"} );`,
    () => `${pick(rets)}`,
    () => `${pick(qq)},internal error`,
    (n) => `${prefix(n)} ret:${pick(rets)} msg:内部エラー err_type:1`,
    (n) => `${prefix(n)} heartbeat ok sessions=${n % 50}`,
    () =>
      `-2004,java.net.SocketTimeoutException: Read timed out at java.net.SocketInputStream.socketRead0(Native Method)`,
    () => `{"ret":"−３０３","msg":"appid　invalid"}`,
  ];
}

/** `count` lines of the 10,000-line benchmark's mix. */
export function benchLines(count: number, seed = 20240501): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const shapes = lineShapes(pick);
  const lines: string[] = [];
  for (let n = 0; n < count; n++) lines.push(pick(shapes)(n));
  return lines;
}

/**
 * An endless log, chunk by chunk (about `chunkBytes` each): the one-line shapes, and now and
 * then what a real log also holds: a pretty-printed body, a Java stack trace, a curl -v
 * transcript, a Docker line, an escaped body.
 */
export function* logChunks(chunkBytes = 1 << 16, seed = 20240501): Generator<string> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const shapes = lineShapes(pick);
  const blocks: ((n: number) => string)[] = [
    (n) =>
      `2024-05-01 10:00:00.${n % 1000} ERROR [main] c.t.msdk.LoginService - verify_login response:\n{\n  "ret": -10000,\n  "msg": "${pick(qq)},the user modify password wrong",\n  "err_type": 2\n}`,
    (n) =>
      `2024-05-01 10:00:02.${n % 1000} ERROR [auth-${n % 4}] c.t.msdk.Auth - -2004,java.net.SocketTimeoutException: Read timed out\n\tat java.net.SocketInputStream.socketRead0(Native Method)\n\tat java.net.SocketInputStream.read(SocketInputStream.java:150)\nCaused by: java.io.IOException: stream closed\n\t... 12 more`,
    () =>
      `> POST /share/qq?appid=1000001 HTTP/1.1\n> Host: msdk.qq.com\n> Content-Length: 162\n>\n< HTTP/1.1 200 OK\n< Server: nginx\n< Content-Length: 58\n<\n{"ret":-10000,"msg":"100000,uin skey error","err_type":2}`,
    (n) =>
      `{"log":"2024-05-01 10:00:00 ERROR resp={\\"ret\\":${pick(rets)},\\"msg\\":\\"appid has no permission\\"}\\n","stream":"stdout","time":"2024-05-01T02:00:00.${n % 1000}Z"}`,
  ];
  for (let n = 0; ;) {
    let chunk = '';
    while (chunk.length < chunkBytes) {
      chunk += `${next() < 0.02 ? pick(blocks)(n) : pick(shapes)(n)}\n`;
      n++;
    }
    yield chunk;
  }
}
