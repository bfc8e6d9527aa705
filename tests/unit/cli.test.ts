import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CLI = 'src/cli/decode.ts';

/** Runs the CLI as `npm run decode` does, with optional standard input. */
function run(args: string[], input?: string | Buffer) {
  const result = spawnSync(NODE, [CLI, ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonRecord {
  line: number;
  input: string;
  code: number | null;
  route: string | null;
  candidates: { table: string; code: number; url: string; reason: string }[];
  range: { table: string; code: number; url: string } | null;
  envelope: { table: string; code: number } | null;
  error: string | null;
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonRecord[];
const parseLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonRecord);
const top = (record: JsonRecord | undefined) =>
  record?.candidates[0] ? `${record.candidates[0].table} ${record.candidates[0].code}` : null;

/**
 * The CLI as a child process fed by hand: lines are written when the test says, output is
 * collected as it comes, and `next` waits (without timing anything) until the output holds
 * a given text.
 */
function child(args: string[]) {
  const proc = spawn(NODE, [CLI, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting: [test: (out: string) => boolean, resolve: () => void][] = [];
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (data: string) => {
    stdout += data;
    for (const entry of [...waiting]) {
      if (entry[0](stdout)) {
        waiting.splice(waiting.indexOf(entry), 1);
        entry[1]();
      }
    }
  });
  proc.stderr.on('data', (data: string) => (stderr += data));
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  return {
    write: (text: string) => proc.stdin.write(text),
    end: () => proc.stdin.end(),
    /** Resolves once the output so far passes the test. */
    next: (passes: (out: string) => boolean) =>
      new Promise<void>((resolve) => {
        if (passes(stdout)) resolve();
        else waiting.push([passes, resolve]);
      }),
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run decode', () => {
  test('--json with the paste as an argument prints one object per record', () => {
    const { status, stdout, stderr } = run([
      '--json',
      '{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const [record, ...rest] = parse(stdout);
    expect(rest).toEqual([]);
    expect(record?.candidates[0]).toMatchObject({
      table: 'qq-platform',
      code: -73,
      url: '/codes/qq-platform/-73/',
    });
    expect(record?.envelope).toMatchObject({ table: 'logic', code: -10000 });
    expect(record?.range).toBeNull();
    expect(record?.error).toBeNull();
  });

  test('several arguments are one paste joined with spaces; a negative code is not an option', () => {
    const { status, stdout } = run(['--json', 'ret', '=', '-2011']);
    expect(status).toBe(0);
    const [record] = parse(stdout);
    expect(record?.candidates).toEqual([]);
    expect(record?.range).toMatchObject({
      table: 'logic',
      code: -2000,
      url: '/codes/logic/-2000/',
    });
    expect(parse(run(['--json', '-303']).stdout)[0]?.candidates[0]?.table).toBe('access');
  });

  test('--json reads standard input when no INPUT is given, or when INPUT is -', () => {
    const input = '-303\n\n{"errcode":40001,"errmsg":"invalid credential"}\r\n';
    for (const args of [['--json'], ['--json', '-']]) {
      const { status, stdout } = run(args, input);
      expect(status).toBe(0);
      const records = parse(stdout);
      expect(records.map((r) => [r.line, r.candidates[0]?.table, r.candidates[0]?.code])).toEqual([
        [1, 'access', -303],
        [3, 'wechat-platform', 40001],
      ]);
    }
  });

  test('--json is one valid JSON array, the same text as the records pretty-printed', () => {
    const input = [
      'HTTP/1.1 200 OK',
      'Content-Length: 71',
      '',
      '{"ret":-303,"msg":"appid has no permission"}{"ret":-10000,"msg":"-73,x"}',
      '{"ret":-10000,"msg":"-7',
    ].join('\n');
    const { status, stdout } = run(['--json'], input);
    expect(status).toBe(1);
    const records = parse(stdout);
    expect(stdout).toBe(`${JSON.stringify(records, null, 2)}\n`);
    expect(records.map((r) => [r.line, r.code, r.error === null])).toEqual([
      [4, -303, true],
      [4, -73, true],
      [5, null, false],
    ]);
  });

  test('--jsonl prints one JSON object per line, one per record', () => {
    const { status, stdout } = run(['--jsonl'], '-303\n{"errcode":40001}{"errcode":42001}\n');
    expect(status).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(parseLines(stdout).map((r) => [r.line, top(r)])).toEqual([
      [1, 'access -303'],
      [2, 'wechat-platform 40001'],
      [2, 'wechat-platform 42001'],
    ]);
  });

  test('the readable mode shows candidates, links, reasons, the err_type check and a summary', () => {
    const { status, stdout } = run(
      [],
      '{"ret":-10000,"msg":"-73,x","err_type":5}\n{"ret":-2011}\n',
    );
    expect(status).toBe(0);
    expect(stdout).toContain('1行目');
    expect(stdout).toContain('包み: logic -10000');
    expect(stdout).toContain('モバイルQQプラットフォーム (qq-platform) -73');
    expect(stdout).toContain('/codes/qq-platform/-73/');
    expect(stdout).toContain('対応: 再授権');
    expect(stdout).toContain('理由: ');
    expect(stdout).toMatch(/err_type: .*一致しません/);
    expect(stdout).toContain('範囲: logic -2000');
    expect(stdout).toContain('近いコード: logic -2010');
    expect(stdout).toContain('2 件のレコード');
  });

  test('the text summary counts the context lines apart from the unreadable records', () => {
    const input = [
      '> POST /share/qq?appid=1000001 HTTP/1.1',
      '> Host: msdk.qq.com',
      '< HTTP/1.1 200 OK',
      '< Content-Length: 58',
      '{"ret":-10000,"msg":"100000,uin skey error","err_type":2}',
      'heartbeat ok',
    ].join('\n');
    const { status, stdout } = run([], input);
    expect(status).toBe(0);
    expect(stdout).toContain('■ 5行目');
    expect(stdout).toContain('エンドポイント: /share/qq');
    expect(stdout).toContain('1 件のレコード（読めないもの 0 件）、コードのない文脈の行 5 行');
    expect(stdout).toMatch(/1 × qq-share 100000/);
    expect(stdout).not.toContain('Content-Length');
  });

  describe('exit status in every mode', () => {
    test.each([[[]], [['--json']], [['--jsonl']]])(
      '%j',
      (mode) => {
        expect(run(mode, '-303\nheartbeat ok\n{"errcode":40001}\n').status).toBe(0);
        const unreadable = run(mode, '-303\n{"ret":-10000,"msg":"-73\n');
        expect(unreadable.status).toBe(1);
        expect(unreadable.stdout).toContain('JSON が途中で切れています');
        expect(run(mode, '{"ret":"abc"}').status).toBe(1);
        expect(run(mode, 'hello world').status).toBe(1);
        const unknown = run([...mode, '--jsn'], '-303');
        expect([unknown.status, unknown.stdout]).toEqual([2, '']);
        expect(unknown.stderr).toContain('--jsn');
        expect(run(mode, '').status).toBe(2);
        expect(run(mode, '  \n\n').status).toBe(2);
      },
      60_000,
    );
  });

  test('a paste of nothing but context is one unreadable record saying no code was found', () => {
    const { status, stdout } = run(['--json'], 'hello world\n');
    expect(status).toBe(1);
    const records = parse(stdout);
    expect(records).toHaveLength(1);
    expect(records[0]?.error).toMatch(/エラーコードが見つかりません/);
    expect(records[0]?.candidates).toEqual([]);
  });

  test('exit 2 on an unknown option, or on --json with --jsonl, with a message on stderr', () => {
    const { status, stdout, stderr } = run(['--jsn', '-303']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--jsn');
    expect(run(['--json', '--jsonl', '-303']).status).toBe(2);
  });

  test('exit 2 when there is no input at all', () => {
    const empty = run(['--json'], '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('入力がありません');
    expect(run([], '  \n\n').status).toBe(2);
  });

  test('--help prints the usage, every mode included, and exits 0', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--jsonl');
    expect(stdout).toContain('終了コード');
  });

  test('UTF-16 input with a BOM, little- and big-endian, as PowerShell writes it', () => {
    const text = '{"ret":-303,"msg":"appid の権限がありません"}\r\n-2004,读取超时\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const input of [le, be]) {
      const { status, stdout } = run(['--jsonl'], input);
      expect(status).toBe(0);
      expect(parseLines(stdout).map((r) => [r.line, top(r), r.input])).toEqual([
        [1, 'access -303', '{"ret":-303,"msg":"appid の権限がありません"}'],
        [2, 'logic -2004', '-2004,读取超时'],
      ]);
    }
    // Without a BOM, UTF-16 is recognised by its zero bytes.
    const bare = run(['--jsonl'], Buffer.from(text, 'utf16le'));
    expect(parseLines(bare.stdout).map(top)).toEqual(['access -303', 'logic -2004']);
  });

  test('a slow pipe: the first line arrives a second after start, more lines later', async () => {
    const cli = child(['--jsonl']);
    await pause(1000);
    cli.write('2024-05-01 10:00:00 ERROR resp={"ret":-303,"msg":"appid has no permission"}\n');
    await pause(400);
    cli.write('{"ret":-10000,"msg":"-73,the user modify pass');
    await pause(400);
    cli.write('word wrong","err_type":2}\n\tat com.tencent.msdk.Auth.verify(Auth.java:88)\n');
    await pause(400);
    cli.write('{"errcode":40001,"errmsg":"invalid credential"}\n');
    cli.end();
    expect(await cli.exited).toBe(0);
    expect(cli.stderr).toBe('');
    expect(parseLines(cli.stdout).map((r) => [r.line, top(r)])).toEqual([
      [1, 'access -303'],
      [2, 'qq-platform -73'],
      [4, 'wechat-platform 40001'],
    ]);
  }, 30_000);

  test('--jsonl prints a record before standard input closes', async () => {
    const cli = child(['--jsonl']);
    cli.write('{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}\n');
    await cli.next((out) => out.includes('\n'));
    const [record] = parseLines(cli.stdout);
    expect(top(record)).toBe('qq-platform -73');
    // The process is still reading: a second record comes out too, then it ends.
    cli.write('ret=-303&msg=appid\n');
    await cli.next((out) => out.split('\n').length > 2);
    cli.end();
    expect(await cli.exited).toBe(0);
    expect(parseLines(cli.stdout).map(top)).toEqual(['qq-platform -73', 'access -303']);
  }, 30_000);

  test('the text mode also prints each record before standard input closes', async () => {
    const cli = child([]);
    cli.write('-303\n');
    await cli.next((out) => out.includes('/codes/access/-303/'));
    cli.write('{"ret":-2004}\n');
    await cli.next((out) => out.includes('/codes/logic/-2004/'));
    cli.end();
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toContain('2 件のレコード');
  }, 30_000);

  test('--json writes the array as records come, and closes it at the end', async () => {
    const cli = child(['--json']);
    cli.write('-303\n');
    await cli.next((out) => out.includes('"/codes/access/-303/"'));
    expect(cli.stdout.startsWith('[\n  {')).toBe(true);
    cli.write('-2004\n');
    cli.end();
    expect(await cli.exited).toBe(0);
    expect(parse(cli.stdout).map(top)).toEqual(['access -303', 'logic -2004']);
  }, 30_000);

  describe('output into a closed pipe (| head) ends quietly with status 0', () => {
    test.each([[''], ['--json'], ['--jsonl']])(
      'mode %j',
      (mode) => {
        // 20,000 records, far more than head reads; the CLI's own status is PIPESTATUS[1].
        const script = `yes '{"ret":-10000,"msg":"-73,the user modify password wrong"}' | head -n 20000 | "${NODE}" ${CLI} ${mode} | head -n 3; echo "cli=\${PIPESTATUS[2]}" >&2`;
        const result = spawnSync('bash', ['-c', script], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(result.stdout.split('\n')).toHaveLength(4);
        expect(result.stderr).toBe('cli=0\n');
      },
      60_000,
    );
  });
});
