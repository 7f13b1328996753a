/**
 * The optimization timeline of the site's records and annotations, worked out once per build and
 * shared by the timeline page, its chart's data and /timeline.json.
 */
import { getCollection, getEntry } from 'astro:content';
import { computeTimeline, type Timeline } from '../lib/timeline/timeline';
import { oncePerBuild } from './once-per-build';

async function load(): Promise<Timeline> {
	const annotations = (await getEntry('timeline', 'timeline'))?.data;
	const records = new Map((await getCollection('records')).map((entry) => [entry.id, entry.data]));
	return annotations ? computeTimeline(annotations, records) : { tracks: [], steps: [] };
}

/** Once per build; the dev server recomputes on every request, so a saved note shows at once. */
export function siteTimeline(): Promise<Timeline> {
	return oncePerBuild('timeline', load);
}
