/**
 * Built pages read as HTML, with a real parser (htmlparser2): what a page links to, its ids,
 * its visible text, its inline scripts. Tests never pick HTML apart with regular expressions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { isTag, isText, type Document, type Element } from 'domhandler';
import { DIST } from './published.ts';

export type { Document, Element };

/** A page's document, parsed. */
export const parseHtml = (html: string): Document => parseDocument(html);

/** The built page at a URL path (`codes/access/-303`, or `404.html`), parsed. */
export function builtPage(path: string, dist = DIST): Document {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  return parseHtml(readFileSync(join(dist, file), 'utf8'));
}

/** Every element of a document (or of an element), in document order. */
export const elements = (root: Document | Element): Element[] => findAll(() => true, root.children);

/** Every element with this tag name. */
export const byTag = (root: Document | Element, tag: string): Element[] =>
  elements(root).filter((element) => element.name === tag);

/** An attribute's value, or undefined. */
export const attr = (element: Element, name: string): string | undefined =>
  getAttributeValue(element, name);

/** Every `href` in a document, as written. */
export const hrefs = (root: Document | Element): Set<string> =>
  new Set(
    elements(root)
      .map((element) => attr(element, 'href'))
      .filter((href): href is string => href !== undefined),
  );

/** The visible text of a document: scripts, styles and templates left out, whitespace folded. */
export function visibleText(root: Document | Element): string {
  const parts: string[] = [];
  const walk = (nodes: Document['children']) => {
    for (const node of nodes) {
      if (isText(node)) parts.push(node.data);
      else if (isTag(node) && !['script', 'style', 'template'].includes(node.name)) {
        walk(node.children);
      }
    }
  };
  walk(root.children);
  // Text nodes are decoded by the parser (&lt; is <).
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The text of an element (its descendants' text, scripts included). */
export const text = (element: Element): string => textContent(element);
