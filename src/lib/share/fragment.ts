/**
 * The share link's fragment. The fragment never reaches a server, so nothing shared is ever
 * sent by opening the link. It holds, percent-encoded:
 * - `q=` the text for the decoder (the rebuilt records, one per line);
 * - `n=` for a long paste shared as its distinct records, each one's count (comma-separated);
 * - `o=` the original paste, masked, when the user chose to include it.
 * Links made before `n` and `o` existed (`#q=` and the text) read the same way.
 */
import { decodePercent } from '../percent.ts';

/** What a share fragment carries. */
export interface Shared {
  readonly text: string;
  /** The count of each line of `text`, when the share grouped a long paste; else null. */
  readonly counts: readonly number[] | null;
  /** The original paste (masked), when it was included; else null. */
  readonly original: string | null;
  /** True when part of the fragment was not valid percent-encoding and was read as it is. */
  readonly damaged: boolean;
}

/** Longest fragment a share link may carry; the caller shares less (grouped) before this. */
export const MAX_FRAGMENT = 16_000;

/** Percent-encodes text for the fragment (a lone surrogate becomes U+FFFD instead of throwing). */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

/** The fragment (with its `#`) for a share, or null when it would pass `MAX_FRAGMENT`. */
export function shareFragment(
  text: string,
  { counts = null, original = null }: Partial<Pick<Shared, 'counts' | 'original'>> = {},
): string | null {
  let fragment = `#q=${encode(text)}`;
  if (counts) fragment += `&n=${counts.join(',')}`;
  if (original !== null) fragment += `&o=${encode(original)}`;
  return fragment.length > MAX_FRAGMENT ? null : fragment;
}

/** What a fragment (`location.hash`) carries, or null when it carries no share. */
export function readShareFragment(hash: string): Shared | null {
  if (!hash.startsWith('#q=')) return null;
  const fields = new Map<string, string>();
  for (const part of hash.slice(1).split('&')) {
    const at = part.indexOf('=');
    if (at > 0 && !fields.has(part.slice(0, at))) fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const text = decodePercent(fields.get('q') ?? '');
  const original = fields.has('o') ? decodePercent(fields.get('o')!) : null;
  const lines = text.text.split('\n').length;
  const counts = (fields.get('n') ?? '').split(',').map(Number);
  const countsFit =
    fields.has('n') &&
    counts.length === lines &&
    counts.every((n) => Number.isSafeInteger(n) && n > 0);
  return {
    text: text.text,
    counts: countsFit ? counts : null,
    original: original?.text ?? null,
    damaged: text.damaged || (original?.damaged ?? false) || (fields.has('n') && !countsFit),
  };
}
