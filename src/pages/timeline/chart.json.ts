/**
 * The timeline chart's data, fetched by its script: the page carries the table of steps, not a
 * second copy of every step as JSON.
 */
import type { APIRoute } from 'astro';
import { siteTimeline } from '../../build/timeline-data';
import { timelineChartData } from '../../lib/timeline/timeline';
import { withBase } from '../../lib/site/paths';
import { sitePages } from '../../lib/lab/lab-paths';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(timelineChartData(await siteTimeline(), (id) => withBase(import.meta.env.BASE_URL, sitePages.record(id)))), { headers: { 'Content-Type': 'application/json' } });
