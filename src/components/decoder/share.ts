/**
 * The share link's fragment: `#q=` followed by the text, percent-encoded. The fragment never
 * reaches a server, and the caller passes only redacted text.
 */

/** Longest fragment a share link may carry; longer pastes are not put into a URL. */
const MAX_FRAGMENT_LENGTH = 16_000;

/** The fragment (with its `#`) that carries the text, or null when it would be too long. */
export function shareFragment(text: string): string | null {
  const fragment = `#q=${encodeURIComponent(text.toWellFormed())}`;
  return fragment.length > MAX_FRAGMENT_LENGTH ? null : fragment;
}

/** The text a fragment (`location.hash`) carries, or null when it carries none that decodes. */
export function readShareFragment(hash: string): string | null {
  if (!hash.startsWith('#q=')) return null;
  try {
    return decodeURIComponent(hash.slice(3));
  } catch {
    return null;
  }
}
