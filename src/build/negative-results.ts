/**
 * The negative-results table's rows, newest first, worked out once per build and shared by its
 * pages (/negative-results/, /negative-results/page/N/) and the rows file the browser filters.
 */
import { getCollection } from 'astro:content';
import { tableFilterOptions, type TableRow } from '../lib/tables/table-state';
import { attemptRow, negativeNoteRows, negativeRecordRows, type NegativeRow } from '../lib/timeline/negatives';
import { headlineRun, runsByNote } from '../lib/records/note-runs';
import { NEGATIVE_STATUSES } from '../lib/lab/status';
import { NEGATIVES_SPEC, negativesTableRow } from '../lib/timeline/negatives-table';
import { labPageContext, type LabPageContext } from './page-context';
import { oncePerBuild } from './once-per-build';

export interface NegativeResultsTable {
	page: LabPageContext;
	rows: NegativeRow[];
	tableRows: TableRow[];
	options: Record<string, string[]>;
	/** The largest delta, for the delta bars' common scale. */
	largest: number;
}


async function load(base: string): Promise<NegativeResultsTable> {
	const page = await labPageContext(base);
	const records = (await getCollection('records')).map((entry) => ({ id: entry.id, record: entry.data }));
	const notes = (await getCollection('notes')).map((note) => ({ ...note.data, path: note.data.sourcePath }));
	const byNote = runsByNote(records);
	const references = records.filter((entry) => !NEGATIVE_STATUSES.has(entry.record.status));
	const runOf = (path: string) => {
		const run = headlineRun(path, byNote.get(path));
		return run ? attemptRow(run, references) : undefined;
	};
	const negativeRecordOf = (path: string) => (byNote.get(path) ?? []).some((entry) => NEGATIVE_STATUSES.has(entry.record.status));
	const rows = [...negativeRecordRows(records), ...negativeNoteRows(notes, runOf, negativeRecordOf)].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
	const tableRows = rows.map((row) => negativesTableRow(row, page.tracks));
	return { page, rows, tableRows, options: tableFilterOptions(tableRows, NEGATIVES_SPEC.filters), largest: Math.max(10, ...rows.map((row) => Math.abs(row.delta ?? 0))) };
}

/** Once per build, held by the lab session (pages of one build share it). */
export function negativeResultsTable(base: string): Promise<NegativeResultsTable> {
	return oncePerBuild('negative-results', () => load(base));
}
