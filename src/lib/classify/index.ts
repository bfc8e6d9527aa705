/**
 * Classification: where a number stands in the catalog (its rows, the range it falls in,
 * the envelope it announces). Candidate ranking for the decoder is in `rank.ts`; a row's
 * implied err_type follows from its action (`impliedErrType`).
 */
import { impliedErrType, type Catalog, type Range, type Row } from '../catalog/index.ts';

export { impliedErrType };

/** The range (announced by a logic-table row) a code falls in, or null. */
export function rangeOf(catalog: Catalog, code: number): Range | null {
  for (const table of catalog.tables) {
    for (const range of table.ranges) {
      if (code <= range.max && (range.min === undefined || code >= range.min)) return range;
    }
  }
  return null;
}

/**
 * The one row of a number only one table uses, or undefined for a number several tables
 * share. `/codes/<n>/` redirects to that row's page; a shared number gets a page of its own.
 */
export function soleRow(catalog: Catalog, code: number): Row | undefined {
  const rows = catalog.rowsWithCode(code);
  return rows.length === 1 ? rows[0] : undefined;
}

/** The platform-side errors a logic envelope row carries in `msg`, per the overview (§1). */
const ENVELOPE_PLATFORMS = {
  [-10000]: { platform: 'qq', label: 'モバイルQQ', example: '-73,the user modify password wrong' },
  [-20000]: { platform: 'wechat', label: 'ウィーチャット', example: '40001,invalid credential' },
} as const;

/** For a logic envelope code (-10000 or -20000): the platform whose codes ride in `msg`. */
export function envelopeOf(code: number) {
  return code === -10000 || code === -20000 ? ENVELOPE_PLATFORMS[code] : undefined;
}
