/**
 * What a copy button puts on the clipboard: its row's permanent link, or the ticket snippet.
 * Loaded on the first click only (see CopyScript.astro), so pages pay for it when used.
 */
import { ticketText } from '../lib/ticket.ts';
import { copyText } from './clipboard.ts';

/** Copies for one button (`data-copy="link"` or `"ticket"`); returns what to tell the reader. */
export async function copyFor(button: HTMLButtonElement, holder: HTMLElement): Promise<string> {
  const { code, tableName, description, actionLabel, url } = holder.dataset;
  const text =
    button.dataset.copy === 'link'
      ? (url ?? '')
      : ticketText({
          code: Number(code),
          tableName: tableName ?? '',
          description: description ?? '',
          actionLabel: actionLabel ?? '',
          url: url ?? '',
        });
  const ok = await copyText(text);
  button.dataset.copied = ok ? 'yes' : 'no';
  const what = button.dataset.copy === 'link' ? 'リンク' : 'チケット用の文面';
  return ok ? `${code} の${what}をコピーしました。` : 'コピーできませんでした。';
}
