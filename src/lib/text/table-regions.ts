/**
 * Tables in the lab's notes can be far wider than the reading column. Each is wrapped in a
 * scroll region of its own (the same `lab-table-wrap` as the site's tables, src/styles/lab.css),
 * so the page never scrolls sideways, and the region is focusable and named after the table's
 * columns, so a keyboard can reach and scroll it (axe: scrollable-region-focusable).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** How many column names the region's name lists. */
const NAMED_COLUMNS = 4;

function textOf(node: ElementContent | RootContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element') return node.children.map(textOf).join('');
	return '';
}

function firstRowHeaders(table: Element): string[] {
	const headers: string[] = [];
	const visit = (node: Element): boolean => {
		if (node.tagName === 'tr') {
			for (const cell of node.children) if (cell.type === 'element' && cell.tagName === 'th') headers.push(textOf(cell).trim());
			return true;
		}
		return node.children.some((child) => child.type === 'element' && child.tagName !== 'table' && visit(child));
	};
	visit(table);
	return headers.filter(Boolean);
}

/** The region's accessible name: "Table: Flag, Value, Result, Decision". */
export function tableRegionName(table: Element): string {
	const headers = firstRowHeaders(table);
	if (headers.length === 0) return 'Table';
	const named = headers.slice(0, NAMED_COLUMNS).join(', ');
	return `Table: ${named}${headers.length > NAMED_COLUMNS ? ', ...' : ''}`;
}

function region(table: Element): Element {
	return {
		type: 'element',
		tagName: 'div',
		properties: { className: ['lab-table-wrap'], tabIndex: 0, role: 'region', ariaLabel: tableRegionName(table) },
		children: [table],
	};
}

/** Wraps every table of the tree (not one already in a region) in a focusable scroll region. */
export function wrapTablesInRegions<T extends Root | Element>(tree: T): T {
	const wrapped = (parent: Root | Element) => {
		parent.children = parent.children.map((child) => {
			if (child.type !== 'element') return child;
			if (child.tagName === 'table') {
				wrapped(child);
				const inRegion = parent.type === 'element' && parent.properties.role === 'region';
				return inRegion ? child : region(child);
			}
			wrapped(child);
			return child;
		}) as typeof parent.children;
	};
	wrapped(tree);
	return tree;
}
