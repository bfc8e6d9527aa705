/**
 * `<msdk-decoder>`: the decoder page's custom element. It rebuilds the catalog from its compact
 * form (bundled with this script, see `src/integrations/decoder-catalog.ts`) and runs the same
 * `src/lib/decode` as the command line on whatever is in the textarea. Nothing pasted leaves
 * the page: the only place the input goes is the URL fragment of a share link, and only after
 * `redact`.
 */
import { decodeChunks, redact } from '../../lib/decode/index.ts';
import type { DecodedRecord } from '../../lib/decode/types.ts';
import { catalogFromCompact } from '../../lib/catalog/compact.ts';
import compact from 'virtual:msdk/catalog';
import { copy, errorLine, number, resultView } from './render.ts';
import { readShareFragment, shareFragment } from './share.ts';

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

/** Wires up one `<msdk-decoder>`: its textarea, buttons and results. */
function setUp(root: HTMLElement): void {
  const input = root.querySelector('textarea')!;
  const output = root.querySelector('output')!;
  const shareStatus = root.querySelector('[data-share-status]')!;
  /** What the results say while there is nothing to decode (from the page's markup). */
  const hint = output.firstElementChild!;
  const catalog = catalogFromCompact(compact);

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped for every new run, so an outdated run notices and stops. */
  let generation = 0;
  /** The text of the last run, so that an unchanged text is not decoded again. */
  let lastValue: string | undefined;
  /**
   * A big paste decoded but not yet in the textarea (see BIG_PASTE_LINES): the pasted text
   * and the selection it replaces.
   */
  let pendingPaste: [text: string, start: number, end: number] | null = null;
  /** The textarea's length at the previous input event, to tell a paste from a keystroke. */
  let lastLength = 0;

  /** Puts a big paste that is still waiting into the textarea, the caret after it. */
  const flushPaste = (): void => {
    if (pendingPaste) input.setRangeText(...pendingPaste, 'end');
    pendingPaste = null;
  };

  /**
   * Decodes the text in chunks, rendering as it goes; a newer run cancels this one. A big
   * paste waiting for this run goes into the textarea once the first result is painted.
   */
  async function decode(value: string): Promise<void> {
    const run = ++generation;
    try {
      output.ariaBusy = 'true';
      if (!value.trim()) {
        // Its first part says that there is only whitespace.
        (hint.firstElementChild as HTMLElement).hidden = !value;
        output.replaceChildren(hint);
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
      const draw = resultView(output, notice, records);
      let drawn = 0;
      for await (const batch of decodeChunks(catalog, text)) {
        if (run !== generation) return;
        records.push(...batch);
        // The summary is redrawn only now and then, and each time the next batch waits for that
        // frame to be painted: decodeChunks yields between batches, but the browser may run the
        // next batch before it paints, and the first result would then show up late.
        if (drawn === 0 || performance.now() - drawn > REDRAW_MS) {
          draw(false);
          await nextPaint();
          if (run !== generation) return;
          flushPaste();
          drawn = performance.now();
        }
      }
      draw(true);
    } finally {
      // An outdated run leaves both to the run that replaced it.
      if (run === generation) {
        flushPaste();
        output.ariaBusy = null;
      }
    }
  }

  /**
   * Decodes the text (by default the textarea's) now, unless it is the text decoded last.
   * An edit also makes the last share message stale. The URL itself is left alone: it
   * changes only when the user asks for a share link, because changing it makes the browser
   * fetch the favicon again, and typing must cause no request at all.
   */
  function decodeNow(value = input.value): void {
    clearTimeout(timer);
    shareStatus.textContent = '';
    lastLength = value.length;
    if (value === lastValue) {
      // Nothing new to show: a paste waiting for the result can go in now.
      flushPaste();
      return;
    }
    lastValue = value;
    void decode(value);
  }

  /** Puts text into the textarea (an example, a share link, or nothing) and decodes it. */
  function fill(text: string): void {
    pendingPaste = null;
    input.value = text;
    decodeNow();
  }

  /** Restores the input from a share link's fragment, if the URL has one. */
  function restore(): void {
    const shared = readShareFragment(location.hash);
    if (shared !== null) fill(shared);
  }

  /** Puts the redacted input into the URL fragment, copies the link, and says what it did. */
  async function share(): Promise<void> {
    const text = redact(input.value);
    const fragment = shareFragment(text);
    const say = (message: string) => (shareStatus.textContent = message);
    if (!text.trim()) return void say('共有する入力がありません。');
    if (!fragment) return void say('長すぎて共有できません。必要な行だけにしてください。');
    history.replaceState(history.state, '', fragment);
    const masked = text === input.value ? '' : '（トークン等は伏せてあります）';
    say(
      (await copy(location.href))
        ? `共有リンクをコピーしました${masked}。`
        : `アドレスバーのリンクをコピーしてください${masked}。`,
    );
  }

  input.addEventListener('input', (event) => {
    flushPaste();
    // A paste (or anything that changes more than one character at once) is decoded at
    // once; single keystrokes wait for a pause so typing stays smooth.
    const jump = Math.abs(input.value.length - lastLength) > 1;
    lastLength = input.value.length;
    clearTimeout(timer);
    if (jump || event.inputType.startsWith('insertFrom')) decodeNow();
    else timer = setTimeout(() => decodeNow(), DEBOUNCE_MS);
  });

  // A big paste: decode it at once and put it into the textarea only after the first result
  // has been painted (see BIG_PASTE_LINES). The text goes where the selection was, as a
  // native paste would put it.
  input.addEventListener('paste', (event) => {
    flushPaste();
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    // `split` with a limit stops there, so this does not split a huge paste.
    if (pasted.split('\n', BIG_PASTE_LINES).length < BIG_PASTE_LINES) return;
    event.preventDefault();
    const { value, selectionStart: start, selectionEnd: end } = input;
    pendingPaste = [pasted, start, end];
    decodeNow(value.slice(0, start) + pasted + value.slice(end));
  });

  // The example, clear and share buttons.
  root.addEventListener('click', (event) => {
    const data = (event.target as Element).closest('button')?.dataset;
    if (data?.example !== undefined) fill(data.example);
    else if (data?.clear !== undefined) {
      fill('');
      input.focus();
    } else if (data?.share !== undefined) void share();
  });

  window.addEventListener('hashchange', restore);
  restore();
  decodeNow();
  root.dataset.ready = '';
}

customElements.define(
  'msdk-decoder',
  class extends HTMLElement {
    connectedCallback(): void {
      // Once: moving the element in the page must not wire it up twice.
      if (this.dataset.ready === undefined) setUp(this);
    }
  },
);
