/**
 * Static pages of a long table: the first page at the table's own address, the rest at
 * `<table>/page/N/`. Without JavaScript every row is reached by following the pager; no single
 * page carries every row, so a page stays small however large the lab grows.
 */

/** Rows per static page: small enough for a page under 7 kB of gzip HTML with its Starlight frame. */
export const ROWS_PER_PAGE = 12;

/** Rows per page, or TABLE_ROWS_PER_PAGE when set (tests page a small fixture lab). */
export function rowsPerPage(env: Record<string, string | undefined>): number {
	const raw = env.TABLE_ROWS_PER_PAGE;
	if (raw === undefined || raw === '') return ROWS_PER_PAGE;
	const size = Number(raw);
	if (!Number.isInteger(size) || size < 1) throw new Error(`TABLE_ROWS_PER_PAGE: expected a whole number of rows above 0, got "${raw}"`);
	return size;
}

/**
 * Rows per static page of the negative results: each row carries the candidate's number and the
 * reference it lost to beside the note, about a fifth more than a record row, so five sixths as many.
 */
export function negativeRowsPerPage(env: Record<string, string | undefined>): number {
	return Math.max(1, Math.round((rowsPerPage(env) * 5) / 6));
}

/**
 * Items per static page of a note or data index: a list item is half a table row's weight, so twice
 * a table's rows; TABLE_ROWS_PER_PAGE (for tests) scales it as it scales tables.
 */
export function listItemsPerPage(env: Record<string, string | undefined>): number {
	return 2 * rowsPerPage(env);
}

export function pageCount(total: number, size: number): number {
	return Math.max(1, Math.ceil(total / size));
}

/** The rows of page `number` (1-based). */
export function pageRows<T>(rows: readonly T[], number: number, size: number): T[] {
	return rows.slice((number - 1) * size, number * size);
}

/** The site path of page `number` of the table at `first` ("records/"). */
export function pagePath(first: string, number: number): string {
	return number <= 1 ? first : `${first}page/${number}/`;
}

/** Pages 2..count, as getStaticPaths wants them (page 1 is the table's own address). */
export function laterPages(count: number): Array<{ params: { page: string }; props: { number: number } }> {
	return Array.from({ length: Math.max(0, count - 1) }, (_, index) => ({ params: { page: String(index + 2) }, props: { number: index + 2 } }));
}

/**
 * The pager's links: first, previous, a window around the current page, next and last; a gap is
 * `undefined`. Every page is reachable by following them, and the pager stays short at any size.
 */
export function pagerLinks(current: number, count: number, around = 2): Array<number | undefined> {
	const numbers = new Set([1, count]);
	for (let number = current - around; number <= current + around; number++) if (number >= 1 && number <= count) numbers.add(number);
	const sorted = [...numbers].sort((a, b) => a - b);
	const links: Array<number | undefined> = [];
	for (const [index, number] of sorted.entries()) {
		if (index > 0 && number - sorted[index - 1] > 1) links.push(undefined);
		links.push(number);
	}
	return links;
}

/** A run of rows under one heading on one page: a whole section, or a part of a long one. */
export interface SectionPart<S, R> {
	section: S;
	/** Index of the section in the input, for stable heading ids across pages. */
	index: number;
	rows: R[];
	/** This part continues the section from the page before. */
	continued: boolean;
}

/**
 * Packs sections of rows (the compare page's groups) into pages of at most `size` rows: a section
 * goes whole onto the current page when it fits, else starts a new page; one longer than a page
 * is cut into page-sized parts. Every row lands on exactly one page, in order.
 */
export function packSections<S, R>(sections: readonly S[], rowsOf: (section: S) => readonly R[], size: number): Array<Array<SectionPart<S, R>>> {
	const pages: Array<Array<SectionPart<S, R>>> = [];
	let current: Array<SectionPart<S, R>> = [];
	let filled = 0;
	const flush = () => {
		if (current.length) pages.push(current);
		current = [];
		filled = 0;
	};
	for (const [index, section] of sections.entries()) {
		const rows = rowsOf(section);
		if (filled > 0 && filled + rows.length > size) flush();
		for (let start = 0; start < Math.max(rows.length, 1); start += size) {
			if (start > 0) flush();
			const part = rows.slice(start, start + size);
			current.push({ section, index, rows: part, continued: start > 0 });
			filled += part.length;
		}
	}
	flush();
	return pages.length ? pages : [[]];
}
