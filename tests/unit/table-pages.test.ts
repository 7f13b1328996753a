import { describe, expect, it } from 'vitest';
import { laterPages, listItemsPerPage, negativeRowsPerPage, packSections, pageCount, pagePath, pagerLinks, pageRows, rowsPerPage, ROWS_PER_PAGE } from '../../src/lib/tables/pages';
import { pageGroups } from '../../src/lib/notes/index-groups';

describe('static pages of a long table', () => {
	const rows = Array.from({ length: 95 }, (_, index) => index + 1);

	it('splits every row over the pages, none twice and none left out', () => {
		const count = pageCount(rows.length, 40);
		expect(count).toBe(3);
		const seen = Array.from({ length: count }, (_, index) => pageRows(rows, index + 1, 40)).flat();
		expect(seen).toEqual(rows);
		expect(pageRows(rows, 3, 40)).toEqual(rows.slice(80));
	});

	it('has one (empty) page for an empty table', () => {
		expect(pageCount(0, 40)).toBe(1);
		expect(laterPages(1)).toEqual([]);
	});

	it('keeps page 1 at the table address and the rest under page/N/', () => {
		expect(pagePath('records/', 1)).toBe('records/');
		expect(pagePath('records/', 3)).toBe('records/page/3/');
		expect(laterPages(3).map((page) => page.params.page)).toEqual(['2', '3']);
	});

	it('reaches every page by following the pager from page 1', () => {
		const count = 250;
		const reached = new Set([1]);
		const queue = [1];
		while (queue.length) for (const next of pagerLinks(queue.shift()!, count)) if (next && !reached.has(next)) reached.add(next), queue.push(next);
		expect(reached.size).toBe(count);
		expect(pagerLinks(1, count).length).toBeLessThanOrEqual(6);
		expect(pagerLinks(100, count)).toEqual([1, undefined, 98, 99, 100, 101, 102, undefined, 250]);
	});

	it('reads the page size from TABLE_ROWS_PER_PAGE, and refuses a bad one by name', () => {
		expect(rowsPerPage({})).toBe(ROWS_PER_PAGE);
		expect(rowsPerPage({ TABLE_ROWS_PER_PAGE: '2' })).toBe(2);
		expect(() => rowsPerPage({ TABLE_ROWS_PER_PAGE: 'ten' })).toThrow(/TABLE_ROWS_PER_PAGE.*"ten"/);
		expect(() => rowsPerPage({ TABLE_ROWS_PER_PAGE: '0' })).toThrow(/TABLE_ROWS_PER_PAGE/);
	});
});

describe('sections packed into pages (compare like with like)', () => {
	const section = (name: string, count: number) => ({ name, rows: Array.from({ length: count }, (_, index) => `${name}${index}`) });

	it('keeps a section whole on one page when it fits, and starts a new page when it does not', () => {
		const pages = packSections([section('a', 3), section('b', 2), section('c', 4)], (s) => s.rows, 5);
		expect(pages.map((page) => page.map((part) => part.section.name))).toEqual([['a', 'b'], ['c']]);
	});

	it('cuts a section longer than a page into parts, marking the continuations', () => {
		const pages = packSections([section('a', 1), section('big', 7)], (s) => s.rows, 3);
		expect(pages.map((page) => page.map((part) => `${part.section.name}:${part.rows.length}${part.continued ? '+' : ''}`))).toEqual([['a:1'], ['big:3'], ['big:3+'], ['big:1+']]);
		expect(pages.flat().flatMap((part) => part.rows)).toEqual(['a0', 'big0', 'big1', 'big2', 'big3', 'big4', 'big5', 'big6']);
	});

	it('gives one empty page when there is nothing to show', () => {
		expect(packSections([], (s: { rows: string[] }) => s.rows, 3)).toEqual([[]]);
	});
});

describe('static pages of a grouped index (notes by month, track or outcome; data by kind)', () => {
	const groups = [
		{ key: '2026-05', label: 'May 2026', items: Array.from({ length: 7 }, (_, index) => `may-${index}`) },
		{ key: '2026-04', label: 'April 2026', items: ['apr-0', 'apr-1'] },
		{ key: 'undated', label: 'Undated', items: ['x'] },
	];

	it('puts every item on exactly one page, in order, no page over the size', () => {
		const pages = pageGroups(groups, 4);
		expect(pages.map((page) => page.flatMap((group) => group.items).length)).toEqual([4, 4, 2]);
		expect(pages.flat().flatMap((group) => group.items)).toEqual(groups.flatMap((group) => group.items));
	});

	it('continues a long group on the next page under its heading, with the whole group\'s count', () => {
		const [first, second] = pageGroups(groups, 4);
		expect(first).toEqual([{ key: '2026-05', label: 'May 2026', items: ['may-0', 'may-1', 'may-2', 'may-3'], total: 7, continued: false }]);
		expect(second.map((group) => [group.key, group.total, group.continued, group.items.length])).toEqual([
			['2026-05', 7, true, 3],
			['2026-04', 2, false, 1],
		]);
	});

	it('has one empty page for an empty index, and list pages hold twice a table\'s rows', () => {
		expect(pageGroups([], 40)).toEqual([[]]);
		expect(listItemsPerPage({})).toBe(2 * ROWS_PER_PAGE);
		expect(listItemsPerPage({ TABLE_ROWS_PER_PAGE: '3' })).toBe(6);
	});

	it('pages the negative results a little shorter (heavier rows), never below one row', () => {
		expect(negativeRowsPerPage({})).toBe(10);
		expect(negativeRowsPerPage({ TABLE_ROWS_PER_PAGE: '1' })).toBe(1);
		expect(negativeRowsPerPage({ TABLE_ROWS_PER_PAGE: '6' })).toBe(5);
	});
});
