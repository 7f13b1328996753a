import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { recordsJson } from '../lib/records/open-data';
import { withBase } from '../lib/site/paths';
import { sitePages } from '../lib/lab/lab-paths';

export const GET: APIRoute = async ({ site }) => {
	const base = import.meta.env.BASE_URL;
	const absolute = (path: string) => new URL(withBase(base, path), site).toString();
	const records = (await getCollection('records'))
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((entry) => ({ id: entry.id, page: absolute(sitePages.record(entry.id)), record: entry.data }));
	return new Response(recordsJson(records, absolute('schema/record.json')), { headers: { 'Content-Type': 'application/json' } });
};
