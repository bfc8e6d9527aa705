/**
 * `<msdk-decoder>`: the decoder page's custom element. It reads the catalog from the page's
 * JSON data island and runs the same `src/lib/decode` as the command line on whatever is in
 * the textarea. Nothing pasted leaves the page: the only place the input goes is the URL
 * fragment of a share link, and only after `redact`.
 */
import { TABLE_NAMES, type Catalog } from '../../lib/catalog/index.ts';
import { decodeChunks, redact, summarize } from '../../lib/decode/index.ts';
import type { DecodedRecord } from '../../lib/decode/types.ts';
import { catalogFromCompact, parseCompactCatalog } from '../../lib/catalog/compact.ts';
import { errorLine, excerpt, fill, h, recordArticle, recordDetails, type Child } from './render.ts';
import { MAX_FRAGMENT_LENGTH, readShareFragment, shareFragment } from './share.ts';

/** Keystrokes within this many milliseconds are decoded together. */
const DEBOUNCE_MS = 150;
/** Pastes longer than this many characters are decoded only up to it (at a line end). */
const MAX_INPUT = 2_000_000;
/** Record details rendered at first, and added by each “show more”. */
const PAGE = 200;
/**
 * Record details in the very first frame of a big paste: fewer than PAGE, because laying
 * out 200 details takes longer than the rest of that frame; later frames fill up to PAGE.
 */
const FIRST_PAGE = 50;
/** While a big paste is decoded, the summary is redrawn at most this often. */
const REDRAW_MS = 200;
/**
 * A paste of at least this many lines is decoded before the textarea takes it: laying out
 * ten thousand lines in a textarea costs the browser a couple of hundred milliseconds, and
 * the first result should not wait behind that. Smaller pastes go in the native way (undo
 * included).
 */
const BIG_PASTE_LINES = 1000;

/** Whether a text has at least `count` lines, without splitting it. */
function hasLines(text: string, count: number): boolean {
  let at = -1;
  for (let line = 1; line < count; line++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return false;
  }
  return true;
}

const number = (value: number): string => value.toLocaleString('ja-JP');

