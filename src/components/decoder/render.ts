/**
 * DOM for the decoder's results. Everything taken from the paste is put in the page as text
 * nodes (`append` of a string, never `innerHTML`), so a pasted `<img onerror>` stays text.
 * Every href comes from the decoder's records, which build them with `src/lib/urls.ts`.
 */
import { ACTIONS, LAYERS, TABLE_NAMES, type Catalog } from '../../lib/catalog/index.ts';
import type { Candidate, DecodedRecord, ErrTypeCheck, RowRef } from '../../lib/decode/types.ts';
import { redact } from '../../lib/decode/redact.ts';
import { ticketText } from '../../lib/ticket.ts';
import { actionUrl } from '../../lib/urls.ts';
import { copyText } from '../clipboard.ts';

/** A child for `h`: a node, a text (never parsed as HTML), or nothing. */
export type Child = Node | string | null | undefined | false;

/** Replaces an element's children; strings become text nodes, empty values are skipped. */
export function fill<E extends Element>(element: E, children: readonly Child[]): E {
  element.replaceChildren();
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Creates an element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) element.setAttribute(name, value);
  return fill(element, children);
}

/** Pasted text is shown up to this many characters, so a huge line cannot bloat the page. */
const EXCERPT = 300;

/** The start of a pasted text, saying how much was left out. */
export function excerpt(text: string): string {
  return text.length <= EXCERPT
    ? text
    : `${text.slice(0, EXCERPT)}…（残り ${(text.length - EXCERPT).toLocaleString('ja-JP')} 文字を省略）`;
}

const FORMS: Record<NonNullable<DecodedRecord['form']>, string> = {
  'msdk-response': 'MSDK の応答',
  'wechat-body': 'ウィーチャットの応答',
  'qq-oauth-body': 'QQ OAuth の応答',
  pairs: 'ret と msg の組',
  'bare-code': 'コードのみ',
  'bare-msg': 'msg の値',
};

/** How a row is named in a link: its code and its table. */
const rowName = (row: Pick<RowRef, 'table' | 'code'>): string =>
  `${row.code} ${TABLE_NAMES[row.table]}`;

const code = (value: number | string): HTMLElement => h('code', null, String(value));

/** A link to a row: its code and table as the link, its description after it. */
function rowLink(row: RowRef): HTMLElement {
  return h(
    'li',
    null,
    h('a', { href: row.url }, code(row.code), ` ${TABLE_NAMES[row.table]}`),
    `：${row.description}`,
  );
}

/** A name/value pair of a `<dl>`, left out when the value is empty. */
function fact(term: string, ...value: Child[]): Child[] {
  return value.some(Boolean) ? [h('dt', null, term), h('dd', null, ...value)] : [];
}

function candidateItem(candidate: Candidate, index: number): HTMLElement {
  return h(
    'li',
    { class: 'decoder-candidate' },
    h(
      'p',
      { class: 'decoder-candidate__head' },
      h(
        'a',
        { class: 'decoder-candidate__link', href: candidate.url, 'data-candidate': '' },
        code(candidate.code),
        ` ${TABLE_NAMES[candidate.table]}`,
      ),
      ' ',
      h(
        'a',
        {
          class: 'action-badge',
          'data-action': candidate.action,
          href: actionUrl(candidate.action),
        },
        ACTIONS[candidate.action].label,
      ),
      index === 0 && h('span', { class: 'decoder-candidate__best' }, '最有力'),
    ),
    h('p', { class: 'decoder-candidate__description' }, candidate.description),
    h(
      'dl',
      { class: 'decoder-facts' },
      ...fact('推奨処理', candidate.handling || '（原文に記載なし）'),
      ...fact('理由', candidate.reason),
    ),
  );
}

/**
 * The site's public origin, as the build wrote it into the canonical link (`SITE_URL`), so a
 * ticket carries the same permanent URL as the code pages' copy buttons.
 */
const siteOrigin = (): string =>
  document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.origin;

/**
 * "Copy for ticket" for a decoded record: its best row, the permanent link, and the record
 * as pasted with tokens, keys and openids redacted. Says in words when it has copied.
 */
function ticketLine(record: DecodedRecord, best: Candidate): HTMLElement {
  const status = h('span', { class: 'decoder-ticket__status', role: 'status' });
  const button = h('button', { type: 'button', class: 'decoder-button' }, 'チケット用にコピー');
  button.addEventListener('click', () => {
    const text = ticketText(
      {
        code: best.code,
        tableName: TABLE_NAMES[best.table],
        description: best.description,
        actionLabel: ACTIONS[best.action].label,
        url: new URL(best.url, siteOrigin()).href,
      },
      redact(record.input),
    );
    void copyText(text).then((ok) => {
      status.textContent = ok
        ? 'チケット用の文面をコピーしました（トークン等は伏せてあります）。'
        : 'コピーできませんでした。';
    });
  });
  return h('p', { class: 'decoder-ticket-line' }, button, ' ', status);
}

