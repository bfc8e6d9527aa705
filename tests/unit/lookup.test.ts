import { describe, expect, test } from 'vitest';
import { nearestCodes } from '../../src/lib/classify/nearest.ts';
import { readCodePath } from '../../src/lib/lookup.ts';
import { decodePercent } from '../../src/lib/percent.ts';

describe('reading a mistyped address', () => {
  test.each([
    ['/codes/access/-303/', 'access', -303],
    ['/codes/acess/-303/', 'access', -303],
    ['/codes/wechat_platform/40001', 'wechat-platform', 40001],
    ['/codes/QQ-Platform/-73/', 'qq-platform', -73],
    ['/codes/access/%E2%88%92303/', 'access', -303],
    ['/codes/access/%EF%BC%8D%EF%BC%93%EF%BC%90%EF%BC%93/', 'access', -303],
    ['/codes/acess%E3/-303%/', 'access', -303],
    ['/codes/access/-303%00/', 'access', -303],
    ['/codes/-303/', null, -303],
    ['/codes/%2B40001/', null, 40001],
    ['/codes/blue/-1/', null, -1],
    ['/no-such-page/', null, null],
    ['/%/', null, null],
  ])('%s', (path, table, code) => {
    expect(readCodePath(path)).toEqual({ table, code });
  });

  test('percent-decoding never throws and keeps what it cannot read', () => {
    expect(decodePercent('%E2%88%92303')).toEqual({ text: '−303', damaged: false });
    expect(decodePercent('-303%')).toEqual({ text: '-303%', damaged: true });
    expect(decodePercent('a%E3%81b')).toEqual({ text: 'a\uFFFDb', damaged: true });
    expect(decodePercent('%zz%20')).toEqual({ text: '%zz ', damaged: true });
  });

  test('nearest codes: closest first, the smaller magnitude on a tie, never the code itself', () => {
    expect(nearestCodes([-303, -304, -312, -311, -310, 0], -330)).toEqual([-312, -311, -310]);
    expect(nearestCodes([-2, 2, -5], 0, 2)).toEqual([-2, 2]);
    expect(nearestCodes([-303], -303)).toEqual([]);
  });
});
