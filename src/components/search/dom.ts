/** The few DOM helpers the search box's results are built with. */
import type { LookupRow } from '../../lib/search/index.ts';

/** An element with a class and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  element.append(...children);
  return element;
}

/** A link with a class and children. */
export function link(href: string, className: string, ...children: (Node | string)[]) {
  const a = el('a', className, ...children);
  a.href = href;
  return a;
}

/** One row as a result, linking to its page: its code, its table (or `label`), its description. */
export const rowItem = (row: LookupRow, label = row.tableName): HTMLLIElement =>
  el(
    'li',
    '',
    link(
      row.url,
      'exact-result',
      el('span', 'exact-result__code', String(row.code)),
      el('span', 'exact-result__table', label),
      el('span', 'exact-result__description', row.description),
    ),
  );
