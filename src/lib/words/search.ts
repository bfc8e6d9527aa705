/**
 * The words only the search box says (see `index.ts`): kept apart so that the decoder's
 * script does not carry them. Pure.
 */

/** What the search box says of a text pasted into it (`src/components/search/paste.ts`). */
export const PASTE_WORDS = {
  open: 'デコーダーで開く',
  /** What the decoder will do with the paste's records. */
  offer: (records: number): string =>
    records > 1
      ? `${records} 件のレコードを、候補・包み・範囲・err_type とともに読み取ります`
      : '候補・包み・範囲・err_type をデコーダーで確かめます',
  /** What the paste looks like: its form in words, when one was recognised. */
  looksLike: (form: string | null): string => (form ? `${form}のようです` : '貼り付けのようです'),
  best: (tableName: string, code: number): string =>
    `デコーダーの最上位候補は ${tableName} ${code} です。`,
  bestCaption: (tableName: string): string => `デコーダーの最上位候補・${tableName}`,
  noRow: '表にあるコードは読み取れませんでした。',
} as const;
