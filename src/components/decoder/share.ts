/**
 * The share link's fragment: `#q=` followed by the base64url of the UTF-8 text. The fragment
 * never reaches a server, and the caller passes only redacted text. Pure, so the tests and
 * the bench can use it too.
 */

/** The fragment parameter that holds the shared input. */
const KEY = 'q';

/** Longest fragment a share link may carry; longer pastes are not put into a URL. */
export const MAX_FRAGMENT_LENGTH = 16_000;

/** Encodes text as base64url (no padding) of its UTF-8 bytes. */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // Chunks keep `String.fromCharCode` within the engine's argument limit for long inputs.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Decodes base64url of UTF-8 text; null when it is not valid. */
export function fromBase64Url(value: string): string | null {
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The fragment (with its `#`) that carries the text. */
export function shareFragment(text: string): string {
  return `#${KEY}=${toBase64Url(text)}`;
}

/** The text a fragment carries, or null when it carries none. */
export function readShareFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(KEY);
  return value === null ? null : fromBase64Url(value);
}
