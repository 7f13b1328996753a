/**
 * The records explorer's filter menus (every value of every filter, over all records): fetched by
 * its script, so the menus stay out of each page's HTML.
 */
import type { APIRoute } from 'astro';
import { recordsTable } from '../../build/records-table';

export const GET: APIRoute = async () => new Response(JSON.stringify((await recordsTable()).options), { headers: { 'Content-Type': 'application/json' } });
