/** Groups dated items by month for index pages; undated items come last, never dropped. */
export interface MonthGroup<T> {
	/** "2026-05" or "undated": stable anchor ids. */
	key: string;
	label: string;
	items: T[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function groupByMonth<T extends { date?: string }>(items: readonly T[]): MonthGroup<T>[] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = item.date?.slice(0, 7) ?? 'undated';
		groups.set(key, [...(groups.get(key) ?? []), item]);
	}
	return [...groups.entries()]
		.sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)))
		.map(([key, grouped]) => ({
			key,
			label: key === 'undated' ? 'Undated' : `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`,
			items: grouped,
		}));
}
