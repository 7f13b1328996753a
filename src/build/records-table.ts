/**
 * The records explorer's rows, newest first, worked out once per build and shared by its pages
 * (/records/, /records/page/N/) and the rows file the browser filters (/records/rows/).
 */
import { getCollection } from 'astro:content';
import { explorerRow, filterOptions, type ExplorerRow } from '../lib/records/explorer';
import { missingLabels } from '../lib/schema/record';
import { oncePerBuild } from './once-per-build';

export interface RecordsTable {
	rows: ExplorerRow[];
	missingByRecord: Record<string, string[]>;
	options: ReturnType<typeof filterOptions>;
	incomplete: number;
}


async function load(): Promise<RecordsTable> {
	const entries = (await getCollection('records')).sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
	const rows = entries.map((entry) => explorerRow(entry.id, entry.data));
	return {
		rows,
		missingByRecord: Object.fromEntries(entries.map((entry) => [entry.id, missingLabels(entry.data)])),
		options: filterOptions(rows),
		incomplete: rows.filter((row) => row.incomplete).length,
	};
}

/** Once per build, held by the lab session (pages of one build share it). */
export function recordsTable(): Promise<RecordsTable> {
	// The dev server recomputes on every request: a saved note shows at once.
	return oncePerBuild('records-table', load);
}
