/**
 * The share link's fragment: `#q=` followed by the base64url (no padding) of the UTF-8 text.
 * The fragment never reaches a server, and the caller passes only redacted text.
 */

/** Longest fragment a share link may carry; longer pastes are not put into a URL. */
const MAX_FRAGMENT_LENGTH = 16_000;

/** The fragment (with its `#`) that carries the text, or null when it would be too long. */
export function shareFragment(text: string): string | null {
  // Base64 is longer than its text, so a longer text is refused without encoding it; this also
  // keeps the spread below well within every engine's argument limit.
  if (text.length > MAX_FRAGMENT_LENGTH) return null;
  const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  const fragment = `#q=${base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
  return fragment.length > MAX_FRAGMENT_LENGTH ? null : fragment;
}

/** The text a fragment (`location.hash`) carries, or null when it carries none that decodes. */
export function readShareFragment(hash: string): string | null {
  const value = /^#q=([\w-]+)$/.exec(hash)?.[1];
  if (value === undefined) return null;
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
