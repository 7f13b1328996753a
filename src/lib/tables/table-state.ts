/**
 * Filtering and sorting of server-rendered tables, with the view kept in the URL. Shared by the
 * records explorer and the negative-results table; free of the schema so browser scripts stay
 * small. Missing values ("", null, "not recorded") always sort last.
 */
export interface TableSpec {
	/** Filter names, each a URL query parameter. */
	filters: readonly string[];
	/** Sortable column names. */
	columns: readonly string[];
	/** Columns sorted largest first on their first click. */
	numeric: readonly string[];
}

export interface TableRow {
	id: string;
	sort: Record<string, string | number | null>;
	filters: Record<string, string>;
	/** Lower-cased text the free-text filter searches. */
	search: string;
}

export interface TableState {
	filters: Record<string, string>;
	q: string;
	sort?: string;
	dir: 'asc' | 'desc';
}

const MISSING = new Set<unknown>([null, undefined, '', 'not recorded']);

export function parseTableState(search: string, spec: TableSpec): TableState {
	const params = new URLSearchParams(search);
	const filters: Record<string, string> = {};
	for (const [key, value] of params) if (spec.filters.includes(key) && value) filters[key] = value;
	const sort = params.get('sort');
	return {
		filters,
		q: params.get('q') ?? '',
		sort: sort && spec.columns.includes(sort) ? sort : undefined,
		dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
	};
}

export function tableStateToSearch(state: TableState, spec: TableSpec): string {
	const params = new URLSearchParams();
	for (const key of spec.filters) if (state.filters[key]) params.set(key, state.filters[key]);
	if (state.q) params.set('q', state.q);
	if (state.sort) {
		params.set('sort', state.sort);
		params.set('dir', state.dir);
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The rows the state shows, in its order. */
export function visibleTableRows<T extends TableRow>(rows: readonly T[], state: TableState): T[] {
	const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
	const shown = rows.filter(
		(row) => Object.entries(state.filters).every(([key, value]) => row.filters[key] === value) && words.every((word) => row.search.includes(word)),
	);
	if (!state.sort) return shown;
	const column = state.sort;
	const direction = state.dir === 'asc' ? 1 : -1;
	return [...shown].sort((a, b) => {
		const [left, right] = [a.sort[column], b.sort[column]];
		if (MISSING.has(left)) return MISSING.has(right) ? 0 : 1;
		if (MISSING.has(right)) return -1;
		const order = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right), 'en', { numeric: true });
		return order * direction;
	});
}

/** The distinct values of each filter, sorted, for the filter menus. */
export function tableFilterOptions(rows: readonly TableRow[], filters: readonly string[]): Record<string, string[]> {
	return Object.fromEntries(
		filters.map((key) => [key, [...new Set(rows.map((row) => row.filters[key]).filter((value) => value !== undefined))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))]),
	);
}
