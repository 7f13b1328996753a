import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { recordsCsv } from '../lib/records/open-data';
import { withBase } from '../lib/site/paths';
import { sitePages } from '../lib/lab/lab-paths';

export const GET: APIRoute = async ({ site }) => {
	const base = import.meta.env.BASE_URL;
	const records = (await getCollection('records'))
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((entry) => ({ id: entry.id, page: new URL(withBase(base, sitePages.record(entry.id)), site).toString(), record: entry.data }));
	return new Response(recordsCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
