/** The optimization timeline as open data: each step's date, record, figures and gain, and against which run. */
import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { computeTimeline, timelineExport } from '../lib/timeline/timeline';

export const GET: APIRoute = async () => {
	const annotations = (await getEntry('timeline', 'timeline'))?.data;
	const records = new Map((await getCollection('records')).map((entry) => [entry.id, entry.data]));
	const timeline = annotations ? computeTimeline(annotations, records) : { tracks: [], steps: [] };
	return new Response(`${JSON.stringify(timelineExport(timeline), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