/**
 * Resolves once the next frame has been painted, or after 100 ms in a background tab, where
 * animation frames do not run.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}

class MsdkDecoder extends HTMLElement {
  #catalog: Catalog | null = null;
  #input!: HTMLTextAreaElement;
  #output!: HTMLOutputElement;
  #shareStatus!: HTMLElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped for every new run, so an outdated run notices and stops. */
  #generation = 0;
  /** The text of the last run, so that an unchanged text is not decoded again. */
  #lastValue = '';
  /** A big paste decoded but not yet in the textarea (see BIG_PASTE_LINES). */
  #pendingPaste: { value: string; caret: number } | null = null;
  /** The textarea's length at the previous input event, to tell a paste from a keystroke. */
  #lastLength = 0;

  connectedCallback(): void {
    if (this.#catalog) return;
    const compact = parseCompactCatalog(this.querySelector('[data-catalog]')?.textContent);
    this.#input = this.querySelector('textarea')!;
    this.#output = this.querySelector('output')!;
    this.#shareStatus = this.querySelector('[data-share-status]')!;
    if (!compact) {
      this.#output.replaceChildren(
        errorLine('エラーコードの表を読み込めませんでした。ページを再読み込みしてください。'),
      );
      return;
    }
    this.#catalog = catalogFromCompact(compact);

    this.#input.addEventListener('input', (event) => {
      this.#flushPaste();
      this.#onInput(event);
    });
    this.#input.addEventListener('paste', (event) => this.#onPaste(event));
    this.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-example]')) {
      button.addEventListener('click', () => this.#fill(button.dataset.example ?? ''));
    }
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      this.#fill('');
      this.#input.focus();
    });
    this.querySelector('[data-share]')!.addEventListener('click', () => void this.#share());
    window.addEventListener('hashchange', () => this.#restore());
    this.#restore();
    if (!this.#input.value) void this.#decode('');
    this.dataset.ready = '';
  }

  /** Restores the input from a share link's fragment, if the URL has one. */
  #restore(): void {
    const shared = readShareFragment(location.hash);
    if (shared !== null && shared !== this.#input.value) this.#fill(shared, false);
  }

  /** Puts text into the textarea (an example, a share link, or nothing) and decodes it. */
  #fill(text: string, forgetShare = true): void {
    this.#input.value = text;
    this.#lastLength = text.length;
    if (forgetShare) this.#forgetShare();
    this.#decodeNow();
  }

  #onInput(event: InputEvent): void {
    this.#forgetShare();
    // A paste (or anything that changes more than one character at once) is decoded at
    // once; single keystrokes wait for a pause so typing stays smooth.
    const length = this.#input.value.length;
    const jump = Math.abs(length - this.#lastLength) > 1;
    this.#lastLength = length;
    if (jump || event.inputType.startsWith('insertFrom')) this.#decodeNow();
    else {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#decodeNow(), DEBOUNCE_MS);
    }
  }

  /**
   * A big paste: decode it at once and put it into the textarea only after the first result
   * has been painted (see BIG_PASTE_LINES). The text goes where the selection was, as a
   * native paste would put it.
   */
  #onPaste(event: ClipboardEvent): void {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    this.#flushPaste();
    if (!hasLines(pasted, BIG_PASTE_LINES)) return;
    event.preventDefault();
    const input = this.#input;
    const { selectionStart: from, selectionEnd: to } = input;
    const value = input.value.slice(0, from) + pasted + input.value.slice(to);
    const caret = from + pasted.length;
    clearTimeout(this.#timer);
    this.#forgetShare();
    this.#lastValue = value;
    this.#lastLength = value.length;
    this.#pendingPaste = { value, caret };
    void this.#decode(value, () => this.#flushPaste());
  }

  /** Puts a big paste that is still waiting into the textarea. */
  #flushPaste(): void {
    const pending = this.#pendingPaste;
    if (!pending) return;
    this.#pendingPaste = null;
    this.#input.value = pending.value;
    this.#input.setSelectionRange(pending.caret, pending.caret);
  }

  #decodeNow(): void {
    clearTimeout(this.#timer);
    const value = this.#input.value;
    if (value === this.#lastValue && this.dataset.ready !== undefined) return;
    this.#lastValue = value;
    void this.#decode(value);
  }

  /**
   * An edit makes the last share message stale. The URL itself is left alone: it changes only
   * when the user asks for a share link, because changing it makes the browser fetch the
   * favicon again, and typing must cause no request at all.
   */
  #forgetShare(): void {
    this.#shareStatus.textContent = '';
  }

  async #share(): Promise<void> {
    const text = redact(this.#input.value);
    const say = (message: string) => (this.#shareStatus.textContent = message);
    if (!text.trim()) return void say('共有する入力がありません。');
    const fragment = shareFragment(text);
    if (fragment.length > MAX_FRAGMENT_LENGTH) {
      return void say(
        `入力が長すぎるため共有リンクにできません（${number(MAX_FRAGMENT_LENGTH)} 文字まで）。必要な行だけにしてください。`,
      );
    }
    history.replaceState(history.state, '', fragment);
    const masked =
      text === this.#input.value ? '' : 'トークン・キー・openid の値は伏せてあります。';
    try {
      await navigator.clipboard.writeText(location.href);
      say(`共有リンクをコピーしました。${masked}`);
    } catch {
      say(`アドレスバーに共有リンクを入れました。コピーしてお使いください。${masked}`);
    }
  }

  /**
   * Decodes the text in chunks, rendering as it goes; a newer call cancels this one.
   * `afterFirstPaint` runs once the first result has been painted (or when there is none).
   */
  async #decode(value: string, afterFirstPaint?: () => void): Promise<void> {
    const generation = ++this.#generation;
    const catalog = this.#catalog!;
    const output = this.#output;
    if (!value.trim()) {
      afterFirstPaint?.();
      output.removeAttribute('aria-busy');
      output.replaceChildren(
        h(
          'p',
          { class: 'decoder-hint' },
          value
            ? '空白しかありません。MSDK の応答やログの行を貼り付けてください。'
            : 'MSDK の応答やログを上に貼り付けると、ここに結果が表示されます。',
        ),
      );
      return;
    }

    let text = value;
    let notice: HTMLElement | null = null;
    if (value.length > MAX_INPUT) {
      const cut = value.lastIndexOf('\n', MAX_INPUT);
      text = value.slice(0, cut > 0 ? cut : MAX_INPUT);
      notice = errorLine(
        `貼り付けが大きすぎます（${number(value.length)} 文字）。ページが固まらないよう、最初の ${number(text.length)} 文字だけを解析します。残りは分けて貼り付けてください。`,
      );
    }

    const records: DecodedRecord[] = [];
    const view = new ResultView(catalog, output, notice);
    // Whatever happens to this run, a paste waiting for it reaches the textarea.
    try {
      output.setAttribute('aria-busy', 'true');
      let drawn = 0;
      for await (const batch of decodeChunks(catalog, text)) {
        if (generation !== this.#generation) return;
        records.push(...batch);
        // The summary is redrawn only now and then, and each time the next batch waits for that
        // frame to be painted: decodeChunks yields between batches, but the browser may run the
        // next batch before it paints, and the first result would then show up late.
        if (drawn === 0 || performance.now() - drawn > REDRAW_MS) {
          view.draw(records, false);
          await nextPaint();
          if (drawn === 0) afterFirstPaint?.();
          if (generation !== this.#generation) return;
          drawn = performance.now();
        }
      }
      view.draw(records, true);
    } finally {
      afterFirstPaint?.();
    }
    output.removeAttribute('aria-busy');
  }
}

/** The results of one run, redrawn as records arrive. */
class ResultView {
  readonly #catalog: Catalog;
  readonly #output: HTMLOutputElement;
  readonly #notice: HTMLElement | null;
  #summary: HTMLElement | null = null;
  #list: HTMLElement | null = null;
  #more: HTMLButtonElement | null = null;
  #shown = 0;
  #multi = false;

  constructor(catalog: Catalog, output: HTMLOutputElement, notice: HTMLElement | null) {
    this.#catalog = catalog;
    this.#output = output;
    this.#notice = notice;
  }

  draw(records: readonly DecodedRecord[], done: boolean): void {
    if (records.length === 0) {
      if (done)
        this.#output.replaceChildren(
          ...this.#head(),
          errorLine('レコードが見つかりませんでした。'),
        );
      return;
    }
    if (records.length === 1 && done) {
      this.#output.replaceChildren(...this.#head(), recordArticle(this.#catalog, records[0]!));
      return;
    }
    if (!this.#multi) {
      this.#multi = true;
      this.#summary = h('section', { class: 'decoder-summary' });
      this.#list = h('div', { class: 'decoder-records' });
      this.#more = h('button', { type: 'button', class: 'decoder-button', hidden: '' });
      this.#more.addEventListener('click', () => this.#showMore(records));
      this.#output.replaceChildren(
        ...this.#head(),
        this.#summary,
        h(
          'section',
          { class: 'decoder-details' },
          h('h3', null, 'レコードごとの詳細'),
          this.#list,
          this.#more,
        ),
      );
    }
    fill(this.#summary!, summaryView(records, done));
    const target = this.#shown === 0 && !done ? FIRST_PAGE : PAGE;
    this.#showMore(records, Math.max(0, target - this.#shown));
  }

  #head(): HTMLElement[] {
    return this.#notice ? [this.#notice] : [];
  }

  /** Appends up to `count` more record details, and says how many remain. */
  #showMore(records: readonly DecodedRecord[], count = PAGE): void {
    const next = records.slice(this.#shown, this.#shown + count);
    this.#list!.append(...next.map((record) => recordDetails(this.#catalog, record)));
    this.#shown += next.length;
    const left = records.length - this.#shown;
    this.#more!.hidden = left <= 0;
    this.#more!.textContent = `さらに ${number(Math.min(left, PAGE))} 件を表示（残り ${number(left)} 件）`;
  }
}

