/**
 * The decoder in a worker, for a paste in the search box: `decode` from `src/lib/decode` on
 * the text, reduced to what the box shows (the best candidate, the record form, the link that
 * opens the decoder with the text). Vite bundles a worker on its own, so the decoder's code
 * here does not split the decoder page's bundle, and it loads only when a query looks like a
 * paste.
 */
import { catalogFromCompact, type CompactCatalog } from '../../lib/catalog/compact.ts';
import type { Catalog } from '../../lib/catalog/index.ts';
import { decode } from '../../lib/decode/index.ts';
import { RECORD_FORM_WORDS } from '../../lib/words/index.ts';
import { decoderUrl } from '../../lib/urls.ts';
import { shareFragment } from '../../lib/share/fragment.ts';
import type { PasteReading, PasteRequest } from './paste.ts';

let catalog: Catalog | undefined;

/** What the search box shows of a paste. */
function read(text: string): PasteReading {
  const records = catalog ? decode(catalog, text) : [];
  const found = records.find((record) => record.candidates.length > 0);
  const best = found?.candidates[0];
  const form = (found ?? records.find((record) => record.form))?.form;
  return {
    records: records.length,
    form: form ? RECORD_FORM_WORDS[form] : null,
    best: best
      ? { tableName: best.tableName, code: best.code, url: best.url, description: best.description }
      : null,
    error: found ? null : (records.find((record) => record.error)?.error ?? null),
    // The text goes in the fragment, as the decoder's share links carry it (the page alone
    // when the text is too long for a URL).
    decoderUrl: decoderUrl() + (shareFragment(text) ?? ''),
  };
}

addEventListener('message', ({ data }: MessageEvent<PasteRequest>) => {
  if ('catalog' in data) catalog = catalogFromCompact(data.catalog satisfies CompactCatalog);
  else postMessage({ id: data.id, reading: read(data.text) });
});
