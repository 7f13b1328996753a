/**
 * What each page tells the search index beyond its text: filters (facets) a reader can tick on
 * the search page, and metadata shown with each result. One place, so every kind of page speaks
 * the same facet names.
 */
import { trackLabel, type Track } from '../lab/tracks';
import { formatFigure, headlineFigure, runContextLabel } from '../records/labels';
import { isRecorded, type LabRecord } from '../schema/record';
import { outcomeOfRecordStatus } from '../lab/status';

export const SEARCH_FILTERS = ['kind', 'track', 'engine', 'outcome', 'cards', 'month'] as const;

export interface SearchFacets {
	filters: Array<[string, string]>;
	meta: Array<[string, string]>;
}

/**
 * A facet value as Pagefind's search UI can show it: the UI writes values into the page as HTML
 * (its filter labels), so a lab's name with `<` in it (a track label from a pull request) would
 * become markup. Angle brackets become look-alike quotes; every other character stays.
 */
export const facetText = (value: string): string => value.replace(/</g, '‹').replace(/>/g, '›');

const facets = (filters: Array<[string, string]>, meta: Array<[string, string]>): SearchFacets => ({
	filters: filters.map(([name, value]) => [name, facetText(value)]),
	meta,
});

const month = (date: string | undefined) => (date ? [['month', date.slice(0, 7)] as [string, string]] : []);


export function documentFacets(kind: 'Note' | 'Write-up', data: { date?: string; track?: string; outcome?: string; engines: string[] }, tracks: readonly Track[]): SearchFacets {
	return facets(
		[
			['kind', kind],
			['track', trackLabel(data.track, tracks)],
			...data.engines.map((engine): [string, string] => ['engine', engine]),
			['outcome', data.outcome ?? 'unclassified'],
			...month(data.date),
		],
		[['kind', kind], ['date', data.date ?? 'undated']],
	);
}

export function recordFacets(record: LabRecord, tracks: readonly Track[]): SearchFacets {
	const outcome = outcomeOfRecordStatus(record.status);
	return facets(
		[
			['kind', 'Record'],
			['track', trackLabel(record.track, tracks)],
			...(isRecorded(record.software.engine.name) ? [['engine', record.software.engine.name] as [string, string]] : []),
			...(outcome ? [['outcome', outcome] as [string, string]] : []),
			...(isRecorded(record.hardware.gpuCount) ? [['cards', `${record.hardware.gpuCount} card${record.hardware.gpuCount === 1 ? '' : 's'}`] as [string, string]] : []),
			...month(record.date),
		],
		[
			['kind', 'Record'],
			['date', record.date],
			['metric', `${formatFigure(headlineFigure(record))} (${runContextLabel(record)})`],
		],
	);
}

export function dataFacets(data: { date?: string; track?: string; outcome?: string }, tracks: readonly Track[]): SearchFacets {
	return facets([['kind', 'Data'], ['track', trackLabel(data.track, tracks)], ['outcome', data.outcome ?? 'unclassified'], ...month(data.date)], [['kind', 'Data'], ['date', data.date ?? 'undated']]);
}

export function recipeFacets(recipe: { track: string }, tracks: readonly Track[]): SearchFacets {
	return facets([['kind', 'Recipe'], ['track', trackLabel(recipe.track, tracks)]], [['kind', 'Recipe']]);
}
