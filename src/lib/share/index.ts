/**
 * Sharing a decoded paste (DESIGN §3, "Sharing"): the one place that decides what a share link
 * and a "copy for ticket" text contain. By default they carry only what the decoding read,
 * rebuilt from the decoded records (`records.ts`); the original paste goes along only when the
 * user asks for it, and then masked (`mask.ts`). The decoder's share dialog shows exactly
 * this before anything reaches the clipboard.
 */
import type { Catalog } from '../catalog/index.ts';
import { decode, type DecodedRecord } from '../decode/index.ts';
import { decoderUrl } from '../urls.ts';
import { shareFragment } from './fragment.ts';
import { maskText } from './mask.ts';
import { shareOf, shareText, recordLine, type Share } from './records.ts';
import { pasteTicket, recordTicket } from './ticket.ts';

export { MASK, maskText, type Masked } from './mask.ts';
export { readShareFragment, shareFragment, type Shared } from './fragment.ts';
export { recordLine, shareOf, shareText, type Share, type SharedRecord } from './records.ts';

/** The longest original paste a share carries, in characters once percent-encoded. */
export const MAX_ORIGINAL_LINK = 8000;

/** A text's length in a link, percent-encoded. */
const linkLength = (text: string) => encodeURIComponent(text.toWellFormed()).length;

/** A text cut to at most `length` characters, at a line end or else a space when one is near. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const line = text.lastIndexOf('\n', length);
  if (line > length / 2) return text.slice(0, line);
  // A token never holds a space: cutting at one never leaves a piece of a token unmasked.
  const space = text.slice(0, length).search(/\s\S*$/);
  return text.slice(0, space > 0 ? space : length);
}

/** The original paste, masked and cut to what fits in a link, with how much was cut. */
export function maskedOriginal(paste: string): { text: string; masked: number; cut: number } {
  // Only the start of a long paste can go along: it is cut before masking (at a line end or a
  // space, never inside a token), and the masked text cut again to fit the link.
  const start = cutAt(paste, 4 * MAX_ORIGINAL_LINK);
  const { text, masked } = maskText(start);
  let fits = 0;
  let over = text.length + 1;
  while (over - fits > 1) {
    const middle = Math.floor((fits + over) / 2);
    if (linkLength(text.slice(0, middle)) <= MAX_ORIGINAL_LINK - 160) fits = middle;
    else over = middle;
  }
  const kept = cutAt(text, fits);
  const cut = paste.length - start.length + (text.length - kept.length);
  return {
    text: cut > 0 ? `${kept}\n…（以下 ${cut} 文字省略）` : kept,
    masked,
    cut,
  };
}

/** Everything one share offers, as the user will see it before copying. */
export interface ShareContent {
  readonly share: Share;
  /** The share link (absolute), or null when there is nothing to share. */
  readonly link: string | null;
  /** The ticket text for the whole paste. */
  readonly ticket: string;
  /** The original paste as shared (masked), or null when it is not included. */
  readonly original: string | null;
  /** How many values were masked in what is shared. */
  readonly masked: number;
}

/** What a share is built from. */
export interface ShareRequest {
  readonly paste: string;
  /** The paste's decoded records. */
  readonly records: readonly DecodedRecord[];
  /** The site's public origin (for the link and the rows' URLs). */
  readonly origin: string;
  /** Whether the user chose to include the original paste (masked). */
  readonly includeOriginal: boolean;
}

/** The share link and ticket of a decoded paste. */
export function shareContent(
  catalog: Catalog,
  { paste, records, origin, includeOriginal }: ShareRequest,
): ShareContent {
  const share = shareOf(catalog, records);
  const original = includeOriginal ? maskedOriginal(paste) : null;
  const fragment =
    share.records.length > 0 || original
      ? shareFragment(shareText(share), {
          counts: share.grouped ? share.records.map((record) => record.count) : null,
          original: original?.text ?? null,
        })
      : null;
  const link = fragment && new URL(`${decoderUrl()}${fragment}`, origin).href;
  const decoded = decode(catalog, shareText(share));
  const ticket = pasteTicket({ share, decoded, origin, link, original: original?.text ?? null });
  return {
    share,
    link,
    ticket,
    original: original?.text ?? null,
    masked: share.masked + (original?.masked ?? 0),
  };
}

/** The ticket text of one decoded record (rebuilt and masked), or null when it has no row. */
export function recordShare(
  catalog: Catalog,
  record: DecodedRecord,
  origin: string,
  includeOriginal: boolean,
): { ticket: string; masked: number } | null {
  const rebuilt = recordLine(catalog, record);
  if (!rebuilt) return null;
  const original = includeOriginal ? maskedOriginal(record.input) : null;
  const ticket = recordTicket(record, rebuilt.line, origin, original?.text ?? null);
  return ticket === null ? null : { ticket, masked: rebuilt.masked + (original?.masked ?? 0) };
}
