/**
 * Enhances server-rendered tables marked data-enhanced-table: filter menus, a text filter,
 * sortable columns, and a view kept in the URL. Without JavaScript the table is complete and
 * readable as it is. The table's spec and rows come as JSON next to it.
 */
import { parseTableState, tableStateToSearch, visibleTableRows, type TableRow, type TableSpec, type TableState } from '../lib/tables/table-state';

export function enhanceTable(root: HTMLElement): void {
	const spec = JSON.parse(root.querySelector('[data-table-spec]')!.textContent ?? '{}') as TableSpec;
	const rows = JSON.parse(root.querySelector('[data-table-rows]')!.textContent ?? '[]') as TableRow[];
	const form = root.querySelector<HTMLFormElement>('[data-table-controls]')!;
	const body = root.querySelector('tbody')!;
	const count = root.querySelector<HTMLElement>('[data-table-count]')!;
	const noun = root.dataset.noun ?? 'rows';
	const elements = new Map([...body.querySelectorAll<HTMLTableRowElement>('tr[data-id]')].map((row) => [row.dataset.id!, row]));
	let state: TableState = parseTableState(window.location.search, spec);

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
			const key = header.dataset.column!;
			state = { ...state, sort: key, dir: state.sort === key ? (state.dir === 'asc' ? 'desc' : 'asc') : spec.numeric.includes(key) ? 'desc' : 'asc' };
			render();
		});
	}

	const showStateInForm = () => {
		for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')) {
			field.value = field.name === 'q' ? state.q : (state.filters[field.name] ?? '');
		}
	};

	function render(): void {
		const shown = visibleTableRows(rows, state);
		const visible = new Set(shown.map((row) => row.id));
		for (const row of shown) body.append(elements.get(row.id)!);
		for (const [id, element] of elements) element.hidden = !visible.has(id);
		for (const header of headers) {
			header.setAttribute('aria-sort', header.dataset.column === state.sort ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
		}
		count.textContent = `${shown.length} of ${rows.length} ${noun} shown`;
		window.history.replaceState(null, '', `${window.location.pathname}${tableStateToSearch(state, spec)}${window.location.hash}`);
	}

	form.addEventListener('input', () => {
		const filters: Record<string, string> = {};
		for (const key of spec.filters) {
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

for (const root of document.querySelectorAll<HTMLElement>('[data-enhanced-table]')) enhanceTable(root);
