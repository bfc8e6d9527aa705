/**
 * The decoder's share dialog: before anything reaches the clipboard, it shows exactly what the
 * share link or the ticket text will contain and how many values were masked. What it shows is
 * built by `src/lib/share` (loaded when the dialog is first opened: most visits never share).
 * A native `<dialog>`: modal, keyboard reachable, Escape closes it, focus returns to the button
 * that opened it.
 */
import type { Catalog } from '../../lib/catalog/index.ts';
import type { DecodedRecord } from '../../lib/decode/types.ts';
import { copy, number } from './render.ts';

/** What is being shared: the whole paste, or one record of it (a ticket only). */
export type ShareSubject =
  | { readonly kind: 'paste'; readonly paste: string; readonly records: readonly DecodedRecord[] }
  | { readonly kind: 'record'; readonly record: DecodedRecord };

/** What one rendering of the dialog offers: the text to copy and what to say about it. */
interface Offer {
  readonly text: string;
  readonly summary: string;
}

export class ShareDialog {
  readonly #dialog: HTMLDialogElement;
  readonly #catalog: Catalog;
  readonly #kinds: HTMLFieldSetElement;
  readonly #original: HTMLInputElement;
  readonly #preview: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #status: HTMLElement;
  #subject: ShareSubject | null = null;
  #offer: Offer | null = null;
  /** Bumped for every rendering, so that only the latest one is shown. */
  #renders = 0;
  #share: Promise<typeof import('../../lib/share/index.ts')> | null = null;

  constructor(dialog: HTMLDialogElement, catalog: Catalog) {
    this.#dialog = dialog;
    this.#catalog = catalog;
    this.#kinds = dialog.querySelector('[data-share-kinds]')!;
    this.#original = dialog.querySelector('input[name="share-original"]')!;
    this.#preview = dialog.querySelector('[data-share-preview]')!;
    this.#summary = dialog.querySelector('[data-share-summary]')!;
    this.#status = dialog.querySelector('[data-share-status]')!;
    dialog.addEventListener('change', () => void this.#render());
    dialog.querySelector('[data-share-copy]')!.addEventListener('click', () => void this.#copy());
  }

  /** Opens the dialog for a subject, with the original left out, and shows what it would share. */
  async open(subject: ShareSubject): Promise<void> {
    this.#subject = subject;
    this.#original.checked = false;
    this.#kinds.hidden = subject.kind === 'record';
    this.#status.textContent = '';
    this.#preview.textContent = '';
    this.#summary.textContent = '準備中…';
    if (!this.#dialog.open) this.#dialog.showModal();
    await this.#render();
  }

  /** The kind chosen: the link, or the ticket text (a record always shares a ticket). */
  get #kind(): 'link' | 'ticket' {
    if (this.#subject?.kind === 'record') return 'ticket';
    const chosen = this.#kinds.querySelector<HTMLInputElement>('input:checked');
    return chosen?.value === 'ticket' ? 'ticket' : 'link';
  }

  /** The site's public origin, as the build wrote it into the canonical link. */
  get #origin(): string {
    return document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.origin;
  }

  /** Builds what the current choices share and shows it. */
  async #render(): Promise<void> {
    const subject = this.#subject;
    if (!subject) return;
    const run = ++this.#renders;
    this.#share ??= import('../../lib/share/index.ts');
    const share = await this.#share;
    const includeOriginal = this.#original.checked;
    const origin = new URL(this.#origin).origin;
    let offer: Offer;
    if (subject.kind === 'record') {
      const one = share.recordShare(this.#catalog, subject.record, origin, includeOriginal);
      offer = one
        ? { text: one.ticket, summary: `伏せた値：${number(one.masked)} 個。` }
        : { text: '', summary: 'このレコードには共有できる行がありません。' };
    } else {
      const content = share.shareContent(this.#catalog, { ...subject, origin, includeOriginal });
      const { share: shared } = content;
      const parts = [`伏せた値：${number(content.masked)} 個。`];
      if (shared.grouped) {
        parts.push(
          `長い貼り付けのため、${number(shared.total)} 件のレコードを異なるもの ${number(shared.records.length)} 種類にまとめ、件数を添えています。`,
        );
      } else parts.push(`レコード ${number(shared.total)} 件。`);
      if (shared.omitted > 0)
        parts.push(`ほか ${number(shared.omitted)} 種類は長すぎるため省きます。`);
      if (shared.unreadable > 0)
        parts.push(`読み取れない ${number(shared.unreadable)} 件は含めません。`);
      if (!includeOriginal) parts.push('元の貼り付けは含めません。');
      const text = this.#kind === 'link' ? (content.link ?? '') : content.ticket;
      offer = text
        ? { text, summary: parts.join('') }
        : { text: '', summary: '共有できるレコードがありません。' };
    }
    // A newer choice may have rendered meanwhile: the last one wins.
    if (run !== this.#renders) return;
    this.#offer = offer;
    this.#preview.textContent = offer.text;
    this.#summary.textContent = offer.summary;
    this.#status.textContent = '';
  }

  /** Copies what the preview shows, and says so (or how to copy it by hand). */
  async #copy(): Promise<void> {
    const text = this.#offer?.text;
    if (!text) {
      this.#status.textContent = 'コピーする内容がありません。';
      return;
    }
    if (await copy(text)) {
      this.#status.textContent = `${this.#kind === 'link' ? '共有リンク' : 'チケット用の文面'}をコピーしました。`;
    } else {
      getSelection()?.selectAllChildren(this.#preview);
      this.#status.textContent =
        'コピーできませんでした。上の欄を選択してありますので、手動でコピーしてください。';
    }
  }
}
