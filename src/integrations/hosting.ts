/**
 * What a static host needs besides the files:
 *
 * - `dist/_headers` (read by Netlify and Cloudflare Pages): the full Content-Security-Policy as
 *   a header, with what a `<meta>` policy cannot carry (`frame-ancestors 'none'`), plus
 *   `nosniff`, a Referrer-Policy (`no-referrer` on the decoder, whose URL may carry a share
 *   fragment), and long-lived caching for the hashed assets. `headerRules` is the one list of
 *   these; the README's nginx configuration gives the same (`npm run headers:update` writes it,
 *   and the nginx end-to-end test checks the two agree).
 * - A warning when a build has no public origin: canonical URLs, the sitemap and robots.txt
 *   would all point to localhost.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { decoderUrl } from '../lib/urls.ts';
import { policyText, type Policy } from './csp.ts';

/** Headers for the URLs that match a path pattern (`*` matches anything, also nothing). */
export interface HeaderRule {
  readonly path: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/** Long-lived caching: the file name carries a hash of the content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The headers of the site, by path. Hosts that merge the rules of several matching paths join
 * a repeated header's values with a comma; for Referrer-Policy the last value wins, so the
 * decoder's `no-referrer` overrides the default there.
 */
export function headerRules(policy: Policy): HeaderRule[] {
  const full = new Map(policy);
  // Only a header can forbid framing; a <meta> policy ignores frame-ancestors.
  full.set('frame-ancestors', ["'none'"]);
  return [
    {
      path: '/*',
      headers: [
        ['Content-Security-Policy', policyText(full)],
        ['X-Content-Type-Options', 'nosniff'],
        ['X-Frame-Options', 'DENY'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
      ],
    },
    { path: `${decoderUrl()}*`, headers: [['Referrer-Policy', 'no-referrer']] },
    { path: '/_astro/*', headers: [['Cache-Control', IMMUTABLE]] },
  ];
}

/** The rules in the `_headers` format of Netlify and Cloudflare Pages. */
export function headersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map(({ path, headers }) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Written by the build (src/integrations/hosting.ts); nginx: see the README.\n${blocks.join('\n')}\n`;
}

/** The headers a URL path gets: the first rule's, with each later matching rule's overriding. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    const pattern = new RegExp(
      `^${rule.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
    );
    if (!pattern.test(path)) continue;
    for (const [name, value] of rule.headers) headers.set(name, value);
  }
  return headers;
}

/** Where the nginx configuration expects its files (README, "Deploying"). */
export const NGINX_FILES = {
  snippet: '/etc/nginx/snippets/msdk-headers.conf',
  site: '/etc/nginx/conf.d/msdk-error-codes.conf',
  root: '/srv/msdk-error-codes/dist',
} as const;

/**
 * The same headers as an nginx configuration: a snippet with the headers every location shares,
 * and a server block. nginx drops the server's `add_header`s in a location that has its own,
 * so every location includes the snippet and adds the rest of its headers itself.
 */
export function nginxConfig(rules: readonly HeaderRule[]): { snippet: string; site: string } {
  const [base, ...others] = rules;
  if (!base || base.path !== '/*') throw new Error('the first header rule must be for /*');
  const overridden = new Set(others.flatMap((rule) => rule.headers.map(([name]) => name)));
  const line = (name: string, value: string) =>
    `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`;
  const snippet = base.headers
    .filter(([name]) => !overridden.has(name))
    .map(([name, value]) => line(name, value));
  /** A location: the snippet, then this path's own headers. */
  const location = (path: string, extra: string[]) => {
    const own = [...headersFor(rules, `${path}x`)]
      .filter(([name]) => overridden.has(name))
      .map(([name, value]) => `        ${line(name, value)}`);
    return [
      `    location ${path} {`,
      `        include ${NGINX_FILES.snippet};`,
      ...own,
      ...extra.map((text) => `        ${text}`),
      '    }',
    ];
  };
  const locations = others.map((rule) => rule.path.replace(/\*$/, ''));
  const site = [
    'server {',
    '    listen 80;',
    '    server_name codes.example.com;',
    `    root ${NGINX_FILES.root};`,
    '',
    '    charset utf-8;',
    '    charset_types text/plain text/xml application/json application/xml;',
    '    absolute_redirect off;',
    '    error_page 404 /404.html;',
    '    gzip on;',
    '    gzip_types text/css application/javascript application/json image/svg+xml text/plain application/xml;',
    '',
    ...location('/', ['try_files $uri $uri/ =404;']),
    ...locations.flatMap((path) => location(path, ['try_files $uri $uri/ =404;'])),
    '}',
  ];
  return {
    snippet: `# ${NGINX_FILES.snippet}\n${snippet.join('\n')}\n`,
    site: `# ${NGINX_FILES.site}\n${site.join('\n')}\n`,
  };
}

/** Reads a `_headers` file back into its rules. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Whether this build was given its public origin (SITE_URL, or `astro build --site`). */
const siteGiven = () => process.env.SITE_URL !== undefined || process.argv.includes('--site');

export default function hosting(policy: () => Policy | undefined): AstroIntegration {
  return {
    name: 'msdk-hosting',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'build' && !siteGiven()) {
          logger.warn(
            `SITE_URL is not set: canonical URLs, the sitemap, robots.txt and copied links will point to ${config.site ?? 'localhost'}. ` +
              'For a deploy, build with SITE_URL=https://your.domain npm run build.',
          );
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const finished = policy();
        if (!finished) throw new Error('msdk-hosting: the CSP step did not report the policy');
        await writeFile(
          fileURLToPath(new URL('_headers', dir)),
          headersFile(headerRules(finished)),
        );
        logger.info('wrote _headers (CSP, nosniff, Referrer-Policy, caching of hashed assets)');
      },
    },
  };
}
