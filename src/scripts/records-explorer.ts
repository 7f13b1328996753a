/**
 * Enhances the server-rendered records table: filter menus, text filter, sortable columns, and
 * a view kept in the URL. Without JavaScript the table is complete and readable as it is.
 */
import { EXPLORER_COLUMNS, EXPLORER_FILTERS, type ColumnKey } from '../lib/records/explorer-columns';
import { parseState, stateToSearch, visibleRows, type ExplorerState, type FilterableRow } from '../lib/records/explorer-state';

export function initExplorer(root: HTMLElement): void {
	const rows = JSON.parse(root.querySelector('[data-explorer-rows]')!.textContent ?? '[]') as FilterableRow[];
	const form = root.querySelector<HTMLFormElement>('[data-explorer-controls]')!;
	const body = root.querySelector('tbody')!;
	const count = root.querySelector<HTMLElement>('[data-explorer-count]')!;
	const elements = new Map([...body.querySelectorAll<HTMLTableRowElement>('tr[data-id]')].map((row) => [row.dataset.id!, row]));
	const numeric = new Set<string>(EXPLORER_COLUMNS.filter((column) => column.numeric).map((column) => column.key));
	let state: ExplorerState = parseState(window.location.search);

	// Sort buttons exist only where they work.
	const headers = [...root.querySelectorAll<HTMLTableCellElement>('th[data-column]')];
	for (const header of headers) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'sort-button';
		button.textContent = header.textContent;
		header.textContent = '';
		header.append(button);
		button.addEventListener('click', () => {
			const key = header.dataset.column as ColumnKey;
			state = { ...state, sort: key, dir: state.sort === key ? (state.dir === 'asc' ? 'desc' : 'asc') : numeric.has(key) ? 'desc' : 'asc' };
			render();
		});
	}

	const fields = () => [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')];
	const showStateInForm = () => {
		for (const field of fields()) field.value = field.name === 'q' ? state.q : (state.filters[field.name as keyof ExplorerState['filters']] ?? '');
	};

	function render(): void {
		const shown = visibleRows(rows, state);
		const visible = new Set(shown.map((row) => row.id));
		for (const row of shown) body.append(elements.get(row.id)!);
		for (const [id, element] of elements) element.hidden = !visible.has(id);
		for (const header of headers) {
			header.setAttribute('aria-sort', header.dataset.column === state.sort ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
		}
		count.textContent = `${shown.length} of ${rows.length} records shown`;
		const search = stateToSearch(state);
		window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
	}

	form.addEventListener('input', () => {
		const filters: ExplorerState['filters'] = {};
		for (const { key } of EXPLORER_FILTERS) {
			const value = (form.elements.namedItem(key) as HTMLSelectElement | null)?.value;
			if (value) filters[key] = value;
		}
		state = { ...state, filters, q: (form.elements.namedItem('q') as HTMLInputElement).value };
		render();
	});
	form.addEventListener('reset', () => {
		state = { filters: {}, q: '', sort: undefined, dir: 'desc' };
		window.setTimeout(() => {
			showStateInForm();
			render();
		});
	});
	form.addEventListener('submit', (event) => event.preventDefault());
	form.hidden = false;
	showStateInForm();
	render();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer]')) initExplorer(root);
