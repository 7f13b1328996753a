/**
 * The search page: Pagefind's UI with the lab's facets as checkboxes, results that show their
 * kind, date and (for records) the labeled headline metric, and a view that lives in the address
 * (?q=...&outcome=negative): "search only negative results" is a link, the box shows the
 * address's query, typing updates the address, and Back returns to the previous query.
 */
import { PagefindUI } from '@pagefind/default-ui';
import '@pagefind/default-ui/css/ui.css';
import { addressOfView, toggleFilter, viewFromAddress, type SearchView } from '../lib/site/search-address';
import { SEARCH_RANKING } from '../lib/site/search-ranking';
import { countFacets, totalFacets, type FacetCounts, type FacetTable } from '../lib/site/facet-table';

/** What public/lab-search/pagefind.js asks for facet counts; null leaves the counting to Pagefind. */
interface FacetCounter {
	totals(): Promise<FacetCounts | null>;
	count(pageIds: string[]): Promise<FacetCounts | null>;
}
declare global {
	var labSearchFacets: FacetCounter | undefined;
}

interface Result {
	meta: Record<string, string>;
	sub_results: Array<{ url: string }>;
	url: string;
}

/** Typing that stops this long is a finished query: the next keystroke starts a new history entry. */
const PAUSE_MS = 700;

const root = document.querySelector<HTMLElement>('[data-lab-search]');
if (root) {
	const base = root.dataset.base ?? '/';
	const filterNames = JSON.parse(root.dataset.filters ?? '[]') as string[];
	const bundlePath = `${base.replace(/\/$/, '')}/lab-search/`;
	let table: Promise<FacetTable | null> | undefined;
	const facetTable = () =>
		(table ??= fetch(`${bundlePath}facets.json`)
			.then((response) => (response.ok ? (response.json() as Promise<FacetTable>) : null))
			.catch(() => null));
	globalThis.labSearchFacets = {
		totals: async () => {
			const loaded = await facetTable();
			return loaded && totalFacets(loaded);
		},
		count: async (pageIds) => {
			const loaded = await facetTable();
			return loaded && countFacets(loaded, pageIds);
		},
	};
	const ui = new PagefindUI({
		element: '#lab-search',
		// Pagefind through the site's stand-in, which counts facets from the build's table.
		bundlePath,
		baseUrl: base,
		showSubResults: true,
		// Pagefind answers a warm query in about 20 ms (npm run bench), so a short pause in typing is
		// enough to search; its default 300 ms wait was most of the time to the first result.
		debounceTimeoutMs: 80,
		showImages: false,
		resetStyles: false,
		openFilters: ['kind', 'outcome'],
		ranking: SEARCH_RANKING,
		processResult: (result: Result) => {
			const details = [result.meta.kind, result.meta.date, result.meta.metric].filter(Boolean);
			if (details.length) result.meta.title = `${result.meta.title} (${details.join(' · ')})`;
			return result;
		},
	});
	const input = root.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
	// The visible label above the box names it (Pagefind's input has only a placeholder).
	if (input) input.id = 'lab-search-input';

	let view: SearchView = viewFromAddress(window.location.search, filterNames);
	/** True when the current history entry holds a finished view; the next change pushes a new one. */
	let settled = true;
	let pause: ReturnType<typeof setTimeout> | undefined;

	const show = (shown: SearchView) => {
		ui.triggerFilters(shown.filters);
		if (input && input.value !== shown.query) {
			// Pagefind's box listens to input events; triggerSearch ignores an empty query.
			input.value = shown.query;
			input.dispatchEvent(new Event('input', { bubbles: true }));
		}
	};

	const record = (next: SearchView, finished: boolean) => {
		view = next;
		const address = `${window.location.pathname}${addressOfView(view, filterNames)}${window.location.hash}`;
		if (address !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
			if (settled) window.history.pushState(null, '', address);
			else window.history.replaceState(null, '', address);
			settled = false;
		}
		clearTimeout(pause);
		if (finished) settled = true;
		else pause = setTimeout(() => (settled = true), PAUSE_MS);
	};

	input?.addEventListener('input', (event) => {
		if (!event.isTrusted) return;
		record({ ...view, query: input.value }, false);
	});
	// Escape and the clear button empty the box without an input event.
	const cleared = () => queueMicrotask(() => input && input.value === '' && view.query !== '' && record({ ...view, query: '' }, true));
	input?.addEventListener('keydown', (event) => event.key === 'Escape' && cleared());
	root.querySelector('.pagefind-ui__search-clear')?.addEventListener('click', cleared);
	root.addEventListener('change', (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || !box.classList.contains('pagefind-ui__filter-checkbox')) return;
		settled = true;
		record(toggleFilter(view, box.name, box.value, box.checked), true);
	});
	window.addEventListener('popstate', () => {
		view = viewFromAddress(window.location.search, filterNames);
		settled = true;
		clearTimeout(pause);
		show(view);
	});

	if (Object.keys(view.filters).length) ui.triggerFilters(view.filters);
	if (view.query) ui.triggerSearch(view.query);
}
