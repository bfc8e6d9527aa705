/**
 * The exact code lookup inside a Pagefind search box (Starlight's dialog, or the `/search/`
 * page). Above Pagefind's text results it shows, as the reader types and without Pagefind's
 * debounce, the rows whose (table, code) match a query that is one code (`src/lib/search`),
 * each a link to its code page; for a query that looks like a paste, the decoder's best
 * candidate and a link that opens the decoder with the text. The arrow keys move between the
 * input and every result link; Enter in the input follows the first result.
 *
 * This module, its styles and its data load when the search box first opens, never with the
 * page; the decoder's code loads only for a paste (`paste.ts`).
 */
import type { LookupData } from '../../lib/search/data.ts';
import { exactLookup, looksLikePaste, type ExactLookup } from '../../lib/search/index.ts';
import stylesUrl from './search.css?url';
import { el, link, rowItem } from './dom.ts';
import { inNoTable, notOnRoute } from '../../lib/words/index.ts';
import { ROUTE_WORDS } from '../../lib/words/pages.ts';

/** The lookup's data and styles, loaded once per page. */
let loading: Promise<LookupData | null> | undefined;

/** Fetches the data (from `dataUrl`) and links the styles; null when the data cannot load. */
function load(dataUrl: string): Promise<LookupData | null> {
  if (loading) return loading;
  const data = fetch(dataUrl)
    .then((response) => (response.ok ? (response.json() as Promise<LookupData>) : null))
    // Without its data the box is Pagefind alone, as before.
    .catch(() => null);
  // A stylesheet file: imported as CSS, Astro would inline the styles into every page.
  const styled = new Promise<void>((resolve) => {
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = stylesUrl;
    sheet.onload = sheet.onerror = () => resolve();
    document.head.append(sheet);
  });
  return (loading = Promise.all([data, styled]).then(([loaded]) => loaded));
}

/** A list of results under a caption (none when `caption` is empty). */
function group(caption: string, items: readonly HTMLLIElement[]): Node[] {
  if (!items.length) return [];
  return [
    ...(caption ? [el('p', 'exact-results__caption', caption)] : []),
    el('ul', 'exact-results__list', ...items),
  ];
}

/** What the box shows for one code: its rows, or what is known of a number no row has. */
function lookupView({ query, candidates, elsewhere, numberUrl, otherSign }: ExactLookup) {
  const name = `${ROUTE_WORDS[query.route].short} ${query.code}`;
  const status = candidates.length
    ? `${name} に一致する行：${candidates.length} 件`
    : elsewhere.length
      ? notOnRoute(name)
      : inNoTable(name);
  const items = (rows: ExactLookup['candidates']) => rows.map((row) => rowItem(row));
  return {
    status,
    body: [
      ...group('', items(candidates)),
      ...group(`ほかの表の ${query.code}（この届き方では届きません）：`, items(elsewhere)),
      ...group(`符号の違う ${-query.code}：`, items(otherSign)),
      ...(numberUrl
        ? [
            el(
              'p',
              'exact-results__more',
              link(numberUrl, 'exact-results__number', `番号 ${query.code} の意味を表ごとに比べる`),
            ),
          ]
        : []),
    ],
  };
}

/** Waits for the input Pagefind's UI renders into `root` (it mounts when the page is idle). */
function whenInput(root: HTMLElement, then: (input: HTMLInputElement) => void): void {
  const find = () => root.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
  const input = find();
  if (input) return then(input);
  const observer = new MutationObserver(() => {
    const found = find();
    if (!found) return;
    observer.disconnect();
    then(found);
  });
  observer.observe(root, { childList: true, subtree: true });
}

/**
 * Adds the exact results to the Pagefind UI in `root`, between its input and its results,
 * with the lookup's data from `dataUrl`. Calling it again for the same root does nothing.
 */
export function attachExactResults(root: HTMLElement, dataUrl: string): void {
  if (root.dataset.exactResults !== undefined) return;
  root.dataset.exactResults = '';
  const ready = load(dataUrl);
  whenInput(root, (input) => {
    const section = el('section', 'exact-results');
    section.setAttribute('aria-label', 'コード番号の一致');
    const status = el('p', 'exact-results__status');
    status.setAttribute('aria-live', 'polite');
    const body = el('div', 'exact-results__body');
    section.append(status, body);
    const drawer = input.form?.querySelector('.pagefind-ui__drawer');
    if (drawer) drawer.before(section);
    else input.after(section);

    /** Bumped for every update, so that a paste read late does not overwrite newer text. */
    let generation = 0;
    /** Shows what was found for `query` (which the section names in `data-query`). */
    const show = (query: string, text: string, nodes: Node[]) => {
      status.textContent = text;
      body.replaceChildren(...nodes);
      section.dataset.query = query;
    };

    async function update(): Promise<void> {
      const current = ++generation;
      const text = input.value;
      const data = await ready;
      if (current !== generation) return;
      const exact = data && exactLookup(data, text);
      if (exact) {
        const view = lookupView(exact);
        return show(text, view.status, view.body);
      }
      if (!data || !looksLikePaste(text)) return show(text, '', []);
      const { readPaste, pasteView } = await import('./paste.ts');
      const reading = await readPaste(data.catalog, text);
      if (current !== generation) return;
      const view = pasteView(reading);
      show(text, view.status, view.body);
    }

    input.addEventListener('input', () => void update());
    // Pagefind empties the box itself (Escape, its clear button) without an input event; the
    // box is read again once it has, and whenever the reader comes back to it.
    const later = () => setTimeout(() => void update());
    input.addEventListener('focus', () => void update());
    input.addEventListener('keydown', (event) => event.key === 'Escape' && later());
    input.form?.querySelector('.pagefind-ui__search-clear')?.addEventListener('click', later);
    root.addEventListener('keydown', (event) => move(event, root, input, body));
    void update();
  });
}

/**
 * The keyboard in the box: the arrow keys move between the input and every result link (the
 * exact results, then Pagefind's), and Enter in the input follows the first exact result.
 */
function move(event: KeyboardEvent, root: HTMLElement, input: HTMLInputElement, body: Element) {
  const { key } = event;
  if (key !== 'ArrowDown' && key !== 'ArrowUp' && key !== 'Enter') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
  const first = body.querySelector<HTMLAnchorElement>('a[href]');
  if (key === 'Enter') {
    if (event.target === input && first) {
      event.preventDefault();
      first.click();
    }
    return;
  }
  const stops: HTMLElement[] = [
    input,
    ...body.querySelectorAll<HTMLAnchorElement>('a[href]'),
    ...root.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__results a[href]'),
  ];
  const at = stops.indexOf(event.target as HTMLElement);
  const next = stops[at + (key === 'ArrowDown' ? 1 : -1)];
  if (at < 0 || !next) return;
  event.preventDefault();
  next.focus();
}
