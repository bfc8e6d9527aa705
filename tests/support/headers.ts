/**
 * The README's nginx configuration and the build's `dist/_headers` give the same headers
 * (`src/integrations/hosting.ts`). `node tests/support/headers.ts --write`
 * (npm run headers:update) writes the README's block from the built site; the nginx
 * end-to-end test reads the block back, checks it is current, and serves the site with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxConfig, parseHeadersFile, type HeaderRule } from '../../src/integrations/hosting.ts';
import { ROOT } from './catalog.ts';
import { DIST } from './published.ts';

export const README = join(ROOT, 'README.md');
const BEGIN = '<!-- nginx:begin (npm run headers:update writes this block from dist/_headers) -->';
const END = '<!-- nginx:end -->';

/** The header rules the build wrote. */
export const builtRules = (dist = DIST): HeaderRule[] =>
  parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));

/** The README block for a set of rules: the snippet and the server block, each fenced. */
export function readmeBlock(rules: readonly HeaderRule[]): string {
  const { snippet, site } = nginxConfig(rules);
  return `${BEGIN}\n\n\`\`\`nginx\n${snippet}\`\`\`\n\n\`\`\`nginx\n${site}\`\`\`\n\n${END}`;
}

/** The nginx files the README gives, by the path named in their first line. */
export function readmeNginxFiles(readme = readFileSync(README, 'utf8')): Map<string, string> {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error('the README has no nginx block');
  const files = new Map<string, string>();
  for (const [, body = ''] of readme.slice(start, end).matchAll(/```nginx\n([\s\S]*?)```/g)) {
    const path = /^# (\S+)\n/.exec(body)?.[1];
    if (path) files.set(path, body);
  }
  return files;
}

/** The README's current nginx block, exactly as written. */
export function readmeCurrentBlock(readme = readFileSync(README, 'utf8')): string {
  return readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
}

if (process.argv[1] === import.meta.filename && process.argv.includes('--write')) {
  const readme = readFileSync(README, 'utf8');
  writeFileSync(README, readme.replace(readmeCurrentBlock(readme), readmeBlock(builtRules())));
  console.log('README.md: nginx configuration written from dist/_headers');
}
