/** Groups for index pages. Every item lands in exactly one group: nothing is dropped. */
export interface Group<T> {
	/** A stable anchor id, e.g. "2026-05", "negative", "qwen-q4-gguf", "undated". */
	key: string;
	label: string;
	items: T[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}

/** Newest month first; undated items last. */
export function groupByMonth<T extends { date?: string }>(items: readonly T[]): Group<T>[] {
	return [...groupBy(items, (item) => item.date?.slice(0, 7) ?? 'undated').entries()]
		.sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)))
		.map(([key, grouped]) => ({
			key,
			label: key === 'undated' ? 'Undated' : `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`,
			items: grouped,
		}));
}

/** Groups in a given order of keys, then any other keys alphabetically, "unclassified" last. */
export function groupByKey<T>(items: readonly T[], keyOf: (item: T) => string | undefined, label: (key: string) => string, order: readonly string[] = []): Group<T>[] {
	const groups = groupBy(items, (item) => keyOf(item) ?? 'unclassified');
	const rank = (key: string) => (key === 'unclassified' ? Number.MAX_SAFE_INTEGER : order.includes(key) ? order.indexOf(key) : order.length);
	return [...groups.entries()]
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([key, grouped]) => ({ key, label: key === 'unclassified' ? 'Unclassified' : label(key), items: grouped }));
}

/** One group's share of a page: its heading says how many the whole group has, and whether it began earlier. */
export interface PagedGroup<T> extends Group<T> {
	total: number;
	continued: boolean;
}

/**
 * Groups cut into pages of at most `size` items, in order: a long group continues on the next page
 * under the same heading. Every item is on exactly one page; no page carries the whole index.
 */
export function pageGroups<T>(groups: readonly Group<T>[], size: number): PagedGroup<T>[][] {
	const pages: PagedGroup<T>[][] = [[]];
	let room = size;
	for (const group of groups) {
		for (let start = 0; start < group.items.length; ) {
			if (room === 0) {
				pages.push([]);
				room = size;
			}
			const items = group.items.slice(start, start + room);
			pages.at(-1)!.push({ key: group.key, label: group.label, items, total: group.items.length, continued: start > 0 });
			start += items.length;
			room -= items.length;
		}
	}
	return pages;
}
