import type { APIRoute } from 'astro';
import { lookupData } from '../../lib/search/data.ts';
import { getCatalog } from '../../site/catalog.ts';

/** The exact code lookup's data, fetched by the search box when it opens (not a public URL). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(lookupData(await getCatalog())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
