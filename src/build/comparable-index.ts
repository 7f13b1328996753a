/**
 * The records grouped by comparable key, worked out once per build: each record page lists the
 * runs comparable with it, and filtering every record on each of thousands of pages is quadratic.
 */
import { getCollection } from 'astro:content';
import { comparableGroups, comparableKey, type Dated } from '../lib/records/comparable';
import type { LabRecord } from '../lib/schema/record';
import { oncePerBuild } from './once-per-build';

async function load(): Promise<Map<string, Dated[]>> {
	return comparableGroups((await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data })));
}

/** The records comparable with `record` (itself included), newest first. The dev server recomputes on every request. */
export async function comparableCandidates(record: LabRecord): Promise<Dated[]> {
	const key = comparableKey(record);
	if (key === undefined) return [];
	const groups = await oncePerBuild('comparable-groups', load);
	return groups.get(key) ?? [];
}
