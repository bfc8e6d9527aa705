import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CatalogError } from '../../src/lib/catalog/errors.ts';
import {
  parseTopicsFile,
  relatedRows,
  topicGroups,
  topicTables,
  topicsOfRow,
  type Topic,
} from '../../src/lib/catalog/topics.ts';
import { buildWithBrokenContent } from '../support/build.ts';
import { ROOT, loadCatalog } from '../support/catalog.ts';

const FILE = 'content/topics.yaml';
const text = readFileSync(join(ROOT, FILE), 'utf8');
const catalog = loadCatalog();
const topics = parseTopicsFile(FILE, text, catalog);
const topic = (slug: string): Topic => topics.find((t) => t.slug === slug)!;

/** The problems a broken variant of content/topics.yaml is reported with. */
function problems(broken: string): string[] {
  try {
    parseTopicsFile(FILE, broken, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toContain(FILE);
    return [...(error as CatalogError).problems];
  }
  throw new Error('the broken file was accepted');
}

/** The real file with one exact piece of text replaced (which must be there). */
function edit(from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('the topics file', () => {
  test('is valid: at least 8 topics, each with rows from two tables or more', () => {
    expect(topics.length).toBeGreaterThanOrEqual(8);
    for (const t of topics) expect(topicTables(t).length, t.slug).toBeGreaterThanOrEqual(2);
  });

  test('names only rows the tables have', () => {
    for (const t of topics)
      for (const ref of t.rows)
        expect(
          catalog.row(ref.table, ref.code),
          `${t.slug}: ${ref.table} ${ref.code}`,
        ).toBeDefined();
  });

  test('gathers the rate-limit rows of every layer that has one', () => {
    expect(topic('rate-limit').rows).toEqual(
      expect.arrayContaining([
        { table: 'access', code: -503 },
        { table: 'qq-platform', code: -6 },
        { table: 'wechat-platform', code: 45009 },
        { table: 'wechat-platform', code: 45011 },
        { table: 'qq-game-center', code: -4009 },
        { table: 'qq-share', code: 99999 },
        { table: 'qq-blue-diamond', code: -7 },
      ]),
    );
  });

  test('writes its own summaries: no summary copies a row description', () => {
    const descriptions = new Set(catalog.rows.map((row) => row.description));
    for (const t of topics) expect(descriptions.has(t.summary), t.slug).toBe(false);
  });
});

describe('a broken topics file is reported with the file, the topic and the row', () => {
  test('an unknown table', () => {
    const [problem] = problems(
      edit('{ table: qq-platform, code: -6 }', '{ table: qq-platfrom, code: -6 }'),
    );
    expect(problem).toMatch(
      /^topic 1 \(rate-limit\), row 2 \(code -6\), field "table": unknown value "qq-platfrom"; expected one of "access", /,
    );
  });

  test('a (table, code) that is in no table', () => {
    expect(
      problems(edit('{ table: access, code: -503 }', '{ table: access, code: -5030 }')),
    ).toEqual(['topic 1 (rate-limit), row 1: the table access has no code -5030']);
  });

  test('a code that belongs to another table says which', () => {
    expect(
      problems(edit('{ table: qq-platform, code: -6 }', '{ table: access, code: -6 }')),
    ).toEqual([
      'topic 1 (rate-limit), row 2: the table access has no code -6 (code -6 is in qq-platform, qq-blue-diamond)',
    ]);
  });

  test('a duplicate topic slug', () => {
    expect(problems(edit('- slug: share-quota\n', '- slug: rate-limit\n'))).toEqual([
      'topic 2 (rate-limit), field "slug": duplicate slug "rate-limit": topic 1 already has it',
    ]);
  });

  test('a topic whose rows all come from one table', () => {
    expect(
      problems(edit('{ table: qzone-share, code: 1031 }', '{ table: qq-share, code: 29 }')),
    ).toEqual([
      'topic 2 (share-quota), field "rows": every row comes from one table (qq-share); a topic gathers rows from two tables or more',
    ]);
  });

  test('a row listed twice in one topic', () => {
    expect(
      problems(
        edit(
          '    - { table: qq-platform, code: -6 }\n',
          '    - { table: qq-platform, code: -6 }\n    - { table: access, code: -503 }\n',
        ),
      ),
    ).toEqual([
      'topic 1 (rate-limit), row 3 (code -503): access -503 is listed twice: row 1 already has it',
    ]);
  });

  test('a slug that cannot be a URL segment', () => {
    expect(problems(edit('- slug: signature\n', '- slug: 署名\n'))).toEqual([
      'topic 3 (署名), field "slug": the slug must be lower-case English words joined by hyphens, e.g. "rate-limit"',
    ]);
  });

  test('a missing summary', () => {
    const broken = text.replace(/(- slug: signature\n  title: .*\n)  summary: .*\n/, '$1');
    expect(broken).not.toBe(text);
    expect(problems(broken)).toEqual(['topic 3 (signature), field "summary": missing']);
  });

  test('an unknown field', () => {
    expect(problems(edit('- slug: signature\n', '- slug: signature\n  tags: [sig]\n'))).toEqual([
      'topic 3 (signature): unknown field "tags"',
    ]);
  });

  test('a file that is not a list of topics', () => {
    expect(problems('rate-limit: {}\n')).toEqual(['the file: expected a list, found a mapping']);
  });

  test('YAML that does not parse', () => {
    expect(problems('- slug: [rate-limit\n')).toEqual([expect.stringMatching(/^not valid YAML: /)]);
  });
});

describe('topics seen from a row', () => {
  test('a row lists the topics it belongs to, in file order', () => {
    expect(topicsOfRow(topics, { table: 'access', code: -502 }).map((t) => t.slug)).toEqual([
      'signature',
      'timestamp',
    ]);
    expect(topicsOfRow(topics, { table: 'access', code: 0 })).toEqual([]);
  });

  test('related rows are the topic rows of the other tables, in table order', () => {
    const related = relatedRows(catalog, topic('rate-limit'), { table: 'wechat-platform' });
    expect(related.map((row) => `${row.table} ${row.code}`)).toEqual([
      'access -503',
      'qq-platform -6',
      'qq-game-center -4009',
      'qq-share 99999',
      'qq-blue-diamond -7',
    ]);
  });

  test('a topic page groups its rows by table, access layer first', () => {
    const groups = topicGroups(catalog, topic('signature'));
    expect(groups.map((g) => g.table.slug)).toEqual([
      'access',
      'qq-platform',
      'qq-game-center',
      'qq-blue-diamond',
    ]);
    expect(groups[0]!.rows[0]!.description).toBe('msdk接続層url 署名エラー');
  });
});

test('a topic naming a row no table has stops the build, naming file, topic and row', () => {
  const { status, output } = buildWithBrokenContent((content) =>
    writeFileSync(
      join(content, 'topics.yaml'),
      edit('{ table: qq-game-center, code: -4016 }', '{ table: qq-game-center, code: -4106 }'),
    ),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('topics.yaml');
  expect(output).toContain(
    'topic 3 (signature), row 3: the table qq-game-center has no code -4106',
  );
}, 60_000);
