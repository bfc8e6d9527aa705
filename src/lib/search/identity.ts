/**
 * How the site names itself, for Starlight (`title`, `description` in astro.config.mjs) and
 * for what finds it from outside: the OpenSearch engine name and the llms.txt heading.
 */

/** The site's name: Starlight's title, the browser's name for its search (≤ 16 characters). */
export const SITE_TITLE = 'MSDK エラーコード';

/** One sentence on the site: the pages' default description and the llms.txt summary. */
export const SITE_DESCRIPTION =
  'MSDK（Tencent モバイルゲーム SDK）バックエンドのエラーコード一覧とデコーダー。接続層・ロジック層・プラットフォーム層の全コード。';
