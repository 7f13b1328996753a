/** The optimization timeline as open data: each step's date, record, figures and gain, and against which run. */
import type { APIRoute } from 'astro';
import { siteTimeline } from '../build/timeline-data';
import { timelineExport } from '../lib/timeline/timeline';

export const GET: APIRoute = async () => new Response(`${JSON.stringify(timelineExport(await siteTimeline()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
