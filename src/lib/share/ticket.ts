/**
 * The "copy for ticket" text of a decoded paste: each shared record (rebuilt, masked) with its
 * best row and that row's permanent URL, the share link, and — only when the user asked for
 * it — the original paste, masked. Plain Markdown that reads well as plain text too.
 */
import { ACTIONS } from '../catalog/index.ts';
import type { DecodedRecord } from '../decode/index.ts';
import { ticketText } from '../ticket.ts';
import { NO_TABLE } from '../words/index.ts';
import type { Share } from './records.ts';

/** The best row of a decoded record, in a ticket's words, or what the decoding said instead. */
function verdict(record: DecodedRecord | undefined, origin: string): string {
  const best = record?.candidates[0];
  if (!best)
    return record?.code === undefined || record.code === null
      ? '（読み取れません）'
      : `コード ${record.code}：${NO_TABLE}`;
  const url = new URL(best.url, origin).href;
  return `${best.tableName} ${best.code}：${best.description}（対応：${ACTIONS[best.action].label}） ${url}`;
}

/** A block of text as a Markdown code block (fenced longer than any fence inside it). */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text.trim()}\n${fence}`;
}

/** What a whole-paste ticket is built from. */
export interface PasteTicket {
  readonly share: Share;
  /** The shared records decoded, one per shared record, in the same order. */
  readonly decoded: readonly DecodedRecord[];
  /** The site's public origin, for the rows' permanent URLs. */
  readonly origin: string;
  /** The share link, or null when there is none. */
  readonly link: string | null;
  /** The original paste, masked, when the user chose to include it. */
  readonly original: string | null;
}

/** The ticket text of a decoded paste. */
export function pasteTicket({ share, decoded, origin, link, original }: PasteTicket): string {
  const lines = [
    `**MSDK デコーダーの結果**（${share.total} 件のレコード${share.grouped ? `、異なるもの ${share.records.length} 種類` : ''}）`,
    ...share.records.map(
      (record, n) =>
        `- ${record.count > 1 ? `${record.count} 件 × ` : ''}\`${record.line}\` → ${verdict(decoded[n], origin)}`,
    ),
  ];
  if (share.omitted > 0) lines.push(`- ほか ${share.omitted} 種類（長すぎるため省略）`);
  if (share.unreadable > 0) lines.push(`- 読み取れない行 ${share.unreadable} 件は含めていません`);
  if (link) lines.push('', `共有リンク：${link}`);
  if (original !== null) lines.push('', '元の貼り付け（伏せ字あり）：', fenced(original));
  return lines.join('\n');
}

/** The ticket text of one decoded record: its best row, then the record (and the original). */
export function recordTicket(
  record: DecodedRecord,
  line: string,
  origin: string,
  original: string | null,
): string | null {
  const best = record.candidates[0];
  if (!best) return null;
  const text = ticketText(
    {
      code: best.code,
      tableName: best.tableName,
      description: best.description,
      actionLabel: ACTIONS[best.action].label,
      url: new URL(best.url, origin).href,
    },
    line,
  );
  return original === null ? text : `${text}\n\n元の貼り付け（伏せ字あり）：\n${fenced(original)}`;
}
