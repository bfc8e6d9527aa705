import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');

/** Runs the CLI as `npm run decode` does, with optional standard input. */
function run(args: string[], input?: string) {
  const result = spawnSync(NODE, ['src/cli/decode.ts', ...args], {
    cwd: ROOT,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonRecord {
  line: number;
  candidates: { table: string; code: number; url: string; reason: string }[];
  range: { table: string; code: number; url: string } | null;
  envelope: { table: string; code: number } | null;
  error: string | null;
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonRecord[];

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

  test('--json reads standard input when no INPUT is given', () => {
    const { status, stdout } = run(
      ['--json'],
      '-303\n\n{"errcode":40001,"errmsg":"invalid credential"}\r\n',
    );
    expect(status).toBe(0);
    const records = parse(stdout);
    expect(records.map((r) => [r.line, r.candidates[0]?.table, r.candidates[0]?.code])).toEqual([
      [1, 'access', -303],
      [3, 'wechat-platform', 40001],
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

  test('exit 1 when some record cannot be read, with the error in the output', () => {
    const { status, stdout } = run(['--json'], '-303\nhello world\n');
    expect(status).toBe(1);
    const records = parse(stdout);
    expect(records[1]?.error).toMatch(/エラーコードが見つかりません/);
    expect(records[1]?.candidates).toEqual([]);
    expect(run([], '{"ret":-10000,"msg":"-73').status).toBe(1);
  });

  test('exit 2 on an unknown option, with a message on stderr', () => {
    const { status, stdout, stderr } = run(['--jsn', '-303']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--jsn');
  });

  test('exit 2 when there is no input at all', () => {
    const empty = run(['--json'], '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('入力がありません');
    expect(run([], '  \n\n').status).toBe(2);
  });

  test('--help prints the usage and exits 0', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--json');
  });
});
