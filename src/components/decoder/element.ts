/**
 * `<msdk-decoder>`: the decoder page's custom element. It rebuilds the catalog from its compact
 * form (bundled with this script, see `src/integrations/decoder-catalog.ts`) and runs the same
 * `src/lib/decode` as the command line on whatever is in the textarea. Nothing pasted leaves
 * the page: a share link or a ticket is built (and shown first) by the share dialog, from the
 * decoded records, and only goes to the clipboard.
 */
import { decodeChunks } from '../../lib/decode/index.ts';
import type { DecodedRecord } from '../../lib/decode/types.ts';
import { catalogFromCompact } from '../../lib/catalog/compact.ts';
import type { Catalog } from '../../lib/catalog/index.ts';
import compact from 'virtual:msdk/catalog';
import { errorLine, number, resultView } from './render.ts';
import type { ShareDialog, ShareSubject } from './share-dialog.ts';

/** Keystrokes within this many milliseconds are decoded together. */
const DEBOUNCE_MS = 150;
/** Pastes longer than this many characters are decoded only up to it (at a line end). */
const MAX_INPUT = 2_000_000;
/** While a big paste is decoded, the summary is redrawn at most this often. */
const REDRAW_MS = 200;
/**
 * A paste of at least this many lines is decoded before the textarea takes it: laying out
 * ten thousand lines in a textarea costs the browser a couple of hundred milliseconds, and
 * the first result should not wait behind that. Smaller pastes go in the native way (undo
 * included).
 */
const BIG_PASTE_LINES = 1000;

/**
 * Resolves once the next frame has been painted, or after 100 ms in a background tab, where
 * animation frames do not run (whichever comes first; resolving again does nothing).
 */
const nextPaint = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(resolve));
  });

/** A big paste decoded but not yet in the textarea: its text and the selection it replaces. */
type PendingPaste = [text: string, start: number, end: number];

/** What a share link brought: the text it restored, and each line's count (grouped shares). */
interface Restored {
  readonly text: string;
  readonly counts: readonly number[] | null;
}

class DecoderElement extends HTMLElement {
  #catalog!: Catalog;
  #input!: HTMLTextAreaElement;
  #output!: HTMLOutputElement;
  #notice!: HTMLElement;
  #original!: HTMLDetailsElement;
  /** The share dialog, loaded with the share code when it is first opened. */
  #dialog: Promise<ShareDialog> | undefined;
  /** What the results say while there is nothing to decode (from the page's markup). */
  #hint!: Element;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped for every new run, so that an outdated run notices and stops. */
  #generation = 0;
  /** The text of the last run, so that an unchanged text is not decoded again. */
  #lastValue: string | undefined;
  /** The records of the last finished run, for the share dialog. */
  #records: readonly DecodedRecord[] = [];
  #pendingPaste: PendingPaste | null = null;
  /** The textarea's length at the previous input event, to tell a paste from a keystroke. */
  #lastLength = 0;
  /** The share link the textarea holds, while it is unchanged. */
  #restored: Restored | null = null;

  connectedCallback(): void {
    // Once: moving the element in the page must not wire it up twice.
    if (this.dataset.ready !== undefined) return;
    this.#catalog = catalogFromCompact(compact);
    this.#input = this.querySelector('textarea')!;
    this.#output = this.querySelector('output')!;
    this.#notice = this.querySelector('[data-shared-notice]')!;
    this.#original = this.querySelector('[data-shared-original]')!;
    this.#hint = this.#output.firstElementChild!;
    this.#input.addEventListener('input', (event) => this.#onInput(event));
    this.#input.addEventListener('paste', (event) => this.#onPaste(event));
    this.addEventListener('click', (event) => this.#onClick(event));
    window.addEventListener('hashchange', () => void this.#restore());
    void this.#restore();
    this.#decodeNow();
    this.dataset.ready = '';
  }

  /** Puts a big paste that is still waiting into the textarea, the caret after it. */
  #flushPaste(): void {
    if (this.#pendingPaste) this.#input.setRangeText(...this.#pendingPaste, 'end');
    this.#pendingPaste = null;
  }

  /** A paste (or any change of more than one character) is decoded at once, typing after a pause. */
  #onInput(event: InputEvent): void {
    this.#flushPaste();
    const jump = Math.abs(this.#input.value.length - this.#lastLength) > 1;
    this.#lastLength = this.#input.value.length;
    clearTimeout(this.#timer);
    if (jump || event.inputType.startsWith('insertFrom')) this.#decodeNow();
    else this.#timer = setTimeout(() => this.#decodeNow(), DEBOUNCE_MS);
  }

  /**
   * A big paste: decoded at once, and put into the textarea only after the first result has
   * been painted (see BIG_PASTE_LINES), where the selection was, as a native paste would.
   */
  #onPaste(event: ClipboardEvent): void {
    this.#flushPaste();
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    // `split` with a limit stops there, so this does not split a huge paste.
    if (pasted.split('\n', BIG_PASTE_LINES).length < BIG_PASTE_LINES) return;
    event.preventDefault();
    const { value, selectionStart: start, selectionEnd: end } = this.#input;
    this.#pendingPaste = [pasted, start, end];
    this.#decodeNow(value.slice(0, start) + pasted + value.slice(end));
  }

  /** The example, clear and share buttons, and each record's ticket button. */
  #onClick(event: Event): void {
    const button = (event.target as Element).closest('button');
    const data = button?.dataset;
    if (!data) return;
    if (data['example'] !== undefined) this.#setInput(data['example']);
    else if (data['clear'] !== undefined) {
      this.#setInput('');
      this.#input.focus();
    } else if (data['share'] !== undefined) {
      this.#share({ kind: 'paste', paste: this.#input.value, records: this.#records });
    }
  }

  /**
   * Opens the share dialog. Its code (masking, rebuilding records, tickets) loads the first
   * time: most visits never share, and the decoder's first load stays small.
   */
  #share(subject: ShareSubject): void {
    this.#dialog ??= import('./share-dialog.ts').then(
      ({ ShareDialog }) =>
        new ShareDialog(this.querySelector('[data-share-dialog]')!, this.#catalog),
    );
    void this.#dialog.then((dialog) => dialog.open(subject));
  }