/** Distinct codes listed in the summary; the rest are counted in one line. */
const SUMMARY_ROWS = 100;

/** The summary: distinct codes with their counts, most frequent first, and unreadable lines. */
function summaryView(records: readonly DecodedRecord[], done: boolean): Child[] {
  const summary = summarize(records);
  const unreadable = records.filter((record) => record.error !== null);
  const rows = summary.codes.slice(0, SUMMARY_ROWS).map((entry) => {
    const code = h('code', null, String(entry.code));
    return h(
      'tr',
      null,
      h(
        'td',
        null,
        entry.url && entry.table
          ? h('a', { href: entry.url }, code, ` ${TABLE_NAMES[entry.table]}`)
          : code,
      ),
      h('td', { class: 'decoder-count' }, number(entry.count)),
      h('td', null, entry.description ?? 'どの表にもないコード'),
    );
  });
  const status = [
    `${number(summary.records)} 件のレコード${done ? '' : '（解析中…）'}`,
    `コード ${number(summary.codes.length)} 種類`,
    `読み取れない行 ${number(summary.unreadable)} 件`,
  ].join('、');
  return [
    h('h3', null, '概要'),
    h('p', { class: 'decoder-status' }, `${status}。`),
    rows.length > 0 &&
      h(
        'table',
        { class: 'decoder-summary-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'コード'),
            h('th', { scope: 'col' }, '件数'),
            h('th', { scope: 'col' }, '意味'),
          ),
        ),
        h('tbody', null, ...rows),
      ),
    summary.codes.length > SUMMARY_ROWS &&
      h('p', null, `ほか ${number(summary.codes.length - SUMMARY_ROWS)} 種類のコード`),
    unreadable.length > 0 &&
      h(
        'details',
        { class: 'decoder-unreadable' },
        h('summary', null, `読み取れない行（${number(unreadable.length)} 件）`),
        h(
          'ul',
          null,
          ...unreadable
            .slice(0, PAGE)
            .map((record) =>
              h(
                'li',
                null,
                `${record.line} 行目：${record.error ?? ''} `,
                h('code', null, excerpt(record.input)),
              ),
            ),
        ),
        unreadable.length > PAGE && h('p', null, `ほか ${number(unreadable.length - PAGE)} 件`),
      ),
  ];
}

customElements.define('msdk-decoder', MsdkDecoder);
