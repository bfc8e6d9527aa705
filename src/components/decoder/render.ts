/**
 * DOM for the decoder's results. Everything taken from the paste is put in the page as text
 * nodes (`append` of a string, never `innerHTML`), so a pasted `<img onerror>` stays text.
 * Every href comes from the decoder's records, which build them with `src/lib/urls.ts`.
 */
import { ACTIONS, TABLE_NAMES, type TableSlug } from '../../lib/catalog/index.ts';
import { summarize } from '../../lib/decode/index.ts';
import {
  NO_TABLE,
  UNREADABLE_LABEL,
  codeSubject,
  inNoTable,
  notOnRoute,
} from '../../lib/words/index.ts';
import type { Candidate, DecodedRecord, ErrTypeCheck, RowRef } from '../../lib/decode/types.ts';
import { actionUrl } from '../../lib/urls.ts';

/** A child for `h`: a node, a text (never parsed as HTML), nothing, or a list of these. */
export type Child = Node | string | null | undefined | false | Child[];

/** Replaces an element's children: strings become text nodes, lists are flattened, empty values skipped. */
function setChildren<E extends Element>(element: E, ...children: Child[]): E {
  element.replaceChildren();
  const append = (list: Child[]): void => {
    for (const child of list) {
      if (Array.isArray(child)) append(child);
      else if (child) element.append(child);
    }
  };
  append(children);
  return element;
}

/** Creates an element with attributes and children (as `setChildren` takes them). */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) element.setAttribute(name, value);
  return setChildren(element, ...children);
}

/**
 * A number as the page writes it: 10,000. One formatter for every call: `toLocaleString`
 * builds a new one each time, which cost a 10,000-line paste about 70 ms.
 */
const NUMBER_FORMAT = new Intl.NumberFormat('ja-JP');
export const number = (value: number): string => NUMBER_FORMAT.format(value);

/** Pasted text is shown up to this many characters, so a huge line cannot bloat the page. */
const EXCERPT = 300;

/** The start of a pasted text as code, saying how much was left out. */
const excerpt = (text: string): HTMLElement =>
  mono(
    text.length > EXCERPT
      ? `${text.slice(0, EXCERPT)}…（残り ${number(text.length - EXCERPT)} 文字）`
      : text,
  );

/** A value in monospace (a `<code>` element): a code, a path, a pasted text. */
const mono = (value: unknown): HTMLElement => h('code', null, String(value));

/**
 * Copies text with the Clipboard API (every https or localhost page has it); false when the
 * browser refuses or has no Clipboard API. The code pages' older-browser fallback in `clipboard.ts` is left out here:
 * sharing it would cost the decoder a script of its own.
 */
