import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../support/catalog.ts';
import { ROUTES } from '../../src/lib/catalog/vocabulary.ts';
import { nearestRows } from '../../src/lib/classify/nearest.ts';
import { rankRows } from '../../src/lib/classify/rank.ts';
import { routeTables } from '../../src/lib/classify/routes.ts';
import { reasonText } from '../../src/lib/words/index.ts';

const catalog = loadCatalog();
const ranked = (code: number, context: Parameters<typeof rankRows>[2]) =>
  rankRows(catalog, code, context).map(({ row }) => `${row.table} ${row.code}`);

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
  ] as const)('%s', (route, tables) => {
    expect(routeTables(catalog, route)).toEqual(tables);
  });
});

describe('rankRows', () => {
  test('only tables of the route are searched', () => {
    expect(ranked(-1, { route: 'ret' })).toEqual(['qq-blue-diamond -1']);
    expect(ranked(-1, { route: 'qq-oauth-body' })).toEqual(['qq-platform -1']);
    expect(ranked(-73, { route: 'ret' })).toEqual([]);
    expect(ranked(40001, { route: 'msg-of-10000' })).toEqual([]);
  });

  test('an endpoint ranks its table first, over the default order and over the message', () => {
    expect(ranked(100000, { route: 'msg-of-10000', endpoint: '/share/qq' })).toEqual([
      'qq-share 100000',
      'qq-platform 100000',
    ]);
    expect(ranked(100000, { route: 'bare-code', endpoint: '/share/qq' })[0]).toBe(
      'qq-share 100000',
    );
    // An endpoint whose table lacks the code changes nothing.
    expect(ranked(100000, { route: 'bare-code', endpoint: '/share/qzone' })[0]).toBe(
      'qq-platform 100000',
    );
  });

  test('each row comes with the reason for its place, as data', () => {
    expect(rankRows(catalog, -1, { route: 'msg-of-10000' }).map(({ reason }) => reason)).toEqual([
      { kind: 'order', route: 'msg-of-10000', place: 1 },
      { kind: 'order', route: 'msg-of-10000', place: 2 },
    ]);
    expect(
      rankRows(catalog, 100000, { route: 'msg-of-10000', endpoint: '/share/qq' })[0]?.reason,
    ).toEqual({ kind: 'endpoint', endpoint: '/share/qq' });
    expect(rankRows(catalog, -303, { route: 'ret' })[0]?.reason).toEqual({ kind: 'only' });
  });

  test('the reasons in Japanese, for every route (none is left without words)', () => {
    const order = 'QQ側の表の既定の順（QQプラットフォーム→共有→その他）';
    expect(reasonText({ kind: 'order', route: 'msg-of-10000', place: 2 })).toBe(
      `第2候補：${order}`,
    );
    expect(reasonText({ kind: 'endpoint', endpoint: '/share/qq' })).toBe(
      'レコードに /share/qq が含まれるため優先',
    );
    expect(reasonText({ kind: 'only' })).toBe('この届き方でこの番号を持つ表はここだけ');
    for (const route of ROUTES) {
      expect(reasonText({ kind: 'order', route, place: 1 })).not.toMatch(/undefined/);
    }
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
