/**
 * The search page's view in its address: `?q=fp8&kind=Note&kind=Record`, so a search can be
 * shared, bookmarked and returned to with Back. Facets keep the order of SEARCH_FILTERS and values
 * are sorted, so one view always has one address.
 */
export interface SearchView {
	query: string;
	/** Facet name -> chosen values. */
	filters: Record<string, string[]>;
}

export function viewFromAddress(search: string, filterNames: readonly string[]): SearchView {
	const params = new URLSearchParams(search);
	const filters: Record<string, string[]> = {};
	for (const name of filterNames) {
		const values = params.getAll(name).filter(Boolean);
		if (values.length) filters[name] = [...new Set(values)].sort();
	}
	return { query: params.get('q') ?? '', filters };
}

/** "?q=fp8&kind=Note", or "" for an empty view. */
export function addressOfView(view: SearchView, filterNames: readonly string[]): string {
	const params = new URLSearchParams();
	const query = view.query.trim();
	if (query) params.set('q', query);
	for (const name of filterNames) for (const value of [...new Set(view.filters[name] ?? [])].sort()) params.append(name, value);
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The view with one facet value ticked or unticked. */
export function toggleFilter(view: SearchView, name: string, value: string, chosen: boolean): SearchView {
	const values = new Set(view.filters[name] ?? []);
	if (chosen) values.add(value);
	else values.delete(value);
	const filters = { ...view.filters, [name]: [...values].sort() };
	if (!filters[name].length) delete filters[name];
	return { ...view, filters };
}
