/**
 * The search page's Pagefind (its PagefindUI loads `<bundlePath>pagefind.js`, so this file stands
 * in for Pagefind's own): Pagefind unchanged, except that facet counts come from the site's facet
 * table through the counter the search page installs (src/scripts/search-page.ts,
 * src/lib/site/facet-table.ts says why). Without the counter or the table, Pagefind counts.
 */
import * as pagefind from '../pagefind/pagefind.js';

export * from '../pagefind/pagefind.js';

const counter = () => globalThis.labSearchFacets;

export async function filters() {
	return (await counter()?.totals()) ?? pagefind.filters();
}

export async function search(term, options) {
	const response = await pagefind.search(term, options);
	const counts = response?.results && (await counter()?.count(response.results.map((result) => result.id)));
	return counts ? { ...response, filters: counts } : response;
}
