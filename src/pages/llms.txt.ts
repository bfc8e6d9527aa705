import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { TableSlug } from '../lib/catalog/index.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/search/identity.ts';
import { llmsTxt, type LlmsSite } from '../lib/search/llms.ts';
import { getCatalog, getTopics } from '../site/catalog.ts';

/** The site for machines in the llms.txt format (https://llmstxt.org). */
export const GET: APIRoute = async ({ site }) =>
  new Response(llmsTxt(await getCatalog(), await getTopics(), await llmsSite(site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The site as both llms files describe it, with each table's search words. */
export async function llmsSite(site: URL | undefined): Promise<LlmsSite> {
  const tables = await getCollection('tables');
  return {
    origin: site ?? 'http://localhost:4321',
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    keywords: Object.fromEntries(
      tables.map((entry) => [entry.id as TableSlug, entry.data.keywords ?? []]),
    ),
  };
}
