/**
 * Character folding for what people really paste: full-width digits and punctuation, the
 * many minus signs, curly quotes, tabs and ideographic spaces. Every replacement is one UTF-16
 * unit for one, so offsets in the folded text are offsets in the pasted text too.
 */

/** Characters that are folded; the test is cheap, so text with none is returned as is. */
const FOLDABLE =
  /[\uFF01-\uFF5E\u2010-\u2015\u2212\uFE63\u201C\u201D\u2018\u2019\u3001\u3000\u00A0\t\uFEFF\u200B]/;
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');

function fold(ch: string): string {
  const unit = ch.charCodeAt(0);
  // The full-width forms block mirrors printable ASCII at a fixed offset.
  if (unit >= 0xff01 && unit <= 0xff5e) return String.fromCharCode(unit - 0xfee0);
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
    case '\t':
    case '\uFEFF':
    case '\u200B':
      return ' ';
    case '\u2014':
    case '\u2015':
      // Dashes used as separators in log lines, not as minus signs.
      return ch;
    default:
      return '-';
  }
}

/** The text with look-alike characters folded to ASCII, one unit for one unit. */
export function foldChars(text: string): string {
  return FOLDABLE.test(text) ? text.replace(FOLDABLE_ALL, fold) : text;
}
