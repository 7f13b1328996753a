/**
 * Enhances server-rendered tables marked data-enhanced-table: filter menus, a text filter,
 * sortable columns, and a view kept in the URL. Without JavaScript the table is complete and
 * readable as it is: one static page of rows with a pager to the others. Filters and sorting
 * cover every row: a paged table names its rows file (data-rows-src: every row's markup and its
 * filter and sort values), fetched the first time a view needs rows beyond this page.
 */
import { parseTableState, tableStateToSearch, visibleTableRows, type TableRow, type TableSpec, type TableState } from '../lib/tables/table-state';

interface AllRows {
	rows: TableRow[];
	elements: Map<string, HTMLTableRowElement>;
}

const rowElements = (root: ParentNode) => new Map([...root.querySelectorAll<HTMLTableRowElement>('tr[data-id]')].map((row) => [row.dataset.id!, row]));

async function fetchRows(src: string): Promise<AllRows> {
	const response = await fetch(src);
	if (!response.ok) throw new Error(`${src} answered ${response.status}`);
	const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
	const rows = JSON.parse(doc.querySelector('[data-table-rows]')?.textContent ?? '[]') as TableRow[];
	const elements = rowElements(doc);
	for (const [id, element] of elements) elements.set(id, document.adoptNode(element));
	return { rows, elements };
}

/** A view that shows anything but this page's own rows in their own order. */
const isView = (state: TableState) => Object.keys(state.filters).length > 0 || state.q !== '' || state.sort !== undefined;

export function enhanceTable(root: HTMLElement): void {
	const spec = JSON.parse(root.querySelector('[data-table-spec]')!.textContent ?? '{}') as TableSpec;
	const form = root.querySelector<HTMLFormElement>('[data-table-controls]')!;
	const body = root.querySelector('tbody')!;
	const count = root.querySelector<HTMLElement>('[data-table-count]')!;
	const pager = root.querySelector<HTMLElement>('[data-table-pager]');
	const noun = root.dataset.noun ?? 'rows';
	const src = root.dataset.rowsSrc;
	const pageRows = [...body.querySelectorAll<HTMLTableRowElement>('tr[data-id]')];
	const total = Number(root.dataset.total ?? pageRows.length);
	let all: Promise<AllRows> | undefined;
	const loadAll = () =>
		(all ??= src
			? fetchRows(src)
			: Promise.resolve({ rows: JSON.parse(root.querySelector('[data-table-rows]')?.textContent ?? '[]') as TableRow[], elements: rowElements(body) }));
	let state: TableState = parseTableState(window.location.search, spec);
	let drawing = 0;

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
			void render();
		});
	}

	const showStateInForm = () => {
		for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')) {
			field.value = field.name === 'q' ? state.q : (state.filters[field.name] ?? '');
		}
	};

	async function render(): Promise<void> {
		const ticket = ++drawing;
		for (const header of headers) {
			header.setAttribute('aria-sort', header.dataset.column === state.sort ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none');
		}
		window.history.replaceState(null, '', `${window.location.pathname}${tableStateToSearch(state, spec)}${window.location.hash}`);
		if (pager && !isView(state)) {
			body.replaceChildren(...pageRows);
			pager.hidden = false;
			count.textContent = `${pageRows.length} of ${total} ${noun} on this page`;
			return;
		}
		if (pager) count.textContent = `Loading all ${total} ${noun}...`;
		let loaded: AllRows;
		try {
			loaded = await loadAll();
		} catch (error) {
			all = undefined;
			count.textContent = `Could not load all ${noun} (${(error as Error).message}); this page's rows are shown.`;
			return;
		}
		if (ticket !== drawing) return;
		const shown = visibleTableRows(loaded.rows, state);
		body.replaceChildren(...shown.map((row) => loaded.elements.get(row.id)!));
		if (pager) pager.hidden = true;
		count.textContent = `${shown.length} of ${loaded.rows.length} ${noun} shown`;
	}

	form.addEventListener('input', () => {
		const filters: Record<string, string> = {};
		for (const key of spec.filters) {
			const value = (form.elements.namedItem(key) as HTMLSelectElement | null)?.value;
			if (value) filters[key] = value;
		}
		state = { ...state, filters, q: (form.elements.namedItem('q') as HTMLInputElement).value };
		void render();
	});
	form.addEventListener('reset', () => {
		state = { filters: {}, q: '', sort: undefined, dir: 'desc' };
		window.setTimeout(() => {
			showStateInForm();
			void render();
		});
	});
	form.addEventListener('submit', (event) => event.preventDefault());
	form.hidden = false;
	void fillMenus(form, root.dataset.optionsSrc).then(() => {
		showStateInForm();
		void render();
	});
}

/** Menus whose values live in a JSON file (data-options-src) get them before the view is shown. */
async function fillMenus(form: HTMLFormElement, src: string | undefined): Promise<void> {
	if (!src) return;
	try {
		const response = await fetch(src);
		if (!response.ok) throw new Error(`${src} answered ${response.status}`);
		const options = (await response.json()) as Record<string, string[]>;
		for (const [key, values] of Object.entries(options)) {
			const select = form.elements.namedItem(key);
			if (!(select instanceof HTMLSelectElement)) continue;
			select.append(...values.map((value) => new Option(value, value)));
		}
	} catch (error) {
		form.querySelector<HTMLElement>('[data-table-count]')!.textContent = `Could not load the filter menus (${(error as Error).message}); the text filter and sorting still work.`;
	}
}

for (const root of document.querySelectorAll<HTMLElement>('[data-enhanced-table]')) enhanceTable(root);