/** The err_type check: a verdict in words and with a sign (not colour alone), then why. */
function errTypeLine(check: ErrTypeCheck): HTMLElement {
  const [state, sign, word] =
    check.agrees === true
      ? ['agree', '✓', '一致']
      : check.agrees === false
        ? ['disagree', '✗', '不一致']
        : ['none', '－', '比較なし'];
  return h(
    'p',
    { class: 'decoder-errtype', 'data-agrees': state },
    h(
      'strong',
      { class: 'decoder-errtype__verdict' },
      h('span', { 'aria-hidden': 'true' }, sign),
      ` ${word}`,
    ),
    '：',
    check.note,
  );
}

/** An error as visible text. */
export function errorLine(message: string): HTMLElement {
  return h(
    'p',
    { class: 'decoder-error', 'data-error': '' },
    h('span', { 'aria-hidden': 'true' }, '⚠ '),
    message,
  );
}

/** The title of a record: its line, and what was found in it. */
export function recordTitle(record: DecodedRecord): string {
  const parts = [`${record.line} 行目`];
  if (record.error) parts.push('読み取れません');
  else {
    if (record.code !== null) parts.push(`コード ${record.code}`);
    if (record.form) parts.push(FORMS[record.form]);
  }
  return parts.join(' · ');
}

/** The body of one record: candidates first (best first), then the facts around them. */
export function recordBody(catalog: Catalog, record: DecodedRecord): HTMLElement {
  const body = h('div', { class: 'decoder-record__body' });
  if (record.error) {
    body.append(errorLine(record.error));
  } else if (record.candidates.length > 0) {
    body.append(
      h('ol', { class: 'decoder-candidates' }, ...record.candidates.map(candidateItem)),
      ticketLine(record, record.candidates[0]!),
    );
  } else {
    body.append(
      h(
        'p',
        { class: 'decoder-none' },
        record.code === null
          ? 'コードが見つかりませんでした。'
          : record.elsewhere.length > 0
            ? `コード ${record.code} は、この届き方で引く表にはありません。`
            : `コード ${record.code} はどの表にもありません。`,
      ),
    );
    if (record.elsewhere.length > 0) {
      body.append(
        h('p', null, 'ほかの届き方の表にある同じ番号（貼り付けた経路を確認してください）：'),
        h('ul', { class: 'decoder-elsewhere' }, ...record.elsewhere.map(rowLink)),
      );
    }
    if (record.range) {
      body.append(
        h(
          'p',
          null,
          '範囲：',
          h('a', { href: record.range.url }, rowName(record.range)),
          `（${record.range.description}）`,
        ),
      );
    }
    if (record.nearest.length > 0) {
      body.append(
        h('p', null, '近い番号の既知コード：'),
        h('ul', { class: 'decoder-nearest' }, ...record.nearest.map(rowLink)),
      );
    }
  }
  const envelope = record.envelope;
  body.append(
    h(
      'dl',
      { class: 'decoder-facts' },
      ...fact(
        '包み',
        envelope &&
          h(
            'a',
            { href: envelope.url },
            `${LAYERS[catalog.table(envelope.table).layer].label} ${envelope.code} の包み`,
          ),
        envelope && `：${envelope.description}`,
      ),
      ...fact('err_type', record.errType && errTypeLine(record.errType)),
      ...fact('エンドポイント', record.endpoint && code(record.endpoint)),
      ...fact('メッセージ（原文）', record.message !== null && code(excerpt(record.message))),
      ...fact('入力', h('code', { class: 'decoder-input-echo' }, excerpt(record.input))),
    ),
  );
  return body;
}

/** One record shown in full, as the only result. */
export function recordArticle(catalog: Catalog, record: DecodedRecord): HTMLElement {
  return h(
    'article',
    { class: 'decoder-record', 'data-record': '' },
    h('h3', null, recordTitle(record)),
    recordBody(catalog, record),
  );
}

/** One record folded into a `<details>`, its body built only when first opened. */
export function recordDetails(catalog: Catalog, record: DecodedRecord): HTMLElement {
  const best = record.candidates[0];
  const details = h(
    'details',
    { class: 'decoder-record', 'data-record': '' },
    h('summary', null, recordTitle(record), best ? ` → ${rowName(best)}：${best.description}` : ''),
  );
  // Building the body on first open keeps a 10,000-line paste's first paint small.
  details.addEventListener(
    'toggle',
    () => {
      if (details.open) details.append(recordBody(catalog, record));
    },
    { once: true },
  );
  return details;
}
