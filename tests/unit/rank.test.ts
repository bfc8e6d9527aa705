import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import { lookupTables, nearestRows, rankCandidates } from '../../src/lib/classify/rank.ts';

const catalog = loadCatalog();
const ranked = (code: number, context: Parameters<typeof rankCandidates>[2]) =>
  rankCandidates(catalog, code, context).map((c) => `${c.table} ${c.code}`);

describe('the tables searched for each route, in their default order', () => {
  test.each([
    ['ret', ['access', 'logic', 'qq-game-center', 'qq-blue-diamond', 'qzone-share', 'qq-share']],
    [
      'msg-of-10000',
      ['qq-platform', 'qzone-share', 'qq-share', 'qq-game-center', 'qq-blue-diamond'],
    ],
    ['msg-of-20000', ['wechat-platform']],
    ['wechat-body', ['wechat-platform']],
    ['qq-oauth-body', ['qq-platform']],
    [
      'bare-code',
      [
        'access',
        'logic',
        'qq-platform',
        'wechat-platform',
        'qq-game-center',
        'qzone-share',
        'qq-share',
        'qq-blue-diamond',
      ],
    ],
    [
      'bare-msg',
      [
        'qq-platform',
        'wechat-platform',
        'qzone-share',
        'qq-share',
        'access',
        'logic',
        'qq-game-center',
        'qq-blue-diamond',
      ],
    ],
  ] as const)('%s', (via, tables) => {
    expect(lookupTables(catalog, via)).toEqual(tables);
  });
});

describe('rankCandidates', () => {
  test('only tables of the route are searched', () => {
    expect(ranked(-1, { via: 'ret' })).toEqual(['qq-blue-diamond -1']);
    expect(ranked(-1, { via: 'qq-oauth-body' })).toEqual(['qq-platform -1']);
    expect(ranked(-73, { via: 'ret' })).toEqual([]);
    expect(ranked(40001, { via: 'msg-of-10000' })).toEqual([]);
  });

  test('an endpoint ranks its table first, over the default order and over the message', () => {
    expect(ranked(100000, { via: 'msg-of-10000', endpoint: '/share/qq' })).toEqual([
      'qq-share 100000',
      'qq-platform 100000',
    ]);
    expect(ranked(100000, { via: 'bare-code', endpoint: '/share/qq' })[0]).toBe('qq-share 100000');
    // An endpoint whose table lacks the code changes nothing.
    expect(ranked(100000, { via: 'bare-code', endpoint: '/share/qzone' })[0]).toBe(
      'qq-platform 100000',
    );
  });

  test('reasons say why each row is in its place, in Japanese', () => {
    const [first, second] = rankCandidates(catalog, -1, { via: 'msg-of-10000' });
    const order = 'QQ側の表の既定の順（QQプラットフォーム→共有→その他）';
    expect(first?.reason).toBe(`第1候補：${order}`);
    expect(second?.reason).toBe(`第2候補：${order}`);
    const [shared] = rankCandidates(catalog, 100000, {
      via: 'msg-of-10000',
      endpoint: '/share/qq',
    });
    expect(shared?.reason).toBe('レコードに /share/qq が含まれるため優先');
    const [only] = rankCandidates(catalog, -303, { via: 'ret' });
    expect(only?.reason).toBe('この届き方でこの番号を持つ表はここだけ');
  });

  test('the same question gets the same (shared, frozen) answer', () => {
    const a = rankCandidates(catalog, 100000, { via: 'bare-code' });
    expect(rankCandidates(catalog, 100000, { via: 'bare-code' })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('nearestRows', () => {
  test('the route family first, closest first, never range rows', () => {
    expect(nearestRows(catalog, -2011, 'ret').map((r) => `${r.table} ${r.code}`)).toEqual([
      'logic -2010',
      'logic -2009',
      'logic -2008',
    ]);
    expect(nearestRows(catalog, -10050, 'ret').map((r) => r.code)).not.toContain(-10000);
    expect(
      nearestRows(catalog, 40038, 'msg-of-20000').every((r) => r.table === 'wechat-platform'),
    ).toBe(true);
  });

  test('at most the limit, and never the code itself', () => {
    const rows = nearestRows(catalog, -4009, 'bare-code', 5);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.code)).not.toContain(-4009);
  });
});
