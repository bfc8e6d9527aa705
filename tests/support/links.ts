/**
 * Checks the internal links of a built site without a browser: every `href`, `src`, `srcset`,
 * form `action` and meta-refresh target in every HTML file of `dist` must name a file of
 * `dist` (a URL ending in `/` names its `index.html`; redirect pages are ordinary files), and
 * every `#fragment` must be an `id` or `name` in the target page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { attr, elements, parseHtml } from './html.ts';

/** One link that does not resolve, with the page it is on. */
export interface BrokenLink {
  /** The page the link is on, as a URL path, e.g. `/codes/access/-303/`. */
  page: string;
  /** The attribute and its value as written, e.g. `href="/codes/acess/"`. */
  link: string;
  /** Why it is broken, in words. */
  reason: string;
}

/** Every HTML file under `dir`, as paths relative to it with `/` separators. */
export function htmlFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** The URL path a built file is served at: `codes/x/index.html` → `/codes/x/`. */
export function urlOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The link targets written in a page: `[attribute, value]` pairs. */
export function linksOf(html: string, { canonical = true } = {}): [string, string][] {
  const links: [string, string][] = [];
  for (const element of elements(parseHtml(html))) {
    const { name: tag } = element;
    if (!canonical && tag === 'link' && attr(element, 'rel') === 'canonical') continue;
    for (const name of ['href', 'src', 'action', 'poster']) {
      const value = attr(element, name);
      if (value !== undefined) links.push([name, value]);
    }
    const srcset = attr(element, 'srcset');
    if (srcset) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) links.push(['srcset', url]);
      }
    }
    if (tag === 'meta' && attr(element, 'http-equiv')?.toLowerCase() === 'refresh') {
      const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attr(element, 'content') ?? '')?.[1];
      if (url) links.push(['meta refresh', url.trim()]);
    }
  }
  return links;
}

/** Every `id` and `name` in a page: the fragments it can be linked to. */
export function anchorsOf(html: string): Set<string> {
  const anchors = new Set<string>();
  for (const element of elements(parseHtml(html))) {
    for (const name of ['id', 'name']) {
      const value = attr(element, name);
      if (value) anchors.add(value);
    }
  }
  return anchors;
}

/** Checks every internal link of the site in `dist`; `origin` is the site's own origin. */
export function checkLinks(
  dist: string,
  origin: string,
): { pages: number; links: number; broken: BrokenLink[] } {
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let set = anchors.get(file);
    if (!set) anchors.set(file, (set = anchorsOf(readFileSync(join(dist, file), 'utf8'))));
    return set;
  };
  const isFile = (file: string) =>
    existsSync(join(dist, file)) && statSync(join(dist, file)).isFile();

  const files = htmlFiles(dist);
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const page = urlOf(file);
    const base = new URL(page, origin);
    // The 404 page is served at every unknown address, so the canonical URL Starlight gives
    // it (`/404/`, after its route) names no page; every other page's canonical is checked.
    const html = readFileSync(join(dist, file), 'utf8');
    for (const [attr, value] of linksOf(html, { canonical: file !== '404.html' })) {
      const report = (reason: string) => broken.push({ page, link: `${attr}="${value}"`, reason });
      // Other sites, mailto:, tel: and the like are not this site's to check.
      if (value === '') continue;
      const url = new URL(value, base);
      if (url.origin !== base.origin) continue;
      links++;
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        report('the path is not valid percent-encoding');
        continue;
      }
      const target = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
      if (!isFile(target)) {
        report(
          !path.endsWith('/') && isFile(`${path.slice(1)}/index.html`)
            ? `no trailing slash: the page is ${path}/`
            : `no file dist/${target}`,
        );
        continue;
      }
      if (!url.hash || url.hash === '#') continue;
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (!target.endsWith('.html')) report(`a #fragment on ${target}, which is not a page`);
      else if (!anchorsIn(target).has(fragment))
        report(`no id or name "${fragment}" in ${urlOf(target)}`);
    }
  }
  return { pages: files.length, links, broken };
}
