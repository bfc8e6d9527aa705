import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseTopicsFile } from '../../src/lib/catalog/topics.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../../src/lib/search/identity.ts';
import { llmsFullTxt, llmsTxt } from '../../src/lib/search/llms.ts';
import { openSearchDescription } from '../../src/lib/search/opensearch.ts';
import { ROOT, loadCatalog } from '../support/catalog.ts';

const catalog = loadCatalog();
const topicsFile = join(ROOT, 'content', 'topics.yaml');
const topics = parseTopicsFile(topicsFile, readFileSync(topicsFile, 'utf8'), catalog);
const site = {
  origin: 'https://codes.example.com',
  title: SITE_TITLE,
  description: SITE_DESCRIPTION,
  keywords: { 'wechat-platform': ['WeChat', '微信'] },
};

describe('the OpenSearch description', () => {
  const xml = openSearchDescription({
    origin: site.origin,
    shortName: SITE_TITLE,
    description: 'a & b <c>',
  });

  test('sends the browser to /search/ with the query in ?q=, at the public origin', () => {
    expect(xml).toContain(
      '<Url type="text/html" method="get" template="https://codes.example.com/search/?q={searchTerms}"/>',
    );
    expect(xml).toContain('rel="self" template="https://codes.example.com/opensearch.xml"');
    expect(xml).toContain('<ShortName>MSDK エラーコード</ShortName>');
    expect(xml).toContain('<Description>a &amp; b &lt;c&gt;</Description>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<OpenSearchDescription')).toBe(
      true,
    );
  });

  test('refuses a name browsers would cut', () => {
    expect(() =>
      openSearchDescription({ origin: site.origin, shortName: 'x'.repeat(17), description: '' }),
    ).toThrow(/16 characters/);
  });
});

describe('llms.txt', () => {
  const text = llmsTxt(catalog, topics, site);
  const lines = text.split('\n');

  test('follows the format: H1 name, a blockquote summary, then sections of links', () => {
    expect(lines[0]).toBe(`# ${SITE_TITLE}`);
    expect(lines[2]).toMatch(/^> .*229 codes/);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## エラーコード表',
      '## トピック',
      '## デコーダー',
      '## データ',
      '## Optional',
    ]);
    for (const l of lines.filter((l) => l.startsWith('- '))) {
      expect(l).toMatch(/^- \[[^\]]+\]\(https:\/\/codes\.example\.com\/[^)]*\)(: .+)?$/);
    }
  });

  test('links every table, every topic, the decoder and the JSON export', () => {
    for (const table of catalog.tables) {
      expect(text).toContain(`(https://codes.example.com/codes/${table.slug}/)`);
    }
    for (const topic of topics) {
      expect(text).toContain(`(https://codes.example.com/topics/${topic.slug}/)`);
    }
    expect(text).toContain('(https://codes.example.com/decoder/)');
    expect(text).toContain('(https://codes.example.com/api/codes.json)');
    expect(text).toContain('(https://codes.example.com/llms-full.txt)');
    expect(text).toContain('検索語：WeChat、微信');
  });
});

describe('llms-full.txt', () => {
  const text = llmsFullTxt(catalog, site);

  test('holds every row once: code, table, description, handling, action and URL', () => {
    const urls = [...text.matchAll(/^- URL: (.+)$/gm)].map((m) => m[1]);
    expect(urls).toEqual(
      catalog.rows.map((row) => `https://codes.example.com/codes/${row.table}/${row.code}/`),
    );
    for (const row of catalog.rows) {
      const block = text.slice(
        text.indexOf(`### ${row.code}（`, text.indexOf(`（${row.table}）\n\n原文`)),
      );
      expect(block).toContain(`- エラー記述: ${row.description.replace(/\s+/g, ' ').trim()}`);
      expect(block).toContain(`- 対応: ${row.action}（`);
    }
    expect(text.split('\n')[0]).toBe(`# ${SITE_TITLE}：全行`);
  });
});
