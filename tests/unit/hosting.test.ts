/**
 * What the build gives a static host: the header rules, written for Netlify and Cloudflare
 * Pages (`_headers`) and for nginx, with one meaning; and the warning of a build that was not
 * told its public origin.
 */
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parsePolicy } from '../../src/integrations/csp.ts';
import hosting, {
  headerRules,
  headersFile,
  headersFor,
  nginxConfig,
  parseHeadersFile,
} from '../../src/integrations/hosting.ts';

const policy = parsePolicy("default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'");
const rules = headerRules(policy);

describe('the header rules', () => {
  test('every page forbids framing and sniffing; the decoder sends no referrer', () => {
    const page = headersFor(rules, '/codes/access/-303/');
    expect(page.get('Content-Security-Policy')).toBe(
      "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'; frame-ancestors 'none'",
    );
    expect(page.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(page.get('Cache-Control')).toBeUndefined();
    expect(headersFor(rules, '/decoder/').get('Referrer-Policy')).toBe('no-referrer');
    expect(headersFor(rules, '/_astro/Decoder.x1.js').get('Cache-Control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  test('_headers is read back to the same rules', () => {
    expect(parseHeadersFile(headersFile(rules))).toEqual(rules);
    expect(headersFile(rules)).toMatch(/^# .*\n\/\*\n {2}Content-Security-Policy: /);
  });

  test('nginx: every location includes the shared headers and sets the rest itself', () => {
    const { snippet, site } = nginxConfig(rules);
    expect(snippet).toContain(
      `add_header Content-Security-Policy "${headersFor(rules, '/').get('Content-Security-Policy')}" always;`,
    );
    expect(snippet).not.toContain('Referrer-Policy');
    const locations = [...site.matchAll(/location (\S+) \{([^}]*)\}/g)].map(([, path, body]) => [
      path,
      body,
    ]);
    expect(locations.map(([path]) => path)).toEqual(['/', '/decoder/', '/_astro/']);
    for (const [, body] of locations)
      expect(body).toContain('include /etc/nginx/snippets/msdk-headers.conf;');
    expect(locations[1]![1]).toContain('add_header Referrer-Policy "no-referrer" always;');
    expect(locations[2]![1]).toContain(
      'add_header Cache-Control "public, max-age=31536000, immutable" always;',
    );
    expect(site).toContain('error_page 404 /404.html;');
  });
});

describe('a build without its public origin', () => {
  const warn = vi.fn();
  const logger = { warn, info: vi.fn() } as unknown as AstroIntegrationLogger;
  const setup = (command: string) =>
    (hosting(() => undefined).hooks['astro:config:setup'] as (options: unknown) => void)({
      command,
      config: { site: 'http://localhost:4321/' },
      logger,
    });

  afterEach(() => {
    warn.mockReset();
    vi.unstubAllEnvs();
  });

  test('warns that canonical URLs will point to localhost', () => {
    vi.stubEnv('SITE_URL', undefined);
    setup('build');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(
      /^SITE_URL is not set: canonical URLs, the sitemap, robots\.txt and copied links will point to http:\/\/localhost:4321\//,
    );
  });

  test('says nothing when SITE_URL is set, or outside a build', () => {
    vi.stubEnv('SITE_URL', 'https://codes.example.com');
    setup('build');
    vi.stubEnv('SITE_URL', undefined);
    setup('dev');
    expect(warn).not.toHaveBeenCalled();
  });
});