  /** Opens the share dialog for one record's ticket (the results' ticket buttons). */
  #shareRecord = (record: DecodedRecord): void => this.#share({ kind: 'record', record });

  /** Puts text into the textarea (an example, a share link, or nothing) and decodes it. */
  #setInput(text: string): void {
    this.#pendingPaste = null;
    this.#input.value = text;
    this.#decodeNow();
  }

  /**
   * Restores the input from a share link's fragment, if the URL has one: the records, the
   * counts of a grouped share, the masked original (shown as text), and a word about any part
   * of the link that could not be read. The reader of share links loads only for one.
   */
  async #restore(): Promise<void> {
    if (!location.hash.startsWith('#q=')) return;
    const { readShareFragment } = await import('../../lib/share/fragment.ts');
    const shared = readShareFragment(location.hash);
    if (shared === null) return;
    this.#restored = { text: shared.text, counts: shared.counts };
    const notes = [
      shared.counts &&
        `この共有リンクは長い貼り付けから異なるレコード ${number(shared.counts.length)} 種類を件数つきで運んでいます（計 ${number(shared.counts.reduce((a, b) => a + b, 0))} 件）。`,
      shared.damaged &&
        'リンクの一部が正しくエンコードされていなかったため、読める部分だけを復元しました。',
    ].filter(Boolean);
    this.#notice.textContent = notes.join(' ');
    this.#notice.hidden = notes.length === 0;
    this.#original.hidden = shared.original === null;
    this.#original.querySelector('pre')!.textContent = shared.original ?? '';
    this.#setInput(shared.text);
  }

  /**
   * Decodes the text (by default the textarea's) now, unless it is the text decoded last. The
   * URL is left alone: typing must cause no request at all, and changing the URL makes the
   * browser fetch the favicon again.
   */
  #decodeNow(value = this.#input.value): void {
    clearTimeout(this.#timer);
    this.#lastLength = value.length;
    if (value === this.#lastValue) {
      // Nothing new to show: a paste waiting for the result can go in now.
      this.#flushPaste();
      return;
    }
    this.#lastValue = value;
    if (this.#restored && value !== this.#restored.text) {
      // An edit: the counts and notes of the share link no longer describe the input.
      this.#restored = null;
      this.#notice.hidden = true;
    }
    void this.#decode(value);
  }

  /**
   * Decodes a text in chunks, rendering as it goes; a newer run cancels this one. A big paste
   * waiting for this run goes into the textarea once the first result is painted.
   */
  async #decode(value: string): Promise<void> {
    const run = ++this.#generation;
    const output = this.#output;
    try {
      output.ariaBusy = 'true';
      if (!value.trim()) {
        this.#records = [];
        // Its first part says that there is only whitespace.
        (this.#hint.firstElementChild as HTMLElement).hidden = !value;
        output.replaceChildren(this.#hint);
        return;
      }
      const cut = value.lastIndexOf('\n', MAX_INPUT);
      const text = value.length > MAX_INPUT ? value.slice(0, cut > 0 ? cut : MAX_INPUT) : value;
      const notice =
        text !== value &&
        errorLine(
          `貼り付けが大きすぎます。最初の ${number(text.length)} 文字だけ解析します（全 ${number(value.length)} 文字）。`,
        );
      const records: DecodedRecord[] = [];
      // The share dialog sees the records as they come.
      this.#records = records;
      const counts = this.#restored?.counts;
      const draw = resultView(output, notice, records, {
        onTicket: this.#shareRecord,
        weight: counts ? (record) => counts[record.line - 1] ?? 1 : undefined,
      });
      let drawn = 0;
      const chunks = decodeChunks(this.#catalog, text);
      // Iterated by hand: the generator's return value counts the context lines.
      for (let step = await chunks.next(); ; step = await chunks.next()) {
        if (run !== this.#generation) return;
        if (step.done) {
          draw(true, step.value.context);
          break;
        }
        const batch = step.value;
        records.push(...batch);
        // The summary is redrawn only now and then, and each time the next batch waits for that
        // frame to be painted: decodeChunks yields between batches, but the browser may run the
        // next batch before it paints, and the first result would then show up late.
        if (drawn === 0 || performance.now() - drawn > REDRAW_MS) {
          draw(false);
          await nextPaint();
          if (run !== this.#generation) return;
          this.#flushPaste();
          drawn = performance.now();
        }
      }
    } finally {
      // An outdated run leaves both to the run that replaced it.
      if (run === this.#generation) {
        this.#flushPaste();
        output.ariaBusy = null;
      }
    }
  }
}

customElements.define('msdk-decoder', DecoderElement);
