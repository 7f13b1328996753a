/**
 * The runs each note or data file reports, worked out once per build: every note and data page
 * shows its file's runs, and asking all records on each of thousands of pages is quadratic.
 */
import { getCollection } from 'astro:content';
import { runsByFile } from '../lib/records/file-runs';
import type { LabRecord } from '../lib/schema/record';
import { oncePerBuild } from './once-per-build';

type Run = { id: string; record: LabRecord };

async function load(): Promise<Map<string, Run[]>> {
	return runsByFile((await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data })));
}

/** The runs of `path`, in date then id order. The dev server recomputes on every request. */
export async function fileRuns(path: string): Promise<Run[]> {
	const index = await oncePerBuild('file-runs', load);
	return index.get(path) ?? [];
}
