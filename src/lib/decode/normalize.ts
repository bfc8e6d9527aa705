/**
 * Character folding for what people really paste: full-width digits and punctuation, the
 * many minus signs, curly quotes, tabs and ideographic spaces, control characters and the
 * replacement character U+FFFD. Every replacement is one UTF-16 unit for one, so offsets in
 * the folded text are offsets in the pasted text too.
 */

/** Characters that are folded; the test is cheap, so text with none is returned as is. */
const FOLDABLE =
  /[\uFF01-\uFF5E\u2010-\u2015\u2212\uFE63\u201C\u201D\u2018\u2019\u3001\u3000\u00A0\t\uFEFF\u200B-\u200F\u2060\u202A-\u202E\x01-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFD]|[\u30FC\uFF70](?=[\d\uFF10-\uFF19])/;
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');

function fold(ch: string): string {
  const unit = ch.charCodeAt(0);
  // The full-width forms block mirrors printable ASCII at a fixed offset.
  if (unit >= 0xff01 && unit <= 0xff5e) return String.fromCharCode(unit - 0xfee0);
  // Control characters, U+FFFD (what a wrong text encoding leaves) and the marks of no width
  // (zero-width spaces and joiners, the bidirectional marks a chat app copies) separate like
  // spaces.
  const invisible =
    (unit >= 0x200b && unit <= 0x200f) || unit === 0x2060 || (unit >= 0x202a && unit <= 0x202e);
  if (unit < 0x20 || unit === 0x7f || unit === 0xfffd || invisible) return ' ';
  switch (ch) {
    case '\u201C':
    case '\u201D':
      return '"';
    case '\u2018':
    case '\u2019':
      return "'";
    case '\u3001':
      return ',';
    case '\u3000':
    case '\u00A0':
    case '\uFEFF':
      return ' ';
    case '\u2014':
    case '\u2015':
      // Dashes used as separators in log lines, not as minus signs.
      return ch;
    default:
      // The minus signs, and the long vowel mark ー (what a Japanese input method types for
      // `-`) before a digit.
      return '-';
  }
}

/** The text with look-alike characters folded to ASCII, one unit for one unit. */
export function foldChars(text: string): string {
  // Printable ASCII, what most text is, is tested for first: the simpler test is faster.
  return OUTSIDE_ASCII.test(text) && FOLDABLE.test(text) ? text.replace(FOLDABLE_ALL, fold) : text;
}

/** A character outside printable ASCII (line breaks aside). */
const OUTSIDE_ASCII = /[^\n\r -~]/;

/** Terminal colour escapes (`ESC[31m`), which `cleanLine` takes out with NULs. */
export const ANSI_ALL = /\x1B\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * A line without the characters that are never part of what was said: NULs (padding, or the
 * zero bytes of UTF-16 text read as UTF-8) and ANSI colour escapes (`docker logs`,
 * `kubectl logs` of a coloured logger). Unlike `foldChars`, this changes offsets.
 */
export function cleanLine(line: string): string {
  let clean = line.includes('\0') ? line.replace(/\0+/g, '') : line;
  if (clean.includes('\x1B')) clean = clean.replace(ANSI_ALL, '');
  return clean;
}
