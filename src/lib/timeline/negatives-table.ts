/** The negative-results table: its filters, sortable columns and the rows the browser filters. */
import { trackLabel, type Track } from '../lab/tracks';
import type { TableRow, TableSpec } from '../tables/table-state';
import type { NegativeRow } from './negatives';

export const NEGATIVES_COLUMNS = [
	{ key: 'what', label: 'What was tried', numeric: false },
	{ key: 'date', label: 'Date', numeric: false },
	{ key: 'track', label: 'Track', numeric: false },
	{ key: 'shape', label: 'How it ran', numeric: false },
	{ key: 'result', label: 'Result', numeric: true },
	{ key: 'delta', label: 'Against reference', numeric: true },
	{ key: 'reason', label: 'Why it failed', numeric: false },
	{ key: 'settings', label: 'Keep off', numeric: false },
	{ key: 'links', label: 'Note and data', numeric: false },
] as const;

export const NEGATIVES_SPEC: TableSpec = {
	filters: ['track', 'engine', 'reason'],
	columns: NEGATIVES_COLUMNS.filter((column) => column.key !== 'links').map((column) => column.key),
	numeric: ['result', 'delta'],
};

export function negativesTableRow(row: NegativeRow, tracks: readonly Track[]): TableRow {
	const track = row.track ? trackLabel(row.track, tracks) : 'Unclassified';
	return {
		id: row.id,
		sort: {
			what: row.what,
			date: row.date ?? null,
			track,
			shape: row.shape,
			result: row.resultValue ?? null,
			delta: row.delta ?? null,
			reason: row.reasonCategory,
			settings: row.settings.join(' '),
		},
		// One option per engine however its name is cased ("vllm" in data JSON, "vLLM" in notes), as comparisons do.
		filters: { track, engine: row.engine.toLowerCase(), reason: row.reasonCategory },
		search: [row.what, row.reason, track, row.engine, row.settings.join(' '), row.shape].join(' ').toLowerCase(),
	};
}

/**
 * The "How it ran" label in parts, each saying whether it must stay on one line: a shape such as
 * "p512/n1536" (browsers break after its slash); the rest wraps between words.
 */
export function shapeParts(shape: string): Array<{ text: string; whole: boolean }> {
	return shape
		.split(/(\S+\/\S+)/)
		.filter(Boolean)
		.map((text) => ({ text, whole: text.includes('/') }));
}
