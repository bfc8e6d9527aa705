import type { APIRoute } from 'astro';
import { catalogJson } from '../../lib/export.ts';
import { getCatalog, getTopics } from '../../site/catalog.ts';

/** The whole catalog, machine-readable (format documented in the README). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(catalogJson(await getCatalog(), await getTopics()), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
