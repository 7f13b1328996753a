/**
 * The search page: Pagefind's UI with the lab's facets as checkboxes, results that show their
 * kind, date and (for records) the labeled headline metric, and a view read from the URL
 * (?q=...&outcome=negative), so "search only negative results" is a link.
 */
import { PagefindUI } from '@pagefind/default-ui';
import '@pagefind/default-ui/css/ui.css';

interface Result {
	meta: Record<string, string>;
	sub_results: Array<{ url: string }>;
	url: string;
}

const root = document.querySelector<HTMLElement>('[data-lab-search]');
if (root) {
	const base = root.dataset.base ?? '/';
	const filterNames = JSON.parse(root.dataset.filters ?? '[]') as string[];
	const ui = new PagefindUI({
		element: '#lab-search',
		bundlePath: `${base.replace(/\/$/, '')}/pagefind/`,
		baseUrl: base,
		showSubResults: true,
		showImages: false,
		resetStyles: false,
		openFilters: ['kind', 'outcome'],
		processResult: (result: Result) => {
			const details = [result.meta.kind, result.meta.date, result.meta.metric].filter(Boolean);
			if (details.length) result.meta.title = `${result.meta.title} (${details.join(' · ')})`;
			return result;
		},
	});
	const params = new URLSearchParams(window.location.search);
	const filters: Record<string, string[]> = {};
	for (const name of filterNames) {
		const values = params.getAll(name);
		if (values.length) filters[name] = values;
	}
	if (Object.keys(filters).length) ui.triggerFilters(filters);
	const query = params.get('q');
	if (query) ui.triggerSearch(query);
}
