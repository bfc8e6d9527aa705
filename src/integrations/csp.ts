/**
 * The Content-Security-Policy of the built pages, finished after the build:
 *
 * - Astro puts every hash the site may need into every page's CSP `<meta>`. Each page keeps
 *   only the hashes of the inline scripts and style attributes it really has: a stricter
 *   policy, and about 1 KB less HTML per page (base64 hashes do not compress).
 * - Astro writes the `<meta>` at the end of `<head>`; it is moved to the top, right after
 *   `<meta charset>`, so the policy is in force before anything in the head that carries data
 *   (the title, the description).
 * - The union of the pages' policies is handed to `onPolicy`: the policy a host sends as a
 *   header for every page (`src/integrations/hosting.ts`).
 *
 * Pages without a CSP meta (Astro's redirect pages) are left alone.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isTag, isText, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/;
const CHARSET = /<meta charset="[^"]*"\s*\/?>/;
const HASH = /^'sha(?:256|384|512)-[A-Za-z0-9+/=]+'$/;
const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** A policy as its directives, each with its tokens in order. */
export type Policy = Map<string, string[]>;

/** Parses a policy text (`default-src 'self'; script-src …`). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const directive of text.split(';')) {
    const [name, ...tokens] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), tokens);
  }
  return policy;
}

/** Writes a policy as text, one `; ` between directives. */
export const policyText = (policy: Policy): string =>
  [...policy].map(([name, tokens]) => [name, ...tokens].join(' ')).join('; ');

/** What a page runs inline, each as the CSP hash source that allows it (`'sha256-…'`). */
export interface InlineHashes {
  /** Inline `<script>` elements (JSON data blocks run nothing and are left out). */
  readonly scripts: Set<string>;
  /** Inline `<style>` elements. */
  readonly styles: Set<string>;
  /** `style="…"` attributes, by their value as the browser reads it. */
  readonly styleAttributes: Set<string>;
}

/** The inline code of one page, hashed as a Content-Security-Policy names it. */
export function inlineHashes(html: string): InlineHashes {
  const hashes: InlineHashes = {
    scripts: new Set(),
    styles: new Set(),
    styleAttributes: new Set(),
  };
  const source = (text: string) => `'${sha256(text)}'`;
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const body = () => node.children.map((child) => (isText(child) ? child.data : '')).join('');
      const type = node.attribs['type'] ?? '';
      if (node.name === 'script' && node.attribs['src'] === undefined && !/json/.test(type)) {
        hashes.scripts.add(source(body()));
      } else if (node.name === 'style') hashes.styles.add(source(body()));
      if (node.attribs['style'] !== undefined) {
        hashes.styleAttributes.add(source(node.attribs['style']));
      }
      walk(node.children);
    }
  };
  walk(parseDocument(html).children);
  return hashes;
}

/**
 * One page with its policy finished: only the hashes it uses, the `<meta>` first in `<head>`.
 * Returns the page and its policy (null for a page without a CSP meta).
 */
export function finishPage(html: string): { html: string; policy: Policy | null } {
  const meta = META.exec(html);
  if (!meta) return { html, policy: null };
  const { scripts, styles, styleAttributes } = inlineHashes(html);
  const needed = new Set([...scripts, ...styles, ...styleAttributes]);
  const policy = parsePolicy(meta[1]!);
  for (const [name, tokens] of policy) {
    policy.set(
      name,
      tokens.filter((token) => !HASH.test(token) || needed.has(token)),
    );
  }
  const tag = `<meta http-equiv="content-security-policy" content="${policyText(policy)}">`;
  const without = html.replace(meta[0], '');
  const charset = CHARSET.exec(without);
  const at = charset
    ? charset.index + charset[0].length
    : without.indexOf('<head>') + '<head>'.length;
  return { html: `${without.slice(0, at)}${tag}${without.slice(at)}`, policy };
}

/** The union of several policies: every directive of any, with every token of any. */
export function unionPolicy(policies: Iterable<Policy>): Policy {
  const union: Policy = new Map();
  for (const policy of policies) {
    for (const [name, tokens] of policy) {
      union.set(name, [...new Set([...(union.get(name) ?? []), ...tokens])]);
    }
  }
  return union;
}

export default function csp(onPolicy: (policy: Policy) => void): AstroIntegration {
  return {
    name: 'msdk-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies: Policy[] = [];
        for (const file of await readdir(root, { recursive: true })) {
          if (!file.endsWith('.html')) continue;
          const path = join(root, file);
          const { html, policy } = finishPage(await readFile(path, 'utf8'));
          if (!policy) continue;
          policies.push(policy);
          await writeFile(path, html);
        }
        onPolicy(unionPolicy(policies));
        logger.info(
          `${policies.length} pages: CSP meta first in <head>, only the hashes each uses`,
        );
      },
    },
  };
}
