import type { APIRoute } from 'astro';
import { SITE_TITLE } from '../lib/search/identity.ts';
import { openSearchDescription } from '../lib/search/opensearch.ts';

/** The OpenSearch description, linked from every page's head (astro.config.mjs, `head`). */
export const GET: APIRoute = ({ site }) =>
  new Response(
    openSearchDescription({
      origin: site ?? 'http://localhost:4321',
      shortName: SITE_TITLE,
      description: `${SITE_TITLE}：エラーコードを番号（-303、errcode 40001）または語句で探します。`,
    }),
    { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } },
  );