export async function copy(text: string): Promise<boolean> {
  try {
    // Throws at once where there is no Clipboard API (an insecure origin): caught here too.
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A button that runs `action` when pressed. */
const button = (label: string, action: () => void): HTMLButtonElement => {
  const element = h('button', { class: 'decoder-button' }, label);
  element.addEventListener('click', action);
  return element;
};

/** A sign beside the words that say the same, hidden from screen readers. */
const sign = (text: string): HTMLElement => h('span', { 'aria-hidden': 'true' }, text);

/** An error as visible text. */
export const errorLine = (message: string): HTMLElement =>
  h('p', { 'data-error': '' }, sign('⚠ '), message);

/**
 * A row's code and table, linked to its page; only the code for a code in no table (a summary
 * entry without a row).
 */
function rowLink(
  row: { code: number | null; table: TableSlug | null; url: string | null },
  attributes?: Record<string, string>,
): HTMLElement {
  return row.table && row.url
    ? h('a', { ...attributes, href: row.url }, mono(row.code), ` ${TABLE_NAMES[row.table]}`)
    : mono(row.code);
}

/** A lead-in and a list of links to rows with their descriptions; nothing for no rows. */
const rowList = (lead: string, className: string, rows: readonly RowRef[]): Child =>
  rows.length > 0 && [
    h('p', null, lead),
    h(
      'ul',
      { class: className },
      rows.map((row) => h('li', null, rowLink(row), `：${row.description}`)),
    ),
  ];

/** A name/value pair of a `<dl>`, left out when the value is empty. */
const fact = (term: string, value: Child): Child =>
  value && [h('dt', null, term), h('dd', null, value)];

function candidateItem(candidate: Candidate, index: number): HTMLElement {
  return h(
    'li',
    { class: 'decoder-candidate' },
    h(
      'p',
      null,
      rowLink(candidate, { 'data-candidate': '' }),
      ' ',
      h(
        'a',
        { class: 'action-badge', href: actionUrl(candidate.action) },
        ACTIONS[candidate.action].label,
      ),
      index === 0 && h('strong', null, '最有力'),
    ),
    h('p', null, candidate.description),
    h(
      'dl',
      null,
      fact('推奨処理', candidate.handling || '（原文になし）'),
      fact('理由', candidate.reason),
    ),
  );
}

/** What the results do beyond showing: open the share dialog for a record, weigh records. */
export interface ResultOptions {
  /** Opens the share dialog for one record's ticket. */
  readonly onTicket: (record: DecodedRecord) => void;
  /** How many records of the original paste one record stands for (a grouped share link). */
  readonly weight?: ((record: DecodedRecord) => number) | undefined;
}

/**
 * "Copy for ticket" for a decoded record: opens the share dialog, which shows the ticket text
 * (the best row, its permanent link, the record rebuilt with its secrets masked) before it is
 * copied.
 */
const ticketLine = (record: DecodedRecord, options: ResultOptions): HTMLElement => {
  const open = button('チケット用にコピー…', () => options.onTicket(record));
  open.setAttribute('aria-haspopup', 'dialog');
  return h('p', null, open);
};

/** The err_type check: a verdict in words and with a sign (not colour alone), then why. */
function errTypeLine(check: ErrTypeCheck): HTMLElement {
  const [mark, word] =
    check.agrees === true
      ? ['✓', '一致']
      : check.agrees === false
        ? ['✗', '不一致']
        : ['－', '比較なし'];
  return h(
    'p',
    { 'data-agrees': String(check.agrees) },
    h('strong', null, sign(mark), ` ${word}`),
    '：',
    check.note,
  );
}

/** The body of one record: candidates first (best first), then the facts around them. */
function recordBody(record: DecodedRecord, options: ResultOptions): HTMLElement {
  const { candidates, elsewhere, range, envelope, errType, endpoint, message } = record;
  return h(
    'div',
    null,
    record.error
      ? errorLine(record.error)
      : candidates[0]
        ? [h('ol', null, candidates.map(candidateItem)), ticketLine(record, options)]
        : [
            h(
              'p',
              null,
              record.code === null
                ? 'コードが見つかりません。'
                : (elsewhere.length > 0 ? notOnRoute : inNoTable)(codeSubject(record.code)),
            ),
            rowList('ほかの届き方の表にある同じ番号：', 'decoder-elsewhere', elsewhere),
            range && h('p', null, '範囲：', rowLink(range), `（${range.description}）`),
            rowList('近い番号のコード：', 'decoder-nearest', record.nearest),
          ],
    h(
      'dl',
      null,
      fact(
        '包み',
        envelope && [
          h('a', { href: envelope.url }, `${TABLE_NAMES[envelope.table]} ${envelope.code} の包み`),
          `：${envelope.description}`,
        ],
      ),
      fact('err_type', errType && errTypeLine(errType)),
      fact('エンドポイント', endpoint && mono(endpoint)),
      fact('メッセージ（原文）', message !== null && excerpt(message)),
      fact('入力', excerpt(record.input)),
    ),
  );
}

/**
 * One record: in full as an `<article>` when it is the only result, or collapsed into a
 * `<details>`. Its title gives the line and the code found in it (and, collapsed, the best row).
 */
function recordView(
  record: DecodedRecord,
  collapsed: boolean,
  options: ResultOptions,
): HTMLElement {
  const { line, error, code: value } = record;
  const best = collapsed && record.candidates[0];
  const found = error ? [UNREADABLE_LABEL] : [value !== null && codeSubject(value)];
  const view = h(
    collapsed ? 'details' : 'article',
    { class: 'decoder-record', 'data-record': '' },
    h(
      collapsed ? 'summary' : 'h3',
      null,
      [`${line} 行目`, ...found].filter(Boolean).join(' · '),
      best && ` → ${best.code} ${best.tableName}：${best.description}`,
    ),
    !collapsed && recordBody(record, options),
  );
  // A collapsed body is built when first opened, which keeps a 10,000-line paste's first paint
  // small (an article never toggles).
  view.addEventListener('toggle', () => view.append(recordBody(record, options)), {
    once: true,
  });
  return view;
}

/** Record details rendered at first, added by each “show more”, and unreadable lines listed. */
const PAGE = 200;
/**
 * Record details in the very first frame of a big paste: fewer than PAGE, because laying
 * out 200 details takes longer than the rest of that frame; later frames fill up to PAGE.
 */
const FIRST_PAGE = 50;
/** Distinct codes listed in the summary; the rest are counted in one line. */
const SUMMARY_ROWS = 100;

/** “ほか N …” for what a list leaves out, or nothing. */
const rest = (count: number, unit: string): Child =>
  count > 0 && h('p', null, `ほか ${number(count)} ${unit}`);

/** The lines left out as context (headers, stack traces, fences), said quietly. */
const contextLine = (context: number): Child =>
  context > 0 &&
  h(
    'p',
    { class: 'decoder-hint', 'data-context': String(context) },
    `コードのない行 ${number(context)} 件（HTTP ヘッダー、スタックトレースなど）は省きました。`,
  );

/** The summary: distinct codes with their counts, most frequent first, and unreadable lines. */
function summaryView(
  records: readonly DecodedRecord[],
  done: boolean,
  weight: ResultOptions['weight'],
  context: number,
): Child[] {
  const { codes, unreadable } = summarize(records, { weight, context });
  const total = weight ? records.reduce((sum, record) => sum + weight(record), 0) : records.length;
  /** A table row of `th` or `td` cells. */
  const row = (cell: 'th' | 'td', cells: Child[]) =>
    h(
      'tr',
      null,
      cells.map((content) => h(cell, null, content)),
    );
  return [
    h('h3', null, '概要'),
    h(
      'p',
      null,
      `${number(total)} 件のレコード${done ? '' : '（解析中…）'}、コード ${number(codes.length)} 種類、読み取れない行 ${number(unreadable.length)} 件。`,
    ),
    contextLine(context),
    codes.length > 0 &&
      h(
        'table',
        null,
        // Header cells in a thead row head their columns (no scope needed).
        h('thead', null, row('th', ['コード', '件数', '意味'])),
        h(
          'tbody',
          null,
          codes
            .slice(0, SUMMARY_ROWS)
            .map((entry) =>
              row('td', [rowLink(entry), number(entry.count), entry.description ?? NO_TABLE]),
            ),
        ),
      ),
    rest(codes.length - SUMMARY_ROWS, '種類のコード'),
    unreadable.length > 0 &&
      h(
        'details',
        { class: 'decoder-unreadable' },
        h('summary', null, `読み取れない行（${number(unreadable.length)} 件）`),
        h(
          'ul',
          null,
          unreadable
            .slice(0, PAGE)
            .map((record) =>
              h('li', null, `${record.line} 行目：${record.error} `, excerpt(record.input)),
            ),
        ),
        rest(unreadable.length - PAGE, '件'),
      ),
  ];
}

/**
 * The results of one run into `output`: `records` grows as the run decodes, and each call of
 * the function returned redraws them (`done` once all are in). One record is shown in full;
 * more get the summary first, then the record details collapsed and paged.
 */
export function resultView(
  output: HTMLOutputElement,
  notice: Child,
  records: readonly DecodedRecord[],
  options: ResultOptions,
): (done: boolean, context?: number) => void {
  const summary = h('section', { class: 'decoder-summary' });
  const list = h('div');
  const more = button('', () => showMore(PAGE));
  let shown = 0;

  /** Appends up to `count` more record details, and says how many remain. */
  function showMore(count: number): void {
    const next = records.slice(shown, shown + count);
    list.append(...next.map((record) => recordView(record, true, options)));
    shown += next.length;
    const left = records.length - shown;
    more.hidden = left <= 0;
    more.textContent = `さらに ${number(Math.min(left, PAGE))} 件を表示（残り ${number(left)} 件）`;
  }

  return (done, context = 0) => {
    if (done && records.length < 2) {
      setChildren(
        output,
        notice,
        records[0] ? recordView(records[0], false, options) : errorLine('コードが見つかりません。'),
        contextLine(context),
      );
      return;
    }
    if (records.length === 0) return;
    // The first draw with records puts the sections in place; later ones refill them.
    if (!summary.isConnected) {
      setChildren(
        output,
        notice,
        summary,
        h('section', { class: 'decoder-details' }, h('h3', null, 'レコードの詳細'), list, more),
      );
    }
    setChildren(summary, summaryView(records, done, options.weight, context));
    showMore((shown > 0 || done ? PAGE : FIRST_PAGE) - shown);
  };
}
