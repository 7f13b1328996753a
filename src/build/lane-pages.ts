/**
 * A lane's view (its ranked runs, runs kept apart, current best and promotions) and its runs' static
 * pages, worked out once per build for the lane's page and each of its later pages.
 */
import { getCollection } from 'astro:content';
import { laneRunPages, laneView } from '../lib/records/lane-view';
import type { LabRecord } from '../lib/schema/record';
import { rowsPerPage } from '../lib/tables/pages';
import { oncePerBuild } from './once-per-build';

type Entry = { id: string; record: LabRecord };

async function load(laneId: string) {
	const entries: Entry[] = (await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data }));
	const view = laneView(laneId, entries);
	return { view, pages: laneRunPages(view, rowsPerPage(process.env)) };
}

export const lanePages = (laneId: string) => oncePerBuild(`lane:${laneId}`, () => load(laneId));
