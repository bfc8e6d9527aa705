/**
 * A paste in the search box (a response, a log line, `key=value` pairs): the decoder's reading
 * of it and a link that opens the decoder with the text in the URL fragment (`#q=…`), which
 * never reaches a server. The decoding runs in `paste-worker.ts`, started on the first paste.
 */
import type { CompactCatalog } from '../../lib/catalog/compact.ts';
import type { LookupRow } from '../../lib/search/index.ts';
import { PASTE_WORDS } from '../../lib/words/search.ts';
import { el, link, rowItem } from './dom.ts';

/** A message to the worker: the catalog (first), then a text to read. */
export type PasteRequest = { catalog: CompactCatalog } | { id: number; text: string };

/** What the worker says of a paste. */
export interface PasteReading {
  /** How many records the decoder found. */
  readonly records: number;
  /** The form of the record read, in words (`MSDK の応答`), if one was recognised. */
  readonly form: string | null;
  /** The decoder's best candidate for the first record that has one. */
  readonly best: LookupRow | null;
  /** Why no record could be read, when none could. */
  readonly error: string | null;
  /** The decoder with the text in its fragment. */
  readonly decoderUrl: string;
}

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, (reading: PasteReading) => void>();

/** The decoder's reading of a paste, from the worker (started on first use). */
export function readPaste(catalog: CompactCatalog, text: string): Promise<PasteReading> {
  if (!worker) {
    worker = new Worker(new URL('./paste-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener(
      'message',
      ({ data }: MessageEvent<{ id: number; reading: PasteReading }>) => {
        waiting.get(data.id)?.(data.reading);
        waiting.delete(data.id);
      },
    );
    worker.postMessage({ catalog } satisfies PasteRequest);
  }
  const id = ++next;
  worker.postMessage({ id, text } satisfies PasteRequest);
  return new Promise((resolve) => waiting.set(id, resolve));
}

/** What the search box shows for a paste: the way to the decoder, and its best candidate. */
export function pasteView({ records, form, best, error, decoderUrl }: PasteReading) {
  const offer = link(
    decoderUrl,
    'exact-result exact-result--decoder',
    el('span', 'exact-result__code', PASTE_WORDS.open),
    el('span', 'exact-result__description', PASTE_WORDS.offer(records)),
  );
  const what = PASTE_WORDS.looksLike(form);
  return {
    status: best
      ? `${what}。${PASTE_WORDS.best(best.tableName, best.code)}`
      : `${what}。${error ?? PASTE_WORDS.noRow}`,
    body: [
      el(
        'ul',
        'exact-results__list',
        el('li', '', offer),
        ...(best ? [rowItem(best, PASTE_WORDS.bestCaption(best.tableName))] : []),
      ),
    ],
  };
}
