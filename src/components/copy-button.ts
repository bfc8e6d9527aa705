/**
 * What a copy button puts on the clipboard: its row's permanent link, or the ticket snippet
 * (written into the page at build time by CopyButtons.astro).
 * Loaded on the first click only (see CopyScript.astro), so pages pay for it when used.
 */
import { copyText } from './clipboard.ts';

/** Copies for one button (`data-copy="link"` or `"ticket"`); returns what to tell the reader. */
export async function copyFor(button: HTMLButtonElement, holder: HTMLElement): Promise<string> {
  const { code, url, ticket } = holder.dataset;
  const ok = await copyText((button.dataset.copy === 'link' ? url : ticket) ?? '');
  button.dataset.copied = ok ? 'yes' : 'no';
  const what = button.dataset.copy === 'link' ? 'リンク' : 'チケット用の文面';
  return ok ? `${code} の${what}をコピーしました。` : 'コピーできませんでした。';
}
