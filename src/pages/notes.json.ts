/** Every note as open data: path, title, date, track, outcome and where it came from, headline record. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sitePages } from '../lib/lab/lab-paths';
import { withBase } from '../lib/site/paths';

export const GET: APIRoute = async ({ site }) => {
	const base = import.meta.env.BASE_URL;
	const absolute = (path: string) => (site ? new URL(withBase(base, path), site).toString() : withBase(base, path));
	const notes = (await getCollection('notes'))
		.map((note) => ({
			path: note.data.sourcePath,
			page: absolute(sitePages.note(note.id)),
			title: note.data.title,
			date: note.data.date ?? null,
			dateFrom: note.data.dateSource ?? null,
			track: note.data.track ?? null,
			outcome: note.data.outcome ?? null,
			outcomeFrom: note.data.outcomeFrom ?? null,
			headlineRecord: note.data.headline?.recordId ?? null,
			headline: note.data.headline ? `${note.data.headline.figure} (${note.data.headline.context})` : null,
		}))
		.sort((a, b) => a.path.localeCompare(b.path));
	return new Response(`${JSON.stringify({ count: notes.length, notes }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
