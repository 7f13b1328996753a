/**
 * The explorer's view (filters, text, sort) and how it reads from and writes to the URL. Kept
 * free of the schema so the browser script stays small.
 */
import { NOT_RECORDED } from '../schema/not-recorded';
import { EXPLORER_COLUMNS, EXPLORER_FILTERS, type ColumnKey, type FilterKey } from './explorer-columns';

/** What the browser needs of a row to filter and sort it. */
export interface FilterableRow {
	id: string;
	sort: Record<ColumnKey, string | number | null>;
	filters: Record<FilterKey, string>;
	search: string;
}

export interface ExplorerState {
	filters: Partial<Record<FilterKey, string>>;
	q: string;
	sort?: ColumnKey;
	dir: 'asc' | 'desc';
}

const FILTER_KEYS = new Set<string>(EXPLORER_FILTERS.map((filter) => filter.key));
const COLUMN_KEYS = new Set<string>(EXPLORER_COLUMNS.map((column) => column.key));

/** The view in a URL query: ?gpuCount=4&warmth=warm&q=moe&sort=output&dir=desc */
export function parseState(search: string): ExplorerState {
	const params = new URLSearchParams(search);
	const filters: ExplorerState['filters'] = {};
	for (const [key, value] of params) if (FILTER_KEYS.has(key) && value) filters[key as FilterKey] = value;
	const sort = params.get('sort');
	return {
		filters,
		q: params.get('q') ?? '',
		sort: sort && COLUMN_KEYS.has(sort) ? (sort as ColumnKey) : undefined,
		dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
	};
}

export function stateToSearch(state: ExplorerState): string {
	const params = new URLSearchParams();
	for (const { key } of EXPLORER_FILTERS) if (state.filters[key]) params.set(key, state.filters[key]!);
	if (state.q) params.set('q', state.q);
	if (state.sort) {
		params.set('sort', state.sort);
		params.set('dir', state.dir);
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The rows the state shows, in its order. Rows without a value for the sort column go last. */
export function visibleRows<T extends FilterableRow>(rows: readonly T[], state: ExplorerState): T[] {
	const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
	const shown = rows.filter(
		(row) =>
			Object.entries(state.filters).every(([key, value]) => row.filters[key as FilterKey] === value) &&
			words.every((word) => row.search.includes(word)),
	);
	if (!state.sort) return shown;
	const column = state.sort;
	const direction = state.dir === 'asc' ? 1 : -1;
	return [...shown].sort((a, b) => {
		const [left, right] = [a.sort[column], b.sort[column]];
		if (left === null || left === '' || left === NOT_RECORDED) return right === null || right === '' || right === NOT_RECORDED ? 0 : 1;
		if (right === null || right === '' || right === NOT_RECORDED) return -1;
		const order = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right), 'en', { numeric: true });
		return order * direction;
	});
}
