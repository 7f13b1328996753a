/**
 * Facet counts for the search page without Pagefind's own counting.
 *
 * Pagefind 1.6 counts every loaded filter on every query by scanning, for each page of each filter
 * value, the whole result list: at 3,000 notes a common word costs 20-25 ms per facet, and the
 * search page's six facets made a warm query 100-190 ms. The counts themselves are cheap: one pass
 * over the results with a table of each page's facet values. The build writes that table from the
 * index Pagefind wrote (its fragments name each page's filters), and the search page counts with it.
 */

/** Each indexed page's filters, as Pagefind's fragment for that page records them. */
export interface IndexedPage {
	/** Pagefind's id for the page: its fragment's name, which is also each search result's `id`. */
	id: string;
	filters: Record<string, string[]>;
}

/**
 * Every facet value once, each page's facet values once per distinct combination: most pages
 * share their kind, track, outcome and month with many others, so the table stays a few bytes a page.
 */
export interface FacetTable {
	/** Facet names, sorted (the order Pagefind's own counts come in). */
	names: string[];
	/** Per facet (same order as names), its values, sorted. */
	values: string[][];
	/** Distinct combinations: flat pairs of [facet index, value index]. */
	combinations: number[][];
	/** Page id -> index into combinations. */
	pages: Record<string, number>;
}

export type FacetCounts = Record<string, Record<string, number>>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildFacetTable(pages: readonly IndexedPage[]): FacetTable {
	const valueSets = new Map<string, Set<string>>();
	for (const page of pages) {
		for (const [name, values] of Object.entries(page.filters)) {
			const set = valueSets.get(name) ?? new Set<string>();
			for (const value of values) set.add(value);
			valueSets.set(name, set);
		}
	}
	const names = [...valueSets.keys()].sort(byText);
	const values = names.map((name) => [...valueSets.get(name)!].sort(byText));
	const valueIndex = names.map((_, facet) => new Map(values[facet].map((value, index) => [value, index])));
	const nameIndex = new Map(names.map((name, index) => [name, index]));

	const combinations: number[][] = [];
	const combinationIndex = new Map<string, number>();
	const table: Record<string, number> = {};
	for (const page of [...pages].sort((a, b) => byText(a.id, b.id))) {
		const pairs: number[] = [];
		for (const name of Object.keys(page.filters).sort(byText)) {
			const facet = nameIndex.get(name)!;
			for (const value of new Set(page.filters[name])) pairs.push(facet, valueIndex[facet].get(value)!);
		}
		const key = pairs.join(',');
		let index = combinationIndex.get(key);
		if (index === undefined) {
			index = combinations.length;
			combinations.push(pairs);
			combinationIndex.set(key, index);
		}
		table[page.id] = index;
	}
	return { names, values, combinations, pages: table };
}

/**
 * How many of the given pages carry each facet value, every value listed (zero included), in
 * the shape Pagefind's `search()` and `filters()` answer with. Ids the table does not know (a
 * page indexed after the table was written cannot happen in one build, but a stale cache can)
 * count for nothing rather than failing the search.
 */
export function countFacets(table: FacetTable, pageIds: Iterable<string>): FacetCounts {
	const tally = table.values.map((values) => new Array<number>(values.length).fill(0));
	for (const id of pageIds) {
		const combination = table.pages[id];
		if (combination === undefined) continue;
		const pairs = table.combinations[combination];
		for (let index = 0; index < pairs.length; index += 2) tally[pairs[index]][pairs[index + 1]] += 1;
	}
	const counts: FacetCounts = {};
	table.names.forEach((name, facet) => {
		counts[name] = Object.fromEntries(table.values[facet].map((value, index) => [value, tally[facet][index]]));
	});
	return counts;
}

/** Every page's facet values counted: what the search page lists before any query. */
export const totalFacets = (table: FacetTable): FacetCounts => countFacets(table, Object.keys(table.pages));

/** Pagefind stores each fragment as gzip of a signature and JSON; this is the JSON's text after the signature. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** A decompressed fragment's page: its filters, or null when the bytes are not a Pagefind fragment. */
export function pageOfFragment(id: string, decompressed: string): IndexedPage | null {
	if (!decompressed.startsWith(PAGEFIND_SIGNATURE)) return null;
	let fragment: unknown;
	try {
		fragment = JSON.parse(decompressed.slice(PAGEFIND_SIGNATURE.length));
	} catch {
		return null;
	}
	const filters = (fragment as { filters?: unknown })?.filters;
	if (!filters || typeof filters !== 'object') return { id, filters: {} };
	const clean: Record<string, string[]> = {};
	for (const [name, values] of Object.entries(filters)) {
		if (Array.isArray(values)) clean[name] = values.filter((value): value is string => typeof value === 'string');
	}
	return { id, filters: clean };
}
