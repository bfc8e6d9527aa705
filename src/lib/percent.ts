/** Percent-decoding for what arrives in a URL: a path typed by hand, a share link's fragment. */

/**
 * Percent-decodes what it can: each run of valid escapes becomes its UTF-8 text (a broken
 * character becomes U+FFFD), and a `%` that starts no escape stays as it is. Never throws.
 */
export function decodePercent(text: string): { text: string; damaged: boolean } {
  try {
    return { text: decodeURIComponent(text), damaged: false };
  } catch {
    const utf8 = new TextDecoder('utf-8');
    const decoded = text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
      utf8.decode(Uint8Array.from(run.match(/%[0-9A-Fa-f]{2}/g)!, (e) => parseInt(e.slice(1), 16))),
    );
    return { text: decoded, damaged: true };
  }
}
