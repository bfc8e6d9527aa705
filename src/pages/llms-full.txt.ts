import type { APIRoute } from 'astro';
import { llmsFullTxt } from '../lib/search/llms.ts';
import { getCatalog } from '../site/catalog.ts';
import { llmsSite } from './llms.txt.ts';

/** Every row of every table as text, for machines (linked from `/llms.txt`). */
export const GET: APIRoute = async ({ site }) =>
  new Response(llmsFullTxt(await getCatalog(), await llmsSite(site)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
