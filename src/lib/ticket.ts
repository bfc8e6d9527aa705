/**
 * The text support staff paste into a ticket for one row (or one decoded record): short,
 * plain Markdown that reads well as plain text too, ending with the permanent URL.
 * Built here once for the code pages, the table rows and the decoder.
 */

/** What a ticket snippet says about one row. */
export interface TicketRow {
  code: number;
  /** The table's short name, e.g. MSDK接続層. */
  tableName: string;
  description: string;
  /** The action's label, e.g. 再授権. */
  actionLabel: string;
  /** The permanent URL of the code page (absolute). */
  url: string;
}

/** A ticket snippet for a row; `input` (a record rebuilt with its secrets masked) is quoted when given. */
export function ticketText(row: TicketRow, input?: string): string {
  const lines = [
    `**MSDK エラーコード ${row.code}**（${row.tableName}）`,
    row.description,
    `対応：${row.actionLabel}`,
    row.url,
  ];
  if (input?.trim()) {
    lines.push('', '```', input.trim(), '```');
  }
  return lines.join('\n');
}
