/**
 * The site for machines, in the llms.txt format (https://llmstxt.org): `/llms.txt` is the
 * site's name, a summary and sections of links (the tables, the topics, the decoder, the
 * data); `/llms-full.txt` is every row of every table as text. Both are written from the
 * catalog at build time, with every URL from `urls.ts` made absolute.
 */
import { ACTIONS, LAYERS, TABLE_NAMES, impliedErrType, type Catalog } from '../catalog/index.ts';
import { ROUTE_WORDS } from '../words/pages.ts';
import type { TableSlug } from '../catalog/vocabulary.ts';
import type { Topic } from '../catalog/topics.ts';
import {
  actionsUrl,
  apiUrl,
  codeUrl,
  decoderUrl,
  homeUrl,
  llmsFullUrl,
  numberUrl,
  openSearchUrl,
  searchUrl,
  tableUrl,
  topicUrl,
} from '../urls.ts';

/** What the files say of the site besides the catalog. */
export interface LlmsSite {
  /** The public origin the URLs are made absolute with (Astro's `site`). */
  readonly origin: string | URL;
  /** The site's name (Starlight's title). */
  readonly title: string;
  /** One or two sentences on the site. */
  readonly description: string;
  /** Each table's search words (`keywords` in its file). */
  readonly keywords: Partial<Record<TableSlug, readonly string[]>>;
}

/** A text on one line: line breaks and runs of spaces folded to one space. */
const line = (text: string) => text.replace(/\s+/g, ' ').trim();

/** How a table's codes reach the caller, in words. */
const arrivals = (catalog: Catalog, slug: TableSlug) =>
  catalog
    .table(slug)
    .arrives.map((route) => ROUTE_WORDS[route].label)
    .join('／');

/** `/llms.txt`: the site, its tables, topics, decoder and data, as sections of links. */
export function llmsTxt(catalog: Catalog, topics: readonly Topic[], site: LlmsSite): string {
  const url = (path: string) => new URL(path, site.origin).href;
  const sample = catalog.row('access', -303) ?? catalog.rows[0]!;
  return `# ${site.title}

> ${line(site.description)} ${catalog.tables.length} tables, ${catalog.rows.length} codes. A code is identified by its table and number: the same number means different things in different tables.

エラー記述（description）と推奨処理（handling）は原資料のまま（日本語）です。対応（action）の分類、トピック、検索語はこのサイトによるものです。コードのページは \`${codeUrl(sample.table, sample.code)}\` の形（表とコード）、番号だけのページは \`${numberUrl(sample.code)}\` の形です。URL は変わりません。

## エラーコード表

${catalog.tables
  .map((table) => {
    const keywords = site.keywords[table.slug] ?? [];
    return `- [${TABLE_NAMES[table.slug]}](${url(tableUrl(table.slug))}): ${line(table.title)}。原文 §${table.section}・${LAYERS[table.layer].label}・${table.rows.length} 件。届き方：${arrivals(catalog, table.slug)}${table.endpoint ? `（エンドポイント ${table.endpoint}）` : ''}。${keywords.length ? `検索語：${keywords.join('、')}` : ''}`;
  })
  .join('\n')}

## トピック

${topics.map((topic) => `- [${topic.title}](${url(topicUrl(topic.slug))}): ${line(topic.summary)}`).join('\n')}

## デコーダー

- [デコーダー](${url(decoderUrl())}): MSDK の応答、ウィーチャット・QQ OAuth の応答、ログ、key=value の組を貼り付けると、層・表・行・意味・対応を示します。入力はブラウザの外に送られません。同じ処理がコマンドラインでも動きます（npm run decode）。

## データ

- [JSON の全カタログ](${url(apiUrl())}): すべての表・行・トピック・対応（形式の version は 1）。
- [全行のテキスト](${url(llmsFullUrl())}): 全 ${catalog.rows.length} 行のコード・表・エラー記述・推奨処理・対応・URL。

## Optional

- [概説](${url(homeUrl())}): 接続層・ロジック層・プラットフォーム層、-10000／-20000 の包み、err_type。
- [対応の種類](${url(actionsUrl())}): 再授権・トークン更新・再試行など、対応ごとの行の一覧。
- [検索](${url(searchUrl())}): 番号（-303、errcode 40001、ret=-303）または語句での検索。ブラウザのアドレスバーからは OpenSearch（${url(openSearchUrl())}）で。
`;
}

/** `/llms-full.txt`: every row of every table, with its table, texts, action and URL. */
export function llmsFullTxt(catalog: Catalog, site: LlmsSite): string {
  const url = (path: string) => new URL(path, site.origin).href;
  const tables = catalog.tables.map((table) => {
    const rows = table.rows.map((row) => {
      const errType = impliedErrType(row);
      return `### ${row.code}（${TABLE_NAMES[table.slug]}）

- コード: ${row.code}
- 表: ${TABLE_NAMES[table.slug]}（${table.slug}）
- エラー記述: ${line(row.description)}
- 推奨処理: ${line(row.handling) || '（原文に記載なし）'}
- 対応: ${row.action}（${ACTIONS[row.action].label}${errType === null ? '' : `、err_type ${errType}`}）
- URL: ${url(codeUrl(row.table, row.code))}`;
    });
    return `## ${line(table.title)}（${table.slug}）

原文 §${table.section}・${LAYERS[table.layer].label}・${table.rows.length} 件・届き方：${arrivals(catalog, table.slug)}${table.endpoint ? `（エンドポイント ${table.endpoint}）` : ''}。表のページ：${url(tableUrl(table.slug))}

${rows.join('\n\n')}`;
  });
  return `# ${site.title}：全行

> ${catalog.tables.length} tables, ${catalog.rows.length} rows. Each row: code, table, description and handling (verbatim from the source document, Japanese), action (this site's classification, with the err_type it implies), URL.

${tables.join('\n\n')}
`;
}
